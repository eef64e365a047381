"""Crawl settings: the polite defaults every crawl starts from (nothing outlet-specific).

Read by Scrapy through scrapy.cfg (`scrapy crawl news ...`) and by `crawlers.run.crawl`,
which adds the run's own values (database, state folder, limits) and any
`settings_overrides` on top. Outlets are data (crawlers/sources.toml), not settings.
"""

BOT_NAME = "gulf-trafficking-monitor"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

# Say who we are and how to reach us; sites can then ask us to slow down or stop.
USER_AGENT = ("GulfTraffickingMonitor/0.1 (research news monitor on human trafficking "
              "in Kuwait and the Gulf; contact: CONTACT-EMAIL-PLACEHOLDER)")

# Politeness.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # each wait is DOWNLOAD_DELAY ± 50%
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 15
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False  # no listening ports on a research machine
REMOTE_CONTROL_ENABLED = False

# Retries with back-off (RETRY_TIMES extra tries; waits RETRY_BACKOFF_BASE * 2**n s).
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0

# The run's own values; crawlers.run.crawl sets them from its arguments.
NEWS_DB = "data/timeline.db"  # the timeline database articles are stored in
NEWS_SOURCES_FILE = None  # None: crawlers/sources.toml
NEWS_SINCE = None  # "YYYY-MM-DD": older articles are skipped
NEWS_SHARED_FRONTIER = False  # True on a Redis frontier (crawlers/redis_frontier.py): listings too go through the shared filter
NEWS_REFRESH = False  # True: fetch already-stored URLs again

# Listing pages followed per start URL (pagination depth), per run.
NEWS_MAX_LISTING_PAGES = 5
NEWS_MAX_SEARCH_PAGES = 20
# Section and tag listings linked from the homepage / start URLs are followed (with their
# own pagination) this many links deep, at most NEWS_MAX_SECTIONS of them per source.
NEWS_MAX_SECTION_DEPTH = 1
NEWS_MAX_SECTIONS = 30

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawlers.middlewares.RobotsTxtUnreachableMiddleware": 100,
    "crawlers.middlewares.KnownRedirectMiddleware": 540,
    "crawlers.middlewares.BackoffRetryMiddleware": 550,
    "crawlers.middlewares.CharsetRepairMiddleware": 560,
}
# Spider output passes the higher number first: canonicalise, then skip known URLs.
SPIDER_MIDDLEWARES = {
    "crawlers.middlewares.CanonicalUrlMiddleware": 610,
    "crawlers.middlewares.KnownUrlMiddleware": 600,
}
ITEM_PIPELINES = {
    "crawlers.pipelines.ValidatePipeline": 100,
    # the storage, plugged in by name; its UNIQUE(url) and UNIQUE(content_hash) decide
    # what is new (a duplicate is counted, not stored)
    "timeline.crawl_store.StorePipeline": 300,
}
# One rule for "the same request": the canonical URL (crawlers/fingerprint.py).
REQUEST_FINGERPRINTER_CLASS = "crawlers.fingerprint.CanonicalFingerprinter"

LOG_LEVEL = "INFO"
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
