"""Benchmark of the crawl stage: crawl-and-extract and extraction-only throughput.

Run from the repository root:  .venv/bin/python benchmarks/bench_crawl.py [--articles 200]

Writes a fixture news site of N generated Arabic articles into a temporary folder (half
in a modern layout with JSON-LD, half in an old table layout in windows-1256 with no
metadata), serves it on 127.0.0.1, crawls it with `python -m crawlers.run` (politeness
delays off, as in the tests: this measures our code, not the delays) and prints:
  * crawl-and-extract: articles stored per second, wall clock of the subprocess and
    the crawl's own elapsed time (without interpreter start-up);
  * extraction only: pages per second through `pages.article.examine_page`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest_sites import start_site

from pages.article import examine_page

PLACES = ["حولي", "الفروانية", "الجهراء", "الأحمدي", "مبارك الكبير", "العاصمة"]
SUBJECTS = ["مكتب استقدام غير مرخص", "شركة مقاولات", "شبكة لبيع الإقامات", "دار إيواء خاصة",
            "وسيط توظيف", "مكتب للعمالة المنزلية"]
SENTENCES = [
    "أعلنت الجهات المختصة ضبط {subject} في منطقة {place} بعد تحريات استمرت {n} أسابيع.",
    "وقالت مصادر مطلعة إن {n} عمال تقدموا بشكاوى عن تأخر رواتبهم واحتجاز جوازات سفرهم.",
    "وأحيلت القضية رقم {case} إلى النيابة العامة للتحقيق في شبهة الاتجار بالأشخاص.",
    "وأكد مسؤول أن الحملات التفتيشية ستستمر في {place} وغيرها من المناطق خلال الأشهر المقبلة.",
    "ودعت الهيئة العمال إلى الإبلاغ عن أي مخالفة عبر الخط الساخن المخصص لذلك.",
]


def _paragraphs(number: int) -> list[str]:
    values = {"subject": SUBJECTS[number % len(SUBJECTS)], "place": PLACES[number % len(PLACES)],
              "n": number % 9 + 2, "case": 5000 + number}
    return [sentence.format(**values) + f" (متابعة رقم {number})" for sentence in SENTENCES]


def _modern_page(number: int, day: int) -> str:
    title = f"ضبط {SUBJECTS[number % len(SUBJECTS)]} في {PLACES[number % len(PLACES)]} ({number})"
    body = "".join(f"<p>{p}</p>" for p in _paragraphs(number))
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f"<title>{title} | خليج المقياس</title>"
            f'<meta property="og:type" content="article">'
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",'
            f' "datePublished": "2025-07-{day:02d}"}}</script></head><body>'
            f'<header><nav><a href="/">الرئيسية</a></nav></header><main><article>'
            f'<h1>{title}</h1><div class="share"><a href="#">تويتر</a></div>'
            f'<div class="body">{body}</div><div class="read-also"><h3>اقرأ أيضا</h3>'
            f'<a href="/news/{number + 1}.html">خبر آخر</a></div></article></main>'
            f"<footer>جميع الحقوق محفوظة</footer></body></html>")


def _old_page(number: int, day: int) -> bytes:
    title = f"القبض على {SUBJECTS[number % len(SUBJECTS)]} في {PLACES[number % len(PLACES)]} ({number})"
    body = "<br><br>".join(_paragraphs(number))
    html = (f"<html><head><title>صوت المقياس - {title}</title></head><body><table width=780>"
            f"<tr><td>صوت المقياس</td></tr><tr><td><table><tr><td><b>{title}</b></td></tr>"
            f"<tr><td>الخميس {day} يوليو 2025</td></tr><tr><td>{body}</td></tr>"
            f"<tr><td>اقرأ أيضا: <a href='/news/{number + 1}.html'>خبر آخر</a></td></tr>"
            f"</table></td></tr><tr><td>جميع الحقوق محفوظة</td></tr></table></body></html>")
    return html.encode("cp1256")


def build_site(root: Path, count: int) -> list[tuple[bytes, str]]:
    """Write `count` articles, a feed listing them, robots.txt; return (page, path) pairs."""
    (root / "news").mkdir(parents=True)
    pages = []
    for number in range(count):
        day = number % 28 + 1
        page = _modern_page(number, day).encode() if number % 2 == 0 else _old_page(number, day)
        (root / "news" / f"{number}.html").write_bytes(page)
        pages.append((page, f"/news/{number}.html"))
    items = "".join(f"<item><title>{n}</title><link>{{{{BASE}}}}/news/{n}.html</link></item>"
                    for n in range(count))
    (root / "feed.xml").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{items}'
                                   "</channel></rss>", encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    (root / "_server.json").write_text('{"content_types": {}}')
    return pages


def bench_crawl(root: Path, workdir: Path) -> dict:
    site = start_site(root)
    sources = workdir / "sources.toml"
    sources.write_text(f'[[source]]\nid = "bench"\nname = "خليج المقياس"\ncountry = "KW"\n'
                       f'homepage = "{site.base}/"\nfeeds = ["{site.base}/feed.xml"]\n',
                       encoding="utf-8")
    fast = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 32,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "LOG_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "crawlers.run", "--db", str(workdir / "bench.db"),
               "--sources", str(sources), "--state-dir", ""]
    for key, value in fast.items():
        command += ["--set", f"{key}={json.dumps(value)}"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    site.stop()
    summary = json.loads(done.stdout)
    return {"stored": summary["articles_stored"], "wall": wall,
            "crawl": summary["elapsed_seconds"], "errors": summary["errors"]}


def bench_extract(pages: list[tuple[bytes, str]], rounds: int) -> dict:
    examine_page(*pages[0])  # warm up lazy imports
    started = time.perf_counter()
    accepted = sum(examine_page(page, "http://bench" + path).article is not None
                   for _ in range(rounds) for page, path in pages)
    seconds = time.perf_counter() - started
    return {"pages": len(pages) * rounds, "seconds": seconds, "accepted": accepted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="extraction passes over the pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root, workdir = Path(folder) / "site", Path(folder) / "work"
        workdir.mkdir()
        pages = build_site(root, args.articles)
        crawl = bench_crawl(root, workdir)
        extract = bench_extract(pages, args.rounds)
    print(f"crawl-and-extract: {crawl['stored']}/{args.articles} articles stored, "
          f"{crawl['stored'] / crawl['crawl']:.1f} articles/s over the crawl "
          f"({crawl['crawl']:.2f} s), {crawl['stored'] / crawl['wall']:.1f} articles/s "
          f"with process start-up ({crawl['wall']:.2f} s), {crawl['errors']} errors")
    print(f"extraction only:   {extract['pages'] / extract['seconds']:.1f} pages/s "
          f"({extract['pages']} pages in {extract['seconds']:.2f} s, "
          f"{extract['accepted']} accepted as articles)")


if __name__ == "__main__":
    main()
