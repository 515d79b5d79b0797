"""Listing pages (section fronts, tag pages, link pages): links to articles and to more listings.

What counts as page chrome, as pagination and as a page never worth reading
is data (the sets and patterns below); the two functions only walk the links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import lxml.html
from courlan.filters import is_not_crawlable

from banwatch.crawler.decoding import binary_kind, decode_markup
from banwatch.crawler.htmltree import base_url, html_tree
from banwatch.crawler.plaintext import WHITESPACE
from banwatch.crawler.urls import (
    canonicalize_url,
    is_asset_url,
    looks_like_article_url,
    resolve_url,
    same_site,
)

_SKIP_CONTAINERS = {"nav", "footer"}
_SKIP_ROLES = {"navigation", "contentinfo", "menu", "menubar", "banner"}
_CONTENT_CONTAINERS = {"article", "main"}


def _in_chrome(link: lxml.html.HtmlElement) -> bool:
    """Is the link in page chrome (nav, footer, site header, menus)?

    A ``<header>`` counts as chrome only outside ``<article>``/``<main>``:
    article cards on listing pages put their headline link in a header.
    """
    in_header = False
    for ancestor in link.iterancestors():
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in _SKIP_CONTAINERS:
            return True
        if (ancestor.get("role") or "").strip().lower() in _SKIP_ROLES:
            return True
        if tag in _CONTENT_CONTAINERS:
            return False
        if tag == "header":
            in_header = True
    return in_header


def _page_key(url: str) -> str:
    """The listing page's own canonical URL, never one of its links."""
    try:
        return canonicalize_url(url)
    except ValueError:
        return url


def _site_links(
    body: bytes, url: str, skip_chrome: bool
) -> Iterator[tuple[lxml.html.HtmlElement, str]]:
    """``(anchor, absolute URL)`` of each same-site, non-asset link of a page, in page order.

    Same-page fragments are left out, and with ``skip_chrome`` links in page
    chrome too. Bodies that are not HTML have no links.
    """
    if not body or binary_kind(body):
        return
    tree = html_tree(decode_markup(body, None)[0])
    if tree is None:
        return
    base = base_url(tree, url)
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if not href or href.lstrip().startswith("#") or (skip_chrome and _in_chrome(anchor)):
            continue
        absolute = resolve_url(href, base)
        if absolute is None or not same_site(absolute, url) or is_asset_url(absolute):
            continue
        yield anchor, absolute


def parse_listing(
    body: bytes,
    url: str,
    allow: Sequence[str] = (),
    deny: Sequence[str] = (),
) -> list[str]:
    """Article links from a section/listing page, canonicalised, in page order.

    Links are resolved (honouring ``<base href>``), restricted to the same
    site, and stripped of page chrome (nav/footer/menus), non-http schemes,
    same-page fragments and assets. ``deny`` regexes (``re.search`` on the
    absolute URL) always win. With ``allow`` regexes the source config
    decides what an article is; without them :func:`looks_like_article_url`
    does. Bodies that are not HTML yield an empty list.
    """
    allow_res = [re.compile(p) for p in allow]
    deny_res = [re.compile(p) for p in deny]
    links: list[str] = []
    seen: set[str] = {_page_key(url)}
    for _anchor, absolute in _site_links(body, url, skip_chrome=True):
        if any(r.search(absolute) for r in deny_res):
            continue
        if allow_res:
            if not any(r.search(absolute) for r in allow_res):
                continue
        elif not looks_like_article_url(absolute):
            continue
        try:
            key = canonicalize_url(absolute)
        except ValueError:
            continue
        if key not in seen:
            seen.add(key)
            links.append(key)
    return links


_PAGINATION_URL = re.compile(
    r"(?:[?&](?:page|p|pg|start|offset)=\d+|[/_-](?:page|seite|pagina)[/_-]?\d+|/\d+/?$)", re.I
)
_PAGINATION_TEXT = re.compile(
    r"^(?:next|older|more|earlier|previous|prev|load more|more stories|page \d+|\d{1,3}|[»›>]+)\b",
    re.I,
)
# Same-site pages that are never worth reading as listings.
_NOT_A_LISTING = re.compile(
    r"/(?:about|contact|privacy|terms|legal|cookies?|login|log-in|sign-?in|sign-?up|register|"
    r"account|subscribe|subscription|newsletters?|donate|careers|jobs|advertise|help|faq|"
    r"feedback|imprint|impressum|search)(?:[./?#-]|$)",
    re.I,
)


def parse_listing_pages(
    body: bytes, url: str, deny: Sequence[str] = (), limit: int = 50
) -> list[str]:
    """Links from a listing page to more listing pages (pagination, sections), canonicalised.

    Used to crawl a ``page`` source deeper than one hop: articles are leaves,
    these are the pages whose article links are read next. A candidate is a
    same-site, non-asset, non-denied link that does not look like an article
    and is not an about/contact/login/subscribe-style page; pagination links
    (``rel=next``, ``?page=2``, ``/page/2``, "Older", "Next") come first.
    Unlike :func:`parse_listing`, links in nav and header chrome count here:
    that is where section fronts and pagination live. At most ``limit``.
    """
    deny_res = [re.compile(p) for p in deny]
    paginated: list[str] = []
    others: list[str] = []
    seen: set[str] = {_page_key(url)}
    for anchor, absolute in _site_links(body, url, skip_chrome=False):
        if any(r.search(absolute) for r in deny_res) or _NOT_A_LISTING.search(absolute):
            continue
        if looks_like_article_url(absolute) or is_not_crawlable(absolute):
            continue
        try:
            key = canonicalize_url(absolute)
        except ValueError:
            continue
        if key in seen:
            continue
        seen.add(key)
        rels = (anchor.get("rel") or "").lower().split()
        label = WHITESPACE.sub(" ", anchor.text_content() or "").strip()
        if "next" in rels or _PAGINATION_URL.search(key) or _PAGINATION_TEXT.match(label):
            paginated.append(key)
        else:
            others.append(key)
    return (paginated + others)[:limit]
