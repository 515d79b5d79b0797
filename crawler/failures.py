"""Name what went wrong with a request: a short kind for counts, a sentence for people.

The run row counts errors by kind (``http_404``, ``timeout``, ``too_large``,
``redirect_loop``...) and a source's health line keeps the sentence, so both
must come from one place. ``transient`` kinds are worth trying again on the
next crawl; the spider uses that to decide whether a source's validators
(ETag, Last-Modified) may be kept: a feed answered 304 next time would
otherwise hide the articles that timed out this time.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    StopDownload,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectError,
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure

from banwatch.crawler.contentgate import REFUSED_META, TOO_LARGE_META
from banwatch.crawler.retry import GIVE_UP_META

TRANSIENT_KINDS = frozenset(
    {
        "timeout",
        "dns",
        "connection_refused",
        "connection_lost",
        "retry_after",
        "http_408",
        "http_429",
        "http_500",
        "http_502",
        "http_503",
        "http_504",
        "http_522",
        "http_524",
        "parser_crashed",
    }
)


@dataclass(frozen=True)
class FailureInfo:
    """A failed request, described."""

    kind: str
    message: str

    @property
    def transient(self) -> bool:
        """Worth trying again on a later crawl."""
        return self.kind in TRANSIENT_KINDS


def describe_failure(failure: Failure) -> FailureInfo:
    """Kind and message for a Scrapy errback failure."""
    request = getattr(failure, "request", None)
    meta = request.meta if request is not None else {}
    exc = failure.value
    detail = failure.getErrorMessage()
    if failure.check(HttpError):
        status = exc.response.status
        extra = meta.get(GIVE_UP_META)
        message = f"HTTP {status}" + (f" ({extra})" if extra else "")
        return FailureInfo(f"http_{status}", message)
    if failure.check(StopDownload):
        return FailureInfo("content_type", f"skipped: {meta.get(REFUSED_META) or detail}")
    if failure.check(DownloadTimeoutError, TimeoutError, TCPTimedOutError):
        return FailureInfo("timeout", f"timed out: {detail}")
    if failure.check(DownloadCancelledError):
        if "max size" in detail:
            return FailureInfo("too_large", f"response too large: {_first_sentence(detail)}")
        if meta.get(TOO_LARGE_META):
            return FailureInfo("too_large", f"response too large: {meta[TOO_LARGE_META]}")
        return FailureInfo("cancelled", f"download cancelled: {detail}")
    if failure.check(DNSLookupError, CannotResolveHostError):
        return FailureInfo("dns", f"host not found: {detail}")
    if failure.check(DownloadConnectionRefusedError, ConnectionRefusedError):
        return FailureInfo("connection_refused", f"connection refused: {detail}")
    if failure.check(ResponseDataLossError, ConnectionLost, DownloadFailedError, ConnectError):
        return FailureInfo("connection_lost", f"connection failed: {detail}")
    if failure.check(IgnoreRequest):
        return _describe_ignored(detail)
    name = failure.type.__name__ if failure.type else "Error"
    return FailureInfo(name.lower(), f"{name}: {detail}")


def _describe_ignored(detail: str) -> FailureInfo:
    if "max redirections" in detail:
        return FailureInfo("redirect_loop", "too many redirects (a redirect loop?)")
    if "robots.txt" in detail:
        return FailureInfo("robots", "forbidden by robots.txt")
    if "non-public address" in detail:
        return FailureInfo("private_address", detail)
    if "Retry-After" in detail:
        return FailureInfo("retry_after", detail)
    if "max size" in detail:  # a compressed body that decompresses beyond the cap
        return FailureInfo("too_large", f"response too large: {_first_sentence(detail)}")
    return FailureInfo("ignored", detail)


def _first_sentence(text: str) -> str:
    """Scrapy's size messages end with the whole request repr; keep the useful part."""
    return text.split(" in request ", 1)[0].rstrip(".")
