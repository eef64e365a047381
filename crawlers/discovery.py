"""Crawl stage "discover": article links out of feeds, sitemaps and listing pages.

Called by the spider (`spiders/news.py`) on each downloaded feed, sitemap or listing
page; pure functions over bytes or an lxml tree, so they are tested without a server.

  * `parse_feed`: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed -> links with dates;
  * `parse_sitemap`: sitemap indexes, url sets and Google News sitemaps (gzipped too)
    -> child sitemaps or links, with `lastmod` / `news:publication_date`;
  * `listing_links` and `next_page`: article links and the "next page" link of a
    listing or search-results page;
  * `section_links`: the section, category and tag listings a page links to (discovery
    beyond feeds), and `newest_listing_date`: the newest date a listing shows (`--since`
    stops paging once listings are older).
"""

from __future__ import annotations

import json
import re
import struct
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree
from scrapy.utils.gz import gunzip

from pages.dates import find_dates, parse_date
from pages.urls import same_site

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit
_XML_PARSER = {"recover": True, "resolve_entities": False, "no_network": True, "huge_tree": False}
_NEXT_WORDS = re.compile(r"^\s*(?:(?:ال)?(?:صفحة|الصفحة) )?(?:التالي|التالية|اللاحق|اللاحقة|next"
                         r"|older|أخبار أقدم|الأقدم)\b|^\s*(?:»|›|>>?|&gt;)\s*$",
                         re.IGNORECASE)
_SKIP_EXTENSIONS = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp[34]|zip|css|js|xml|rss|ico"
                              r"|docx?|xlsx?)(?:$|\?)", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """A discovered article link, with what the feed or sitemap says about it."""

    url: str
    published: str | None = None  # ISO date when the feed/sitemap gives one
    title: str | None = None


@dataclass(frozen=True)
class SitemapPage:
    """A parsed sitemap: an index lists child sitemaps, a url set lists pages."""

    is_index: bool
    links: list[Link]


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(element, *names: str) -> str | None:
    for child in element:
        if _local(child.tag) in names and (child.text or "").strip():
            return child.text.strip()
    return None


def _xml_root(body: bytes):
    body = body.lstrip()
    if not body:
        return None
    try:
        return etree.fromstring(body, etree.XMLParser(**_XML_PARSER))
    except etree.XMLSyntaxError:
        return None


def ungzip(body: bytes) -> bytes:
    """The body itself, or its decompressed form when it is gzip data (*.xml.gz).

    Scrapy's own `gunzip` does the work (it keeps what a truncated stream gave); a stream
    that is not gzip after all, or that would exceed MAX_SITEMAP_BYTES, gives b"".
    """
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        return gunzip(body, max_size=MAX_SITEMAP_BYTES)
    except (OSError, EOFError, ValueError, struct.error):  # ValueError: over max_size
        return b""


# ---------------------------------------------------------------- feeds

def parse_feed(body: bytes, base_url: str) -> list[Link]:
    """The article links of an RSS, Atom or JSON feed, in feed order."""
    body = ungzip(body)
    if body.lstrip()[:1] in (b"{", b"["):
        return _parse_json_feed(body, base_url)
    root = _xml_root(body)
    if root is None:
        return []
    links = []
    for element in root.iter():
        name = _local(element.tag)
        if name == "item":
            links.append(_rss_item(element, base_url))
        elif name == "entry":
            links.append(_atom_entry(element, base_url))
    return [link for link in links if link]


def _rss_item(item, base_url: str) -> Link | None:
    url = _child_text(item, "link")
    if not url:
        guid = next((c for c in item if _local(c.tag) == "guid"), None)
        if guid is not None and guid.get("isPermaLink", "true") != "false":
            url = (guid.text or "").strip()
    if not url:
        return None
    published = _child_text(item, "pubdate", "date", "published", "issued")
    return Link(urljoin(base_url, url), parse_date(published), _child_text(item, "title"))


