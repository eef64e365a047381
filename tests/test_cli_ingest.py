from conftest import SAMPLES, run_cli


def test_ingest_samples_then_again_adds_nothing(db_path):
    result = run_cli("ingest", str(SAMPLES), "--db", str(db_path))
    assert result.exit_code == 0 and "5 added, 0 already there, 0 failed" in result.output
    again = run_cli("ingest", str(SAMPLES), "--db", str(db_path))
    assert "0 added, 5 already there" in again.output


def test_ingest_with_metadata_options(db_path, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("خبر\nنظمت الوزارة ورشة عمل.", encoding="utf-8")
    result = run_cli("ingest", str(path), "--published", "2025-02-06", "--source", "kuna",
                     "--url", "https://kuna.example/1", "--db", str(db_path))
    assert result.exit_code == 0
    from timeline.db import open_db
    row = open_db(db_path)["articles"].get(1)
    assert (row["url"], row["published"], row["source"]) == ("https://kuna.example/1", "2025-02-06", "kuna")


def test_bad_files_are_named_and_others_still_stored(db_path, tmp_path):
    (tmp_path / "good.txt").write_text("خبر\nنص جيد", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("مكافحة".encode("cp1256"))
    (tmp_path / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    result = run_cli("ingest", str(tmp_path), "--db", str(db_path))
    assert result.exit_code == 3  # partial failure: some stored, some not
    assert "latin1.txt" in result.output and "empty.html" in result.output
    assert "1 added" in result.output and "2 failed" in result.output


def test_nothing_could_be_done_exits_non_zero(db_path, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("ingest", str(tmp_path / "empty.txt"), "--db", str(db_path))
    assert result.exit_code == 1 and "empty.txt" in result.output


def test_corrupt_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    result = run_cli("ingest", str(SAMPLES), "--db", str(bad))
    assert result.exit_code == 1 and "bad.db is not a usable SQLite database" in result.output


def test_bad_published_option_is_a_usage_error(db_path, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("خبر\nنص", encoding="utf-8")
    result = run_cli("ingest", str(path), "--published", "31/07/2025", "--db", str(db_path))
    assert result.exit_code == 2 and "ISO date" in result.output


def test_url_with_several_records_is_refused(db_path, tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text('{"text": "نص أول"}\n{"text": "نص ثان"}\n', encoding="utf-8")
    result = run_cli("ingest", str(path), "--url", "https://x/1", "--db", str(db_path))
    assert result.exit_code == 1 and "holds 2 articles" in result.output


def test_bad_records_are_named(db_path, tmp_path):
    (tmp_path / "numbers.json").write_text('{"text": 5}', encoding="utf-8")
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    (tmp_path / "good.txt").write_text("خبر\nنص جيد", encoding="utf-8")
    result = run_cli("ingest", str(tmp_path), "--db", str(db_path))
    assert "numbers.json: record 1 has no 'text'" in result.output
    assert "empty.json: holds no records" in result.output and "1 added" in result.output


def test_jsonl_with_bad_lines_stores_the_good_ones_and_exits_3(db_path, tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"url": "https://x/1", "text": "نص الخبر الأول"}\n{not json\n'
                    '{"url": "https://x/3", "text": "نص الخبر الثالث"}\n', encoding="utf-8")
    result = run_cli("ingest", str(path), "--db", str(db_path))
    assert result.exit_code == 3
    assert f"{path}:2: is not valid JSON" in result.output
    assert "2 added, 0 already there, 1 failed" in result.output
