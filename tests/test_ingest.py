import json
import re

import pytest

from core.errors import ArticleReadError
from timeline.ingest import folder_metadata, list_inputs, read_file, read_records, title_of
from timeline.ops import ingest_paths


def test_txt_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("عنوان الخبر\nنص الخبر هنا.", encoding="utf-8")
    [record] = read_file(path)
    assert record.title == "عنوان الخبر" and record.text.endswith("هنا.")
    assert record.url.startswith("file://")


@pytest.mark.parametrize("first_line,title", [
    ("انطلاق المنتدى الحكومي في الكويت", "انطلاق المنتدى الحكومي في الكويت"),
    ("أكد الوزير أن الكويت حريصة على التعاون.", None),
])
def test_title_only_when_the_first_line_is_a_headline(first_line, title):
    assert title_of(first_line + "\nنص") == title


def test_jsonl_records(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"url": "https://x/1", "title": "t1", "published": "2025-01-02", "text": "نص أول"},
            {"url": "https://x/2", "text": "نص ثان"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    records = read_file(path)
    assert [r.url for r in records] == ["https://x/1", "https://x/2"]
    assert records[0].published == "2025-01-02"


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\n ", "is empty"),
    ("cp1256.txt", "الاتجار بالأشخاص".encode("cp1256"), "is not utf-8 text"),
    ("bad.json", b"{not json", "is not valid JSON"),
    ("notext.jsonl", b'{"url": "x"}', "has no 'text'"),
    ("photo.png", b"\x89PNG", "unknown kind of file"),
])
def test_bad_files_raise_a_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleReadError) as info:
        read_file(path)
    assert name in str(info.value) and message in str(info.value)


def test_windows_1256_with_encoding_option(tmp_path):
    path = tmp_path / "cp1256.txt"
    path.write_bytes("مكافحة الاتجار بالأشخاص".encode("cp1256"))
    assert read_file(path, encoding="windows-1256")[0].text == "مكافحة الاتجار بالأشخاص"


def test_folder_metadata_fills_what_files_lack(tmp_path):
    (tmp_path / "a.txt").write_text("خبر\nنص", encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text(
        '{"file": "a.txt", "url": "urn:a", "published": "2025-07-31", "source": "kuna"}\n',
        encoding="utf-8")
    [path] = list_inputs([tmp_path])
    [record] = read_file(path, metadata=folder_metadata(tmp_path)[path.name])
    assert (record.url, record.published, record.source) == ("urn:a", "2025-07-31", "kuna")


def test_one_bad_file_does_not_stop_the_others(db, tmp_path):
    (tmp_path / "good.txt").write_text("خبر جيد\nنص الخبر الجيد", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    (tmp_path / "empty.txt").write_bytes(b"")
    summary = ingest_paths(db, [tmp_path])
    assert (summary.added, summary.failed) == (1, 2)
    assert any("bad.txt" in e for e in summary.errors)
    assert ingest_paths(db, [tmp_path]).added == 0


def test_html_article_in_windows_1256(tmp_path):
    body = "".join(f"<p>فقرة رقم {i} عن جهود وزارة الداخلية في مكافحة الاتجار بالأشخاص وحماية الضحايا.</p>"
                   for i in range(6))
    page = (f"<html><head><meta charset='windows-1256'><title>خبر الوزارة</title></head><body>"
            f"<article><h1>الداخلية تضبط شبكة للاتجار بالأشخاص</h1>{body}</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1256"))
    [record] = read_file(path)
    assert "مكافحة الاتجار بالأشخاص" in record.text and record.title


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>الرئيسية</nav></body></html>", encoding="utf-8")
    with pytest.raises(ArticleReadError) as info:
        read_file(path)
    assert "empty.html" in str(info.value)


# ---------------------------------------------------------------- no record lost

def _jsonl(rows: list[str]) -> str:
    return "\n".join(rows) + "\n"


def test_jsonl_bad_lines_keep_the_good_records_and_name_each_bad_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(_jsonl([
        '{"url": "https://x/1", "text": "نص الخبر الأول"}',
        '{"url": "https://x/2", "text": "نص مقطوع',  # line 2: broken JSON
        '',
        '{"url": "https://x/4"}',  # line 4: no text
        '{"url": "https://x/5", "text": "نص الخبر الخامس"}',
    ]), encoding="utf-8")
    found = read_records(path)
    assert [r.url for r in found.records] == ["https://x/1", "https://x/5"]
    assert [error.path for error in found.problems] == [f"{path}:2", f"{path}:4"]
    assert "is not valid JSON" in str(found.problems[0])
    assert "has no 'text'" in str(found.problems[1])


def test_json_array_with_a_bad_element_keeps_the_others(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text('[\n  {"url": "https://x/1", "text": "نص أول"},\n'
                    '  {"url": "https://x/2", "text": "نص بلا نهاية},\n'  # line 3: broken
                    '  {"url": "https://x/3", "text": "نص ثالث"},\n'
                    '  42,\n'  # line 5: not an object
                    '  {"url": "https://x/6", "text": "نص سادس"}\n]\n', encoding="utf-8")
    found = read_records(path)
    assert [r.url for r in found.records] == ["https://x/1", "https://x/3", "https://x/6"]
    assert [error.path for error in found.problems] == [f"{path}:3", f"{path}:5"]


def test_well_formed_array_names_a_bad_element_by_its_line(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text('[\n{"text": "نص"},\n{"text": ""}\n]', encoding="utf-8")
    found = read_records(path)
    assert len(found.records) == 1 and found.problems[0].path == f"{path}:3"


def test_control_characters_never_reach_the_database_and_offsets_hold(db, tmp_path, nlp_light):
    from timeline.ops import ingest_paths
    from timeline.process import process_articles

    raw = ("وزارة الداخلية\x00 تطلق حملة\x07 لمكافحة الاتجار بالأشخاص\n"
           "أعلنت وزارة الداخلية\x1b في الكويت يوم 3 مارس 2025 حملة توعية.\x7f")
    (tmp_path / "nul.txt").write_text(raw, encoding="utf-8")
    assert ingest_paths(db, [tmp_path / "nul.txt"]).added == 1
    (row,) = db.query("SELECT id, text, title FROM articles")
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", row["text"] + row["title"])
    assert len(row["text"]) == len(raw)  # one space for each control character
    process_articles(db, nlp_light)
    mentions = list(db.query("SELECT text, start, end FROM mentions"))
    assert mentions
    for mention in mentions:
        assert row["text"][mention["start"]:mention["end"]] == mention["text"]
        assert raw[mention["start"]:mention["end"]].replace("\x00", " ") \
            .replace("\x07", " ").replace("\x1b", " ") == mention["text"]
