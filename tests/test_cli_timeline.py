import csv
import io
import json

import pytest
from conftest import SAMPLES, run_cli


@pytest.fixture(scope="module")
def processed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("tl") / "timeline.db"
    run_cli("ingest", str(SAMPLES), "--db", str(path))
    run_cli("process", "--db", str(path))
    return path


def test_bundled_timeline_has_the_milestones_in_order(processed_db):
    rows = json.loads(run_cli("timeline", "--format", "json", "--db", str(processed_db)).output)
    milestones = [(r["type"], r["year"]) for r in rows]
    wanted = [("accession", 2006), ("legislation", 2013), ("institution", 2018),
              ("agreement", 2023), ("agreement", 2024)]
    positions = [milestones.index(m) for m in wanted]
    assert positions == sorted(positions)


@pytest.mark.parametrize("args,check", [
    (["--type", "agreement"], lambda rows: rows and all(r["type"] == "agreement" for r in rows)),
    (["--since", "2018", "--until", "2023"], lambda rows: rows and all(2018 <= r["year"] <= 2023 for r in rows)),
    (["--agency", "unodc"], lambda rows: rows and all("unodc" in r["agencies"] for r in rows)),
    (["--country", "sa"], lambda rows: rows == []),
])
def test_filters(processed_db, args, check):
    out = run_cli("timeline", "--format", "json", "--db", str(processed_db), *args).output
    assert check(json.loads(out))


def test_csv_and_table(processed_db):
    text = run_cli("timeline", "--format", "csv", "--db", str(processed_db)).output
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and set(rows[0]) >= {"date", "year", "type", "country", "title", "agencies", "n_sources"}
    table = run_cli("timeline", "--db", str(processed_db)).output
    assert "accession" in table and "2013" in table


def test_html_to_file(processed_db, tmp_path):
    out = tmp_path / "t.html"
    result = run_cli("timeline", "--format", "html", "-o", str(out), "--db", str(processed_db))
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert 'dir="rtl"' in page and "<svg" in page and "2013" in page


def test_bundled_timeline_in_a_browser_shows_the_milestones_in_order(processed_db, tmp_path):
    import re
    from html import unescape

    from test_html import LAYOUT_SCRIPT, run_chromium

    from timeline.db import open_db

    page = tmp_path / "timeline.html"
    run_cli("timeline", "--format", "html", "-o", str(page), "--db", str(processed_db))
    checked = tmp_path / "checked.html"
    checked.write_text(page.read_text(encoding="utf-8").replace("</body>", LAYOUT_SCRIPT + "</body>"),
                       encoding="utf-8")
    dom = run_chromium(tmp_path, "--window-size=1200,1600", "--dump-dom", checked.as_uri())
    layout = json.loads(unescape(re.search(r'<pre id="layout-check">(.*?)</pre>', dom, re.DOTALL)[1]))
    assert layout["direction"] == "rtl"
    events = sorted(layout["events"], key=lambda e: e["top"])
    assert all(e["width"] > 0 and e["height"] > 0 and e["display"] != "none" for e in events)
    db = open_db(processed_db)
    shown = [(row["type"], row["year"]) for row in
             (db["events"].get(int(e["id"][6:])) for e in events)]
    wanted = [("accession", 2006), ("legislation", 2013), ("institution", 2018),
              ("agreement", 2023), ("agreement", 2024)]
    assert [shown.index(m) for m in wanted] == sorted(shown.index(m) for m in wanted)


def test_table_and_csv_show_agencies_in_english_beside_arabic_and_laws(processed_db):
    rows = list(csv.DictReader(io.StringIO(
        run_cli("timeline", "--format", "csv", "--db", str(processed_db)).output)))
    named = [r for r in rows if "unodc" in r["agencies"]]
    assert named and all("United Nations Office on Drugs and Crime" in r["agency_names"]
                         and "مكتب" in r["agency_names"] for r in named)
    table = run_cli("timeline", "--db", str(processed_db)).output
    assert "United Nations Office on Drugs and Crime" in table
    with_laws = [r for r in rows if r["laws"]]
    assert with_laws and all("{" + r["laws"] + "}" in table for r in with_laws)
