"""Page stage "address": the one canonical form of a URL, the project's one rule for
"the same URL".

Used for every address the crawl meets: the request fingerprinter
(`crawlers/fingerprint.py`, Scrapy's REQUEST_FINGERPRINTER_CLASS, so the scheduler's
duplicate filter, the known-URL check and the Redis frontier all use it), the spider's
`CanonicalUrlMiddleware` (which requests the canonical form), and `article.examine_page`,
whose Article carries the canonical URL the database stores (UNIQUE url). So an article
reached through a feed, a sitemap, a share link with tracking parameters, an AMP page or
a print page is fetched and stored once.

The rules, applied in this order by `canonicalise_url`:
  1. tracking parameters and AMP/print view flags removed (w3lib's `url_query_cleaner`):
     utm_*, fbclid, gclid, ..., `?amp=1`, `?outputType=amp`, `?print=1`, `?output=print`;
  2. w3lib's `canonicalize_url`: scheme and host in lower case, fragment dropped, query
     arguments sorted, percent-encoding made uniform (Arabic slugs written raw or escaped
     compare equal);
  3. our own additions: default port (80/443) dropped; AMP and print paths folded
     (`/amp/...`, `.../amp`, `x.amp.html`, `/print/...`, `.../print`); duplicate slashes
     folded and the trailing slash dropped (except for the root path).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

_TRACKING_PREFIXES = ("utm_", "ga_", "pk_", "mtm_", "hsa_")
_TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "ocid", "cmpid", "wt.mc_id",
    "ref_src", "ref_url", "share", "shared", "s_cid", "at_medium", "at_campaign",
})
_VARIANT_FLAGS = {  # query parameters whose only job is to pick an AMP/print view
    "amp": None, "print": None, "output": {"amp", "print"}, "outputtype": {"amp", "print"},
    "view": {"amp", "print"}, "format": {"amp", "print"},
}
_VARIANT_SEGMENTS = ("amp", "print")
_VARIANT_SUFFIX = re.compile(r"\.(?:amp|print)(\.[a-z0-9]+)$", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SLASHES = re.compile(r"/{2,}")


def canonicalise_url(url: str, *, keep_trailing_slash: bool = False) -> str:
    """The canonical form of `url` (see the module docstring for the rules).

    Args:
        url: an absolute http(s) URL, as found in a page, a feed or a sitemap.
        keep_trailing_slash: skip the last rule; the spider requests this form (a site
            that ends its paths with "/" would answer the bare form with a redirect)
            and keeps the full canonical form as the article's identity.
    Returns:
        The canonical URL; the input unchanged if it is not http(s).
    """
    url = url.strip()
    if urlsplit(url).scheme.lower() not in _DEFAULT_PORTS:
        return url
    noise = [name for name, value in parse_qsl(urlsplit(url).query, keep_blank_values=True)
             if is_tracking_parameter(name) or _is_variant_flag(name, value)]
    if noise:
        url = url_query_cleaner(url, noise, remove=True, unique=False, keep_fragments=True)
    parts = urlsplit(canonicalize_url(url))
    path = _canonical_path(parts.path, keep_trailing_slash)
    return urlunsplit((parts.scheme, _canonical_netloc(parts), path, parts.query, ""))


def _canonical_netloc(parts) -> str:
    """w3lib's netloc without the default port (and without a trailing dot on the host)."""
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port != _DEFAULT_PORTS[parts.scheme]:
        host = f"{host}:{port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    return host


def is_tracking_parameter(name: str) -> bool:
    """True for a query parameter that only says where a click came from."""
    name = name.lower()
    return name in _TRACKING_NAMES or name.startswith(_TRACKING_PREFIXES)


def _is_variant_flag(name: str, value: str) -> bool:
    name = name.lower()
    if name not in _VARIANT_FLAGS:
        return False
    allowed = _VARIANT_FLAGS[name]
    return allowed is None or value.lower() in allowed


def _canonical_path(path: str, keep_trailing_slash: bool) -> str:
    path = _SLASHES.sub("/", path) or "/"
    path = _VARIANT_SUFFIX.sub(r"\1", path)
    had_slash = path.endswith("/")
    segments = path.split("/")
    # "/amp/news/1" and "/news/1/amp" (and the same for print) name the article "/news/1".
    if len(segments) > 2 and segments[1].lower() in _VARIANT_SEGMENTS:
        segments.pop(1)
    while len(segments) > 2 and segments[-1].lower() in _VARIANT_SEGMENTS + ("",):
        segments.pop()
    path = "/".join(segments).rstrip("/") or "/"
    if keep_trailing_slash and had_slash and path != "/":
        return path + "/"
    return path


def same_site(url: str, other: str) -> bool:
    """True when both URLs are on the same host, ignoring a leading "www."."""
    def host(value: str) -> str:
        name = (urlsplit(value).hostname or "").lower()
        return name.removeprefix("www.")
    return host(url) == host(other)


_NOT_ARTICLE_PATH = re.compile(
    r"^/?$|/(?:tags?|categor(?:y|ies)|sections?|authors?|search|page|feed|rss|login|register"
    r"|contact|about|privacy|terms|advertise|subscribe|archive|videos?|photos?|gallery)(?:/|$|\.)",
    re.IGNORECASE)
_ARTICLE_HINT = re.compile(r"\d{4,}|/\d{4}/\d{1,2}/|[^/]+-[^/]+-[^/]+-[^/]+")


def looks_like_article_url(url: str) -> bool:
    """Guess for sources without `article_url`: a long numeric id, a dated path or
    a slug of four or more words, and not a section, tag, feed or service page."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if _NOT_ARTICLE_PATH.search(path):
        return False
    return bool(_ARTICLE_HINT.search(path + ("?" + parts.query if parts.query else "")))
