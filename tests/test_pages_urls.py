"""Tests for pages/urls.py: one canonical URL per article."""

import pytest

from pages.urls import (
    canonicalise_url,
    is_tracking_parameter,
    looks_like_article_url,
    same_site,
)


@pytest.mark.parametrize("url, expected", [
    # host case, default port, fragment
    ("HTTP://WWW.Alqabas.COM:80/article/123#comments", "http://www.alqabas.com/article/123"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    # tracking parameters go, real ones stay (sorted)
    ("https://example.com/a?utm_source=twitter&utm_medium=social", "https://example.com/a"),
    ("https://example.com/a?fbclid=IwAR0abc&id=7", "https://example.com/a?id=7"),
    ("https://example.com/a?gclid=x&msclkid=y&_ga=z&mc_cid=1", "https://example.com/a"),
    ("https://example.com/show.asp?id=2002&utm_source=facebook", "https://example.com/show.asp?id=2002"),
    ("https://example.com/list?page=2&cat=local", "https://example.com/list?cat=local&page=2"),
    # AMP variants
    ("https://example.com/amp/news/1001-x.html", "https://example.com/news/1001-x.html"),
    ("https://example.com/news/1001/amp/", "https://example.com/news/1001"),
    ("https://example.com/news/1001/amp", "https://example.com/news/1001"),
    ("https://example.com/news/1001.amp.html", "https://example.com/news/1001.html"),
    ("https://example.com/news/1001?amp=1", "https://example.com/news/1001"),
    ("https://example.com/news/1001?outputType=amp", "https://example.com/news/1001"),
    # print variants
    ("https://example.com/news/1001?print=1", "https://example.com/news/1001"),
    ("https://example.com/print/news/1001", "https://example.com/news/1001"),
    ("https://example.com/news/1001/print/", "https://example.com/news/1001"),
    ("https://example.com/show.asp?id=2001&print=1", "https://example.com/show.asp?id=2001"),
    # trailing slashes and doubled slashes
    ("https://example.com/news/1001/", "https://example.com/news/1001"),
    ("https://example.com//news//1001", "https://example.com/news/1001"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/", "https://example.com/"),
    # percent-encoding: an Arabic slug written raw or escaped is one URL
    ("https://example.com/الاتجار-بالبشر/", "https://example.com/%D8%A7%D9%84%D8%A7%D8%AA%D8%AC%D8%A7%D8%B1-%D8%A8%D8%A7%D9%84%D8%A8%D8%B4%D8%B1"),
    ("https://example.com/%d8%a7%d9%84%d8%a7%d8%aa%d8%ac%d8%a7%d8%b1-%d8%a8%d8%a7%d9%84%d8%a8%d8%b4%d8%b1", "https://example.com/%D8%A7%D9%84%D8%A7%D8%AA%D8%AC%D8%A7%D8%B1-%D8%A8%D8%A7%D9%84%D8%A8%D8%B4%D8%B1"),
    # not http(s): unchanged
    ("mailto:news@example.com", "mailto:news@example.com"),
])
def test_urls_canonicalise(url, expected):
    assert canonicalise_url(url) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/news/1001/?utm_source=x", "https://example.com/news/1001/"),
    ("https://example.com/news/1001/amp/", "https://example.com/news/1001/"),
    ("https://example.com/news/1001", "https://example.com/news/1001"),
    ("https://example.com/", "https://example.com/"),
])
def test_urls_keep_trailing_slash_for_requests(url, expected):
    assert canonicalise_url(url, keep_trailing_slash=True) == expected


@pytest.mark.parametrize("variants", [
    ["https://example.com/news/1001-x.html",
     "https://example.com/news/1001-x.html?utm_source=rss&utm_medium=feed",
     "https://Example.com/news/1001-x.html#comments",
     "https://example.com/amp/news/1001-x.html",
     "https://example.com/news/1001-x.html?print=1",
     "https://example.com:443/news/1001-x.html?fbclid=abc"],
])
def test_urls_variants_of_one_article_are_one_url(variants):
    assert len({canonicalise_url(url) for url in variants}) == 1


@pytest.mark.parametrize("name, expected", [
    ("utm_campaign", True), ("UTM_Source", True), ("fbclid", True), ("gclid", True),
    ("id", False), ("page", False), ("q", False),
])
def test_urls_tracking_parameters(name, expected):
    assert is_tracking_parameter(name) is expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/news/1001-domestic-workers.html", True),
    ("https://example.com/2025/07/31/story", True),
    ("https://example.com/الكويت-تستضيف-ورشة-إقليمية/", True),
    ("https://example.com/show.asp?id=2001", True),
    ("https://example.com/", False),
    ("https://example.com/section/local", False),
    ("https://example.com/tag/trafficking-in-persons-news", False),
    ("https://example.com/about", False),
])
def test_urls_article_shape_guess(url, expected):
    assert looks_like_article_url(url) is expected


@pytest.mark.parametrize("first, second, expected", [
    ("https://www.alrai.com/a", "https://alrai.com/b", True),
    ("https://alrai.com/a", "https://twitter.com/share", False),
])
def test_urls_same_site(first, second, expected):
    assert same_site(first, second) is expected


@pytest.mark.parametrize("url", [
    "HTTP://WWW.Alqabas.COM:80/article/123?b=2&a=1&utm_source=x#c",
    "https://example.com/s?q=الاتجار بالبشر&page=2",
    "https://example.com/a?q=a+b&x=%7e",
    "https://example.com/news/1001.amp.html?amp=1",
])
def test_urls_canonical_form_is_a_fixed_point(url):
    once = canonicalise_url(url)
    assert canonicalise_url(once) == once
    assert canonicalise_url(once, keep_trailing_slash=True) == once


def test_urls_query_spellings_compare_equal():
    spellings = ("https://example.com/s?q=a%20b&p=1", "https://example.com/s?p=1&q=a+b",
                 "https://example.com/s?q=a+b&p=1&fbclid=z#top")
    assert len({canonicalise_url(url) for url in spellings}) == 1
