"""The crawler's parsing layer in one import: feeds, sitemaps, listing pages, articles.

Each input has its own module of plain functions over bytes -- no I/O, so
spiders stay thin and tests run on saved files in ``tests/data/crawler/``:

- :mod:`banwatch.crawler.feeds`: RSS/RDF/Atom feeds (:func:`parse_feed`);
- :mod:`banwatch.crawler.sitemaps`: sitemaps of every kind (:func:`parse_sitemap`);
- :mod:`banwatch.crawler.listings`: listing pages (:func:`parse_listing`,
  :func:`parse_listing_pages`);
- :mod:`banwatch.crawler.articles`: article pages (:func:`parse_article`).

What they share lives beside them: the one HTML-to-text path, which
``banwatch extract`` uses too (:mod:`~banwatch.crawler.article_text`), decoding untrusted bytes
(:mod:`~banwatch.crawler.decoding`), screening XML prologs
(:mod:`~banwatch.crawler.xmlguard`), the lenient HTML tree
(:mod:`~banwatch.crawler.htmltree`), dates (:mod:`~banwatch.crawler.dates`,
:mod:`~banwatch.crawler.pubdate`) and plain text (:mod:`~banwatch.crawler.plaintext`).

Failure policy: bytes that cannot be used raise :class:`FeedError` (feeds and
sitemaps) or :class:`NoArticleText` (articles) with a message that says why;
problems that were worked around are reported in ``warnings`` lists so the
spider can log them without dropping the data.

The spider imports this module, and the parsing workers preload it (see
``crawler.parse_pool``), so that importing it loads every parser at once.
"""

from __future__ import annotations

from banwatch.crawler.articles import ArticleData, NoArticleText, parse_article
from banwatch.crawler.feeds import FeedEntry, FeedError, FeedResult, looks_like_feed, parse_feed
from banwatch.crawler.listings import parse_listing, parse_listing_pages
from banwatch.crawler.plaintext import content_hash, normalize_text
from banwatch.crawler.sitemaps import SitemapError, SitemapResult, parse_sitemap
from banwatch.crawler.urls import canonicalize_url

__all__ = [
    "ArticleData",
    "FeedEntry",
    "FeedError",
    "FeedResult",
    "NoArticleText",
    "SitemapError",
    "SitemapResult",
    "canonicalize_url",
    "content_hash",
    "looks_like_feed",
    "normalize_text",
    "parse_article",
    "parse_feed",
    "parse_listing",
    "parse_listing_pages",
    "parse_sitemap",
]
