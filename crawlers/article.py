"""Crawl stage "article": one downloaded page -> an Article, or None if it is not one.

Called by the spider (`spiders/news.py`) for every page that may be an article, and
usable on its own (tests, the benchmark, re-extraction of saved pages):
`extract_article(page, url, source)` is a pure function of the page's bytes or text.

The cascade is written out in `examine_page`; each stage returns the same `Fields`
record and only fills what the stages before it left empty.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field, fields, replace
from urllib.parse import urljoin, urlsplit

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from crawlers.boilerplate import clean_lines, flatten_layout_tables, prune_boilerplate
from crawlers.charset import declared_encoding, decode_html
from crawlers.dates import first_date, parse_date
from crawlers.metadata import LISTING_TYPES, VIDEO_TYPES, PageMeta, read_page_meta, split_title
from crawlers.sources import Source
from crawlers.urls import canonicalise_url, same_site

logger = logging.getLogger(__name__)

MIN_BODY_CHARS = 200  # shorter bodies are briefs, stubs or empty templates
MIN_BODY_WORDS = 30
MIN_HEADLINE_CHARS = 25  # a link this long is a headline (listing-page signal)
MAX_HEADLINE_LINKS = 5  # a page with more headline links and no article type is a listing
_LISTING_PATH = re.compile(r"/(?:tags?|categor(?:y|ies)|sections?|authors?|writers?|search"
                           r"|archives?|topics?|keywords?)(?:/|\.|$)", re.IGNORECASE)
_VIDEO_PATH = re.compile(r"/(?:videos?|tv|gallery|galleries|photos?|albums?|podcasts?|live)"
                         r"(?:/|\.|$)", re.IGNORECASE)
_SOFT_404 = re.compile(r"الصفحة (?:المطلوبة )?غير موجودة|لم (?:يتم|نتمكن من) العثور على الصفحة"
                       r"|لم نعثر على الصفحة|الصفحة التي تبحث عنها|(?:خطأ|error)\s*404"
                       r"|404\s*[-:]?\s*(?:not found|غير موجود)|page not found", re.IGNORECASE)
_BLOCKS = ("p", "div", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "section")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass(frozen=True)
class Fields:
    """What one stage of the cascade found; every field may be None."""

    title: str | None = None
    published: str | None = None  # ISO "YYYY-MM-DD"
    author: str | None = None
    text: str | None = None  # paragraphs separated by "\n"


@dataclass(frozen=True)
class Article:
    """A news article ready for `timeline.store.store_article`."""

    url: str
    title: str
    text: str
    published: str | None = None
    author: str | None = None
    source: str | None = None
    country: str | None = None
    encoding: str | None = None
    origin: dict[str, str] = field(default_factory=dict)  # field -> stage that filled it


@dataclass(frozen=True)
class Examination:
    """The outcome for one page: an Article, or why it is not one."""

    article: Article | None
    reason: str = ""  # "video", "listing", "error_page", "too_short", ... ("" for articles)


def extract_article(page: bytes | str, url: str, source: Source | None = None, *,
                    content_type: str | None = None) -> Article | None:
    """The article in a page, or None when the page is not an article.

    Args:
        page: the page as downloaded (bytes, decoded here) or as text.
        url: the page's URL (after redirects).
        source: its outlet; gives selectors, encoding and the site name (optional).
        content_type: the HTTP Content-Type header, for its charset (optional).
    Returns:
        The Article, or None for sections, tags, videos, error pages and stubs.
    """
    return examine_page(page, url, source, content_type=content_type).article


def examine_page(page: bytes | str, url: str, source: Source | None = None, *,
                 content_type: str | None = None) -> Examination:
    """Run the cascade on a page and say why it is or is not an article.

    Stages (each fills only what the earlier ones left empty):
      0. decode bytes (source encoding, charset repair) and parse; read the page's
         own metadata; prune boilerplate (share, "اقرأ أيضا", comments, ads, footer);
      1. the source's CSS selectors (title, date, body, author);
      2. structured data: JSON-LD NewsArticle, then OpenGraph and meta tags;
      3. trafilatura on the pruned page, layout tables flattened, for the body;
      4. the page itself: <h1> or <title> minus the site name; htmldate on the markup;
         a date written in Arabic after the headline ("الخميس 31 يوليو 2025");
      5. the gate: video, listing, error and too-short pages are not articles.
    """
    text, encoding = _decode(page, source, content_type)
    doc = _parse(text)
    if doc is None:
        return Examination(None, "unparsable")
    meta = read_page_meta(doc)
    prune_boilerplate(doc)
    found, origin = Fields(), {}
    stages = (("selectors", lambda f: stage_selectors(doc, source)),
              ("structured", lambda f: stage_structured(meta)),
              ("trafilatura", lambda f: stage_trafilatura(doc, url, f)),
              ("page", lambda f: stage_page(doc, text, url, f, _site_names(meta, source))))
    for name, stage in stages:
        found = _fill(found, _run_stage(name, stage, found, url), name, origin)
    reason = _reject_reason(meta, url, found, doc)
    if reason:
        return Examination(None, reason)
    return Examination(_article(url, found, source, encoding, origin))


def _decode(page: bytes | str, source: Source | None, content_type: str | None):
    if isinstance(page, str):
        return page, None
    forced = source.encoding if source else None
    declared = declared_encoding(page, content_type) if content_type else None
    return decode_html(page, declared=declared, forced=forced)


def _parse(text: str):
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def _run_stage(name: str, stage, found: Fields, url: str) -> Fields:
    try:
        return stage(found)
    except Exception as error:  # a failing stage never sinks the page
        logger.warning("article stage %s failed on %s: %s", name, url, error)
        return Fields()


def _fill(found: Fields, new: Fields, stage: str, origin: dict[str, str]) -> Fields:
    updates = {}
    for item in fields(Fields):
        if getattr(found, item.name) is None and getattr(new, item.name):
            updates[item.name] = getattr(new, item.name)
            origin[item.name] = stage
    return replace(found, **updates) if updates else found


def _site_names(meta: PageMeta, source: Source | None) -> list[str]:
    return [name for name in (meta.site_name, source.name if source else None) if name]


# ---------------------------------------------------------------- stage 1: selectors

def stage_selectors(doc, source: Source | None) -> Fields:
    """Stage 1: the source's own CSS selectors, when it has any."""
    if source is None:
        return Fields()
    chosen = source.selectors
    title = _select_text(doc, chosen.title)
    body = _select_body(doc, chosen.body, title)
    return Fields(title=title, published=_select_date(doc, chosen.date),
                  author=_select_text(doc, chosen.author), text=body)


