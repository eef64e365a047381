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
    with pytest.raises(RuntimeError), recorded_run(db, "process"):
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


# ---------------------------------------------------------------- refresh: versions

FIRST = ("وزارة الداخلية تطلق حملة لمكافحة الاتجار بالأشخاص\n"
         "أطلقت وزارة الداخلية في الكويت يوم 3 مارس 2025 حملة توعية بحقوق العمال.")
CHANGED = FIRST + "\nوأضافت الوزارة أن الحملة تستمر شهراً بالتعاون مع المنظمة الدولية للهجرة."


def test_refresh_stores_a_changed_article_as_a_new_version(db):
    first = store_article(db, url="https://a/1", text=FIRST, title="حملة", published="2025-03-03")
    result = store_article(db, url="https://a/1", text=CHANGED, title="حملة موسعة", refresh=True)
    assert result.updated and result.article_id == first.article_id and not result.created
    row = db["articles"].get(first.article_id)
    assert row["text"] == CHANGED and row["version"] == 2 and row["title"] == "حملة موسعة"
    assert row["content_hash"] == content_hash(CHANGED) and row["published"] == "2025-03-03"
    (old,) = db["article_versions"].rows
    assert old["text"] == FIRST and old["version"] == 1 and old["title"] == "حملة"
    assert search_articles(db, "المنظمة الدولية للهجرة")  # the search index follows


def test_refresh_skips_an_unchanged_article_and_plain_store_never_updates(db):
    store_article(db, url="https://a/1", text=FIRST)
    assert store_article(db, url="https://a/1", text=FIRST, refresh=True).reason == "unchanged"
    assert store_article(db, url="https://a/1", text=CHANGED).reason == "same url"
    assert db["article_versions"].count == 0 and db["articles"].get(1)["version"] == 1


def test_an_updated_article_is_processed_again(db, nlp_light):
    from timeline.process import process_articles

    stored = store_article(db, url="https://a/1", text=FIRST, published="2025-03-03")
    assert process_articles(db, nlp_light).processed == 1
    before = {m["text"] for m in db.query("SELECT text FROM mentions")}
    store_article(db, url="https://a/1", text=CHANGED, refresh=True)
    assert db["articles"].get(stored.article_id)["processed_at"] is None
    assert process_articles(db, nlp_light).processed == 1
    after = [m for m in db.query("SELECT text, start, end FROM mentions")]
    assert {m["text"] for m in after} > before  # the new paragraph's mentions, no duplicates
    assert len(after) == len({(m["start"], m["end"], m["text"]) for m in after})
    assert process_articles(db, nlp_light).processed == 0


def test_published_at_keeps_the_zone(db):
    store_article(db, url="https://a/1", text=FIRST, published="2025-08-06",
                  published_at="2025-08-06T00:40:00+03:00")
    row = db["articles"].get(1)
    assert (row["published"], row["published_at"]) == ("2025-08-06", "2025-08-06T00:40:00+03:00")


# --- search's bounded ranking (issue 12): bm25 among the newest matches

def _stored_for_search(db) -> dict[str, int]:
    """Articles naming the phrase once or several times (more mentions rank higher),
    stored in this order; url -> id."""
    ids = {}
    for url, times in [("once-a", 1), ("thrice", 3), ("once-b", 1), ("twice", 2), ("once-c", 1)]:
        text = " ".join(["مكافحة الاتجار بالأشخاص"] * times + ["في الكويت"] * 6)
        ids[url] = store_article(db, url=url, text=f"{text} {url}", title="خبر").article_id
    store_article(db, url="other", text="مباراة كرة القدم", title="رياضة")
    return ids


def test_search_ranks_by_relevance_when_the_matches_are_few(db):
    _stored_for_search(db)
    found = [r["url"] for r in search_articles(db, "الاتجار بالأشخاص", limit=3)]
    assert found == ["thrice", "twice", "once-c"]  # ties: the newest first


def test_search_ranks_only_the_newest_matches_when_they_are_many(db):
    ids = _stored_for_search(db)
    found = [r["url"] for r in search_articles(db, "الاتجار بالأشخاص", candidates=3)]
    # the three newest matches, best first: "thrice", the best overall, is older
    assert found == ["twice", "once-c", "once-b"]
    assert max(ids.values()) == ids["once-c"]