def _atom_entry(entry, base_url: str) -> Link | None:
    links = [c for c in entry if _local(c.tag) == "link" and c.get("href")]
    chosen = next((c for c in links if c.get("rel", "alternate") == "alternate"), None)
    if chosen is None:
        return None
    published = _child_text(entry, "published", "issued", "updated")
    return Link(urljoin(base_url, chosen.get("href").strip()), parse_date(published),
                _child_text(entry, "title"))


def _parse_json_feed(body: bytes, base_url: str) -> list[Link]:
    try:
        data = json.loads(body)
    except ValueError:
        return []
    items = data.get("items", []) if isinstance(data, dict) else []
    return [Link(urljoin(base_url, item["url"]), parse_date(item.get("date_published")),
                 item.get("title")) for item in items
            if isinstance(item, dict) and isinstance(item.get("url"), str)]


# ---------------------------------------------------------------- sitemaps

def parse_sitemap(body: bytes, base_url: str) -> SitemapPage:
    """A sitemap index (child sitemaps) or url set (pages), news sitemaps included."""
    root = _xml_root(ungzip(body))
    if root is None:
        return SitemapPage(False, [])
    is_index = _local(root.tag) == "sitemapindex"
    wanted = "sitemap" if is_index else "url"
    links = []
    for element in root:
        if _local(element.tag) != wanted:
            continue
        url = _child_text(element, "loc")
        if url:
            links.append(Link(urljoin(base_url, url), _sitemap_date(element),
                              _news_field(element, "title")))
    return SitemapPage(is_index, links)


def _news_field(url_element, name: str) -> str | None:
    for child in url_element:
        if _local(child.tag) == "news":
            return _child_text(child, name)
    return None


def _sitemap_date(url_element) -> str | None:
    return parse_date(_news_field(url_element, "publication_date")
                      or _child_text(url_element, "lastmod"))


# ---------------------------------------------------------------- listing pages

def listing_links(hrefs: list[str], page_url: str, is_article_link) -> list[str]:
    """Absolute same-site links of a listing page that `is_article_link` accepts."""
    found = []
    for href in hrefs:
        href = (href or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        url = urljoin(page_url, href).split("#")[0]
        if url != page_url and same_site(url, page_url) and not _SKIP_EXTENSIONS.search(url) \
                and is_article_link(url):
            found.append(url)
    return list(dict.fromkeys(found))


def next_page(anchors: list[tuple[str, str, str]], page_url: str) -> str | None:
    """The "next page" link among (href, text, rel/class) anchors, or None."""
    for href, text, marks in anchors:
        if not href or href.startswith("#"):
            continue
        marks = re.split(r"[\s_-]+", marks.lower())
        if "next" in marks or _NEXT_WORDS.search(" ".join(text.split())):
            url = urljoin(page_url, href)
            if url != page_url and same_site(url, page_url):
                return url
    return None


_SECTION_PATH = re.compile(r"/(?:tags?|categor(?:y|ies)|sections?|topics?|keywords?|قسم|اقسام"
                           r"|أقسام|وسم|وسوم)(?:/|\.|$)", re.IGNORECASE)
_SECTION_QUERY = re.compile(r"(?:^|[?&])(?:sec|section|cat|category|tag|topic)(?:id)?=",
                            re.IGNORECASE)


def section_links(hrefs: list[str], page_url: str, is_article_link) -> list[str]:
    """Same-site links to section, category or tag listings ("/section/local",
    "/tag/x/", "Section.aspx?SecID=2") that are not article links."""
    found = []
    for url in listing_links(hrefs, page_url, lambda url: not is_article_link(url)):
        path, _, query = url.partition("?")
        if _SECTION_PATH.search(path.split("//", 1)[-1]) or _SECTION_QUERY.search("?" + query):
            found.append(url)
    return found


def newest_listing_date(datetimes: list[str], text: str) -> str | None:
    """The newest date on a listing page: its <time datetime> values and written dates."""
    dates = [iso for iso in (parse_date(value) for value in datetimes) if iso]
    dates += [iso for _, iso in find_dates(text)]
    return max(dates, default=None)
