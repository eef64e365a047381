"""Tests for the article cascade (pages/article.py) and its helpers: boilerplate,
charset repair (windows-1256) and Arabic dates, on the fixture pages in tests/sites/."""

import re
from pathlib import Path

import pytest

from crawlers.sources import Selectors, Source
from pages.article import examine_page, extract_article
from pages.boilerplate import clean_lines
from pages.charset import decode_html, looks_garbled
from pages.dates import find_dates, first_date, parse_date

SITES = Path(__file__).parent / "sites"
MODERN = Source(id="khaleej-today", name="الخليج اليوم", country="KW", homepage="http://h/")
OLD = Source(id="sawt", name="صوت الخليج", country="KW", homepage="http://o/")
BOILERPLATE = ("اقرأ أيضا", "اقرأ أيضاً", "شارك", "تويتر", "واتساب", "فيسبوك", "جميع الحقوق",
               "التعليقات", "تعليقات القراء", "أضف تعليقك", "إعلان", "أبو فهد", "خالد:",
               "أخبار ذات صلة", "الأكثر قراءة", "وسوم", "النشرة البريدية", "أرسل لصديق",
               "مساحة إعلانية", "23 نوفمبر 2026")


def page(site: str, name: str) -> bytes:
    return (SITES / site / name).read_bytes()


def assert_clean(text: str) -> None:
    for phrase in BOILERPLATE:  # as a whole word: "يشارك" is news, "شارك" a button
        assert not re.search(rf"(?<!\w){phrase}(?!\w)", text), phrase


@pytest.mark.parametrize("name, title, published, author, paragraphs, first_words", [
    ("news/1001-domestic-workers-ring.html", "ضبط شبكة للاتجار بالعمالة المنزلية في حولي",
     "2025-07-31", "سارة العتيبي", 4, "أعلنت الإدارة العامة للمباحث"),
    ("news/1002-gulf-victims-initiative.html",
     "الكويت تنضم إلى مبادرة خليجية لحماية ضحايا الاتجار بالبشر",
     "2025-07-30", "فريق التحرير", 3, "وقّعت دولة الكويت أمس"),
    ("news/1003-fake-residencies-verdict.html", "الجنايات تقضي بسجن متهمين في قضية إقامات وهمية",
     "2025-07-29", "محمد الشمري", 3, "قضت محكمة الجنايات"),
    ("news/1005-forced-labour-report.html", "تقرير: ارتفاع قضايا العمل القسري في المنطقة",
     "2025-07-27", "ليلى حسن", 4, "رصد تقرير صادر"),
])
def test_article_modern_layout(name, title, published, author, paragraphs, first_words):
    article = extract_article(page("modern", name), f"http://h/{name}?utm_source=x", MODERN)
    assert article.title == title
    assert article.published == published
    assert article.author == author
    assert article.url == f"http://h/{name}"
    lines = article.text.split("\n")
    assert len(lines) == paragraphs
    assert lines[0].startswith(first_words)
    assert_clean(article.text)
    assert article.origin == {"title": "structured", "published": "structured",
                              "author": "structured", "text": "trafilatura"}


@pytest.mark.parametrize("name, title, published, first_words", [
    ("2001.htm", "القبض على مكتب استقدام وهمي في الفروانية", "2025-07-31", "ألقت الأجهزة الأمنية"),
    ("2002.htm", "الشؤون تغلق دار إيواء مخالفة للشروط", "2025-07-30", "أغلقت وزارة الشؤون"),
    ("2003.htm", "مطالبات نيابية بتشديد عقوبات تجارة الإقامات", "2025-07-28", "طالب عدد من النواب"),
    ("2004.htm", "دراسة: عاملات المنازل أكثر الفئات عرضة للاستغلال", "2025-07-27", "خلصت دراسة ميدانية"),
])
def test_article_old_table_layout_in_windows_1256(name, title, published, first_words):
    raw = page("old", f"articles/{name}")
    # Served with a wrong charset: the declared one must not win.
    article = extract_article(raw, "http://o/show.asp?id=1", OLD,
                              content_type="text/html; charset=utf-8")
    assert article.encoding == "cp1256"
    assert article.title == title
    assert article.published == published  # written in Arabic after the headline only
    lines = article.text.split("\n")
    assert len(lines) == 3 and lines[0].startswith(first_words)
    assert_clean(article.text)
    assert article.origin["published"] == "page"


def test_article_selectors_come_first():
    source = Source(id="sawt", name="صوت الخليج", country="KW", homepage="http://o/",
                    selectors=Selectors(title="td.title", date="td.date", body="td.text"))
    article = extract_article(page("old", "articles/2004.htm"), "http://o/show.asp?id=4", source)
    assert article.origin == {"title": "selectors", "published": "selectors", "text": "selectors"}
    assert article.published == "2025-07-27"
    assert article.text.count("\n") == 2


def test_article_same_story_on_both_sites_has_the_same_body():
    modern = extract_article(page("modern", "news/1007-kuna-workshop.html"), "http://h/1007", MODERN)
    old = extract_article(page("old", "articles/2005.htm"), "http://o/show.asp?id=2005", OLD)
    assert modern.text == old.text
    assert modern.published == old.published == "2025-07-26"


