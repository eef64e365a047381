"""Trained models of the pipeline and the code that rebuilds them (`pipeline.py train`)."""
