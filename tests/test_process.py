"""Processing stored articles into mentions, entities and merged events."""

from nlp.morphology import camel_data_dir
from timeline.process import process_articles
from timeline.query import timeline_rows
from timeline.store import store_article

# Two reports of one signing, written for this test in two outlets' styles.
REPORT_A = (
    "وقعت وزارة الداخلية مذكرة تفاهم مع المنظمة الدولية للهجرة\n"
    "وقعت وزارة الداخلية اليوم الثلاثاء مذكرة تفاهم مع المنظمة الدولية للهجرة لتعزيز التعاون "
    "في مكافحة الاتجار بالأشخاص وحماية الضحايا.\n"
    "وقال وكيل الوزارة إن المذكرة تشمل تدريب الضباط وتبادل الخبرات.")
REPORT_B = (
    "الكويت و«الهجرة الدولية» توقعان مذكرة تفاهم لمكافحة الاتجار بالبشر\n"
    "أبرمت وزارة الداخلية أمس مذكرة تفاهم مع المنظمة الدولية للهجرة في مجال مكافحة الاتجار "
    "بالبشر، بحضور عدد من القياديين.\n"
    "وأكد رئيس بعثة المنظمة أن التعاون مع الكويت يمتد لسنوات.")
OFF_TOPIC = ("ضبط شحنة مخدرات في ميناء الشويخ\n"
             "ضبطت الإدارة العامة لمكافحة المخدرات شحنة من الحبوب المخدرة في ميناء الشويخ "
             "وأحالت المتهمين إلى النيابة العامة.\nوقالت الإدارة إن الشحنة كانت معدة للتهريب.")


def test_two_reports_of_one_event_make_one_event_with_two_sources(db, nlp):
    store_article(db, url="https://a.example/1", text=REPORT_A, published="2025-03-04")
    store_article(db, url="https://b.example/2", text=REPORT_B, published="2025-03-05")
    summary = process_articles(db, nlp)
    assert summary.failed == 0
    agreements = [r for r in timeline_rows(db) if r["type"] == "agreement"]
    assert len(agreements) == 1
    assert agreements[0]["n_sources"] == 2 and agreements[0]["date"] == "2025-03-04"
    assert "iom" in agreements[0]["agencies"] and "kw-moi" in agreements[0]["agencies"]


def test_processing_twice_changes_nothing(db, nlp):
    store_article(db, url="https://a.example/1", text=REPORT_A, published="2025-03-04")
    process_articles(db, nlp)
    counts = {t: db[t].count for t in ("mentions", "entities", "events", "event_sources")}
    again = process_articles(db, nlp)
    assert again.processed == 0
    assert counts == {t: db[t].count for t in counts}


def test_reprocess_redoes_everything_to_the_same_result(db, nlp):
    store_article(db, url="https://a.example/1", text=REPORT_A, published="2025-03-04")
    process_articles(db, nlp)
    before = [dict(r) for r in db.query("SELECT type, date, title FROM events ORDER BY id")]
    summary = process_articles(db, nlp, reprocess=True)
    assert summary.processed == 1
    assert before == [dict(r) for r in db.query("SELECT type, date, title FROM events ORDER BY id")]


def test_irrelevant_article_is_stored_but_makes_no_event(db, nlp):
    store_article(db, url="https://c.example/3", text=OFF_TOPIC, published="2025-03-04")
    process_articles(db, nlp)
    row = db["articles"].get(1)
    assert row["relevant"] == 0 and row["processed_at"]
    assert db["events"].count == 0 and db["mentions"].count > 0


def test_mentions_keep_offsets_and_canonical_entities(db, nlp):
    store_article(db, url="https://a.example/1", text=REPORT_A, published="2025-03-04")
    process_articles(db, nlp)
    for row in db.query("SELECT m.text, m.start, m.end FROM mentions m"):
        assert REPORT_A[row["start"]:row["end"]] == row["text"]
    agency = next(db.query("SELECT * FROM entities WHERE key = 'kw-moi'"))
    assert agency["name_en"] == "Ministry of Interior (Kuwait)" and agency["label"] == "AGENCY"


def test_one_failing_article_does_not_stop_the_run(db, nlp):
    store_article(db, url="https://a.example/1", text=REPORT_A, published="2025-03-04")
    # a row written by an older version, with a date the pipeline cannot read
    db["articles"].insert({"url": "https://x.example/bad", "text": "نص سيفشل",
                           "content_hash": "x", "published": "not-a-date"})
    summary = process_articles(db, nlp)
    assert (summary.processed, summary.failed) == (1, 1)
    assert "x.example/bad" in summary.errors[0]


def test_two_workers_give_the_same_timeline(tmp_path, nlp):
    from timeline.db import open_db

    results = []
    for workers in (1, 2):
        db = open_db(tmp_path / f"w{workers}.db")
        store_article(db, url="https://a.example/1", text=REPORT_A, published="2025-03-04")
        store_article(db, url="https://b.example/2", text=REPORT_B, published="2025-03-05")
        store_article(db, url="https://c.example/3", text=OFF_TOPIC, published="2025-03-04")
        summary = process_articles(db, nlp if workers == 1 else None, workers=workers)
        assert summary.processed == 3
        results.append([(r["type"], r["date"], r["n_sources"]) for r in timeline_rows(db)])
    assert results[0] == results[1] and results[0]


def test_two_workers_with_a_single_article(db):
    store_article(db, url="https://a.example/1", text=REPORT_A, published="2025-03-04")
    summary = process_articles(db, None, workers=2)
    assert (summary.processed, summary.failed) == (1, 0)
    # the worker's own pipeline says which mode it ran in
    assert summary.tagger == ("camel" if camel_data_dir() else "light")


def test_an_article_claimed_by_another_run_is_not_written_twice(db, nlp):
    from timeline.process import ProcessSummary, _write_article, analyse_row

    store_article(db, url="https://a.example/1", text=REPORT_A, published="2025-03-04")
    row = db["articles"].get(1)
    score, result = analyse_row(nlp, row)
    first, second = ProcessSummary(), ProcessSummary()
    with db.atomic():
        _write_article(db, row, result, score, first)
    with db.atomic():
        _write_article(db, row, result, score, second)  # a second run that read it unprocessed
    assert (first.processed, second.processed) == (1, 0)
    assert db["mentions"].count == len(result["entities"])


# A near-miss with a dated arrest in it: the extractor finds an event, the relevance
# classifier says the article is not about trafficking, so the timeline gets nothing.
DRUGS_DATED = ("ضبط شحنة مخدرات في ميناء الشويخ\n"
               "ضبطت الإدارة العامة لمكافحة المخدرات في مارس 2024 شحنة من الحبوب المخدرة في "
               "ميناء الشويخ وأحالت المتهمين إلى النيابة العامة.\n"
               "وقالت الإدارة إن الشحنة كانت معدة للتهريب.")


def test_relevance_gate_keeps_the_events_of_an_irrelevant_article_off_the_timeline(db, nlp):
    from nlp.extract import analyse, extract_article, parse_date
    published = parse_date("2025-03-04")
    assert analyse(nlp, DRUGS_DATED, published)._.events  # the detector finds one ...
    assert not extract_article(nlp, DRUGS_DATED, published)["events"]  # ... the gate drops it
    store_article(db, url="https://d.example/4", text=DRUGS_DATED, published="2025-03-04")
    summary = process_articles(db, nlp)
    assert summary.processed == 1 and summary.relevant == 0
    assert db["articles"].get(1)["relevant"] == 0
    assert db["events"].count == 0 and db["event_sources"].count == 0
    assert db["mentions"].count > 0  # its entities are still listed
