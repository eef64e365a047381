"""`python pipeline.py sources check` against fixture outlets served on 127.0.0.1 (they
answer) and against addresses nobody answers (it says so plainly)."""

from __future__ import annotations

import re
import socket

from conftest import run_cli
from conftest_sites import SITES, start_site
from outlet_scoring import load_truth
from test_crawl_outlets import entry


def test_sources_check_reports_what_each_outlet_answered(tmp_path):
    agency, blog = start_site(SITES / "outlets" / "agency"), start_site(SITES / "outlets" / "blog")
    try:
        path = tmp_path / "sources.toml"
        path.write_text(entry("agency", agency.base) + "\n" + entry("blog", blog.base), encoding="utf-8")
        result = run_cli("sources", "check", "--sources", str(path), "--articles", "2")
        requested = list(agency.requests) + list(blog.requests)
    finally:
        agency.stop()
        blog.stop()
    assert result.exit_code == 0, result.output
    output = result.output
    assert "2 of 2 outlets answered: agency, blog" in output
    assert f"feed        200                      3     3  {agency.base}/rss.xml" in output
    assert "article_url matches" in output
    truth = {row["title"]: row["published"] for row in load_truth("agency").values()}
    read = [line for line in output.splitlines() if line.startswith("    2025-")]
    assert len(read) == 4  # two articles a outlet, each with its own date and title
    for line in read:
        if agency.base in line:
            date, title, _ = re.match(r"^\s+(\S+)\s{2}(.+?)\s{2}(\S+)$", line).groups()
            assert truth[title] == date
    assert not [path for path in requested if path.startswith(("/ar/print/", "/drafts/"))]


def test_sources_check_says_plainly_when_no_outlet_answered(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nid = "closed"\nname = "x"\ncountry = "KW"\n'
                    f'homepage = "http://127.0.0.1:{port}/"\nfeeds = ["http://127.0.0.1:{port}/rss"]\n\n'
                    '[[source]]\nid = "nowhere"\nname = "y"\ncountry = "KW"\n'
                    'homepage = "http://news.example.invalid/"\n', encoding="utf-8")
    result = run_cli("sources", "check", "--sources", str(path), "--timeout", "3")
    assert result.exit_code == 0
    assert "No outlet answered (2 tried)" in result.output
    assert "connection_refused" in result.output and "dns" in result.output
    assert "did not answer" in result.output


def test_sources_check_unknown_source_is_an_error(tmp_path):
    result = run_cli("sources", "check", "--source", "nope")
    assert result.exit_code == 1 and 'no source with id "nope"' in result.output
