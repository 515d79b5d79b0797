"""A lenient HTML tree of a decoded page, and the base URL its links resolve against."""

from __future__ import annotations

import lxml.etree
import lxml.html

from banwatch.crawler.urls import resolve_url
from banwatch.crawler.xmlguard import XML_DECLARATION


def html_tree(text: str) -> lxml.html.HtmlElement | None:
    """Parse HTML text leniently (unclosed tags, junk) for link/metadata lookups."""
    text = XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None


def base_url(tree: lxml.html.HtmlElement, url: str) -> str:
    """The document's ``<base href>`` resolved against ``url``, or ``url``."""
    for href in tree.xpath("//head/base/@href"):
        resolved = resolve_url(str(href), url)
        if resolved:
            return resolved
    return url
