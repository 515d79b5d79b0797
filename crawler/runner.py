"""Start a crawl in a child process and wait for it, within a time limit.

Used by the CLI and the scheduler alike. A child that crashes, is killed or
overruns its time limit becomes a failed crawl with a reason, never an
exception that takes the caller down.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

STDERR_TAIL_CHARS = 4000
DEFAULT_STOP_GRACE = 10.0


def stop_grace_seconds() -> float:
    """How long a stopping crawl may take to finish its downloads before it is killed.

    Scrapy's graceful stop waits for every download in flight, which a stalled site can
    hold for minutes, so the wait is capped. ``BANWATCH_STOP_GRACE`` changes the cap
    (the test suite shortens it: its stalled sites never answer).
    """
    try:
        value = float(os.environ.get("BANWATCH_STOP_GRACE", DEFAULT_STOP_GRACE))
    except ValueError:
        return DEFAULT_STOP_GRACE
    return value if value > 0 else DEFAULT_STOP_GRACE


class CrawlOptions(TypedDict, total=False):
    """How a crawl runs, whether in a local child or on a queue (``crawler.coordinator``)."""

    refresh: bool
    timeout: float
    scrapy_overrides: dict[str, Any] | None
    keywords: Sequence[str]
    on_tick: Callable[[float], None] | None
    should_stop: Callable[[], bool] | None


@dataclass(frozen=True)
class CrawlOutcome:
    """How the child process ended."""

    ok: bool
    returncode: int | None
    error: str | None
    seconds: float
    # The end of what the child wrote on stderr (it logs warnings and errors only):
    # kept however the child ended, since a child that logged a traceback and
    # exited 0 would otherwise leave no trace of it.
    log_tail: str = ""


def crawl_in_child(
    db_url: str,
    run_id: int,
    sources: Sequence[dict[str, Any]],
    user_agent: str,
    *,
    refresh: bool = False,
    timeout: float = 3600,
    scrapy_overrides: dict[str, Any] | None = None,
    keywords: Sequence[str] = (),
    on_tick: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    extra: dict[str, Any] | None = None,
    on_started: Callable[[int], None] | None = None,
) -> CrawlOutcome:
    """Run ``python -m crawler.child`` for these sources and wait for it.

    ``extra`` is added to the child's job (a worker's ``queue``, see ``crawler.worker``);
    ``on_started`` is given the child's pid.

    ``on_tick`` is called about four times a second while the child runs, so a
    caller can refresh a progress display. When ``should_stop`` returns true the child's
    group is stopped and the outcome says so; if the caller is interrupted
    (Ctrl-C) the group is stopped before the exception goes on, since a child in
    its own session would otherwise crawl on alone.
    """
    job = {
        "db_url": db_url,
        "run_id": run_id,
        "sources": list(sources),
        "user_agent": user_agent,
        "refresh": refresh,
        "scrapy_settings": scrapy_overrides or {},
        "keywords": list(keywords),
        # The child stops if this process dies (see crawler.parentwatch).
        "parent_pid": os.getpid(),
        **(extra or {}),
    }
    started = time.monotonic()
    with tempfile.TemporaryFile() as stderr_file:
        child = subprocess.Popen(
            [sys.executable, "-m", "banwatch.crawler.child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=stderr_file,
            start_new_session=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        if on_started is not None:
            on_started(child.pid)
        assert child.stdin is not None
        child.stdin.write(json.dumps(job).encode("utf-8"))
        child.stdin.close()
        timed_out = stopped = False
        try:
            while child.poll() is None:
                elapsed = time.monotonic() - started
                if elapsed > timeout:
                    timed_out = True
                    _kill_group(child)
                    break
                if should_stop is not None and should_stop():
                    stopped = True
                    _kill_group(child)
                    break
                if on_tick is not None:
                    on_tick(elapsed)
                # Returns as soon as the child exits, rather than up to a tick later.
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(timeout=0.25)
        except BaseException:
            _kill_group(child)
            raise
        child.wait()
        stderr_file.seek(0)
        stderr = stderr_file.read().decode("utf-8", "replace")
    seconds = time.monotonic() - started
    tail = stderr.strip()[-STDERR_TAIL_CHARS:]
    if stopped:
        error = "crawl stopped before it finished"
    elif timed_out:
        error = f"crawl exceeded {timeout:.0f}s and was killed"
    elif child.returncode != 0:
        error = f"{_describe_exit(child.returncode)}\n{tail}".strip()
    else:
        return CrawlOutcome(True, 0, None, seconds, tail)
    return CrawlOutcome(False, child.returncode, error, seconds, tail)


def _kill_group(child: subprocess.Popen[bytes]) -> None:
    """Stop the child and anything it started: TERM, then KILL if it lingers."""
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=stop_grace_seconds())
    except subprocess.TimeoutExpired:
        # Scrapy's first SIGTERM waits for downloads in flight, which a stalled site
        # can hold for minutes. Reap the killed child: until then it still shows as a
        # live process, and a caller checking right after would see an orphan.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=10)
    except ProcessLookupError:
        return  # it had already exited


def _describe_exit(returncode: int) -> str:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"crawl process was killed by {name}"
    return f"crawl process exited with status {returncode}"