@pytest.mark.parametrize("site, name, url, reason", [
    ("modern", "news/1010-shelter-video.html", "http://h/news/1010-shelter-video.html", "video"),
    ("modern", "news/1999-missing.html", "http://h/news/1999-missing.html", "error_page"),
    ("modern", "section/gulf.html", "http://h/section/gulf.html", "listing"),
    ("modern", "tag/trafficking.html", "http://h/tag/trafficking.html", "listing"),
    ("modern", "index.html", "http://h/", "listing"),
    ("modern", "search-1.html", "http://h/results?q=x", "listing"),
    ("old", "index.htm", "http://o/index.htm", "listing"),
    ("old", "articles/2009.htm", "http://o/show.asp?id=2009", "too_short"),
])
def test_article_rejects_pages_that_are_not_articles(site, name, url, reason):
    examination = examine_page(page(site, name), url, MODERN if site == "modern" else OLD)
    assert examination.article is None
    assert examination.reason == reason


@pytest.mark.parametrize("html", ["", "   ", "<?xml version='1.0'?>"])
def test_article_empty_pages(html):
    assert extract_article(html, "http://h/x", MODERN) is None


# ---------------------------------------------------------------- charset

ARABIC = "مكافحة الاتجار بالبشر في الكويت"


@pytest.mark.parametrize("body, declared, forced, encoding", [
    (ARABIC.encode("cp1256"), None, None, "cp1256"),  # nothing declared
    (ARABIC.encode("cp1256"), "utf-8", None, "cp1256"),  # wrong header
    (ARABIC.encode("cp1256"), "iso-8859-1", None, "cp1256"),  # wrong <meta>
    (ARABIC.encode("utf-8"), "windows-1256", None, "utf-8"),  # utf-8 declared as cp1256
    (ARABIC.encode("cp1256"), None, "windows-1256", "cp1256"),  # the source's encoding
    (ARABIC.encode("utf-8"), None, None, "utf-8"),
    ("\ufeff".encode("utf-8") + ARABIC.encode("utf-8"), "cp1256", None, "utf-8"),  # BOM
])
def test_charset_decodes_arabic(body, declared, forced, encoding):
    text, used = decode_html(body, declared=declared, forced=forced)
    assert used == encoding
    assert text == ARABIC


def test_charset_reads_meta_when_nothing_else_is_declared():
    body = b'<meta charset="windows-1256"><p>' + ARABIC.encode("cp1256")
    assert decode_html(body)[1] == "cp1256"


@pytest.mark.parametrize("text, garbled", [
    (ARABIC, False),
    (ARABIC.encode("cp1256").decode("latin-1"), True),
    ("الكويت \ufffd\ufffd", True),
    ("Café au lait, déjà vu", False),
])
def test_charset_spots_mojibake(text, garbled):
    assert looks_garbled(text) is garbled


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("text, expected", [
    ("الخميس 31 يوليو 2025", "2025-07-31"),
    ("٣١ يوليو ٢٠٢٥", "2025-07-31"),
    ("31/7/2025", "2025-07-31"),
    ("31-07-2025", "2025-07-31"),
    ("2025/7/31", "2025-07-31"),
    ("الأحد 27 تموز 2025", "2025-07-27"),
    ("31 تموز (يوليو) 2025", "2025-07-31"),
    ("نُشر في 3 إبريل، 2024", "2024-04-03"),
    ("الثلاثاء 1 تشرين الأول 2024", "2024-10-01"),
    ("15 كانون الثاني 2023", "2023-01-15"),
    ("12 جويلية 2022", "2022-07-12"),
    ("يوليو 31، 2025", "2025-07-31"),
])
def test_dates_arabic_forms(text, expected):
    assert [iso for _, iso in find_dates(text)] == [expected]


@pytest.mark.parametrize("text", [
    "31/2/2025",  # no such day
    "الكويت - 26 - 7 (كونا)",  # dateline without a year
    "القانون رقم 91 لسنة 2013",
])
def test_dates_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text, iso", [
    ("6 صفر 1447 هـ", "2025-07-31"),  # Umm al-Qura calendar
    ("الكويت في ١٢ ربيع الأول ١٤٤٧هـ", "2025-09-04"),
    ("1 رمضان 1446", "2025-03-01"),
])
def test_dates_hijri(text, iso):
    assert [found for _, found in find_dates(text)] == [iso]


def test_dates_first_after_the_headline():
    text = "الأحد 23 نوفمبر 2026 صوت الخليج العنوان هنا الخميس 31 يوليو 2025 تعليق 1 أغسطس 2025"
    assert first_date(text, after=text.index("العنوان")) == "2025-07-31"
    assert first_date(text) == "2026-11-23"


@pytest.mark.parametrize("value, expected", [
    ("2025-07-31T09:15:00+03:00", "2025-07-31"),
    ("2025-07-27T07:00:00Z", "2025-07-27"),
    ("Thu, 31 Jul 2025 09:15:00 +0300", "2025-07-31"),
    ("الخميس 31 يوليو 2025", "2025-07-31"),
    ("not a date", None),
    (None, None),
])
def test_dates_parse_structured_values(value, expected):
    assert parse_date(value) == expected


