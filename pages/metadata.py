"""Page stage "article", metadata part: what a page says about itself.

Called by `article.examine_page` (stage 2 of its cascade) on the parsed page before
any boilerplate is pruned. Reads JSON-LD (NewsArticle and friends, inside lists and
`@graph` too), OpenGraph and the usual publication meta tags, and the page type
signals (og:type, JSON-LD @type) the article gate uses. Pure functions over an lxml tree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle", "BlogPosting",
    "Report", "LiveBlogPosting", "ScholarlyArticle", "SatiricalArticle",
})
VIDEO_TYPES = frozenset({"VideoObject", "VideoGallery", "Clip", "Episode"})
LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"})
_DATE_META = (
    "article:published_time", "og:published_time", "article:published", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date",
    "parsely-pub-date", "originalpublicationdate", "cxenseparse:recs:publishtime",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author")


@dataclass(frozen=True)
class PageMeta:
    """Everything the page declares about itself; any field may be empty."""

    title: str | None = None
    published: str | None = None  # as written; dates.parse_date makes it ISO
    author: str | None = None
    site_name: str | None = None
    og_type: str | None = None
    types: frozenset[str] = field(default_factory=frozenset)  # JSON-LD @type values

    @property
    def declares_article(self) -> bool:
        return bool(self.types & ARTICLE_TYPES) or (self.og_type or "") == "article"


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _json_objects(doc) -> list[dict]:
    objects = []
    for script in doc.xpath('//script[contains(translate(@type, "JSONLD", "jsonld"), "ld+json")]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except ValueError:
            continue
        objects.extend(_flatten_json(data))
    return objects


def _flatten_json(data) -> list[dict]:
    if isinstance(data, list):
        return [item for element in data for item in _flatten_json(element)]
    if not isinstance(data, dict):
        return []
    found = [data]
    if isinstance(data.get("@graph"), list):
        found.extend(_flatten_json(data["@graph"]))
    return found


def _types(item: dict) -> set[str]:
    value = item.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return {v.split("/")[-1] for v in values if isinstance(v, str)}


def _person_name(value) -> str | None:
    if isinstance(value, list):
        names = [name for name in (_person_name(v) for v in value) if name]
        return "، ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return _clean(value.get("name"))
    name = _clean(value)
    return None if name and name.startswith("http") else name


def read_json_ld(doc) -> tuple[dict, set[str]]:
    """The first article object in the page's JSON-LD, and every @type seen."""
    article, types = {}, set()
    for item in _json_objects(doc):
        item_types = _types(item)
        types |= item_types
        if not article and item_types & ARTICLE_TYPES:
            article = item
    return article, types


def _meta(doc, names: tuple[str, ...]) -> str | None:
    wanted = {name.lower() for name in names}
    by_name = {}
    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in wanted and key not in by_name and _clean(meta.get("content")):
            by_name[key] = _clean(meta.get("content"))
    return next((by_name[name.lower()] for name in names if name.lower() in by_name), None)


def _time_element(doc) -> str | None:
    for time in doc.xpath('//time[@itemprop="datePublished" or @pubdate]'
                          '|//*[@itemprop="datePublished"][@content or @datetime]'):
        value = time.get("datetime") or time.get("content")
        if _clean(value):
            return _clean(value)
    return None


def read_page_meta(doc) -> PageMeta:
    """Stage 2 of the article cascade: JSON-LD first, then OpenGraph and meta tags."""
    article, types = read_json_ld(doc)
    author = _person_name(article.get("author")) or _meta(doc, _AUTHOR_META)
    if author and author.startswith("http"):
        author = None
    return PageMeta(
        title=_clean(article.get("headline")) or _meta(doc, ("og:title", "twitter:title")),
        published=_clean(article.get("datePublished")) or _clean(article.get("dateCreated"))
        or _meta(doc, _DATE_META) or _time_element(doc),
        author=author,
        site_name=_meta(doc, ("og:site_name", "application-name")),
        og_type=(_meta(doc, ("og:type",)) or "").lower() or None,
        types=frozenset(types),
    )


_SEPARATORS = re.compile(r"\s+[|\-–—:·»«]{1,2}\s+")


def split_title(title: str, site_names: list[str]) -> str:
    """A <title> without the site name: "صوت الخليج - الخبر" -> "الخبر"."""
    parts = [part.strip() for part in _SEPARATORS.split(title) if part.strip()]
    if len(parts) < 2:
        return title.strip()
    names = {" ".join(name.split()) for name in site_names if name}
    kept = [part for part in parts if part not in names]
    if kept and len(kept) < len(parts):
        parts = kept
    elif not kept:
        return title.strip()
    else:  # no known site name: drop the shortest end part (usually the site)
        parts = parts[:-1] if len(parts[-1]) <= len(parts[0]) else parts[1:]
    return " - ".join(parts)
