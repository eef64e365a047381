"""The SQLite side of the pipeline: schema, storage, event merging and exports."""
