"""banwatch's crawler: a Scrapy project whose spiders only schedule requests.

Parsing lives in plain functions over bytes, one module per input (``crawler.feeds``,
``crawler.sitemaps``, ``crawler.listings``, ``crawler.articles``) that tests call on
saved files; pipelines each do one job (validate, dedupe, store).
"""
