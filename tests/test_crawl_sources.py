"""Tests for crawlers/sources.py: the sources file is data, and its errors name file and key."""

import re

import pytest

from core.errors import DataFileError
from crawlers.sources import DEFAULT_SOURCES, find_sources, load_sources

GOOD = '''
[[source]]
id = "kuna"
name = "كونا"
country = "KW"
homepage = "https://www.kuna.net.kw/"
feeds = ["https://www.kuna.net.kw/rss"]
article_url = 'ArticleDetails\\.aspx\\?id=\\d+'
search_url = "https://www.kuna.net.kw/search?q={query}"
encoding = "windows-1256"
verified = false

[source.selectors]
title = "h1.title"
body = "div.article p"
'''

EXPECTED_OUTLETS = {"kuna", "alqabas", "alrai", "alanba", "aljarida", "alseyassah", "alwasat",
                    "timeskuwait-ar", "wam", "spa", "qna", "bna", "ona"}


def write(tmp_path, text):
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sources_default_file_lists_the_outlets():
    sources = load_sources()
    assert {source.id for source in sources} >= EXPECTED_OUTLETS
    assert len(sources) >= 12
    # Nothing could be checked without internet: every entry says so.
    assert not any(source.verified for source in sources)
    assert {source.country for source in sources} >= {"KW", "AE", "SA", "QA", "BH", "OM"}
    assert all(source.homepage.startswith("https://") for source in sources)


def test_sources_article_patterns_match_the_real_addresses_they_were_checked_against():
    from pages.article import url_reason
    from pages.urls import same_site

    checked = {source.id: source for source in load_sources() if source.checked_against}
    assert set(checked) >= {"alrai", "aljarida", "alseyassah"}  # see sources.toml's header
    for source in checked.values():
        for url in source.checked_against:
            assert source.is_article_link(url), (source.id, url)
            assert same_site(url, source.homepage), (source.id, url)
            assert url_reason(url, source) == ""  # never taken for a junk page
    alqabas = find_sources(load_sources(), ["alqabas"], DEFAULT_SOURCES)[0]
    assert not alqabas.is_article_link("https://alqabas.com/watch/5765436-x")  # a video page


def test_sources_reads_every_key(tmp_path):
    (source,) = load_sources(write(tmp_path, GOOD))
    assert source.id == "kuna" and source.country == "KW"
    assert source.feeds == ("https://www.kuna.net.kw/rss",)
    assert source.encoding == "cp1256"
    assert source.selectors.title == "h1.title" and source.selectors.date is None
    assert source.is_article_link("https://www.kuna.net.kw/ArticleDetails.aspx?id=3245&language=ar")
    assert not source.is_article_link("https://www.kuna.net.kw/Default.aspx")


@pytest.mark.parametrize("change, key", [
    (('country = "KW"', 'country = "Kuwait"'), "country"),
    (('country = "KW"', ''), "country"),
    (('id = "kuna"', 'id = "KUNA agency"'), "id"),
    (('homepage = "https://www.kuna.net.kw/"', 'homepage = "www.kuna.net.kw"'), "homepage"),
    (('feeds = ["https://www.kuna.net.kw/rss"]', 'feeds = "ftp://x"'), "feeds"),
    (("article_url = 'ArticleDetails", "article_url = '(ArticleDetails"), "article_url"),
    (('search?q={query}"', 'search?q="'), "search_url"),
    (('encoding = "windows-1256"', 'encoding = "arabic-old"'), "encoding"),
    (('verified = false', 'verified = "no"'), "verified"),
    (('verified = false', 'verified = false\nfeed = []'), "feed"),
    (('title = "h1.title"', 'title = "h1..title"'), "selectors.title"),
    (('title = "h1.title"', 'headline = "h1"'), "selectors.headline"),
])
def test_sources_error_names_file_key_and_line(tmp_path, change, key):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(DataFileError) as caught:
        load_sources(path)
    message = str(caught.value)
    assert str(path) in message
    assert f'key "{key}"' in message
    assert re.search(rf"{re.escape(str(path))}:\d+", message), message


def test_sources_error_for_invalid_toml_gives_the_line(tmp_path):
    path = write(tmp_path, GOOD + '\n[[source]]\nid = "x\n')
    with pytest.raises(DataFileError, match=rf"{re.escape(str(path))}:\d+: not valid TOML"):
        load_sources(path)


def test_sources_error_for_duplicate_id(tmp_path):
    path = write(tmp_path, GOOD + GOOD.split("[source.selectors]")[0])
    with pytest.raises(DataFileError, match='key "id" is used twice'):
        load_sources(path)


@pytest.mark.parametrize("text, message", [
    ("", "no \\[\\[source\\]\\] table"),
    ('title = "x"\n', "unknown top-level key 'title'"),
])
def test_sources_error_for_empty_or_stray_document(tmp_path, text, message):
    with pytest.raises(DataFileError, match=message):
        load_sources(write(tmp_path, text))


def test_sources_error_for_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="sources file not found"):
        load_sources(tmp_path / "nowhere.toml")


def test_sources_find_by_id(tmp_path):
    sources = load_sources(DEFAULT_SOURCES)
    assert [s.id for s in find_sources(sources, ["wam", "kuna"], DEFAULT_SOURCES)] == ["wam", "kuna"]
    assert len(find_sources(sources, None, DEFAULT_SOURCES)) == len(sources)
    with pytest.raises(DataFileError, match='no source with id "alwatan"'):
        find_sources(sources, ["alwatan"], DEFAULT_SOURCES)
