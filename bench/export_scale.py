"""Export at scale: a million events to CSV in constant memory, from the CLI path and the web.

Fills a database with synthetic canonical events (bulk inserts; a share of
them carry formula-like text so that neutralising costs what it costs), then
exports them in a fresh child process, so that the memory figures are the
export's alone:

- ``cli``: ``iter_event_rows`` + ``write_csv`` into a file, what ``banwatch export``
  runs;
- ``web``: the review app's ``/export.csv`` served by uvicorn on loopback and
  downloaded with httpx, streaming, what the download button does.

For each it prints rows per second, the resident memory before the export, its
peak during the export, and the resident memory at 10 %, 50 % and 100 % of the
rows: flat means the export does not hold rows. Target: peak under 200 MB.

    .venv/bin/python bench/export_scale.py                    # 1,000,000 events, SQLite
    .venv/bin/python bench/export_scale.py --events 100000    # a quick run
    .venv/bin/python bench/export_scale.py --db postgresql+psycopg://postgres@127.0.0.1/test

Figures on the shared 2-core development machine (load around 5), SQLite, 1,000,000
events, 276 MB of CSV: cli 76.7 s (13,000 rows/s), peak 69 MB, RSS 69/69/66 MB at
10/50/100 %; web 50.6 s (19,800 rows/s), peak 86 MB, 85/86/86 MB. PostgreSQL, 100,000
events: cli 20,800 rows/s, peak 73 MB; web 15,100 rows/s, peak 90 MB; flat.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from banwatch.export import iter_event_rows, write_csv  # noqa: E402
from banwatch.store.db import create_db_engine, session_factory, upgrade_database  # noqa: E402
from banwatch.store.events import EventFilters  # noqa: E402
from banwatch.store.models import Article, Event  # noqa: E402
from banwatch.vocabulary import ACTIONS  # noqa: E402

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
STATES = ["CA", "OR", "WA", "MA", "NY", "TX", "IL", "ME", "VT", "VA", "MN", "LA", "CO", "MI"]
HOSTILE = ['=HYPERLINK("http://evil","x")', "+1 555 0100", "-2+3", "@SUM(A1)"]
BATCH = 20_000


def rss_mb() -> float:
    """Resident memory of this process now, in MB (from /proc, Linux)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * PAGE_SIZE / 1e6


def peak_rss_mb() -> float:
    """The most resident memory this process image has had, in MB (VmHWM).

    Not ``getrusage``'s ru_maxrss: Linux carries that across exec, so a child
    would report its parent's peak from before it was started.
    """
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3
    return 0.0


# -- filling ----------------------------------------------------------------------


def fill(engine: Engine, events: int, articles: int, seed: int = 7) -> None:
    """Insert ``articles`` articles and ``events`` accepted events, in batches."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with engine.begin() as connection:
        for start in range(0, articles, BATCH):
            connection.execute(
                insert(Article),
                [
                    {
                        "url": f"https://news.example/{n}",
                        "canonical_url": f"https://news.example/{n}",
                        "title": HOSTILE[n % 4] if n % 50 == 0 else f"Council votes on it, {n}",
                        "published_at": now - timedelta(days=n % 2000),
                        "fetched_at": now,
                        "text": "x",
                        "content_hash": f"h{n}",
                    }
                    for n in range(start, min(start + BATCH, articles))
                ],
            )
    with engine.begin() as connection:
        first_article = connection.scalar(select(func.min(Article.id))) or 1
    for start in range(0, events, BATCH):
        rows: list[dict[str, Any]] = []
        for n in range(start, min(start + BATCH, events)):
            region = STATES[n % len(STATES)]
            actor = f"Town {n // 6}"
            year = 2019 + n % 7
            rows.append(
                {
                    "topic": "facial-recognition",
                    "actor": actor,
                    "actor_key": f"US|{region}|town {n // 6}",
                    "reading": f"facial-recognition|US|{region}|town {n // 6}|ban|enacted",
                    "actor_type": "jurisdiction",
                    "level": "city",
                    "country": "US",
                    "region": region,
                    "action": ACTIONS[n % len(ACTIONS)],
                    "status": "enacted",
                    "scope": "government use" if n % 3 else 'police use, in "public", places',
                    "technology": "facial recognition",
                    "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "until": None,
                    "confidence": round(rng.uniform(0.5, 0.99), 3),
                    "source_count": rng.randint(1, 9),
                    "first_article_id": first_article + n % articles,
                    "evidence": (
                        HOSTILE[n % 4]
                        if n % 97 == 0
                        else f"{actor} banned city use of facial recognition in {year}."
                    ),
                    "orphaned": False,
                    "review_state": "accepted",
                    "reviewer": "bench",
                    "reviewed_at": now,
                    "edited_fields": {},
                    "created_at": now,
                    "updated_at": now,
                }
            )
        with engine.begin() as connection:
            connection.execute(insert(Event), rows)
        print(f"  filled {min(start + BATCH, events):,} events", end="\r", flush=True)
    print()


# -- measuring (in a child process) -----------------------------------------------


class Sampler:
    """Samples resident memory every few milliseconds, and at row-count checkpoints."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.peak = rss_mb()
        self.checkpoints: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, rss_mb())

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())

    def count(self, done: int) -> None:
        """Note memory when ``done`` crosses 10 %, 50 % and 100 % of the rows."""
        for share in (10, 50, 100):
            label = f"{share}%"
            if label not in self.checkpoints and done >= self.total * share // 100:
                self.checkpoints[label] = round(rss_mb(), 1)


