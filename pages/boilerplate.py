"""Page stage "article", cleaning part: strip what is not the article from a page.

Called by `article.examine_page` before any body is taken from the page, and on
the body lines afterwards. Three pure steps on an lxml tree or on text:

  1. `prune_boilerplate(doc)`: remove scripts, forms, share buttons, "اقرأ أيضا" and
     related-news blocks, comments, ads, newsletters, tag lists and site footers,
     found by tag, by class/id words and by their Arabic headings;
  2. `flatten_layout_tables(doc)`: turn table-based layouts (old sites) into plain
     blocks so extractors read the cells as paragraphs, not as a data table;
  3. `clean_lines(lines, title)`: drop the boilerplate lines that survive inside the
     body (a lone "شارك", "جميع الحقوق محفوظة", a byline or date line, repeats).
"""

from __future__ import annotations

import re

from lxml import etree

_DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "button", "input", "select",
              "textarea", "svg", "video", "audio", "object", "embed", "template")
_SITE_CHROME = ("nav", "aside", "footer")
# Class/id words (split on "-" and "_") that mark boilerplate blocks.
_BOILERPLATE_WORDS = frozenset({
    "share", "sharing", "social", "sharethis", "addthis", "related", "also", "readmore",
    "comment", "comments", "disqus", "respond", "ad", "ads", "adv", "advert", "adverts",
    "advertisement", "banner", "dfp", "sponsor", "sponsored", "newsletter", "subscribe",
    "footer", "breadcrumb", "breadcrumbs", "tags", "tag", "keywords", "popular", "trending",
    "widget", "sidebar", "tools", "toolbar", "print", "promo", "outbrain", "taboola",
    "nav", "menu", "navbar", "topbar", "copyright", "ticker", "breaking", "marquee", "poll",
    "survey", "commentlist", "relatedposts", "sharedaddy",
})
_BOILERPLATE_PAIRS = ("read-also", "read-more", "most-read", "more-news", "more-stories",
                      "author-box", "also-read", "site-header", "comment-", "most-viewed",
                      "latest-news", "news-ticker")
_SPLIT = re.compile(r"[-_\s]+")
# Headings that open a boilerplate block; their block goes with them.
BOILERPLATE_HEADING = re.compile(
    r"^\s*(?:(?:إ|ا)?قر(?:أ|ا)\s+(?:أ|ا)يض(?:ا|اً|ًا)|مواضيع ذات صلة|(?:أ|ا)خبار ذات صلة"
    r"|(?:أ|ا)خبار متعلقة|(?:ال)?(?:أ|ا)كثر (?:قراءة|مشاهدة|تعليقا)|(?:ال)?تعليقات|تعليقات القراء"
    r"|(?:ا|إ)ستفتاء|استطلاع(?: ال)?رأي|(?:آ|ا)خر الأخبار|(?:أ|ا)خبار عاجلة|مقالات ذات صلة"
    r"|(?:أ|ا)ضف تعليق|اترك تعليق|شارك(?: الخبر| المقال)?|تابعونا|وسوم|الكلمات المفتاحية"
    r"|read also|related|comments|share)\b[^\n]{0,30}$",
    re.IGNORECASE)
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:(?:إ|ا)?قر(?:أ|ا)\s+(?:أ|ا)يض|جميع الحقوق محفوظة|حقوق النشر|©|copyright"
    r"|تابعونا على|تابعوا|شارك(?:\s|:|$)|للمزيد من الأخبار|(?:أ|ا)رسل لصديق|طباعة\s*(?:\||$)"
    r"|إعلان\s*$|advertisement|share\b|tweet\b)", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(?:بقلم|كتب|كتبت|إعداد|تحرير|المحرر)\s*[:：]?")
_SHORT_BLOCK = 40  # characters of own (non-link) text a boilerplate block may have


def _class_words(element) -> set[str]:
    value = f"{element.get('class', '')} {element.get('id', '')}".lower()
    words = set(_SPLIT.split(value))
    if any(pair in value for pair in _BOILERPLATE_PAIRS):
        words.add("related")
    return words - {""}


