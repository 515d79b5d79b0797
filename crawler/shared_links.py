"""The links one distributed run has met, in Redis, so that no worker follows one twice.

Within a run, this set (canonical article URLs and listing pages, added with
``SADD``, which says atomically whether a link is new) is what stops two
workers that read two overlapping feeds from fetching one article twice.
Across runs the store is the source of truth: articles already stored are
skipped by ``SeenIndex``, read from the articles table when each worker's
crawl opens. The set is deleted with the run's other keys.
"""

from __future__ import annotations

from typing import Any

import redis

from banwatch.crawler.queue_keys import RunKeys, connect

# Sets KEYS[1] if it is not set and the run's job KEYS[2] still exists.
CLAIM_SEEDING = """
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
if redis.call('SET', KEYS[1], '1', 'NX') then return 1 end
return 0
"""


class SharedLinks:
    """Answers "first time this run meets this link?" for all of the run's workers."""

    def __init__(self, server: redis.Redis, keys: RunKeys) -> None:
        self.server = server
        self.keys = keys

    @classmethod
    def from_settings(cls, settings: Any) -> SharedLinks:
        keys = RunKeys(settings["BANWATCH_QUEUE_PREFIX"], settings.getint("BANWATCH_QUEUE_RUN"))
        return cls(connect(settings["BANWATCH_QUEUE_URL"]), keys)

    def first_time(self, key: str) -> bool:
        """True if no worker of the run has met ``key`` before; it is remembered."""
        return bool(self.server.sadd(self.keys.links, key))

    def claim_seeding(self) -> bool:
        """True for the one worker that puts the run's sources on the queue.

        Never for a run already forgotten (a worker that found it just before it
        ended): that would crawl it again with nobody to record it.
        """
        return bool(self.server.eval(CLAIM_SEEDING, 2, self.keys.seeded, self.keys.job))
