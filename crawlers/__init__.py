"""The crawler: Scrapy project that fills the timeline database with news articles.

Flow: sources.py (what to crawl) -> spiders/news.py (discover, fetch; fingerprint.py says
which requests are the same) -> pages.article (page -> Article, the shared page cascade)
-> pipelines.py (validate; the storage's StorePipeline, plugged in by name, stores).
Entry point: `crawlers.run.crawl(...)`, or `python -m crawlers.run` in a subprocess.
See crawlers/README.md.
"""
