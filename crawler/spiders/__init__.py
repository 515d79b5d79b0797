"""Spiders: they decide what to fetch next and hand the bytes to ``crawler.parsing``."""
