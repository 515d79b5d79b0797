"""URL helpers for the crawler: canonical form, same-site test, link triage.

Pure functions over strings, no I/O. The canonical form is an identity key
(deduplication of feed entries, listing links and stored articles), so it must
be stable: the same article reached through a feed link with ``utm_*`` params,
a listing link with a fragment and the page's ``<link rel=canonical>`` should
all map to one string.

Canonicalisation is delegated to ``w3lib.url`` (what Scrapy itself uses for
request fingerprints): ``url_query_cleaner`` removes the tracking parameters
and ``canonicalize_url`` sorts the query, drops the fragment, lowercases
scheme and host and normalises percent-encoding. We do not use courlan's
``normalize_url`` for this: its tracker regex also strips parameters that
identify content on some sites (``cid``, ``gallery...``, ``source``) and it
re-encodes ``;`` in paths, which would merge distinct pages. courlan is used
where it is good: registrable-domain extraction (public-suffix aware) and its
navigation/crawlability filters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import parse_qsl, quote_plus, urljoin, urlsplit, urlunsplit

from courlan import extract_domain
from courlan.filters import is_navigation_page, is_not_crawlable, type_filter
from w3lib.url import canonicalize_url as _w3lib_canonicalize
from w3lib.url import url_query_cleaner

__all__ = [
    "TRACKING_PARAMS",
    "TRACKING_PREFIXES",
    "SEARCH_PLACEHOLDER",
    "canonicalize_url",
    "expand_search_url",
    "is_asset_url",
    "is_http_url",
    "is_tracking_param",
    "looks_like_article_url",
    "registrable_domain",
    "resolve_url",
    "same_site",
    "source_url_problem",
]

# Exact (lower-cased) query parameter names that only carry campaign/click
# tracking. Kept explicit rather than a broad regex: a false positive here
# silently merges two different pages.
# fmt: off
TRACKING_PARAMS: frozenset[str] = frozenset({
    # ad/click ids
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "ttclid", "li_fat_id", "epik", "srsltid", "rb_clickid", "s_kwcid", "_ga", "_gl",
    # mailchimp, hubspot, marketo and other newsletter tools
    "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking",
    "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
    # social
    "igshid", "igsh", "ref_src", "ref_url", "ref", "__twitter_impression", "fb_action_ids",
    "fb_action_types", "fb_source", "fb_ref", "action_object_map", "action_type_map",
    "action_ref_map",
    # news publishers' share/campaign params
    "cmp", "cmpid", "ocid", "ncid", "smid", "smtyp", "sr_share", "s_cid", "ns_mchannel",
    "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "at_medium", "at_campaign", "xtor",
    "xtref", "wt.mc_id", "wt_zmc", "spm", "guccounter", "guce_referrer", "guce_referrer_sig",
})
# fmt: on
# Prefixes of tracking parameter families (utm_source, pk_campaign, mtm_kwd...).
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_", "matomo_", "hsa_", "itm_", "at_custom")

_DEFAULT_PORTS = {"http": 80, "https": 443}

# File extensions that are never an article page. Deliberately a deny-list:
# news CMSs use many odd page extensions (.ece, .cms, .story, .shtml) that an
# allow-list of "web page" extensions would wrongly drop.
# fmt: off
_ASSET_EXTENSIONS: frozenset[str] = frozenset({
    "jpg", "jpeg", "png", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "avif",
    "css", "js", "mjs", "map", "json", "xml", "rss", "atom", "rdf",
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "csv", "txt", "epub",
    "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "exe", "dmg", "apk", "iso",
    "mp3", "m4a", "aac", "ogg", "oga", "wav", "flac", "mp4", "m4v", "mov", "avi",
    "webm", "mkv", "flv", "wmv", "swf", "woff", "woff2", "ttf", "otf", "eot", "ics",
})
# fmt: on
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm|ece|cms|story)$", re.I)
_LONG_NUMBER = re.compile(r"\d{5,}")
_NUMERIC_QUERY_VALUE = re.compile(r"^\d{3,}$")
_DATE_PATH = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d)(?:/[0-3]?\d)?/[^/]+")
_WORD_SEPARATORS = re.compile(r"[-_+]")


def is_tracking_param(name: str) -> bool:
    """True for query parameter names that only carry tracking information."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize_url(url: str) -> str:
    """Return the canonical identity form of ``url``.

    Tracking parameters are removed, the fragment dropped, scheme and host
    lowercased, the default port removed and the remaining query parameters
    sorted (blank values and repeated keys are kept: they can matter).
    Raises ``ValueError`` for strings that are not parseable as URLs.
    """
    url = url.strip()
    query = urlsplit(url).query
    if query:
        tracking = {
            name for name, _ in parse_qsl(query, keep_blank_values=True) if is_tracking_param(name)
        }
        if tracking:
            url = url_query_cleaner(url, tracking, remove=True, unique=False, keep_fragments=False)
    url = _w3lib_canonicalize(url, keep_blank_values=True, keep_fragments=False)
    return _strip_default_port(url)


