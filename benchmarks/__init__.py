"""Speed benchmarks: scripts that print figures and assert nothing.

A package of the installed project, so that the console script's `gulf-tip-monitor bench`
(`benchmarks.run`) works outside the checkout too; the others (`bench_crawl.py`,
`bench_dask.py`, `bench_nlp.py`, `score_outlets.py`) serve the fixture sites of `tests/`
and are run from a checkout (`python benchmarks/<script>.py`, `make bench`).
"""
