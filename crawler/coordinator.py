"""Start a distributed run, wait until it is finished, and record it as one crawl.

``banwatch crawl --queue`` (and ``run-now``/``schedule`` with a queue) call
``crawl_on_queue`` where a local crawl calls ``crawl_in_child``, and get the
same ``CrawlOutcome``. It prepares the sources (rows, conditional-GET
validators) as a local crawl does, publishes the run's job for the workers
(``crawler.worker``), and then, twice a second: renews its own lease, puts the
in-flight requests of workers whose lease expired back on the queue (a worker
killed with SIGKILL loses nothing; another takes them up in the same run), and
checks whether the run is finished -- queue empty and no worker holding a
request, twice in a row. The per-source health and counts that each worker
published are then summed and written to the run row and the sources, exactly
as a local crawl's child writes its own.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any, Unpack

import redis

from banwatch.crawler.child import prepare_sources, record_outcomes
from banwatch.crawler.queue_keys import LEASE_MS, RunKeys, connect, runs_key
from banwatch.crawler.runner import CrawlOptions, CrawlOutcome
from banwatch.crawler.spiders.news import MAX_KEPT_WARNINGS, SourceOutcome
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.runs import add_run_stats

POLL_SECONDS = 0.5
LOST_RUN = (
    "the queue lost this run (Redis restarted without its data?); the articles stored are"
    " kept and the next run fetches the rest"
)
# Elapsed time is the longest of the workers', not their sum.
LONGEST_STATS = ("elapsed_time_seconds",)
# After "done", how long workers get to publish their final counts.
FINAL_SNAPSHOT_SECONDS = 15.0


def merge_outcomes(snapshots: Sequence[dict[str, Any]]) -> dict[str, SourceOutcome]:
    """One ``SourceOutcome`` per source from every worker's share of the run.

    A source worked if any of its own documents did, wherever it was fetched;
    its validators come from the worker that read it; counts add up.
    """
    merged: dict[str, SourceOutcome] = {}
    successes: Counter[str] = Counter()
    for snapshot in snapshots:
        successes.update(snapshot.get("root_successes") or {})
        for name, data in (snapshot.get("outcomes") or {}).items():
            outcome = merged.setdefault(name, SourceOutcome())
            outcome.not_modified |= bool(data.get("not_modified"))
            outcome.unusable |= bool(data.get("unusable"))
            outcome.etag = outcome.etag or data.get("etag")
            outcome.last_modified = outcome.last_modified or data.get("last_modified")
            outcome.error = outcome.error or data.get("error")
            outcome.documents += int(data.get("documents") or 0)
            outcome.links += int(data.get("links") or 0)
            outcome.retry_later += int(data.get("retry_later") or 0)
            for kind, count in (data.get("article_errors") or {}).items():
                outcome.article_errors[kind] = outcome.article_errors.get(kind, 0) + int(count)
            for warning in data.get("warnings") or []:
                if len(outcome.warnings) < MAX_KEPT_WARNINGS:
                    outcome.warnings.append(warning)
    for name, outcome in merged.items():
        outcome.ok = successes[name] > 0 and not outcome.unusable
        outcome.done = outcome.ok or outcome.error is not None
        if outcome.ok:
            outcome.error = None
        elif outcome.error is None:
            outcome.error = "no response"
    return merged


def sum_stats(snapshots: Sequence[dict[str, Any]], failed_sources: int) -> dict[str, Any]:
    """Every worker's Scrapy stats added up (elapsed time: the longest)."""
    total: dict[str, Any] = {}
    for snapshot in snapshots:
        for key, value in (snapshot.get("stats") or {}).items():
            if key in LONGEST_STATS:
                total[key] = max(total.get(key, 0), value)
            else:
                total[key] = total.get(key, 0) + value
    # Each worker counts a source whose documents it saw fail; the run counts it once.
    total["banwatch/errors/source"] = failed_sources
    if not failed_sources:
        total.pop("banwatch/errors/source")
    return total


def recover_dead_workers(server: redis.Redis, keys: RunKeys) -> int:
    """Put the requests of workers whose lease expired back on the queue; return how many."""
    moved = 0
    for raw in server.smembers(keys.workers):
        worker = raw.decode()
        if server.exists(keys.lease(worker)):
            continue
        while server.lmove(keys.inflight(worker), keys.queue, "LEFT", "RIGHT") is not None:
            moved += 1
    return moved


def is_drained(server: redis.Redis, keys: RunKeys) -> bool:
    """Seeded, nothing queued, nothing held by any worker (alive or not)."""
    if not server.exists(keys.seeded) or server.llen(keys.queue):
        return False
    return not any(
        server.llen(keys.inflight(raw.decode())) for raw in server.smembers(keys.workers)
    )