def _strip_default_port(url: str) -> str:
    """Drop ``:80`` from http and ``:443`` from https URLs (w3lib keeps them)."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # a non-numeric or out-of-range port: leave the URL alone
        return url
    if port is None or _DEFAULT_PORTS.get(parts.scheme) != port:
        return url
    netloc = parts.netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def is_http_url(url: str) -> bool:
    """True for absolute http(s) URLs with a host and a valid port (if any)."""
    return _http_url_problem(url) is None


def _http_url_problem(url: str) -> str | None:
    """Why ``url`` is not an absolute http(s) URL with a host and a valid port, if it is not."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a non-numeric or out-of-range port
    except ValueError as exc:
        return f"cannot be read as a URL ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not an http(s) URL (write it in full: https://host/path)"
    return None


def resolve_url(href: str, base: str) -> str | None:
    """Resolve a link found in a document against ``base``.

    Returns ``None`` for things that are not fetchable http(s) pages: empty
    hrefs, ``mailto:``/``javascript:``/``tel:``/``data:`` links and hrefs that
    do not parse. Whitespace inside hrefs (line breaks in attribute values are
    common in hand-written HTML and feeds) is removed.
    """
    href = "".join(href.split())
    if not href:
        return None
    try:
        absolute = urljoin(base, href)
    except ValueError:  # e.g. an invalid IPv6 literal
        return None
    return absolute if is_http_url(absolute) else None


def registrable_domain(url: str) -> str | None:
    """The registrable domain (public-suffix aware), or the bare host.

    ``news.bbc.co.uk`` -> ``bbc.co.uk``; IP addresses and single-label hosts
    (``localhost``), for which courlan has no answer, fall back to the host.
    """
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return _host_domain(host)


@lru_cache(maxsize=65536)
def _host_domain(host: str) -> str:
    """Registrable domain of one host, cached: the public-suffix lookup behind it is slow
    (the ``tld`` package re-reads its suffix list on every call, ~1 ms), and a crawl asks
    about the same few hosts thousands of times."""
    domain = extract_domain(f"http://{host}/")
    return (domain or host.removeprefix("www.")).lower()


def same_site(url: str, reference: str) -> bool:
    """True when both URLs belong to the same registrable domain.

    Subdomains count as the same site (``www.``, ``amp.``, ``news.``): news
    sites routinely spread one publication over several of them.
    """
    left, right = registrable_domain(url), registrable_domain(reference)
    return left is not None and left == right


def is_asset_url(url: str) -> bool:
    """True when the URL path ends in a file extension that is never an article."""
    path = urlsplit(url).path
    last = path.rsplit("/", 1)[-1]
    if "." not in last:
        return False
    return last.rsplit(".", 1)[-1].lower() in _ASSET_EXTENSIONS


def looks_like_article_url(url: str) -> bool:
    """Heuristic: does this URL look like a single article rather than an index?

    Used for listing pages when the source has no ``allow`` patterns. News
    article URLs nearly always carry a multi-word slug, a long numeric id or a
    date path; section fronts, tag pages, pagination and about/contact pages
    do not. courlan's filters reject navigation/tag/category/pagination and
    login/contact pages first.
    """
    if is_navigation_page(url) or is_not_crawlable(url) or not type_filter(url, strict=True):
        return False
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.query:
        for _name, value in parse_qsl(parts.query):
            if _NUMERIC_QUERY_VALUE.match(value):
                return True
    if not segments:
        return False
    last = _PAGE_EXTENSION.sub("", segments[-1])
    if len(_WORD_SEPARATORS.findall(last)) >= 2:
        return True
    if _LONG_NUMBER.search(last):
        return True
    return bool(_DATE_PATH.search(parts.path)) and not last.isdigit()


SEARCH_PLACEHOLDER = "{query}"


def expand_search_url(template: str, keywords: Sequence[str]) -> list[str]:
    """One news-search URL per keyword: ``{query}`` in ``template`` replaced, URL-encoded.

    ``https://news.example/rss?q={query}&hl=en`` with ``facial recognition ban``
    gives ``...?q=facial+recognition+ban&hl=en``. Blank and repeated keywords
    are skipped. Raises ``ValueError`` when the template has no placeholder
    or is not an http(s) URL, or when there is no keyword: a search source
    that cannot ask anything is a configuration error, not an empty result.
    """
    problem = source_url_problem("search", template)
    if problem is not None:
        raise ValueError(f"search URL {problem}: {template}")
    words = list(dict.fromkeys(k.strip() for k in keywords if k and k.strip()))
    if not words:
        raise ValueError(
            "no search keywords were given to this crawl (they come from the topics' `keywords`)"
        )
    return [template.replace(SEARCH_PLACEHOLDER, quote_plus(word)) for word in words]


def source_url_problem(kind: str, url: str) -> str | None:
    """Why a source's URL cannot be crawled, or ``None`` when it can.

    The one check behind both the configuration (a bad ``[[sources]]`` URL stops
    ``banwatch.toml`` from loading, naming the source) and the crawl (an ad-hoc
    ``--feed`` that is not a URL is recorded as a failed source and skipped).
    A URL without a scheme (``www.example.org/rss``) is refused rather than
    guessed at. ``search`` URLs must hold the ``{query}`` placeholder.
    """
    if not url.strip():
        return "is empty"
    if kind == "search":
        if SEARCH_PLACEHOLDER not in url:
            return f"has no {SEARCH_PLACEHOLDER} placeholder"
        url = url.replace(SEARCH_PLACEHOLDER, "x")
    return _http_url_problem(url)