# ---------------------------------------------------------------- body lines

@pytest.mark.parametrize("line", [
    "اقرأ أيضا: الكويت تنضم إلى مبادرة", "شارك", "شارك: فيسبوك تويتر", "جميع الحقوق محفوظة © 2025",
    "بقلم: سارة العتيبي", "تويتر", "إعلان", "أرسل لصديق | طباعة",
])
def test_boilerplate_lines_are_dropped(line):
    assert clean_lines([line, "أعلنت الوزارة اليوم عن حملة تفتيش جديدة على مكاتب الاستقدام."]) == \
        ["أعلنت الوزارة اليوم عن حملة تفتيش جديدة على مكاتب الاستقدام."]


# ---------------------------------------------------------------- any layout, own date, no junk

OUTLETS = SITES / "outlets"
PROSE = ("أعلنت الهيئة العامة للقوى العاملة اليوم عن إطلاق برنامج جديد لتفتيش مواقع العمل "
         "والتأكد من صرف الأجور في مواعيدها لجميع العمال في القطاع الخاص.")


def test_table_layout_body_is_the_densest_block_not_the_sidebar_or_comments():
    from crawlers.sources import load_sources  # noqa: F401 - the real loader is not needed
    article = extract_article(page("outlets/newspaper", "news/3104.htm"),
                              "http://n/NewsDetails.aspx?NewsID=3104",
                              content_type="text/html; charset=utf-8")
    truth = next(row for row in __import__("json").loads(
        (OUTLETS / "truth" / "newspaper.json").read_text(encoding="utf-8"))
        if row["path"].endswith("3104"))
    assert article.text == truth["text"]
    assert article.title == truth["title"] and article.published == truth["published"]


def test_hijri_only_dateline_gives_the_date_not_a_comment_date():
    article = extract_article(page("outlets/newspaper", "news/3107.htm"),
                              "http://n/NewsDetails.aspx?NewsID=3107")
    assert article.published == "2025-07-29"  # 4 صفر 1447 هـ; the comments say August


@pytest.mark.parametrize("key, published", [("10230", "2025-08-05"), ("10229", "2025-08-05"),
                                            ("10228", "2025-08-04"), ("10224", "2025-07-31")])
def test_agency_page_date_is_its_own_not_ticker_updated_or_related(key, published):
    path = next((OUTLETS / "agency" / "pages").glob(f"{key}.html"))
    article = extract_article(path.read_bytes(), f"http://a/ar/news/x/{key}")
    assert article.published == published
    assert article.origin["published"] in ("structured", "page")


def test_header_time_keeps_its_zone():
    article = extract_article((OUTLETS / "agency" / "pages" / "10229.html").read_bytes(),
                              "http://a/ar/news/x/10229")
    assert article.published_at == "2025-08-05T11:00:00+03:00"


@pytest.mark.parametrize("path, reason", [
    ("/about-us/", "site_page"), ("/contact-us/", "site_page"), ("/privacy-policy/", "site_page"),
    ("/%D9%85%D9%86-%D9%86%D8%AD%D9%86/", "site_page"), ("/Contact.aspx", "site_page"),
    ("/gallery/world-day-2025/", "gallery"), ("/author/admin/", "listing"),
    ("/tag/domestic-work/", "listing"), ("/?s=%D8%A7%D9%84%D8%A7%D8%AA%D8%AC%D8%A7%D8%B1", "listing"),
    ("/404.html", "error_page"), ("/2025/08/04/domestic-workers-contract/", ""),
])
def test_url_reason(path, reason):
    from pages.article import url_reason
    assert url_reason("https://site.example" + path) == reason


def test_site_pages_claiming_og_article_are_not_articles():
    blog = OUTLETS / "blog"
    for folder, reason in (("about-us", "site_page"), ("contact-us", "site_page"),
                           ("gallery/world-day-2025", "gallery")):
        examination = examine_page((blog / folder / "index.html").read_bytes(),
                                   f"https://b.example/{folder}/")
        assert examination.article is None and examination.reason == reason
    # The same About text at an address that says nothing: no date and short, one segment.
    about = (blog / "about-us" / "index.html").read_bytes()
    assert examine_page(about, "https://b.example/our-team/").reason == "site_page"


def test_a_saved_file_is_not_judged_by_its_folder_names(tmp_path):
    body = "".join(f"<p>{PROSE} فقرة {n}.</p>" for n in range(4))
    html = f"<html><body><article><h1>برنامج جديد لتفتيش مواقع العمل</h1>{body}</article></body></html>"
    article = extract_article(html, f"file://{tmp_path}/archive/tag/story.html")
    assert article is not None and article.title == "برنامج جديد لتفتيش مواقع العمل"


def test_too_short_is_judged_on_arabic_words():
    from pages.article import is_too_short
    assert is_too_short("عاجل: " + " ".join(["word"] * 40))  # many words, few Arabic ones
    assert not is_too_short(PROSE + " " + PROSE)
