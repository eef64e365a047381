import json

from conftest import SAMPLES, run_cli

from nlp.extract import RELEVANCE_THRESHOLD

SEED = SAMPLES / "000_05a1e2f8ada96856.txt"


def test_extract_json_one_object_a_file_in_order(tmp_path):
    other = SAMPLES / "002_90403765cab3e9d0.txt"
    result = run_cli("extract", str(SEED), str(other), "--published", "2025-07-31", "--json")
    assert result.exit_code == 0
    objects = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [o["file"] for o in objects] == [str(SEED), str(other)]
    first = objects[0]
    assert first["published"] == "2025-07-31"
    assert {2006, 2013, 2018, 2023, 2024} <= set(first["years"])
    labels = {e["label"] for e in first["entities"]}
    assert {"AGENCY", "LAW", "DATE", "LOCATION", "PERSON"} <= labels
    law = next(e for e in first["entities"] if e["label"] == "LAW" and e["canonical"].get("number"))
    assert law["canonical"] == {"kind": "law", "number": "91", "year": 2013, "country": None} or \
        (law["canonical"]["number"], law["canonical"]["year"]) == ("91", 2013)
    text = SEED.read_text(encoding="utf-8")
    for entity in first["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    assert {(e["type"], e["year"]) for e in first["events"]} >= {("accession", 2006), ("agreement", 2024)}


def test_extract_summary_is_readable():
    result = run_cli("extract", str(SEED), "--published", "2025-07-31")
    assert result.exit_code == 0
    assert "AGENCY" in result.output and "EVENT" in result.output and "unodc" in result.output


def test_extract_bad_file_keeps_the_line_count(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    result = run_cli("extract", str(bad), str(SEED), "--json")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert "error" in lines[0] and "bad.txt" in lines[0]["error"] and "events" in lines[1]


def test_extract_only_bad_files_exits_non_zero(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert run_cli("extract", str(bad), "--json").exit_code == 1


def test_extract_jsonl_gives_one_object_per_record(tmp_path):
    path = tmp_path / "two.jsonl"
    rows = [{"url": "https://x/1", "published": "2025-02-06",
             "text": "وقعت وزارة الداخلية اليوم مذكرة تفاهم مع المنظمة الدولية للهجرة لمكافحة الاتجار بالأشخاص."},
            {"url": "https://x/2", "text": "نظمت وزارة العدل ورشة عمل تدريبية."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = run_cli("extract", str(path), "--json")
    objects = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [o["url"] for o in objects] == ["https://x/1", "https://x/2"]
    assert objects[0]["published"] == "2025-02-06"
    assert objects[0]["events"][0]["date"] == "2025-02-06"


NEAR_MISS = ("أحبطت الإدارة العامة للجمارك اليوم محاولة تهريب كمية كبيرة من الحبوب المخدرة "
             "مخبأة داخل شحنة من الأثاث وصلت إلى ميناء الشويخ، وأحالت الإدارة المتهمين إلى "
             "الجهات المختصة بعد ضبط المواد المخدرة وتحريزها.")


def test_extract_json_gives_the_relevance_verdict_and_no_events_for_a_near_miss(tmp_path):
    path = tmp_path / "drugs.txt"
    path.write_text(NEAR_MISS, encoding="utf-8")
    result = run_cli("extract", str(path), str(SEED), "--published", "2025-07-31", "--json")
    near, seed = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert near["relevant"] is False and near["relevance"] < RELEVANCE_THRESHOLD
    assert near["events"] == [] and near["entities"]  # entities are still listed
    assert seed["relevant"] is True and seed["relevance"] >= RELEVANCE_THRESHOLD and seed["events"]


def test_extract_and_process_give_the_same_verdict(tmp_path):
    from timeline.db import open_db
    path = tmp_path / "drugs.txt"
    path.write_text(NEAR_MISS, encoding="utf-8")
    printed = json.loads(run_cli("extract", str(path), "--json").output.splitlines()[-1])
    db_path = tmp_path / "t.db"
    assert run_cli("ingest", str(path), "--db", str(db_path)).exit_code == 0
    assert run_cli("process", "--db", str(db_path)).exit_code == 0
    row = next(open_db(db_path).query("SELECT relevant, relevance_score FROM articles"))
    assert (bool(row["relevant"]), row["relevance_score"]) == (printed["relevant"], printed["relevance"])


def test_extract_json_says_which_tagger_mode_it_ran_in(tmp_path):
    """A run that fell back to light mode says so in its output, not only on stderr."""
    from nlp.morphology import camel_data_dir

    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    default = run_cli("extract", str(SEED), str(bad), "--json")
    light = run_cli("extract", str(SEED), "--json", "--no-tagger")
    objects = [json.loads(line) for line in default.output.splitlines() if line.startswith("{")]
    expected = "camel" if camel_data_dir() else "light"
    assert [o["tagger"] for o in objects] == [expected, expected]  # the bad file's line too
    assert "error" in objects[1] and "events" in objects[0]
    assert json.loads(light.output.splitlines()[-1])["tagger"] == "light"