def measure_cli(db_url: str, out: Path, total: int) -> dict[str, Any]:
    """``banwatch export``'s path: rows streamed from the database into a CSV file."""
    engine = create_db_engine(db_url)
    before = rss_mb()
    with Sampler(total) as sampler, session_factory(engine)() as session:
        started = time.perf_counter()
        done = 0

        def counted() -> Any:
            nonlocal done
            for row in iter_event_rows(session, EventFilters(review_state="accepted")):
                done += 1
                if done % 10_000 == 0 or done == total:
                    sampler.count(done)
                yield row

        with out.open("w", encoding="utf-8", newline="") as handle:
            rows = write_csv(counted(), handle)
        seconds = time.perf_counter() - started
    return _figures("cli", rows, seconds, before, sampler, out.stat().st_size)


def measure_web(db_url: str, out: Path, total: int) -> dict[str, Any]:
    """The download button's path: /export.csv streamed by uvicorn, read with httpx."""
    import httpx
    import uvicorn

    from banwatch.review import ReviewConfig, create_app

    app = create_app(ReviewConfig(db_url=db_url, reviewer="bench"))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    before = rss_mb()
    rows = -1  # the header line
    size = 0
    with Sampler(total) as sampler:
        started = time.perf_counter()
        url = f"http://127.0.0.1:{port}/export.csv?review_state=accepted"
        with (
            httpx.stream("GET", url, timeout=600) as response,
            out.open("wb") as handle,
        ):
            response.raise_for_status()
            for chunk in response.iter_bytes():
                handle.write(chunk)
                size += len(chunk)
                rows += chunk.count(b"\n")  # one byte: never split between chunks
                sampler.count(rows)
        seconds = time.perf_counter() - started
    server.should_exit = True
    thread.join(10)
    return _figures("web", rows, seconds, before, sampler, size)


def _figures(
    path: str, rows: int, seconds: float, before: float, sampler: Sampler, size: int
) -> dict[str, Any]:
    return {
        "path": path,
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds),
        "mb_written": round(size / 1e6, 1),
        "rss_before_mb": round(before, 1),
        "rss_peak_mb": round(max(sampler.peak, peak_rss_mb()), 1),
        "rss_at": sampler.checkpoints,
    }


def child(mode: str, db_url: str, out: str, total: int) -> None:
    """Entry point of the measuring child: print one JSON line of figures."""
    measure = measure_cli if mode == "cli" else measure_web
    print(json.dumps(measure(db_url, Path(out), total)))


# -- driving ----------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--paths", default="cli,web", help="which exports to measure")
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite file")
    parser.add_argument("--child", nargs=4, metavar=("MODE", "DB", "OUT", "TOTAL"))
    args = parser.parse_args()
    if args.child:
        mode, db_url, out, total = args.child
        child(mode, db_url, out, int(total))
        return

    workdir = Path(tempfile.mkdtemp(prefix="banwatch-export-bench-"))
    db_url = args.db or f"sqlite:///{workdir / 'bench.db'}"
    engine = create_db_engine(db_url)
    upgrade_database(engine)
    with engine.connect() as connection:
        present = connection.scalar(select(func.count(Event.id)))
    if present and present != args.events:
        sys.exit(f"{db_url} already holds {present:,} events; use an empty database")
    if not present:
        started = time.perf_counter()
        fill(engine, args.events, min(args.articles, args.events))
        print(f"filled {args.events:,} events in {time.perf_counter() - started:.0f} s")
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.execute(text("ANALYZE"))
    engine.dispose()

    print(f"exporting {args.events:,} accepted events from {engine.dialect.name}")
    print(
        f"{'path':<5} {'rows':>10} {'s':>7} {'rows/s':>9} {'MB out':>7}"
        f" {'RSS before':>11} {'peak':>7}  RSS at 10% / 50% / 100%"
    )
    for mode in args.paths.split(","):
        out = workdir / f"export-{mode}.csv"
        result = subprocess.run(
            [sys.executable, __file__, "--child", mode, db_url, str(out), str(args.events)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            sys.exit(f"{mode} export failed:\n{result.stderr}")
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        at = " / ".join(f"{v:.0f}" for v in figures["rss_at"].values())
        print(
            f"{mode:<5} {figures['rows']:>10,} {figures['seconds']:>7} "
            f"{figures['rows_per_second']:>9,} {figures['mb_written']:>7} "
            f"{figures['rss_before_mb']:>9} MB {figures['rss_peak_mb']:>4} MB  {at} MB"
        )
        assert figures["rows"] == args.events, figures
        out.unlink()
    if args.keep:
        print(f"database kept: {db_url}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
