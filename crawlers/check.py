"""Crawl helper "check": try each configured outlet once and say what answered.

Called by `python pipeline.py sources check`. For each source of sources.toml it fetches
robots.txt, the homepage, the feeds, the sitemaps (and the newest child of an index),
the start URLs, and a few articles (robots.txt obeyed), then reports per outlet: what
answered (HTTP status, or the network failure by kind), how many article links each
page gave and how many of them the entry's `article_url` matches, and the title and
date the extraction cascade reads from each article. It is the one-command check of
the entries a user with a network runs before setting `verified = true`.

Plain synchronous HTTP (requests) with a short timeout: a check, not a crawl.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.html
import requests
from lxml import etree
from protego import Protego

from crawlers.discovery import listing_links, parse_feed, parse_sitemap
from crawlers.settings import USER_AGENT
from crawlers.sources import Source
from pages.article import examine_page
from pages.urls import looks_like_article_url

NETWORK_FAILURES = frozenset({"dns", "connection_refused", "timeout", "connection_failed", "tls"})


@dataclass
class Probe:
    """One address tried: what it is, its status ("200", "dns", ...), what it gave."""

    what: str  # "robots.txt", "homepage", "feed", "sitemap", "start_url", "article"
    url: str
    status: str
    links: int = 0  # article links found on it
    matching: int = 0  # of which the source's article_url matches
    title: str | None = None  # for articles: what the cascade read
    published: str | None = None
    reason: str = ""  # for articles the cascade refused: why

    @property
    def answered(self) -> bool:
        return self.status.isdigit()


@dataclass
class OutletReport:
    source: Source
    probes: list[Probe] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return any(probe.answered for probe in self.probes)


@dataclass(frozen=True)
class Fetched:
    status: str
    body: bytes = b""
    content_type: str = ""
    url: str = ""


def fetch(url: str, timeout: float) -> Fetched:
    """GET `url`: its status and body, or the failure's kind ("dns", "timeout", ...)."""
    try:
        response = requests.get(url, timeout=timeout, headers={"User-Agent": USER_AGENT})
    except requests.exceptions.Timeout:
        return Fetched("timeout")
    except requests.exceptions.SSLError:
        return Fetched("tls")
    except requests.exceptions.ConnectionError as error:
        text = str(error).lower()
        if "name or service" in text or "resolve" in text or "nodename" in text:
            return Fetched("dns")
        return Fetched("connection_refused" if "refused" in text else "connection_failed")
    except requests.exceptions.RequestException as error:
        return Fetched(type(error).__name__.lower())
    return Fetched(str(response.status_code), response.content,
                   response.headers.get("Content-Type", ""), response.url)


def check_sources(sources: list[Source], *, articles: int = 3, timeout: float = 10.0,
                  workers: int = 6) -> list[OutletReport]:
    """Check every source (several at once), in the order given."""
    with ThreadPoolExecutor(max(1, workers)) as pool:
        return list(pool.map(lambda s: check_source(s, articles=articles, timeout=timeout),
                             sources))


def check_source(source: Source, *, articles: int = 3, timeout: float = 10.0) -> OutletReport:
    """Probe one outlet; stops after robots.txt and the homepage if neither answered."""
    report = OutletReport(source)
    robots_url = urljoin(source.homepage, "/robots.txt")
    got = fetch(robots_url, timeout)
    report.probes.append(Probe("robots.txt", robots_url, got.status))
    robots = Protego.parse(got.body.decode("utf-8", "replace")) \
        if got.status == "200" else None
    home = _listing_probe(source, "homepage", source.homepage, timeout)
    report.probes.append(home.probe)
    if not report.answered:
        return report
    found = []
    for what, urls, reader in (("feed", source.feeds, _feed_probe),
                               ("sitemap", _sitemaps(source, robots), _sitemap_probe),
                               ("start_url", source.start_urls, _listing_probe)):
        for url in urls:
            result = reader(source, what, url, timeout)
            report.probes.append(result.probe)
            found += result.links
    found += home.links
    for url in _allowed(list(dict.fromkeys(found)), robots)[:articles]:
        report.probes.append(_article_probe(source, url, timeout))
    return report


@dataclass
class _Read:
    probe: Probe
    links: list[str]


