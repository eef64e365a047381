"""Page stage "article": one downloaded page -> an Article, or None if it is not one.

Called by the crawler's spider (`crawlers/spiders/news.py`) for every page that may be
an article, by local ingest (`timeline/ingest.py`) for saved HTML files, and usable on
its own (tests, the benchmark, re-extraction of saved pages):
`extract_article(page, url, source)` is a pure function of the page's bytes or text.

The cascade is written out in `examine_page`; each stage returns the same `Fields`
record and only fills what the stages before it left empty.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field, fields, replace
from typing import Any, Protocol
from urllib.parse import unquote, urljoin, urlsplit

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from pages.boilerplate import clean_lines, flatten_layout_tables, prune_boilerplate
from pages.charset import declared_encoding, decode_html
from pages.dates import find_dates, first_date, parse_date, parse_timestamp
from pages.metadata import LISTING_TYPES, VIDEO_TYPES, PageMeta, read_page_meta, split_title
from pages.urls import canonicalise_url, same_site

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
# Pages of a site that are never news, whatever their og:type says.
_SITE_PAGE_PATH = re.compile(
    r"/(?:about(?:-?us)?|who-we-are|contact(?:-?us)?|privacy(?:-policy)?|terms(?:-of-\w+)?"
    r"|cookies?(?:-policy)?|advertise|subscribe|login|register|sitemap|من-نحن|عن-\w+"
    r"|اتصل-بنا|تواصل-معنا|سياسة-الخصوصية|الشروط-والأحكام)(?:/|\.|$)", re.IGNORECASE)
_ERROR_PATH = re.compile(r"/(?:404|error|not-found)(?:/|\.|$)", re.IGNORECASE)
_GALLERY_PATH = re.compile(r"/(?:gallery|galleries|photos?|albums?)(?:/|\.|$)", re.IGNORECASE)
_SEARCH_QUERY = re.compile(r"(?:^|&)(?:s|q|query|search|keyword)=", re.IGNORECASE)
SITE_PAGE_MAX_WORDS = 150  # an undated, one-segment page shorter than this is a site page
_BLOCKS = ("p", "div", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "section")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


class Outlet(Protocol):
    """What the cascade reads of an outlet (`crawlers.sources.Source` is one): its id and
    country for the Article, its name (stripped from titles), a forced `encoding`, the
    `article_url` pattern that vouches for an address, and CSS `selectors` (stage 1)."""

    id: str
    name: str
    country: str
    encoding: str | None
    article_url: re.Pattern | None
    selectors: Any  # .title, .date, .body, .author: CSS selectors or None


@dataclass(frozen=True)
class Fields:
    """What one stage of the cascade found; every field may be None."""

    title: str | None = None
    published: str | None = None  # ISO "YYYY-MM-DD"
    author: str | None = None
    text: str | None = None  # paragraphs separated by "\n"
    published_at: str | None = None  # the moment with its zone, when the page gives one


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
    published_at: str | None = None  # "2025-08-06T00:40:00+03:00": time and zone as given


@dataclass(frozen=True)
class Examination:
    """The outcome for one page: an Article, or why it is not one."""

    article: Article | None
    reason: str = ""  # "video", "listing", "error_page", "too_short", ... ("" for articles)


def extract_article(page: bytes | str, url: str, source: Outlet | None = None, *,
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


def examine_page(page: bytes | str, url: str, source: Outlet | None = None, *,
                 content_type: str | None = None) -> Examination:
    """Run the cascade on a page and say why it is or is not an article.

    Stages (each fills only what the earlier ones left empty):
      0. decode bytes (source encoding, charset repair) and parse; read the page's
         own metadata; prune boilerplate (share, "اقرأ أيضا", comments, ads, footer);
      1. the source's CSS selectors (title, date, body, author);
      2. structured data: JSON-LD NewsArticle, then OpenGraph and meta tags;
      3. the body: trafilatura on the pruned page, layout tables flattened; when short
         or on table layouts, the other readers too (recall-favoured trafilatura, the
         densest prose block, every <p>), the best kept (`stage_trafilatura`);
      4. the page itself: <h1> or <title> minus the site name; the date of the header
         <time>, the dateline (Gregorian or Hijri), htmldate, never an update stamp;
      5. the gate: junk by address (site pages, galleries, listings, whatever og:type
         says), then by shape (video, listing, error, undated stub, too short).
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
              ("page", lambda f: stage_page(doc, url, f, _site_names(meta, source))))
    for name, stage in stages:
        found = _fill(found, _run_stage(name, stage, found, url), name, origin)
    if found.text and found.title:  # the headline, once known, is not a body line
        found = replace(found, text="\n".join(clean_lines(found.text.split("\n"), found.title)))
    reason = _reject_reason(meta, url, found, doc, source)
    if reason:
        return Examination(None, reason)
    return Examination(_article(url, found, source, encoding, origin))


