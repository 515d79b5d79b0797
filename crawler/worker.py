"""A long-lived crawl worker: serve the distributed runs it finds in Redis, one at a time.

``banwatch worker`` runs this loop. It holds no reactor: for each run it
starts a crawl child (``crawler.runner``, the same child a local crawl uses,
told where the run's queue is), because Twisted's reactor cannot be started
twice in one process. The child takes requests from the run's shared queue
until the coordinator declares the run finished. Redis or PostgreSQL out of
reach is said on one line and retried with a growing pause; a crawl child
that fails is reported on the run (its ``errors`` list) and started again.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import socket
import time
from collections.abc import Callable
from typing import Any

import redis

from banwatch.crawler.queue_keys import RunKeys, connect, runs_key
from banwatch.crawler.runner import crawl_in_child

BACKOFF_FIRST = 1.0
BACKOFF_MAX = 30.0
IDLE_POLL_SECONDS = 0.5
# A worker's share of one run is bounded only by the coordinator's own timeout.
CHILD_TIMEOUT = 7 * 24 * 3600


def open_run(server: redis.Redis, prefix: str) -> tuple[int, dict[str, Any]] | None:
    """The oldest run that still wants workers (its coordinator alive), with its job."""
    for run_id in sorted(int(raw) for raw in server.smembers(runs_key(prefix))):
        keys = RunKeys(prefix, run_id)
        if server.exists(keys.done) or not server.exists(keys.coordinator):
            continue
        job = server.get(keys.job)
        if job is not None:
            return run_id, json.loads(job)
    return None


def _pause(seconds: float, should_stop: Callable[[], bool]) -> None:
    """Sleep, waking early when asked to stop."""
    deadline = time.monotonic() + seconds
    while not should_stop() and time.monotonic() < deadline:
        time.sleep(min(0.2, seconds))


def serve(
    queue_url: str,
    prefix: str,
    db_url: str,
    *,
    should_stop: Callable[[], bool],
    say: Callable[[str], None],
    scrapy_overrides: dict[str, Any] | None = None,
) -> None:
    """Serve runs until ``should_stop`` returns true (SIGTERM)."""
    name = f"{socket.gethostname()}-{os.getpid()}"
    shares = itertools.count(1)
    backoff = BACKOFF_FIRST
    while not should_stop():
        try:
            server = connect(queue_url)
            found = open_run(server, prefix)
        except redis.RedisError as exc:
            say(
                f"worker {name}: cannot reach Redis at {queue_url} ({exc});"
                f" retrying in {backoff:.0f}s"
            )
            _pause(backoff, should_stop)
            backoff = min(backoff * 2, BACKOFF_MAX)
            continue
        if found is None:
            backoff = BACKOFF_FIRST
            _pause(IDLE_POLL_SECONDS, should_stop)
            continue
        run_id, job = found
        worker = f"{name}-{next(shares)}"
        outcome = crawl_in_child(
            db_url,
            run_id,
            job["sources"],
            job["user_agent"],
            refresh=bool(job.get("refresh")),
            timeout=CHILD_TIMEOUT,
            scrapy_overrides={**job.get("scrapy_settings", {}), **(scrapy_overrides or {})},
            keywords=job.get("keywords", ()),
            should_stop=should_stop,
            extra={"queue": {"url": queue_url, "prefix": prefix, "worker": worker}},
            on_started=lambda pid, run_id=run_id, worker=worker: say(
                f"worker {worker}: serving run {run_id} (crawl pid {pid})"
            ),
        )
        if outcome.ok or should_stop():
            backoff = BACKOFF_FIRST
            continue
        reason = (outcome.error or "failed").strip().splitlines()
        line = f"worker {worker}: run {run_id}: {reason[-1] if reason else 'failed'}"
        say(f"{line}; retrying in {backoff:.0f}s")
        with contextlib.suppress(redis.RedisError):  # then the next loop says so
            server.rpush(RunKeys(prefix, run_id).errors, line)
        _pause(backoff, should_stop)
        backoff = min(backoff * 2, BACKOFF_MAX)
