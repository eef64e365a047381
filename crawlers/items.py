"""Crawl items: what the spider hands to the item pipelines (spiders/news.py -> pipelines.py).

One `ArticleItem` per page that `article.extract_article` accepted. Its `text` and
`origin` are left out of its repr so dropped-item log lines stay one line long.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticleItem:
    url: str  # canonical URL (pages.urls.canonicalise_url), the article's identity
    fetched_url: str  # the URL the page was answered from, after redirects
    source: str  # source id from sources.toml
    country: str
    title: str
    text: str = field(repr=False)  # paragraphs separated by "\n"
    published: str | None = None  # ISO date
    author: str | None = None
    fetched_at: str | None = None  # ISO 8601 UTC
    encoding: str | None = None
    origin: dict[str, str] = field(default_factory=dict, repr=False)  # field -> cascade stage
    published_at: str | None = None  # the publication moment with its zone, as the page gave it