def _decode(page: bytes | str, source: Outlet | None, content_type: str | None):
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
    except Exception as error:  # noqa: BLE001 - a failing stage never sinks the page
        logger.warning("article stage %s failed on %s: %s", name, url, error)
        return Fields()


def _fill(found: Fields, new: Fields, stage: str, origin: dict[str, str]) -> Fields:
    updates = {}
    for item in fields(Fields):
        if item.name == "published_at" and "published" not in updates:
            continue  # a moment only with the date it belongs to
        if getattr(found, item.name) is None and getattr(new, item.name):
            updates[item.name] = getattr(new, item.name)
            if item.name != "published_at":  # it goes with `published`
                origin[item.name] = stage
    return replace(found, **updates) if updates else found


def _site_names(meta: PageMeta, source: Outlet | None) -> list[str]:
    return [name for name in (meta.site_name, source.name if source else None) if name]


# ---------------------------------------------------------------- stage 1: selectors

def stage_selectors(doc, source: Outlet | None) -> Fields:
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
    return Fields(title=meta.title, published=parse_date(meta.published), author=meta.author,
                  published_at=parse_timestamp(meta.published))


# ---------------------------------------------------------------- stage 3: the body

def stage_trafilatura(doc, url: str, found: Fields) -> Fields:
    """Stage 3: the body, unless stage 1 found one. trafilatura on the pruned page first;
    when its body is short, or the page is laid out in tables, the other readers too
    (trafilatura favouring recall, the densest text block, every <p>), and the first
    candidate, in that order of trust, that has most of the words any of them found."""
    if found.text:
        return Fields()
    tree = copy.deepcopy(doc)
    tables = flatten_layout_tables(tree)
    first = _trafilatura_lines(tree, url, recall=False)
    if not tables and arabic_words("\n".join(first)) >= MIN_BODY_WORDS \
            and sum(map(len, first)) >= MIN_BODY_CHARS:
        return Fields(text="\n".join(clean_lines(first, found.title)) or None)
    readers = [lambda: first, lambda: _trafilatura_lines(tree, url, recall=True),
               lambda: densest_block(tree), lambda: _baseline_paragraphs(tree)]
    if tables:  # table layouts: the densest block is the most trusted reading
        readers.insert(0, readers.pop(2))
    candidates = [clean_lines(read(), found.title) for read in readers]
    return Fields(text="\n".join(best_candidate(candidates)) or None)


def _trafilatura_lines(tree, url: str, recall: bool) -> list[str]:
    result = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, include_images=False,
        include_links=False, with_metadata=False, deduplicate=False, favor_recall=recall)
    return [line for line in (result.text or "").split("\n")] if result is not None else []


_ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")


def arabic_words(text: str) -> int:
    """How many Arabic words `text` holds (the measure of a body's length)."""
    return len(_ARABIC_WORD.findall(text))


def best_candidate(candidates: list[list[str]]) -> list[str]:
    """The first candidate body with at least 60 % of the most Arabic words any has."""
    counts = [arabic_words("\n".join(lines)) for lines in candidates]
    most = max(counts, default=0)
    for lines, count in zip(candidates, counts):
        if count and count >= 0.6 * most:
            return lines
    return []


_PROSE_WORDS = 8  # a line of at least this many words is prose, not chrome
_INLINE = frozenset({"a", "b", "strong", "i", "em", "u", "font", "span", "small", "big", "br",
                     "sup", "sub", "abbr", "cite", "q", "mark"})


