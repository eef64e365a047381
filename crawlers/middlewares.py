"""Crawl middlewares, one class per concern, between the spider and the network.

Enabled in crawlers/settings.py. Downloader side (around each download):
  * `RobotsTxtUnreachableMiddleware`: Scrapy's robots.txt check, except that a robots.txt
    that cannot be fetched (a network error, a timeout, the run closing while it
    downloads) fails every request to its site with that error instead of allowing all;
  * `BackoffRetryMiddleware`: Scrapy's retries, waiting longer before each new try
    (RETRY_BACKOFF_BASE * 2**n seconds, at most RETRY_BACKOFF_MAX; Retry-After obeyed);
  * `CharsetRepairMiddleware`: re-decodes pages whose declared charset is wrong or
    missing (windows-1256 sites), using the source's `encoding` when it has one;
  * `KnownRedirectMiddleware`: does not follow a redirect to an article already stored
    (short links such as /news/1003 -> /news/1003-slug.html, every run).
Spider side (on every request the spider yields, start requests included):
  * `CanonicalUrlMiddleware`: requests the canonical URL (no tracking parameters, no
    AMP/print variant) and records the article's identity in meta["canonical_url"];
  * `KnownUrlMiddleware`: drops article requests already stored in the database (unless
    the run refreshes), and counts them.
"Already stored" and "the same request" follow one rule, `crawlers/fingerprint.py`; a
link met twice in one run is dropped by the scheduler's duplicate filter, which hashes
the same canonical form.
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached

from crawlers.fingerprint import request_identity
from pages.charset import declared_encoding, decode_html, normalise_encoding
from pages.urls import canonicalise_url

logger = logging.getLogger(__name__)


class BackoffRetryMiddleware(RetryMiddleware):
    """Retry like Scrapy's RetryMiddleware, with an exponential wait before each try."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.ceiling = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    async def process_response(self, request: Request, response: Response):
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(result, _retry_after(response))
        return result

    async def process_exception(self, request: Request, exception: Exception):
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._wait(result)
        return result

    def delay_for(self, retry: Request, retry_after: float | None = None) -> float:
        """Seconds to wait before sending `retry` (its meta["retry_times"] is 1, 2, ...)."""
        attempt = max(retry.meta.get("retry_times", 1), 1)
        delay = self.base * 2 ** (attempt - 1)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return min(delay, self.ceiling)

    async def _wait(self, retry: Request, retry_after: float | None = None) -> None:
        delay = self.delay_for(retry, retry_after)
        if delay <= 0:
            return
        from twisted.internet import reactor, task

        logger.debug("waiting %.1fs before retrying %s", delay, retry.url)
        await maybe_deferred_to_future(task.deferLater(reactor, delay, lambda: None))


def _retry_after(response: Response) -> float | None:
    value = response.headers.get(b"Retry-After")
    try:
        return float(value) if value else None
    except ValueError:
        return None


class CharsetRepairMiddleware:
    """Give HTML responses the encoding that really decodes them."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        if not _is_html(content_type, response.body) or response.body.isascii():
            return response
        source = getattr(self.crawler.spider, "source", None)
        _, encoding = decode_html(response.body, forced=source.encoding if source else None,
                                  declared=declared_encoding(response.body, content_type))
        if isinstance(response, TextResponse) and \
                normalise_encoding(response.encoding) == encoding:
            return response
        self.crawler.stats.inc_value("news/charset_repaired")
        logger.debug("decoding %s as %s", response.url, encoding)
        return response.replace(cls=HtmlResponse, encoding=encoding)


def _is_html(content_type: str, body: bytes) -> bool:
    content_type = content_type.lower()
    if "html" in content_type:
        return True
    if content_type and not content_type.startswith(("text/plain", "application/octet")):
        return False
    start = body[:512].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start


class RobotsTxtUnreachableMiddleware(RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware, failing closed. Scrapy allows every page of a site
    when its robots.txt download raises; a crawl stopped by --max-pages while robots.txt
    was in flight then let a disallowed page through. Here each request to such a site
    fails with robots.txt's own error (connection refused, DNS, timeout; counted by kind
    like any download error) and nothing of the site is fetched in this run. A robots.txt
    answered with any status (404 included) is still read as Scrapy reads it.

    Every request checks the parser kept for its site, never the value Scrapy's
    `robot_parser` returns: requests that arrive while robots.txt downloads await one
    shared Deferred through `Deferred.asFuture` (asyncio reactor), which consumes its
    result, so in Scrapy 2.19 the third and later of them got None, "allow everything"
    (a resumed crawl sends its whole JOBDIR queue at once: a disallowed page got through)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self._unreachable: dict[str, Exception] = {}  # netloc -> robots.txt's error

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        self._unreachable[netloc] = exc
        logger.info("robots.txt of %s unreachable (%s): nothing of the site is fetched "
                    "this run", netloc, exc.__class__.__name__)
        super()._robots_error(exc, netloc)

    async def robot_parser(self, request: Request):
        netloc = urlparse_cached(request).netloc
        await super().robot_parser(request)  # returns once robots.txt is settled
        error = self._unreachable.get(netloc)
        if error is not None:
            raise error
        return self._parsers[netloc]  # set before the shared Deferred fires


class KnownRedirectMiddleware:
    """Stop a redirect chain that lands on an article the database already has."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if not request.meta.get("redirect_urls") or request.meta.get("news_kind") != "article":
            return
        spider = self.crawler.spider
        if getattr(spider, "refresh", False) or \
                request_identity(request) not in getattr(spider, "known_urls", ()):
            return
        self.crawler.stats.inc_value("news/skipped_known")
        raise IgnoreRequest(f"redirect to an article already stored: {request.url}")


class CanonicalUrlMiddleware(BaseSpiderMiddleware):
    """Request every URL in its canonical form; keep the identity in meta."""

    def get_processed_request(self, request: Request, response: Response | None):
        request.meta["canonical_url"] = request_identity(request)
        wanted = canonicalise_url(request.url, keep_trailing_slash=True)
        if wanted == request.url:
            return request
        self.crawler.stats.inc_value("news/urls_canonicalised")
        return request.replace(url=wanted)


class KnownUrlMiddleware(BaseSpiderMiddleware):
    """Skip articles the database already has (a daily run fetches only what is new).

    Links met twice in one run are the scheduler's duplicate filter's job (same rule:
    `crawlers/fingerprint.py`); this one only knows what earlier runs stored, so that
    they are counted (`skipped_known`) and, on a Redis frontier, shared by every process."""

    def get_processed_request(self, request: Request, response: Response | None):
        if request.meta.get("news_kind") != "article":
            return request
        spider = self.crawler.spider
        known = getattr(spider, "known_urls", ())
        if not getattr(spider, "refresh", False) and request_identity(request) in known:
            self.crawler.stats.inc_value("news/skipped_known")
            return None
        return request
