"""Test helper: a real HTTP server for the fixture news sites in tests/sites/.

Imported by tests/test_crawl.py (fixtures) and benchmarks/bench_crawl.py. Serves one
site folder on 127.0.0.1 at a port the OS picks, from a thread of the test process,
and records every request path (and User-Agent) so tests can check what the crawler
asked for.

A site folder may hold `_server.json`, one entry per trap (see tests/sites/README.md):
  status        path -> HTTP status to answer with (e.g. 500)
  redirects     path -> where a 301 sends the client
  routes        path?query -> file that answers it (old sites' show.asp?id=N)
  content_types path -> Content-Type header as sent (wrong or missing charsets)
  default_content_type  file extension -> Content-Type
"{{BASE}}" in any served text file becomes the server's base URL.

For politeness tests the server also keeps a timed log (`timings`: when each request
arrived and when its answer was done) and the most requests it had in flight at once;
`stall` seconds make it send half of each answer, wait, then send the rest, so a request
stays in flight that long while the crawler measures a short latency.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

SITES = Path(__file__).parent / "sites"
_TYPES = {".html": "text/html; charset=utf-8", ".htm": "text/html",
          ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
          ".json": "application/json"}


def route_key(raw: str) -> str:
    """A request target in one comparable form: decoded path + sorted decoded query."""
    parts = urlsplit(raw)
    path = unquote(parts.path) or "/"
    pairs = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return path + ("?" + "&".join(f"{k}={v}" for k, v in pairs) if pairs else "")


@dataclass
class SiteServer:
    """A running fixture site: its base URL and the request log."""

    root: Path
    base: str = ""
    requests: list[str] = field(default_factory=list)
    user_agents: set[str] = field(default_factory=set)
    httpd: ThreadingHTTPServer | None = None
    stall: float = 0.0
    timings: list[tuple[float, float, str]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def arrived(self) -> float:
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        return time.monotonic()

    def done(self, started: float, path: str) -> None:
        with self.lock:
            self.in_flight -= 1
            self.timings.append((started, time.monotonic(), path))

    def url(self, path: str = "/") -> str:
        return self.base + path

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()


def _load_config(root: Path) -> dict:
    path = root / "_server.json"
    config = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for name in ("status", "redirects", "routes", "content_types"):
        config[name] = {route_key(key): value for key, value in config.get(name, {}).items()}
    return config


def _make_handler(site: SiteServer, config: dict):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:  # http.server's naming
            self.started, self.logged = site.arrived(), False
            try:
                self._answer()
            finally:
                if not self.logged:
                    site.done(self.started, self.path)

        def _answer(self) -> None:
            site.requests.append(self.path)
            site.user_agents.add(self.headers.get("User-Agent", ""))
            key = route_key(self.path)
            path = key.split("?")[0]
            if key in config["status"]:
                return self._send(config["status"][key], b"<html><body>error</body></html>",
                                  "text/html")
            if key in config["redirects"]:
                return self._redirect(config["redirects"][key])
            target = config["routes"].get(key) or config["routes"].get(path) or path
            file = _resolve(site.root, target)
            if file is None:
                return self._send(404, b"<html><body>404 not found</body></html>", "text/html")
            body = file.read_bytes().replace(b"{{BASE}}", site.base.encode())
            kind = config["content_types"].get(key) or config["content_types"].get(path) \
                or config.get("default_content_type", {}).get(file.suffix) \
                or _TYPES.get(file.suffix, "application/octet-stream")
            self._send(200, body, kind)

        def _redirect(self, location: str) -> None:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            site.done(self.started, self.path)
            self.logged = True
            self.end_headers()

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if site.stall and len(body) > 1:
                half = len(body) // 2
                self.wfile.write(body[:half])
                self.wfile.flush()
                time.sleep(site.stall)
                body = body[half:]
            # logged as done before the last bytes go out: the client cannot have the
            # whole answer (and send its next request) before the log knows
            site.done(self.started, self.path)
            self.logged = True
            self.wfile.write(body)

    return Handler


def _resolve(root: Path, target: str) -> Path | None:
    relative = target.lstrip("/") or "index.html"
    file = (root / relative).resolve()
    if file.is_dir():
        file = file / "index.html"
    if root.resolve() not in file.parents or not file.is_file() or file.name == "_server.json":
        return None
    return file


class _Server(ThreadingHTTPServer):
    # The default listen backlog (5) drops connections when a crawler opens 16 at once,
    # and the dropped SYNs come back seconds later: the crawl would stall.
    request_queue_size = 128
    daemon_threads = True


def start_site(root: Path, stall: float = 0.0) -> SiteServer:
    """Serve `root` on 127.0.0.1, port picked by the OS, from a daemon thread."""
    site = SiteServer(root=Path(root), stall=stall)
    httpd = _Server(("127.0.0.1", 0), _make_handler(site, _load_config(site.root)))
    site.httpd = httpd
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return site


def write_modern_source(path: Path, site: SiteServer,
                        start_paths: tuple[str, ...] = ("/section/local.html",)) -> Path:
    """A sources.toml at `path` with the modern site as its one verified source, crawled
    from `start_paths` (its local section unless told); returns `path`."""
    start_urls = ", ".join(f'"{site.base}{start}"' for start in start_paths)
    path.write_text("\n".join([
        "[[source]]", 'id = "khaleej-today"', 'name = "الخليج اليوم"', 'country = "KW"',
        f'homepage = "{site.base}/"', "verified = true", "article_url = '/news/\\d+'",
        f"start_urls = [{start_urls}]"]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def modern_site():
    """The modern fixture site: JSON-LD, OpenGraph, RSS/Atom, sitemap index, traps."""
    site = start_site(SITES / "modern")
    yield site
    site.stop()


@pytest.fixture(scope="module")
def old_site():
    """The old table-based windows-1256 site with no metadata."""
    site = start_site(SITES / "old")
    yield site
    site.stop()