def _is_prose(line: str) -> bool:
    """A sentence-like line: 8 Arabic words or more, ending as a sentence ends (or long);
    headlines, datelines, menus and link rows are not."""
    words = arabic_words(line)
    return words >= _PROSE_WORDS and (words >= 20 or line.rstrip()[-1:] in ".!؟?:»\"…)")


def densest_block(tree) -> list[str]:
    """The paragraphs of the element richest in prose: the words of its prose lines (not
    link text) minus twice the words of its other lines."""
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    best, best_score = None, 0
    for element in _prose_holders(tree):
        lines = element_paragraphs(element)
        prose = sum(len(line.split()) for line in lines if _is_prose(line) and line not in links)
        other = sum(len(line.split()) for line in lines) - prose
        score = prose - 2 * other
        if score > best_score:
            best, best_score = element, score
    if best is None:
        return []
    return [line for line in element_paragraphs(best) if line not in links]


def _prose_holders(tree) -> list:
    """Elements holding a prose line of their own, and their near ancestors."""
    holders = {}
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _INLINE - {"span", "font"}:
            continue
        own = " ".join([element.text or ""] + [child.tail or "" for child in element])
        if len(own.split()) >= _PROSE_WORDS:
            for depth, node in enumerate([element, *element.iterancestors()]):
                if depth > 3 or node.tag in ("body", "html"):
                    break
                holders[id(node)] = node
    return list(holders.values())


def _baseline_paragraphs(tree) -> list[str]:
    """The last resort: every <p> of some length."""
    return [" ".join(p.text_content().split()) for p in tree.iter("p")
            if len(p.text_content().strip()) >= 40]


# ---------------------------------------------------------------- stage 4: the page itself

def stage_page(doc, url: str, found: Fields, site_names: list[str]) -> Fields:
    """Stage 4: title from <h1>/<title>; the date from the page itself, in this order:
    the <time> of the article's header or byline (never an "updated" one; tickers and
    lists were pruned), a date in the dateline under the headline (Gregorian or Hijri),
    htmldate on the pruned page, any date written after the headline."""
    title = found.title or _page_title(doc, site_names)
    if found.published:
        return Fields(title=title)
    page = without_update_stamps(doc)
    moment = header_time(page)
    published = parse_date(moment) or _dateline_date(page, title) or _htmldate(page, url) \
        or _written_date(page, title)
    return Fields(title=title, published=published, published_at=parse_timestamp(moment))


_UPDATED = re.compile(r"updated?|modified|datemodified|edit", re.IGNORECASE)
_UPDATED_TEXT = re.compile(r"(?:آخر|اخر|تاريخ ال)\s*تحديث|تم التحديث|حُ?دّ?ث في|updated|modified"
                           r"|last edited", re.IGNORECASE)
_STAMP_TAGS = ("time", "span", "div", "p", "small", "meta")
DATELINE_CHARS = 300  # how far after the headline a dateline is looked for


