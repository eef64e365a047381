"""The page cascade: one fetched page (bytes or text) -> an Article, or why it is not one.

Shared by the crawler (`crawlers/`, for every downloaded page) and local ingest
(`timeline/ingest.py`, for saved HTML files); it imports only `core/`.
Flow: charset.py (bytes -> text) -> metadata.py (JSON-LD, OpenGraph) -> boilerplate.py
(prune) -> article.py (the cascade: selectors, metadata, body readers, page title and
date via dates.py, the gate); urls.py gives every address its one canonical form.
See crawlers/README.md, "How a page becomes an article".
"""