def _is_protected(element, total_chars: int) -> bool:
    """Never drop the block that holds the story itself."""
    if element.tag in ("html", "body", "article", "main"):
        return True
    if element.find(".//h1") is not None or element.find(".//article") is not None:
        return True
    return total_chars > 0 and len(element.text_content()) > 0.5 * total_chars


def _drop(element) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def _own_text_chars(element) -> int:
    links = sum(len(a.text_content().strip()) for a in element.iter("a"))
    return len(" ".join(element.text_content().split())) - links


def _drop_heading_block(heading, total_chars: int) -> None:
    """Drop a boilerplate heading with the box it titles: the largest ancestor whose text
    starts with the heading (a layout table's "comments" row, a sidebar list), or, when
    no box starts with it, its block if that holds little else."""
    words = " ".join(heading.text_content().split())
    box = None
    for ancestor in heading.iterancestors():
        if _is_protected(ancestor, total_chars) or \
                not " ".join(ancestor.text_content().split()).startswith(words):
            break
        box = ancestor
    if box is not None and box.tag not in ("b", "strong", "span", "font", "p"):
        _drop(box)
        return
    block = heading.getparent()
    if block is not None and block.tag not in ("body", "article", "main", "html") \
            and _own_text_chars(block) - len(heading.text_content().strip()) < _SHORT_BLOCK:
        _drop(block)
    else:
        _drop(heading)


def prune_boilerplate(doc) -> None:
    """Remove non-article blocks from `doc` in place (step 1 of the module)."""
    for element in list(doc.iter(*_DROP_TAGS)):
        _drop(element)
    for element in list(doc.iter(etree.Comment)):
        _drop(element)
    body = doc.find(".//body")
    total = len((body if body is not None else doc).text_content())
    for element in list(doc.iter(*_SITE_CHROME)):
        if not _is_protected(element, total):
            _drop(element)
    for element in list(doc.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if _class_words(element) & _BOILERPLATE_WORDS and not _is_protected(element, total):
            _drop(element)
    for element in list(doc.iter("h2", "h3", "h4", "h5", "h6", "b", "strong", "span", "p",
                                 "div", "td", "li", "header")):
        if element.getparent() is None or len(element.text_content()) > 80:
            continue
        if BOILERPLATE_HEADING.match(" ".join(element.text_content().split())):
            _drop_heading_block(element, total)


def _is_layout_table(table) -> bool:
    if table.find(".//table") is not None:
        return True
    return any(len(cell.text_content()) > 150 or len(cell.findall(".//br")) >= 2
               for cell in table.iter("td", "th"))


def flatten_layout_tables(doc) -> int:
    """Turn layout tables into blocks in place (step 2); data tables are kept.
    Returns how many layout tables there were."""
    tables = [t for t in doc.iter("table") if _is_layout_table(t)]
    for table in tables:
        for element in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            element.tag = "div"
            for attribute in ("width", "height", "cellpadding", "cellspacing", "border",
                              "valign", "align", "bgcolor", "colspan", "rowspan"):
                element.attrib.pop(attribute, None)
    return len(tables)


def is_boilerplate_line(line: str, title: str | None = None) -> bool:
    """True for a body line that is chrome, not story (share words, rights, bylines)."""
    if _BOILERPLATE_LINE.match(line):
        return True
    if title and " ".join(line.split()) == " ".join(title.split()):
        return True
    if _BYLINE.match(line) and len(line) < 80:
        return True
    return len(line.split()) <= 2 and not re.search(r"[.!؟?]$", line)


def clean_lines(lines: list[str], title: str | None = None) -> list[str]:
    """The body's paragraphs without boilerplate lines and repeats (step 3)."""
    kept, seen = [], set()
    for line in lines:
        line = " ".join(line.split())
        if not line or line in seen or is_boilerplate_line(line, title):
            continue
        seen.add(line)
        kept.append(line)
    return kept
