"""Crawl identity: when two requests are the same (Scrapy's REQUEST_FINGERPRINTER_CLASS).

Set in crawlers/settings.py. A request is known by its method, its body and its URL in
canonical form (`pages.urls.canonicalise_url`: w3lib's `canonicalize_url` and
`url_query_cleaner` plus the project's AMP/print and slash rules), so a link with
tracking parameters, another parameter order or a fragment is one request. Everything in
the crawl that asks "seen?" asks this module:
  * the scheduler's duplicate filter (Scrapy's `RFPDupeFilter`, kept in JOBDIR on resume)
    and the Redis frontier's filter (`redis_frontier.FrontierDupeFilter`) hash
    `CanonicalFingerprinter.fingerprint`;
  * the known-article check (`middlewares.KnownUrlMiddleware`, `KnownRedirectMiddleware`)
    looks `request_identity` up among the stored URLs, which are canonical too (the
    page cascade stores `canonicalise_url` of the page's address; UNIQUE(url)).
"""

from __future__ import annotations

from scrapy import Request
from scrapy.utils.request import fingerprint

from pages.urls import canonicalise_url


def request_identity(request: Request) -> str:
    """The canonical URL a request stands for (what the database stores for an article)."""
    return canonicalise_url(request.url)


class CanonicalFingerprinter:
    """Scrapy's fingerprint (method, URL, body) taken over the canonical URL."""

    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def fingerprint(self, request: Request) -> bytes:
        return fingerprint(request.replace(url=request_identity(request)))