def publish_job(server: redis.Redis, keys: RunKeys, job: dict[str, Any]) -> None:
    """Make the run visible to workers: its job, and its id in the prefix's run set."""
    server.set(keys.coordinator, "1", px=LEASE_MS)
    server.set(keys.job, json.dumps(job))
    server.sadd(runs_key(keys.prefix), keys.run_id)


def snapshots_of(server: redis.Redis, keys: RunKeys) -> list[dict[str, Any]]:
    return [json.loads(value) for value in server.hgetall(keys.snapshots).values()]


def forget_run(server: redis.Redis, keys: RunKeys) -> None:
    """Delete every key of the run (after its outcomes are in the store)."""
    server.srem(runs_key(keys.prefix), keys.run_id)
    names = list(server.scan_iter(match=f"{keys.base}:*", count=500))
    if names:
        server.delete(*names)


def crawl_on_queue(
    queue_url: str,
    prefix: str,
    db_url: str,
    run_id: int,
    sources: Sequence[dict[str, Any]],
    user_agent: str,
    **options: Unpack[CrawlOptions],
) -> CrawlOutcome:
    """Have the workers crawl ``sources`` as run ``run_id``; same contract as ``crawl_in_child``."""
    timeout = options.get("timeout", 3600)
    on_tick, should_stop = options.get("on_tick"), options.get("should_stop")
    started = time.monotonic()
    keys = RunKeys(prefix, run_id)
    server = connect(queue_url)
    prepared = prepare_sources(db_url, run_id, list(sources))
    # The progress file is this machine's: workers elsewhere cannot write it.
    overrides = {
        key: value
        for key, value in (options.get("scrapy_overrides") or {}).items()
        if key != "BANWATCH_PROGRESS_FILE"
    }
    publish_job(
        server,
        keys,
        {
            "sources": prepared,
            "user_agent": user_agent,
            "refresh": options.get("refresh", False),
            "scrapy_settings": overrides,
            "keywords": list(options.get("keywords", ())),
        },
    )
    error: str | None = None
    drained_before = False
    recovered = 0
    try:
        while True:
            elapsed = time.monotonic() - started
            try:
                server.set(keys.coordinator, "1", px=LEASE_MS)
                if not server.exists(keys.job):
                    error = LOST_RUN
                    break
                recovered += recover_dead_workers(server, keys)
                drained = is_drained(server, keys)
            except redis.ConnectionError:
                # Redis restarting: the workers wait for it too; the timeout still holds.
                drained = False
                if elapsed > timeout:
                    raise
            if drained and drained_before:
                break
            drained_before = drained
            if elapsed > timeout:
                error = f"crawl exceeded {timeout:.0f}s and was stopped"
                break
            if should_stop is not None and should_stop():
                error = "crawl stopped before it finished"
                break
            if on_tick is not None:
                on_tick(elapsed)
            time.sleep(POLL_SECONDS)
        server.set(keys.done, "1")
        _wait_for_workers(server, keys)
        snapshots = snapshots_of(server, keys)
        outcomes = merge_outcomes(snapshots)
        for name in {s["name"] for s in prepared} - set(outcomes):
            outcomes[name] = SourceOutcome(done=True, error="no worker reached it")
        failed = sum(1 for outcome in outcomes.values() if not outcome.ok)
        stats = sum_stats(snapshots, failed)
        worker_errors = [e.decode() for e in server.lrange(keys.errors, 0, -1)]
        record_outcomes(db_url, run_id, outcomes, stats)
        queue_stats = {"workers": len(snapshots), "recovered_requests": recovered}
        _record_queue_stats(db_url, run_id, queue_stats)
    except BaseException:
        # Ctrl-C or a lost Redis: tell the workers to stop serving this run.
        with contextlib.suppress(redis.RedisError):
            server.set(keys.done, "1")
        raise
    forget_run(server, keys)
    seconds = time.monotonic() - started
    # What went wrong on the workers (Redis or PostgreSQL out of reach, a crashed
    # crawl) is kept on the run, as a local crawl's log is; they retried it.
    tail = "\n".join(worker_errors[-20:])
    if error:
        return CrawlOutcome(False, None, error, seconds, tail)
    return CrawlOutcome(True, 0, None, seconds, tail)


def _record_queue_stats(db_url: str, run_id: int, values: dict[str, Any]) -> None:
    """How many workers took part, and how many requests were taken from dead ones."""
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        add_run_stats(session, run_id, values)
    engine.dispose()


def _wait_for_workers(server: redis.Redis, keys: RunKeys) -> None:
    """Until every live worker has closed its share (its lease gone), within a bound."""
    deadline = time.monotonic() + FINAL_SNAPSHOT_SECONDS
    while time.monotonic() < deadline:
        members = server.smembers(keys.workers)
        if not any(server.exists(keys.lease(raw.decode())) for raw in members):
            return
        time.sleep(0.1)