def _probe(source: Source, what: str, url: str, got: Fetched, links: list[str]) -> _Read:
    matching = [link for link in links if source.is_article_link(link)] \
        if source.article_url else links
    return _Read(Probe(what, url, got.status, len(links), len(matching)), matching or links)


def _listing_probe(source: Source, what: str, url: str, timeout: float) -> _Read:
    got = fetch(url, timeout)
    if got.status != "200":
        return _Read(Probe(what, url, got.status), [])
    try:
        doc = lxml.html.document_fromstring(got.body)
    except (etree.ParserError, ValueError):
        return _Read(Probe(what, url, got.status), [])
    hrefs = [a.get("href", "") for a in doc.iter("a")]
    # Links shaped like articles, or matched by the entry: the check says which match.
    accept = (lambda link: looks_like_article_url(link) or source.is_article_link(link)) \
        if source.article_url else looks_like_article_url
    return _probe(source, what, url, got, listing_links(hrefs, got.url or url, accept))


def _feed_probe(source: Source, what: str, url: str, timeout: float) -> _Read:
    got = fetch(url, timeout)
    links = [link.url for link in parse_feed(got.body, url)] if got.status == "200" else []
    return _probe(source, what, url, got, links)


def _sitemap_probe(source: Source, what: str, url: str, timeout: float) -> _Read:
    got = fetch(url, timeout)
    if got.status != "200":
        return _Read(Probe(what, url, got.status), [])
    sitemap = parse_sitemap(got.body, url)
    if sitemap.is_index and sitemap.links:
        newest = max(sitemap.links, key=lambda link: link.published or "")
        return _sitemap_probe(source, "sitemap", newest.url, timeout)
    return _probe(source, what, url, got, [link.url for link in sitemap.links])


def _sitemaps(source: Source, robots: Protego | None) -> list[str]:
    listed = list(robots.sitemaps) if robots is not None else []
    return list(dict.fromkeys([*source.sitemaps, *listed]))


def _allowed(urls: list[str], robots: Protego | None) -> list[str]:
    if robots is None:
        return urls
    return [url for url in urls if robots.can_fetch(url, USER_AGENT)]


def _article_probe(source: Source, url: str, timeout: float) -> Probe:
    got = fetch(url, timeout)
    probe = Probe("article", url, got.status)
    if got.status == "200":
        examination = examine_page(got.body, got.url or url, source, content_type=got.content_type)
        if examination.article is None:
            probe.reason = examination.reason
        else:
            probe.title, probe.published = examination.article.title, examination.article.published
    return probe


# ---------------------------------------------------------------- the report

def render_report(reports: list[OutletReport]) -> str:
    """One table per outlet, then a closing line that says plainly what answered."""
    blocks = [_render_outlet(report) for report in reports]
    answered = [report.source.id for report in reports if report.answered]
    if not answered:
        blocks.append(f"No outlet answered ({len(reports)} tried): no network, or every "
                      "address is wrong. Nothing could be checked.")
    else:
        blocks.append(f"{len(answered)} of {len(reports)} outlets answered: {', '.join(answered)}")
    return "\n\n".join(blocks)


def _render_outlet(report: OutletReport) -> str:
    source = report.source
    lines = [f"{source.id} — {source.name} ({source.country}) {source.homepage}",
             f"  {'what':<11} {'status':<20} {'links':>5} {'match':>5}  address"]
    for probe in report.probes:
        if probe.what == "article":
            continue
        lines.append(f"  {probe.what:<11} {probe.status:<20} {probe.links:>5} "
                     f"{probe.matching if source.article_url else '-':>5}  {probe.url}")
    read = [probe for probe in report.probes if probe.what == "article"]
    if read:
        lines.append("  articles read:")
    for probe in read:
        if probe.title:
            lines.append(f"    {probe.published or 'no date':<10}  {probe.title}  {probe.url}")
        else:
            lines.append(f"    {probe.status:<10}  {probe.reason or 'not read'}  {probe.url}")
    found = sum(probe.links for probe in report.probes if probe.what != "article")
    verdict = "answered" if report.answered else "did not answer"
    lines.append(f"  {verdict}; {found} article links found"
                 + (f"; article_url matches {sum(p.matching for p in report.probes if p.what != 'article')}"
                    if source.article_url else ""))
    return "\n".join(lines)