def _select(doc, selector: str | None) -> list:
    return doc.cssselect(selector) if selector else []


def _select_text(doc, selector: str | None) -> str | None:
    for element in _select(doc, selector):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _select_date(doc, selector: str | None) -> str | None:
    for element in _select(doc, selector):
        for value in (element.get("datetime"), element.get("content"), element.text_content()):
            if (iso := parse_date(value)):
                return iso
    return None


def _select_body(doc, selector: str | None, title: str | None) -> str | None:
    lines = [line for element in _select(doc, selector) for line in element_paragraphs(element)]
    return "\n".join(clean_lines(lines, title)) or None


def element_paragraphs(element) -> list[str]:
    """The paragraphs of an element: one per block element or <br><br> run."""
    element = copy.deepcopy(element)
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in element.iter(*_BLOCKS):
        block.text = "\n" + (block.text or "")
        block.tail = "\n" + (block.tail or "")
    return [line.strip() for line in element.text_content().split("\n") if line.strip()]


# ---------------------------------------------------------------- stage 2: structured data

def stage_structured(meta: PageMeta) -> Fields:
    """Stage 2: JSON-LD NewsArticle, then OpenGraph and meta tags (read before pruning)."""
    return Fields(title=meta.title, published=parse_date(meta.published), author=meta.author)


# ---------------------------------------------------------------- stage 3: trafilatura

