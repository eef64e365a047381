import json
import xml.etree.ElementTree as ET

from timeline.alerts import (
    ATOM,
    announce,
    digest,
    event_key,
    new_events,
    write_atomically,
    write_digest,
    write_feed,
)
from timeline.store import store_article


def add_event(db, url, event_type="training", date="2024-03-05", country="KW"):
    article = store_article(db, url=url, text=f"نص الخبر عن {event_type} {url}",
                            title="عنوان", published="2024-03-06", source="kuna").article_id
    event_id = db["events"].insert({"type": event_type, "date": date, "year": int(date[:4]),
                                    "country": country, "title": "دورة تدريبية"}).last_pk
    db["event_sources"].insert({"event_id": event_id, "article_id": article, "evidence": "…",
                                "start": 0, "end": 1})
    agency = db["entities"].lookup({"label": "AGENCY", "key": "kw-moi"},
                                   {"name_ar": "وزارة الداخلية", "name_en": "Ministry of Interior"})
    db["event_entities"].insert({"event_id": event_id, "entity_id": agency, "role": "agency"},
                                replace=True)
    return event_id


def test_new_events_until_announced(db):
    add_event(db, "https://example.org/1")
    [entry] = new_events(db)
    assert entry["type"] == "training" and entry["state"] == "KW" and entry["date"] == "2024-03-05"
    assert entry["agencies"] == [{"id": "kw-moi", "ar": "وزارة الداخلية", "en": "Ministry of Interior"}]
    assert entry["first_source"]["url"] == "https://example.org/1"
    announce(db, [entry], "2026-12-06T10:00:00+00:00")
    assert new_events(db) == []
    add_event(db, "https://example.org/2", "enforcement")
    assert [e["type"] for e in new_events(db)] == ["enforcement"]


def test_a_rebuilt_event_is_not_new_again(db):
    add_event(db, "https://example.org/1")
    announce(db, new_events(db), "2026-12-06T10:00:00+00:00")
    key = event_key(next(db.query("SELECT * FROM timeline")))
    db.execute("DELETE FROM event_entities"), db.execute("DELETE FROM event_sources")
    db.execute("DELETE FROM events")  # what `process --reprocess` does, then it rebuilds:
    event_id = db["events"].insert({"type": "training", "date": "2024-03-05", "year": 2024,
                                    "country": "KW", "title": "دورة"}).last_pk
    db["event_sources"].insert({"event_id": event_id, "article_id": 1, "evidence": "…",
                                "start": 0, "end": 1})
    assert event_key(next(db.query("SELECT * FROM timeline"))) == key
    assert new_events(db) == []


def test_digest_and_atom_feed_files(db, db_path):
    add_event(db, "https://example.org/1")
    add_event(db, "https://example.org/2", "enforcement", "2025-01-02")
    entries = new_events(db)
    digest_path = write_digest(db_path, digest(entries, "2026-12-06T10:00:00+00:00", None))
    announce(db, entries, "2026-12-06T10:00:00+00:00")
    feed_path = write_feed(db, db_path, "2026-12-06T10:00:00+00:00")
    written = json.loads(digest_path.read_text(encoding="utf-8"))
    assert written["new_events"] == 2
    assert {e["type"] for e in written["events"]} == {"training", "enforcement"}
    for event in written["events"]:
        assert set(event) >= {"type", "date", "state", "agencies", "laws", "title", "first_source"}
    feed = ET.fromstring(feed_path.read_text(encoding="utf-8"))
    entries_xml = feed.findall(f"{{{ATOM}}}entry")
    assert len(entries_xml) == 2
    links = {e.find(f"{{{ATOM}}}link").get("href") for e in entries_xml}
    assert links == {"https://example.org/1", "https://example.org/2"}
    assert len({e.find(f"{{{ATOM}}}id").text for e in entries_xml}) == 2


def test_files_are_replaced_whole(tmp_path):
    path = tmp_path / "out" / "digest.json"
    write_atomically(path, "first")
    write_atomically(path, "second")
    assert path.read_text(encoding="utf-8") == "second"
    assert [p.name for p in path.parent.iterdir()] == ["digest.json"]  # no temporary left
