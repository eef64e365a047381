"""Crawl failures named by kind, for the log and the end-of-crawl summary.

Called by the spider's errback (`NewsSpider.on_error`) for every request that failed
after its retries, and by `crawlers.run` to decide whether the network was down.
"""

from __future__ import annotations

from scrapy import exceptions as scrapy_errors
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer, error

# Failures that say "we could not reach the site", not "the site answered badly".
NETWORK_KINDS = frozenset({"dns", "connection_refused", "timeout", "no_route",
                           "connection_lost", "tls"})



def _scrapy(*names: str) -> tuple[type, ...]:
    """Scrapy's own download exceptions (2.13+ wraps Twisted's in these)."""
    return tuple(getattr(scrapy_errors, name) for name in names if hasattr(scrapy_errors, name))


_BY_TYPE = (
    ((error.DNSLookupError, *_scrapy("CannotResolveHostError")), "dns"),
    ((error.ConnectionRefusedError, *_scrapy("DownloadConnectionRefusedError")),
     "connection_refused"),
    ((error.TimeoutError, error.TCPTimedOutError, defer.TimeoutError,
      *_scrapy("DownloadTimeoutError")), "timeout"),
    ((error.NoRouteError,), "no_route"),
    ((error.ConnectionLost, error.ConnectionDone, error.ConnectError,
      *_scrapy("DownloadFailedError", "ResponseDataLossError")), "connection_lost"),
    (_scrapy("DownloadCancelledError"), "cancelled"),
    (_scrapy("UnsupportedURLSchemeError"), "unsupported_url"),
)


def _web_errors() -> tuple[tuple[type, ...], str] | None:
    try:
        from twisted.web._newclient import ResponseFailed, ResponseNeverReceived
    except ImportError:  # pragma: no cover - private Twisted module moved
        return None
    return (ResponseFailed, ResponseNeverReceived), "connection_lost"


def classify_failure(failure) -> tuple[str, str]:
    """(kind, detail) of a Twisted failure: "http_500", "dns", "timeout", ...

    Args:
        failure: the `twisted.python.failure.Failure` given to an errback.
    Returns:
        A short kind for counting and a one-line detail for the log.
    """
    value = failure.value
    if isinstance(value, HttpError):
        status = value.response.status
        return f"http_{status}", f"HTTP {status}"
    if isinstance(value, IgnoreRequest):
        text = str(value)
        if "robots" in text.lower():
            return "robots_disallowed", text
        return ("already_stored" if "already stored" in text else "ignored"), text
    table = list(_BY_TYPE)
    if (web := _web_errors()):
        table.append(web)
    for types, kind in table:
        if isinstance(value, types):
            return kind, f"{type(value).__name__}: {value}"
    if "ssl" in type(value).__module__.lower() or "SSL" in type(value).__name__:
        return "tls", str(value)
    return type(value).__name__.lower(), str(value)
