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

    # Competitions: every key of one competition carries the hash tag `{c:<id>}`, so the
    # leaderboard scripts (which touch a participant's keys and the boards together) run
    # on a Redis Cluster too. See docs/leaderboard.md.

    def _c(self, competition_id: str) -> str:
        return f"{self.prefix}{{c:{competition_id}}}:"

    def competition(self, competition_id: str) -> str:
        """The competition (`judged.store.competitions.Competition`) as msgspec JSON."""
        return f"{self._c(competition_id)}competition"

    def competitions_by_end(self) -> str:
        """Every competition id scored by its end (Unix seconds): which ones may still hide or lock problems."""
        return f"{self.prefix}competitions:by-end"

    def competitions_indexed(self) -> str:
        """Set once competitions stored before `competitions_by_end` existed have been added to it."""
        return f"{self.prefix}competitions:indexed"

    def board(self, competition_id: str, view: str) -> str:
        """The sorted set of packed scores, one member per participant; view `live` or `public`."""
        return f"{self._c(competition_id)}board:{view}"

    def participant(self, competition_id: str, user_id: str) -> str:
        """The hash of one participant's problem cells, per view (`L:<label>`, `P:<label>`)."""
        return f"{self._c(competition_id)}row:{user_id}"

    def participant_submissions(self, competition_id: str, user_id: str, label: str) -> str:
        """The hash of one participant's submissions to one problem: id -> contest time and verdict."""
        return f"{self._c(competition_id)}subs:{label}:{user_id}"

    def first_solves(self, competition_id: str, view: str, label: str) -> str:
        """The sorted set of who solved a problem and when (contest seconds), per view: first to solve."""
        return f"{self._c(competition_id)}solves:{view}:{label}"

    def board_changes(self, competition_id: str) -> str:
        """The sorted set of participants by the number of their last board change (for the per-host snapshots)."""
        return f"{self._c(competition_id)}changes"

    def board_version(self, competition_id: str) -> str:
        """The count of board changes: every change takes the next number."""
        return f"{self._c(competition_id)}version"

    def board_epoch(self, competition_id: str) -> str:
        """Bumped when the board is rewritten whole (a rebuild): snapshots then read it whole again."""
        return f"{self._c(competition_id)}epoch"

    def announcements(self, competition_id: str) -> str:
        """The stream of the organisers' announcements (judged.store.announcements), the last few hundred."""
        return f"{self._c(competition_id)}announcements"

    @property
    def workers_group(self) -> str:
        """The consumer group of all worker slots on all hosts (a group name, not a key)."""
        return f"{self.prefix}workers"

    def user_submissions(self, user_id: str) -> str:
        """How many submissions a user has made (a counter)."""
        return f"{self._q}user:{user_id}:submissions"

    def user_active(self, user_id: str) -> str:
        """A user's submissions queued or being judged (a sorted set: id -> time created)."""
        return f"{self._q}user:{user_id}:active"

    def user_recent(self, user_id: str) -> str:
        """A user's submissions of the last minute (a sorted set: id -> time created)."""
        return f"{self._q}user:{user_id}:recent"

    def events_channel(self, submission_id: str) -> str:
        """The pub/sub channel of one submission's progress events, the last one `finished` (not a key)."""
        return f"{self.prefix}events:{submission_id}"

    def languages(self) -> str:
        """Each worker host's language statuses (a hash: host -> JSON), for hosts that only serve the API."""
        return f"{self.prefix}languages"
