"""Tests of timeline.html: the Arabic page, on a real database file, and in headless Chromium.

`build_sample_db` fills a database with a few realistic events (also used for the
README screenshot, docs/timeline.png).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import lxml.html
import pytest

from timeline.html import render_html
from timeline.query import timeline_rows
from timeline.store import store_article

AGENCIES = {
    "kw-moi": ("وزارة الداخلية", "Ministry of Interior (Kuwait)"),
    "unodc": ("مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
              "United Nations Office on Drugs and Crime"),
    "iom": ("المنظمة الدولية للهجرة", "International Organization for Migration"),
    "kw-mofa": ("وزارة الخارجية", "Ministry of Foreign Affairs (Kuwait)"),
    "kw-ncctp": ("اللجنة الوطنية الدائمة لمكافحة الاتجار بالأشخاص وتهريب المهاجرين", None),
}
LAWS = {
    "law:91:2013": ("القانون رقم 91 لسنة 2013", None),
    "untoc": ("اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
              "UN Convention against Transnational Organized Crime"),
}
KUNA = "https://www.kuna.net.kw/ArticleDetails.aspx?id="
ALANBA = "http://www.alanba.com.kw/ar/kuwait-news/1300001/"
LOCAL = "samples/003_741e5b51c8a9a5ab.txt"
# (id, type, date, year, title, agencies, laws, [(url, article title, evidence)]),
# stored out of timeline order on purpose.
SAMPLE_EVENTS = [
    (5, "awareness", "2025-07-30", 2025, "إحياء اليوم العالمي لمكافحة الاتجار بالأشخاص",
     ["iom", "kw-ncctp"], [],
     [(KUNA + "3240001", "الكويت تحيي اليوم العالمي لمكافحة الاتجار",
       "أحيت الكويت اليوم العالمي لمكافحة الاتجار بالأشخاص بحملة توعوية.")]),
    (1, "accession", "2006", 2006,
     "انضمام الكويت إلى اتفاقية مكافحة الجريمة المنظمة وبروتوكوليها", [], ["untoc"],
     [(KUNA + "3210001", "الكويت والاتفاقيات الدولية",
       "انضمت دولة الكويت سنة 2006 إلى اتفاقية الأمم المتحدة وبروتوكوليها.")]),
    (3, "training", "2025-02-06", 2025, "ورشة عمل حول التحقيق في جرائم الاتجار بالأشخاص",
     ["kw-moi", "unodc"], [],
     [(KUNA + "3220001", "ورشة تدريبية لمكافحة الاتجار بالبشر",
       ("افتتحت وزارة الداخلية ورشة عمل بالتعاون مع مكتب الأمم المتحدة "
       "المعني بالمخدرات والجريمة.")),
      (ALANBA, "الداخلية تدرب محققيها", "")]),
    (2, "legislation", "2013", 2013,
     "صدور القانون رقم 91 لسنة 2013 في شأن مكافحة الاتجار بالأشخاص وتهريب المهاجرين",
     [], ["law:91:2013"],
     [(KUNA + "3210002", "قانون مكافحة الاتجار بالأشخاص",
       "صدر القانون رقم 91 لسنة 2013 في شأن مكافحة الاتجار بالأشخاص.")]),
    (4, "strategy", "2025-05-20", 2025,
     "اعتماد الاستراتيجية الوطنية لمكافحة الاتجار بالأشخاص 2025-2028", ["kw-ncctp"], [],
     [(LOCAL, None, "اعتمدت اللجنة الوطنية الدائمة الاستراتيجية الوطنية 2025-2028.")]),
    (6, "agreement", "2018-11-12", 2018, "توقيع مذكرة تفاهم بين الكويت والمنظمة الدولية للهجرة",
     ["iom", "kw-mofa"], [],
     [(KUNA + "3215001", "مذكرة تفاهم مع المنظمة الدولية للهجرة",
       "وقعت وزارة الخارجية مذكرة تفاهم مع المنظمة الدولية للهجرة.")]),
    (7, "meeting", None, None, "اجتماع اللجنة الوطنية الدائمة لمكافحة الاتجار بالأشخاص",
     ["kw-ncctp"], [],
     [(KUNA + "3230001", "اجتماع اللجنة الوطنية", "عقدت اللجنة اجتماعها الدوري.")]),
]
EXPECTED_ORDER = [1, 2, 6, 3, 4, 5, 7]


def add_event(db, event_id, event_type, date, year, title, agencies=(), laws=(), sources=(),
              country="KW"):
    """Insert one event with its entities and sources, as the process stage would."""
    db["events"].insert({"id": event_id, "type": event_type, "date": date, "year": year,
                         "country": country, "title": title, "confidence": 0.9})
    for label, keys, names in (("AGENCY", agencies, AGENCIES), ("LAW", laws, LAWS)):
        for key in keys:
            ar, en = names.get(key, (None, None))
            entity = db["entities"].lookup({"label": label, "key": key},
                                           {"name_ar": ar, "name_en": en})
            db["event_entities"].insert({"event_id": event_id, "entity_id": entity,
                                         "role": label.lower()})
    for n, (url, article_title, evidence) in enumerate(sources):
        article = store_article(db, url=url, title=article_title, source="KUNA",
                                text=f"{title} {evidence} {url}", published=f"2025-08-0{n + 1}")
        db["event_sources"].insert({"event_id": event_id, "article_id": article.article_id,
                                    "evidence": evidence, "start": 0, "end": len(evidence)})


def build_sample_db(db):
    for event in SAMPLE_EVENTS:
        add_event(db, *event)
    return db


@pytest.fixture
def sample_db(db):
    return build_sample_db(db)


def page_of(db, **filters):
    text = render_html(db, timeline_rows(db, **filters))
    return text, lxml.html.fromstring(text)


def test_html_page_is_rtl_arabic_and_self_contained(sample_db):
    text, doc = page_of(sample_db)
    assert text.startswith("<!DOCTYPE html>")
    assert doc.get("lang") == "ar" and doc.get("dir") == "rtl"
    assert doc.xpath("//meta/@charset") == ["utf-8"]
    assert doc.xpath("//title/text()") and doc.xpath("//p[@class='intro']/text()")
    assert not doc.xpath("//link | //script | //img | //iframe | //*[@src]")
    assert "@import" not in text and "url(" not in text


def test_html_groups_years_oldest_first_undated_last(sample_db):
    _, doc = page_of(sample_db)
    assert doc.xpath("//section[@class='year']/h2/text()") == [
        "2006", "2013", "2018", "2025", "غير مؤرخ"]
    ids = [int(e.get("id").split("-")[1]) for e in doc.xpath("//*[@class='event']")]
    assert ids == EXPECTED_ORDER
    in_2025 = doc.xpath("//section[@id='y2025']//*[@class='event']//time/@datetime")
    assert in_2025 == ["2025-02-06", "2025-05-20", "2025-07-30"]


@pytest.mark.parametrize("event_type,arabic,english", [
    ("legislation", "تشريع", "Legislation"), ("accession", "انضمام وتصديق", "Accession"),
    ("training", "تدريب", "Training"), ("awareness", "توعية", "Awareness"),
    ("meeting", "اجتماع", "Meeting"), ("agreement", "اتفاق", "Agreement"),
])
def test_html_event_type_in_arabic_and_english(sample_db, event_type, arabic, english):
    _, doc = page_of(sample_db)
    card, = doc.xpath(f"//*[@class='event'][@data-type='{event_type}']")
    badge = card.xpath(".//span[@class='type']")[0].text_content()
    assert arabic in badge and english in badge
    assert "الكويت" in card.xpath(".//span[@class='country']")[0].text_content()


@pytest.mark.parametrize("event_id,expected", [
    (3, [("وزارة الداخلية", "Ministry of Interior (Kuwait)"),
         ("مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
          "United Nations Office on Drugs and Crime")]),
    (4, [("اللجنة الوطنية الدائمة لمكافحة الاتجار بالأشخاص وتهريب المهاجرين", "kw-ncctp")]),
])
def test_html_agencies_in_both_languages(sample_db, event_id, expected):
    _, doc = page_of(sample_db)
    items = doc.xpath(f"//*[@id='event-{event_id}']//ul[@class='agencies']/li")
    shown = [(li.xpath("./span[1]")[0].text, li.xpath("./span[@lang='en']")[0].text)
             for li in items]
    assert sorted(shown) == sorted(expected)


@pytest.mark.parametrize("event_id,law", [
    (2, "القانون رقم 91 لسنة 2013"), (1, "UN Convention against Transnational Organized Crime")])
def test_html_laws(sample_db, event_id, law):
    _, doc = page_of(sample_db)
    assert law in doc.xpath(f"//*[@id='event-{event_id}']//ul[@class='laws']")[0].text_content()


@pytest.mark.parametrize("event_id,links,texts,evidence", [
    (3, [KUNA + "3220001", ALANBA], [],
     "افتتحت وزارة الداخلية ورشة عمل"),
    (4, [], [LOCAL], "اعتمدت اللجنة الوطنية الدائمة"),
])
def test_html_sources_links_and_evidence(sample_db, event_id, links, texts, evidence):
    _, doc = page_of(sample_db)
    card = doc.xpath(f"//*[@id='event-{event_id}']")[0]
    assert card.xpath(".//ol[@class='sources']//a/@href") == links
    assert card.xpath(".//ol[@class='sources']//span[@class='url']/text()") == texts
    assert card.xpath(".//*[@class='n-sources']/text()") == [str(len(links) + len(texts))]
    assert evidence in card.xpath(".//blockquote[@class='evidence']")[0].text_content()


@pytest.mark.parametrize("evidence", [("الجملة الأولى", "الجملة الثانية")])
def test_html_article_citing_an_event_twice_is_one_source(db, evidence):
    add_event(db, 1, "training", "2024", 2024, "دورة", [], [], [(KUNA + "1", "خبر", evidence[0])])
    db["event_sources"].insert({"event_id": 1, "article_id": 1, "evidence": evidence[1],
                                "start": 90, "end": 104})
    _, doc = page_of(db)
    assert doc.xpath("//ol[@class='sources']//a/@href") == [KUNA + "1"]
    assert doc.xpath("//*[@class='n-sources']/text()") == ["1"]
    assert doc.xpath("//blockquote[@class='evidence']/text()") == [evidence[0]]


@pytest.mark.parametrize("field", ["title", "agency", "evidence", "url"])
def test_html_escapes_everything(db, field):
    bad = '<script>alert("x")</script>'
    url = "javascript:alert(1)" if field == "url" else "https://example.com/a?b=1&c=2"
    title = bad if field == "title" else "حدث"
    agencies = [bad] if field == "agency" else []
    evidence = bad if field == "evidence" else "دليل"
    add_event(db, 1, "meeting", "2024", 2024, title, agencies, [], [(url, None, evidence)])
    text, doc = page_of(db)
    assert "<script" not in text and 'href="javascript' not in text
    if field == "url":
        assert not doc.xpath("//ol[@class='sources']//a")
        assert doc.xpath("//span[@class='url']/text()") == [url]
    else:
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
        assert bad in doc.xpath("//*[@class='event']")[0].text_content()


@pytest.mark.parametrize("filters,expected", [
    ({}, EXPECTED_ORDER), ({"event_type": "training"}, [3]), ({"since": "2025"}, [3, 4, 5])])
def test_html_shows_only_the_rows_given(sample_db, filters, expected):
    _, doc = page_of(sample_db, **filters)
    assert [int(e.get("id")[6:]) for e in doc.xpath("//*[@class='event']")] == expected
    assert len(doc.xpath("//figure[@class='chart']/svg")) == 1


@pytest.mark.parametrize("rows", [[]])
def test_html_empty_timeline(db, rows):
    text = render_html(db, rows)
    doc = lxml.html.fromstring(text)
    assert doc.get("dir") == "rtl" and not doc.xpath("//*[@class='event']")
    assert "لا توجد أحداث" in doc.xpath("//p[@class='empty']")[0].text


# --- in a real browser --------------------------------------------------------------

LAYOUT_SCRIPT = """<script>
(function () {
  function box(el) { var r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return {id: el.id, type: el.dataset.type, width: r.width, height: r.height,
            left: r.left, right: r.right, top: r.top + window.scrollY,
            display: s.display, visibility: s.visibility}; }
  var first = document.querySelector('.event header');
  var out = {direction: getComputedStyle(document.body).direction,
    events: Array.prototype.map.call(document.querySelectorAll('.event'), box),
    years: Array.prototype.map.call(document.querySelectorAll('section.year > h2'),
                                    function (h) { return h.textContent; }),
    chart: box(document.querySelector('figure.chart svg')),
    time: first ? box(first.querySelector('time')) : null,
    badge: first ? box(first.querySelector('.type')) : null};
  var pre = document.createElement('pre');
  pre.id = 'layout-check';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def find_chromium() -> str:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium not found: run `make browser` or apt-get install chromium")


def run_chromium(tmp_path: Path, *args: str) -> str:
    command = [find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}",
               *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("window", ["1200,1600", "420,900"])
def test_html_layout_in_chromium(sample_db, tmp_path, window):
    page = render_html(sample_db, timeline_rows(sample_db))
    checked = tmp_path / "checked.html"
    checked.write_text(page.replace("</body>", LAYOUT_SCRIPT + "</body>"), encoding="utf-8")
    dom = run_chromium(tmp_path, f"--window-size={window}", "--dump-dom", checked.as_uri())
    layout = json.loads(unescape(re.search(r'<pre id="layout-check">(.*?)</pre>', dom, re.DOTALL)[1]))
    assert layout["direction"] == "rtl"
    assert layout["years"] == ["2006", "2013", "2018", "2025", "غير مؤرخ"]
    events = layout["events"]
    assert [int(e["id"][6:]) for e in events] == EXPECTED_ORDER
    for event in events:
        assert event["width"] > 0 and event["height"] > 0, event
        assert event["display"] != "none" and event["visibility"] != "hidden", event
    tops = [e["top"] for e in events]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    assert layout["chart"]["width"] > 0 and layout["chart"]["height"] > 0
    assert layout["time"]["left"] > layout["badge"]["left"]  # the date comes first, at the right


@pytest.mark.parametrize("window", ["1200,1600"])
def test_html_screenshot_in_chromium(sample_db, tmp_path, window):
    page = tmp_path / "timeline.html"
    page.write_text(render_html(sample_db, timeline_rows(sample_db)), encoding="utf-8")
    shot = tmp_path / "timeline.png"
    run_chromium(tmp_path, f"--window-size={window}", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == tuple(int(n) for n in window.split(","))
