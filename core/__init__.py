"""The bottom layer, shared by every other package: errors with codes (`errors`), where the
data files live (`paths`) and the fixed vocabulary of the project (`vocabulary`).

It imports nothing of the project, so `crawlers/`, `nlp/`, `timeline/`, `models/` and the
command line can all depend on it without depending on each other.
"""
