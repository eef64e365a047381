"""Data files of the project (gazetteers, patterns, training data, samples, Datasette
metadata). A package only so that an installed copy carries them: code finds them through
`core.paths`, never by path arithmetic."""
