import pytest

from timeline.store import content_hash, known_urls, search_articles, store_article


def test_store_then_same_url_adds_nothing(db):
    first = store_article(db, url="https://a/1", text="نص الخبر", title="عنوان")
    again = store_article(db, url="https://a/1", text="نص آخر")
    assert first.created and not again.created and again.reason == "same url"
    assert db["articles"].count == 1


def test_same_content_under_another_url_is_one_article(db):
    store_article(db, url="https://a/1", text="وقّعت الكويت مذكرة تفاهم")
    again = store_article(db, url="https://b/2", text="وقعت  الكويت مذكرة تفاهم")
    assert not again.created and again.reason == "same content"
    assert known_urls(db) == {"https://a/1"}


@pytest.mark.parametrize("query", ["الاشخاص", "الأشخاص", "الأَشْخاص", "مكافحه"])
def test_search_ignores_spelling_variants(db, query):
    store_article(db, url="u1", text="مكافحة الاتجار بالأشخاص في الكويت", title="خبر")
    store_article(db, url="u2", text="مباراة كرة القدم", title="رياضة")
    found = search_articles(db, query if query != "الاشخاص" else "بالاشخاص")
    assert [row["url"] for row in found] == ["u1"]


def test_search_finds_words_written_with_hamza(db):
    store_article(db, url="u1", text="حماية الأشخاص", title="خبر")
    assert [r["url"] for r in search_articles(db, "الاشخاص")] == ["u1"]


def test_content_hash_ignores_diacritics_and_spaces():
    assert content_hash("وَقَّعَت  الكويت") == content_hash("وقعت الكويت")


def test_runs_are_recorded_even_when_they_fail(db):
    from timeline.store import recorded_run

    with recorded_run(db, "ingest") as record:
        record.update(ok=3, failed=1)
    with pytest.raises(RuntimeError):
        with recorded_run(db, "process"):
            raise RuntimeError("disk full")
    rows = list(db.query("SELECT command, ok, failed, details FROM runs ORDER BY id"))
    assert [(r["command"], r["ok"], r["failed"]) for r in rows] == [("ingest", 3, 1), ("process", 0, 0)]
    assert "disk full" in rows[1]["details"]


@pytest.mark.parametrize("value,expected", [
    ("2025-07-31", "2025-07-31"), ("2025-07-31T08:00:00+03:00", "2025-07-31"), ("2025", "2025"),
    (None, None), ("", None),
])
def test_publication_dates_are_normalised(value, expected):
    from timeline.store import normalise_published
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["31/07/2025", "2025-13-01", "yesterday"])
def test_bad_publication_dates_are_refused(db, value):
    with pytest.raises(ValueError) as info:
        store_article(db, url="u", text="نص", published=value)
    assert value in str(info.value)
