"""Article text extraction in worker processes, so that it does not serialize the crawl.

trafilatura is pure-Python-heavy CPU work (tens of milliseconds a page) and
holds the GIL: run in the crawl's own process -- or in a thread -- it caps
the whole crawl at one core while the downloader waits. Here
``crawler.articles.parse_article`` runs in a ``ProcessPoolExecutor`` and the
spider's ``async def`` callback awaits it through ``asyncio.wrap_future``
(Scrapy runs on the asyncio reactor), so downloads, storage and extraction
overlap and extraction uses every core.

The workers are forked from the crawl process when the spider opens, while
it has a single thread (so no lock can be caught held in the child) and has
already imported the parsing code: they are ready at once. Later -- when a
pool must be rebuilt mid-crawl, and the crawl has threads (DNS resolution,
the executor's own manager) -- they come from a ``forkserver`` that imports
the parsing module once; ``spawn`` would import trafilatura in every worker.

A page that takes longer than ``timeout`` seconds (a pathological document)
or a worker that dies (a crash in a C parser) is reported for that page
alone; the pool is rebuilt and the other pages in flight are tried once
more on the new one.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import Any, TypeVar

from banwatch.crawler.articles import ArticleData, parse_article
from banwatch.crawler.feeds import FeedEntry

logger = logging.getLogger(__name__)

T = TypeVar("T")
DEFAULT_TIMEOUT = 60.0
MAX_DEFAULT_WORKERS = 4


class ParseFailed(Exception):
    """Parsing did not finish for a reason other than the page itself (timeout, crash)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def default_workers() -> int:
    """One worker per core, at most ``MAX_DEFAULT_WORKERS`` (the downloader needs a little)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_DEFAULT_WORKERS, cores or 1))


def _parse(
    body: bytes, url: str, fallback: FeedEntry | None, encoding: str | None, now: datetime | None
) -> ArticleData:
    """The worker's job (module level so that it pickles by name)."""
    return parse_article(body, url, fallback=fallback, encoding=encoding, now=now)


def _ready() -> int:
    return os.getpid()


ORPHAN_CHECK_SECONDS = 1.0


def _exit_with_parent(parent_pid: int) -> None:
    """Worker initializer: end this worker once the crawl process that forked it is gone.

    A worker waits on its call queue, whose pipe it holds both ends of, so a crawl
    killed with SIGKILL never wakes it: it would sleep on, an orphan, for ever.
    """

    def watch() -> None:
        # By pid, not os.getppid(): a worker from the forkserver is the server's child.
        while True:
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            threading.Event().wait(ORPHAN_CHECK_SECONDS)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


class ArticleParserPool:
    """``await pool.parse(...)``: ``parse_article`` in a worker process.

    ``workers=0`` parses in the calling process (debugging, or a machine
    where subprocesses are not allowed); the behaviour is otherwise the same.
    """

    def __init__(self, workers: int, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.workers = workers
        self.timeout = timeout
        self._executor: ProcessPoolExecutor | None = None
        self._generation = 0

    def start(self) -> None:
        """Start the workers now, so that the first pages do not wait for their start-up."""
        if self.workers <= 0 or self._executor is not None:
            return
        if threading.active_count() == 1:
            context = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["banwatch.crawler.parsing"])
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_exit_with_parent,
            initargs=(os.getpid(),),
        )
        self._generation += 1
        for _ in range(self.workers):
            self._executor.submit(_ready)

    def close(self) -> None:
        """Stop the workers; pages still queued are abandoned (the crawl is over)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    async def parse(
        self,
        body: bytes,
        url: str,
        fallback: FeedEntry | None = None,
        encoding: str | None = None,
        now: datetime | None = None,
    ) -> ArticleData:
        """Parse one article page in a worker.

        Raises ``NoArticleText`` for the page's own faults, ``ParseFailed`` for the pool's.
        """
        return await self.run(_parse, body, url, fallback, encoding, now)

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker (a module-level function: it is sent by name).

        Exceptions it raises come back as they are; a timeout or a dead worker
        raises ``ParseFailed``. Feeds, sitemaps and listing pages go through here
        too: parsing a 100-entry feed is tens of milliseconds the downloader
        should not wait for.
        """
        if self.workers <= 0:
            return function(*args)
        for attempt in (1, 2):
            if self._executor is None:
                self.start()
            assert self._executor is not None
            generation = self._generation
            try:
                future: Future[T] = self._executor.submit(function, *args)
            except BrokenProcessPool:
                self._restart(generation, "the pool was broken")
                continue
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
            except TimeoutError as exc:
                # The worker is stuck on this document: killing the pool is the only way out.
                self._restart(generation, f"a document took longer than {self.timeout:.0f}s")
                raise ParseFailed(
                    "parse_timeout", f"parsing took longer than {self.timeout:.0f}s"
                ) from exc
            except BrokenProcessPool as exc:
                self._restart(generation, "a worker died")
                if attempt == 2:
                    raise ParseFailed(
                        "parser_crashed", "the parsing worker died on this document"
                    ) from exc
        raise ParseFailed("parser_crashed", "the parsing pool could not be started")

    def _restart(self, generation: int, why: str) -> None:
        """Replace the executor, once per breakage however many pages notice it."""
        if generation != self._generation or self._executor is None:
            return
        logger.warning("restarting the text extraction workers: %s", why)
        executor, self._executor = self._executor, None
        for process in list(getattr(executor, "_processes", {}).values()):
            process.kill()  # a stuck worker never returns by itself
        executor.shutdown(wait=False, cancel_futures=True)
        self.start()
