"""Spiders of the crawler; the one generic spider is `news.NewsSpider`."""
