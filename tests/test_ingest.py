import json

import pytest

from core.errors import ArticleReadError
from timeline.ingest import folder_metadata, list_inputs, read_file, title_of
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
