"""Article pages: the story's text, title, author, date, language and canonical URL.

The page is decoded and parsed once (:func:`~banwatch.crawler.article_text.load_page`)
and every reading below works on that one tree; the text is the one path that
``banwatch extract`` shares (:mod:`banwatch.crawler.article_text`). Pages that
are not HTML, or hold too little text to be a story, raise :class:`NoArticleText`.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import lxml.html
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document

from banwatch.crawler.article_text import NoArticleText, load_page, story_text
from banwatch.crawler.dates import as_utc
from banwatch.crawler.feeds import FeedEntry
from banwatch.crawler.htmltree import base_url
from banwatch.crawler.plaintext import content_hash, plain_text
from banwatch.crawler.pubdate import choose_date
from banwatch.crawler.urls import canonicalize_url, resolve_url, same_site

__all__ = ["ArticleData", "NoArticleText", "parse_article"]


@dataclass(frozen=True)
class ArticleData:
    """An article page read: ``published`` is the instant in UTC, ``published_date`` the
    publisher's own day (see :mod:`banwatch.crawler.pubdate`)."""

    url: str
    canonical_url: str
    title: str | None
    author: str | None
    published: datetime | None
    language: str | None
    text: str
    content_hash: str
    warnings: list[str] = field(default_factory=list)
    published_date: date | None = None


_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]|$)")


def _language(tree: lxml.html.HtmlElement) -> str | None:
    """Primary language subtag from ``<html lang>``, Content-Language meta or og:locale."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath(
            "//meta[translate(@http-equiv,'CONTENTLANGUAGE','contentlanguage')"
            "='content-language']/@content"
        ),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ]
    for candidate in candidates:
        match = _LANGUAGE.match((candidate or "").strip())
        if match:
            return match.group(1).lower()
    return None


def _declared_urls(tree: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """The page's own statements of its URL, in order: ``<link rel=canonical>``, ``og:url``."""
    candidates: list[tuple[str, str]] = []
    for link in tree.xpath("//link[@href]"):
        rels = (link.get("rel") or "").lower().split()
        if "canonical" in rels:
            candidates.append(("canonical", link.get("href")))
    for content in tree.xpath("//meta[@property='og:url' or @name='og:url']/@content"):
        candidates.append(("og:url", str(content)))
    return candidates


def _canonical_url(tree: lxml.html.HtmlElement, url: str, warnings: list[str]) -> str:
    """The page's own canonical URL when plausible, else ``url``; always canonicalised.

    Candidates: ``<link rel=canonical>``, then ``og:url``. A candidate is
    ignored (with a warning) when it is on another site, or when it points
    to the site root while the fetched URL does not (a frequent CMS
    template bug that would merge every article into the home page).
    """
    candidates = _declared_urls(tree)
    base = base_url(tree, url)
    fetched_is_root = urlsplit(url).path in ("", "/")
    for source, href in candidates:
        resolved = resolve_url(href, base)
        if resolved is None:
            warnings.append(f"ignored {source} {href!r}: not an http(s) URL")
            continue
        if not same_site(resolved, url):
            warnings.append(f"ignored {source} {resolved}: another site")
            continue
        if urlsplit(resolved).path in ("", "/") and not fetched_is_root:
            warnings.append(f"ignored {source} {resolved}: points to the site root")
            continue
        try:
            return canonicalize_url(resolved)
        except ValueError:
            warnings.append(f"ignored {source} {resolved}: unparseable")
    try:
        return canonicalize_url(url)
    except ValueError:
        return url


MAX_TITLE_CHARS = 300


def _sane_title(value: str | None, warnings: list[str]) -> str | None:
    """A plain-text title, or None when it is implausibly long.

    With broken markup (an ``<h1>`` closed by ``</h2>``) the headline element
    can swallow the whole story, and extractors then report it as the title.
    """
    title = plain_text(value)
    if title is not None and len(title) > MAX_TITLE_CHARS:
        warnings.append(f"ignored a {len(title)}-character title")
        return None
    return title


def _page_metadata(tree: lxml.html.HtmlElement, url: str) -> Document:
    """Title, author and URL as trafilatura's ``extract_metadata`` finds them.

    The same steps in the same order, minus what banwatch never reads (site
    name, categories, tags, licence): those were about a third of the cost of
    a page, and asking ``bare_extraction`` for metadata would repeat the
    whole pass on a recall retry. The date is :mod:`~banwatch.crawler.pubdate`'s.
    """
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    # trafilatura's JSON-LD reader has bugs; it ignores them too.
    with contextlib.suppress(Exception):
        metadata = extract_meta_json(tree, metadata)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = extract_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, url)
    metadata.clean_and_trim()
    return metadata


def parse_article(
    body: bytes,
    url: str,
    fallback: FeedEntry | None = None,
    encoding: str | None = None,
    now: datetime | None = None,
) -> ArticleData:
    """Extract an article's text and metadata from an HTML page.

    ``encoding`` is the HTTP charset if the server sent one. The text is
    :func:`~banwatch.crawler.article_text.story_text`'s, the one HTML-to-text
    path ``banwatch extract`` uses too. Title, author and date fall back to the
    feed entry. ``now`` (default: the current time) bounds plausible
    publication dates.
    """
    now = as_utc(now) if now is not None else datetime.now(UTC)
    page = load_page(body, encoding)
    tree, warnings = page.tree, page.warnings
    canonical = _canonical_url(tree, url, warnings)
    language = _language(tree)
    meta = _page_metadata(tree, url)
    story = story_text(tree, url)
    # The URL the page gives itself, wherever it points, is the one its date may be in.
    declared = [resolve_url(href, base_url(tree, url)) for _, href in _declared_urls(tree)]
    own_url = next((u for u in declared if u), None) or meta.url or url
    published = choose_date(tree, page.html, own_url, fallback, now, warnings)
    title = _sane_title(meta.title, warnings)
    if title is None and fallback is not None:
        title = fallback.title
    if title is None:
        title = _sane_title(tree.findtext(".//title"), warnings)
    author = plain_text(meta.author) or (fallback.author if fallback else None)
    return ArticleData(
        url=url,
        canonical_url=canonical,
        title=title,
        author=author,
        published=published.at,
        language=language or story.language,
        text=story.text,
        content_hash=content_hash(story.text),
        warnings=warnings,
        published_date=published.day,
    )
