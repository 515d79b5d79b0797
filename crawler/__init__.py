"""banwatch's crawler: a Scrapy project whose spiders only schedule requests.

Parsing lives in plain functions over bytes (``crawler.parsing``) that tests
call on saved files; pipelines each do one job (validate, dedupe, store).
"""
