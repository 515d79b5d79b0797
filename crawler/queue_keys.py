"""Where a distributed run lives in Redis: the queue URL, the key names, the client.

Every key of one run starts with ``<prefix>:run:<id>:``, so that two
deployments (or two tests) sharing one Redis never meet, and a finished run
is deleted by its prefix alone. The module only names things; who writes
which key is said where it is written.
"""

from __future__ import annotations

import redis

from banwatch.config import check_queue_url

DEFAULT_PREFIX = "banwatch"
# A worker's lease on a run: renewed every second, so one that is SIGKILLed is
# seen as gone after this long and its requests are put back on the queue.
LEASE_MS = 5000


def connect(url: str) -> redis.Redis:
    """A client that fails fast (the callers retry with backoff rather than hang)."""
    return redis.Redis.from_url(
        check_queue_url(url), socket_connect_timeout=3, socket_timeout=10
    )


class RunKeys:
    """The key names of one run under one prefix."""

    def __init__(self, prefix: str, run_id: int) -> None:
        self.prefix = prefix
        self.run_id = run_id
        self.base = f"{prefix}:run:{run_id}"

    def __getattr__(self, name: str) -> str:
        # job, queue, dupefilter, links, seeded, done, coordinator, workers,
        # snapshots, errors: one key each.
        if name.startswith("_"):
            raise AttributeError(name)
        return f"{self.base}:{name}"

    def inflight(self, worker: str) -> str:
        """The list of requests ``worker`` took from the queue and has not finished."""
        return f"{self.base}:inflight:{worker}"

    def lease(self, worker: str) -> str:
        """Present while ``worker`` is alive (it expires ``LEASE_MS`` after its last renewal)."""
        return f"{self.base}:lease:{worker}"

    def site(self, host: str) -> str:
        """The politeness slot of one site, shared by every run and worker of the prefix."""
        return f"{self.prefix}:site:{host}"


def runs_key(prefix: str) -> str:
    """The set of run ids that workers should serve."""
    return f"{prefix}:runs"
