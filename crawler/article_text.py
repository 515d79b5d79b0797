"""The one HTML-to-text path: the crawl's articles and ``banwatch extract`` read pages here.

A page's bytes are decoded (BOM, HTTP charset, ``<meta charset>``, then
detection: trafilatura's own decoding ignores ``<meta charset>``), parsed once
by trafilatura's loader, and the story is taken from that tree by trafilatura
in precision mode, retried in recall mode when short. Pages that are not
HTML, or hold too little text to be a story (a stub, a paywall, a navigation
page), raise :class:`NoArticleText`. Because the crawl and the command line
both come through :func:`page_text` / :func:`story_text`, a page saved from
the web gives ``banwatch extract`` exactly the text the crawl stored for it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

from banwatch.crawler.decoding import binary_kind, decode_markup
from banwatch.crawler.htmltree import html_tree
from banwatch.crawler.plaintext import word_count

# Fewer words than this after extraction (counted in any script: see
# ``plaintext.word_count``) is a stub, a paywall or a nav page.
MIN_ARTICLE_WORDS = 20
# Extractions shorter than this are retried with trafilatura's recall mode.
_RECALL_RETRY_CHARS = 500


class NoArticleText(ValueError):
    """A page with no extractable article text (also: not HTML at all)."""


@dataclass(frozen=True)
class LoadedPage:
    """A page decoded and parsed once; every reading of it works on ``tree``."""

    html: str
    tree: lxml.html.HtmlElement
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Story:
    """The story's text, and the language trafilatura saw in it (None when unsure)."""

    text: str
    language: str | None


def load_page(body: bytes, encoding: str | None = None) -> LoadedPage:
    """Decode and parse a page; :class:`NoArticleText` for bytes that are no HTML page.

    ``encoding`` is the HTTP charset if the server sent one. The parse is
    trafilatura's own loader (the tree it would build from the text itself),
    so that the text and the metadata read the same tree.
    """
    if not body or not body.strip():
        raise NoArticleText("empty response")
    kind = binary_kind(body)
    if kind:
        raise NoArticleText(f"not an HTML document: {kind}")
    html_text, warnings = decode_markup(body, encoding)
    tree = load_html(html_text)
    if tree is None:
        if html_tree(html_text) is None:
            raise NoArticleText("not an HTML document: nothing to parse")
        raise NoArticleText(f"no article text: 0 words extracted (minimum {MIN_ARTICLE_WORDS})")
    return LoadedPage(html_text, tree, warnings)


# One extraction configuration per mode, built once per process: trafilatura's
# ``Extractor`` reads its whole configparser file on construction (about a
# quarter of a millisecond a page), and only the URL differs between pages.
_EXTRACTORS: dict[bool, Extractor] = {}


def _extractor(url: str, recall: bool) -> Extractor:
    """The extraction options for one page: the mode's shared template with this URL."""
    template = _EXTRACTORS.get(recall)
    if template is None:
        template = _EXTRACTORS[recall] = Extractor(
            output_format="python",
            precision=not recall,
            recall=recall,
            comments=False,
            tables=True,
        )
    options = copy.copy(template)
    options.url = url
    options.source = url.encode("utf-8", "replace").decode("utf-8")
    return options


def _extract(tree: lxml.html.HtmlElement, url: str, recall: bool) -> object:
    """One trafilatura text pass over the parsed page: precision-leaning first, recall for
    the retry. Metadata is not asked for here: the article parser reads it once.

    ``favor_precision`` drops more of the related-links/newsletter/caption
    debris that news templates leave beside the story; on the 181-page
    article-extraction benchmark it took F1 from 0.954 to 0.962 (see
    ``bench/crawl_text_quality.py``). The cost -- a short story pruned too
    hard -- is what the recall retry below ``_RECALL_RETRY_CHARS`` is for.
    ``bare_extraction`` works on a copy of ``tree``, so the tree can be reused.
    """
    return trafilatura.bare_extraction(tree, url=url, options=_extractor(url, recall))


def story_text(tree: lxml.html.HtmlElement, url: str) -> Story:
    """The story in a parsed page; :class:`NoArticleText` when it is too short to be one."""
    doc = _extract(tree, url, recall=False)
    text = (getattr(doc, "text", None) or "").strip()
    if len(text) < _RECALL_RETRY_CHARS:
        retry = _extract(tree, url, recall=True)
        retry_text = (getattr(retry, "text", None) or "").strip()
        if len(retry_text) > len(text):
            doc, text = retry, retry_text
    words = word_count(text)
    if doc is None or words < MIN_ARTICLE_WORDS:
        raise NoArticleText(
            f"no article text: {words} words extracted (minimum {MIN_ARTICLE_WORDS})"
        )
    return Story(text, getattr(doc, "language", None))


def page_text(body: bytes, url: str, encoding: str | None = None) -> str:
    """The story's text of an HTML page, exactly as the crawl stores it."""
    return story_text(load_page(body, encoding).tree, url).text
