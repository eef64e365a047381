"""The crawler: Scrapy project that fills the timeline database with news articles.

Flow: sources.py (what to crawl) -> spiders/news.py (discover, fetch) -> article.py
(page -> Article) -> pipelines.py (validate, dedup, store via timeline.store).
Entry point: `crawlers.run.crawl(...)`, or `python -m crawlers.run` in a subprocess.
See crawlers/README.md.
"""
