"""Every Redis key and channel judged uses, named in one place.

All keys of the submission path (submission hashes, the two queue streams,
per-user counters) carry the same hash tag, `{q}`: `create` writes a hash, a
stream entry and a counter in one transaction, and the queue's scripts touch a
stream and a hash together, which a Redis Cluster only allows within one slot.
A queue is one slot anyway (a stream cannot be split across shards).
"""

from __future__ import annotations

import msgspec

DEFAULT_PREFIX = "judged:"


class Keys(msgspec.Struct, frozen=True):
    """Key names under one prefix, so several judged deployments can share a Redis."""

    prefix: str = DEFAULT_PREFIX

    @property
    def _q(self) -> str:
        return f"{self.prefix}{{q}}:"

    def submission(self, submission_id: str) -> str:
        """The hash of one submission (`judged.store.submissions.Submission`)."""
        return f"{self._q}sub:{submission_id}"

    @property
    def contest_queue(self) -> str:
        """The stream of contest submissions, judged before any practice one."""
        return f"{self._q}queue:contest"

    @property
    def practice_queue(self) -> str:
        """The stream of practice submissions (no competition)."""
        return f"{self._q}queue:practice"

    @property
    def queues(self) -> tuple[str, str]:
        """The streams in the order workers read them: contest first."""
        return (self.contest_queue, self.practice_queue)

    def queue_for(self, competition_id: str | None) -> str:
        return self.practice_queue if competition_id is None else self.contest_queue

    @property
    def workers_group(self) -> str:
        """The consumer group of all worker slots on all hosts (a group name, not a key)."""
        return f"{self.prefix}workers"

    def user_submissions(self, user_id: str) -> str:
        """How many submissions a user has made (a counter)."""
        return f"{self._q}user:{user_id}:submissions"

    def finished_channel(self, submission_id: str) -> str:
        """The pub/sub channel that says a submission is finished (a channel, not a key)."""
        return f"{self.prefix}finished:{submission_id}"