def stage_trafilatura(doc, url: str, found: Fields) -> Fields:
    """Stage 3: trafilatura's main-text extractor for the body (skipped if stage 1 had one)."""
    if found.text:
        return Fields()
    tree = copy.deepcopy(doc)
    flatten_layout_tables(tree)
    result = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, include_images=False,
        include_links=False, with_metadata=False, deduplicate=False)
    lines = (result.text or "").split("\n") if result is not None else []
    if not lines or sum(len(line) for line in lines) < MIN_BODY_CHARS:
        lines = _baseline_paragraphs(tree) or lines
    return Fields(text="\n".join(clean_lines(lines, found.title)) or None)


def _baseline_paragraphs(tree) -> list[str]:
    """The rescue when trafilatura finds too little: every <p> of some length."""
    return [" ".join(p.text_content().split()) for p in tree.iter("p")
            if len(p.text_content().strip()) >= 40]


# ---------------------------------------------------------------- stage 4: the page itself

def stage_page(doc, text: str, url: str, found: Fields, site_names: list[str]) -> Fields:
    """Stage 4: title from <h1>/<title>; date from htmldate, then Arabic text."""
    title = found.title or _page_title(doc, site_names)
    published = found.published or _htmldate(text, url) or _written_date(doc, title)
    return Fields(title=title, published=published)


def _page_title(doc, site_names: list[str]) -> str | None:
    headings = [" ".join(h.text_content().split()) for h in doc.iter("h1")]
    headings = [h for h in headings if len(h) >= 10 and h not in site_names]
    if len(headings) == 1:
        return headings[0]
    element = doc.find(".//title")
    if element is None or not element.text_content().strip():
        return headings[0] if headings else None
    return split_title(" ".join(element.text_content().split()), site_names)


def _htmldate(text: str, url: str) -> str | None:
    return htmldate.find_date(text, url=url, extensive_search=False, original_date=True)


def _written_date(doc, title: str | None) -> str | None:
    body = doc.find(".//body")
    page_text = " ".join((body if body is not None else doc).text_content().split())
    position = page_text.find(" ".join(title.split())) if title else -1
    return first_date(page_text, after=max(position, 0))


# ---------------------------------------------------------------- stage 5: the gate

def _reject_reason(meta: PageMeta, url: str, found: Fields, doc) -> str:
    """Why the page is not an article ("" when it is one)."""
    path = urlsplit(url).path or "/"
    heading = " ".join(h.text_content() for h in doc.iter("h1"))
    if _SOFT_404.search(f"{found.title or ''} {heading}"):
        return "error_page"
    if not meta.declares_article:
        if (meta.og_type or "").startswith("video") or meta.types & VIDEO_TYPES \
                or _VIDEO_PATH.search(path):
            return "video"
        if meta.types & LISTING_TYPES or _LISTING_PATH.search(path) or path == "/":
            return "listing"
        if _headline_links(doc, url) > MAX_HEADLINE_LINKS or _link_share(doc, found.text) > 0.5:
            return "listing"
    if not found.title:
        return "no_title"
    body = found.text or ""
    if len(body) < MIN_BODY_CHARS or len(body.split()) < MIN_BODY_WORDS:
        return "too_short"
    return ""


def _headline_links(doc, url: str) -> int:
    count = 0
    for link in doc.iter("a"):
        href = link.get("href")
        if href and len(" ".join(link.text_content().split())) >= MIN_HEADLINE_CHARS \
                and same_site(urljoin(url, href), url):
            count += 1
    return count


def _link_share(doc, body: str | None) -> float:
    """The share of the body that is the text of links (headlines on a listing page)."""
    if not body:
        return 0.0
    links = {" ".join(a.text_content().split()) for a in doc.iter("a")}
    linked = sum(len(line) for line in body.split("\n") if line in links)
    return linked / max(len(body), 1)


def _article(url: str, found: Fields, source: Source | None, encoding: str | None,
             origin: dict[str, str]) -> Article:
    return Article(url=canonicalise_url(url), title=found.title, text=found.text,
                   published=found.published, author=found.author,
                   source=source.id if source else None,
                   country=source.country if source else None,
                   encoding=encoding, origin=dict(origin))