def without_update_stamps(doc):
    """A copy of the page without its "last updated" stamps (by class, itemprop, meta name
    such as article:modified_time, or text such as "آخر تحديث")."""
    page = copy.deepcopy(doc)
    for element in list(page.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        marks = f"{element.get('class', '')} {element.get('itemprop', '')}"
        if element.tag == "meta":
            marks = f"{element.get('property', '')} {element.get('name', '')} {marks}"
        own = (element.text or "").strip()
        if (_UPDATED.search(marks) and element.tag in _STAMP_TAGS) \
                or (own and len(own) < 40 and _UPDATED_TEXT.match(own)):
            element.drop_tree()
    return page


def header_time(page) -> str | None:
    """The datetime of the first <time> left in the pruned page (the article header's)."""
    for element in page.iter("time"):
        value = (element.get("datetime") or "").strip()
        if parse_date(value):
            return value
    return None


def _dateline_date(page, title: str | None) -> str | None:
    body = page.find(".//body")
    page_text = " ".join((body if body is not None else page).text_content().split())
    position = page_text.find(" ".join(title.split())) if title else -1
    if position < 0:
        return None
    start = position + len(" ".join(title.split()))
    dates = find_dates(page_text[start:start + DATELINE_CHARS])
    return dates[0][1] if dates else None


def _page_title(doc, site_names: list[str]) -> str | None:
    headings = [" ".join(h.text_content().split()) for h in doc.iter("h1")]
    headings = [h for h in headings if len(h) >= 10 and h not in site_names]
    if len(headings) == 1:
        return headings[0]
    element = doc.find(".//title")
    if element is None or not element.text_content().strip():
        return headings[0] if headings else None
    return split_title(" ".join(element.text_content().split()), site_names)


def _htmldate(page, url: str) -> str | None:
    return htmldate.find_date(copy.deepcopy(page), url=url, extensive_search=False,
                              original_date=True)


def _written_date(doc, title: str | None) -> str | None:
    body = doc.find(".//body")
    page_text = " ".join((body if body is not None else doc).text_content().split())
    position = page_text.find(" ".join(title.split())) if title else -1
    return first_date(page_text, after=max(position, 0))


# ---------------------------------------------------------------- stage 5: the gate

def _reject_reason(meta: PageMeta, url: str, found: Fields, doc,
                   source: Outlet | None = None) -> str:
    """Why the page is not an article ("" when it is one): its address first (site pages,
    listings, galleries, whatever og:type claims), then its shape."""
    path = unquote(urlsplit(url).path) or "/"
    heading = " ".join(h.text_content() for h in doc.iter("h1"))
    if _SOFT_404.search(f"{found.title or ''} {heading}"):
        return "error_page"
    reason = url_reason(url, source)
    if reason:
        return reason
    if not meta.declares_article:
        if (meta.og_type or "").startswith("video") or meta.types & VIDEO_TYPES \
                or _VIDEO_PATH.search(path):
            return "video"
        if meta.types & LISTING_TYPES or _headline_links(doc, url) > MAX_HEADLINE_LINKS:
            return "listing"
    if _link_share(doc, found.text) > 0.5:
        return "listing"
    if not found.title:
        return "no_title"
    body = found.text or ""
    if not found.published and _is_site_page_shape(path, body):
        return "site_page"
    if is_too_short(body):
        return "too_short"
    return ""


def is_too_short(body: str) -> bool:
    """A stub: under 30 Arabic words (a body in another script: under 200 characters or
    30 words)."""
    if _ARABIC_WORD.search(body):
        return arabic_words(body) < MIN_BODY_WORDS
    return len(body) < MIN_BODY_CHARS or len(body.split()) < MIN_BODY_WORDS


def url_reason(url: str, source: Outlet | None = None) -> str:
    """What a page is from its address alone: "site_page" (about, contact, privacy...),
    "error_page", "gallery", "listing" (sections, tags, authors, search), or "" when the
    address may be an article (always "" when it matches the source's `article_url`)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):  # a saved file: its folder names say nothing
        return ""
    if source is not None and source.article_url and source.article_url.search(url):
        return ""
    path = unquote(parts.path) or "/"
    if _SITE_PAGE_PATH.search(path):
        return "site_page"
    if _ERROR_PATH.search(path):
        return "error_page"
    if _GALLERY_PATH.search(path):
        return "gallery"
    if _LISTING_PATH.search(path) or path == "/" or _SEARCH_QUERY.search(parts.query):
        return "listing"
    return ""


def _is_site_page_shape(path: str, body: str) -> bool:
    """An undated page at a one-segment address ("/our-team/") with a short text."""
    segments = [segment for segment in path.split("/") if segment]
    return len(segments) <= 1 and not any(c.isdigit() for c in path) \
        and arabic_words(body) < SITE_PAGE_MAX_WORDS


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


def _article(url: str, found: Fields, source: Outlet | None, encoding: str | None,
             origin: dict[str, str]) -> Article:
    return Article(url=canonicalise_url(url), title=found.title, text=found.text,
                   published=found.published, author=found.author,
                   published_at=found.published_at, source=source.id if source else None,
                   country=source.country if source else None,
                   encoding=encoding, origin=dict(origin))
