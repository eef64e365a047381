"""Charset repair (`pages/charset.py`): the rules a short Arabic page and a source's
configured encoding depend on, each with a case that fails without it.

A page of a few Arabic words in windows-1256 with no charset is too short for a
statistical guess (charset-normalizer reads "<p>وزارة الداخلية</p>" as Hebrew), so the
windows-1256 fallback must come first. A source whose `encoding` is configured (the site
is known to lie or to use an encoding detection gets wrong, here ISO-8859-6) must be
decoded with it, in the charset function, in the downloader middleware and in the article
cascade.
"""

import re

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from crawlers.middlewares import CharsetRepairMiddleware
from crawlers.sources import Source
from pages.article import examine_page
from pages.charset import decode_html

HEBREW = re.compile(r"[\u0590-\u05FF]")
SHORT = "<p>وزارة الداخلية</p>"
PARAGRAPHS = (
    "وزارة الداخلية تكافح الاتجار بالبشر في حملة جديدة شملت عددا من المناطق.",
    ("وقالت الوزارة في بيان إن رجال الأمن ضبطوا شبكة تستقدم العمالة مقابل مبالغ مالية ثم تتركها "
    "بلا عمل ولا أجر، وأحالوا أفرادها إلى النيابة العامة للتحقيق معهم."),
    ("وأضاف البيان أن الضحايا نقلوا إلى مركز الإيواء حيث يتلقون الرعاية الصحية والقانونية "
    "إلى حين عودتهم إلى بلدانهم أو انتقالهم إلى عمل جديد."),
    "ودعت الوزارة كل من لديه معلومات عن مثل هذه الممارسات إلى الإبلاغ عنها عبر الخط الساخن.",
)
ISO_ARABIC = ("<html><head><title>ضبط شبكة للاتجار بالبشر</title></head><body><article>"
              "<h1>ضبط شبكة للاتجار بالبشر</h1>"
              + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")


@pytest.mark.parametrize("declared", [None, "utf-8", "iso-8859-1"])
def test_short_windows_1256_page_decodes_as_arabic_not_hebrew(declared):
    text, encoding = decode_html(SHORT.encode("cp1256"), declared=declared)
    assert text == SHORT
    assert encoding == "cp1256"
    assert not HEBREW.search(text)


def test_configured_encoding_wins_over_detection():
    body = ISO_ARABIC.encode("iso8859_6")
    detected, _ = decode_html(body)
    assert detected != ISO_ARABIC  # detection alone gets this page wrong (windows-1256)
    text, encoding = decode_html(body, forced="ISO-8859-6")
    assert (text, encoding) == (ISO_ARABIC, "iso8859-6")


def test_configured_encoding_wins_over_a_declared_one():
    body = ISO_ARABIC.encode("iso8859_6")
    text, _ = decode_html(body, declared="windows-1256", forced="iso-8859-6")
    assert text == ISO_ARABIC


class _Crawler:
    def __init__(self, source):
        self.spider = type("Spider", (), {"source": source})()
        self.stats = type("Stats", (dict,), {"inc_value": lambda self, k, n=1: None})()


def _source(encoding):
    return Source(id="s", name="s", country="KW", homepage="http://h/", encoding=encoding)


def test_middleware_decodes_with_the_source_encoding():
    body = ISO_ARABIC.encode("iso8859_6")
    response = HtmlResponse("http://h/a", body=body, headers={"Content-Type": "text/html"})
    repaired = CharsetRepairMiddleware(_Crawler(_source("iso-8859-6"))).process_response(
        Request("http://h/a"), response)
    assert "وزارة الداخلية تكافح الاتجار بالبشر" in repaired.text


def test_article_cascade_decodes_with_the_source_encoding():
    body = ISO_ARABIC.encode("iso8859_6")
    examination = examine_page(body, "http://h/news/1", _source("iso-8859-6"),
                               content_type="text/html")
    assert examination.article is not None, examination
    assert "ضبط شبكة للاتجار بالبشر" in examination.article.title
    assert examination.article.encoding == "iso8859-6"


# --- what mutation testing showed unguarded (README, "Mutation testing")

def test_declared_charset_is_used_when_it_decodes_to_natural_text():
    from pages.charset import declared_encoding
    body = ISO_ARABIC.encode("iso8859_6")
    header = declared_encoding(body, "text/html; charset=ISO-8859-6")
    assert header == "iso8859-6"
    assert decode_html(body, declared=header) == (ISO_ARABIC, "iso8859-6")
    meta = b'<meta charset="iso-8859-6">' + body
    assert declared_encoding(meta) == "iso8859-6"
    assert decode_html(meta)[0].endswith(ISO_ARABIC)  # nothing passed: the <meta> is read


def test_header_comes_before_meta():
    from pages.charset import declared_encoding
    body = b'<meta charset="utf-8">' + ISO_ARABIC.encode("iso8859_6")
    assert declared_encoding(body, "text/html; charset=iso-8859-6") == "iso8859-6"
    assert declared_encoding(body, "text/html") == "utf-8"


@pytest.mark.parametrize("label,name", [("windows-1256", "cp1256"), (" 'UTF-8' ", "utf-8"),
                                        ('"iso-8859-6"', "iso8859-6"), ("no-such", None),
                                        ("", None), (None, None)])
def test_normalise_encoding_labels(label, name):
    from pages.charset import normalise_encoding
    assert normalise_encoding(label) == name


def test_a_wrong_configured_encoding_loses_nothing_and_raises_nothing():
    body = SHORT.encode("cp1256")
    text, encoding = decode_html(body, forced="utf-8")  # the config is wrong
    assert encoding == "utf-8" and text.startswith("<p>") and "\ufffd" in text


def test_a_byte_order_mark_names_the_encoding():
    body = "\ufeff".encode("utf-16-le") + SHORT.encode("utf-16-le")
    assert decode_html(body, declared="windows-1256") == (SHORT, "utf-16-le")


def test_a_latin_page_with_no_arabic_goes_to_the_guess():
    page = "<p>Société générale : prix à la pièce, très élevé, déjà payé</p>" * 3
    text, encoding = decode_html(page.encode("latin-1"))
    # charset-normalizer's guess (a Latin code page; which one is its business)
    assert encoding not in ("cp1256", "utf-8") and "\ufffd" not in text
    assert text.startswith("<p>Société g") and len(text) == len(page)


@pytest.mark.parametrize("text,garbled", [
    ("ÇáßæíÊ ÊßÇÝÍ", True),  # windows-1256 read as Latin-1
    ("Café au lait, à la française, très bon et pas cher du tout", False),  # a few accents
    ("", False), ("1234 - 5678", False),
    ("abcde" + "é", False),  # one accent in six letters is natural
])
def test_looks_garbled(text, garbled):
    from pages.charset import looks_garbled
    assert looks_garbled(text) is garbled
