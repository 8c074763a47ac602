"""The judging queue: two Redis Streams read by one consumer group, contest before practice.

A worker slot `claim`s an entry, judges it, `finish`es the submission and then
`ack`s the entry. An entry claimed and never acked (the slot or its host died)
is handed to another slot once it has been idle for the visibility timeout.
Every claim counts an attempt on the submission; after `max_attempts` the
submission is finished with IE instead of being judged again (an
infrastructure failure is retried a bounded number of times, never forever).
"""

from __future__ import annotations

import logging
import math
import time
from typing import Any

import msgspec
import redis.asyncio as aioredis
from redis.exceptions import ResponseError
from redis.typing import KeyT, StreamIdT

from judged.store.keys import Keys
from judged.store.submissions import SubmissionStore

log = logging.getLogger(__name__)


class StreamDepth(msgspec.Struct, frozen=True):
    """How far behind one stream is, for scaling: what waits, and for how long the oldest has."""

    stream: str
    length: int
    """Entries queued or being judged."""
    claimed: int
    """Of those, claimed by a slot and not yet acked (being judged, or left by a slot that died)."""
    oldest_age: float
    """Seconds since the oldest entry still in the stream was queued, by Redis's clock; 0.0 when it is empty."""

    @property
    def waiting(self) -> int:
        """Entries no slot has claimed yet."""
        return max(0, self.length - self.claimed)


class Claim(msgspec.Struct, frozen=True):
    """One queue entry handed to one worker slot."""

    stream: str
    entry_id: str
    submission_id: str
    attempt: int  # 1 for the first claim, counted across all slots and hosts
    finished: bool = False  # handed over only to run what follows a finish (hand_over_finished)


# KEYS[1] submission hash. -1 missing, 0 finished, else the attempt this claim is.
_COUNT_ATTEMPT = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return -1 end
if status == 'finished' then return 0 end
return redis.call('HINCRBY', KEYS[1], 'attempts', 1)
"""


class Queue:
    """The consumer-group side of the queue; `SubmissionStore.create` is the producer."""

    def __init__(
        self,
        redis: aioredis.Redis,
        store: SubmissionStore,
        *,
        visibility_timeout_ms: int = 60_000,
        max_attempts: int = 3,
        hand_over_finished: bool = False,
    ) -> None:
        if visibility_timeout_ms <= 0 or max_attempts < 1:
            raise ValueError("visibility_timeout_ms must be positive and max_attempts at least 1")
        self._redis = redis
        self._store = store
        self.keys: Keys = store.keys
        self.visibility_timeout_ms = visibility_timeout_ms
        self.max_attempts = max_attempts
        # Entries of finished submissions (redelivered after a crash between finish and ack, or out
        # of attempts) are handed to the slot with `finished` set, so that what follows a finish
        # (the leaderboard update) runs again before the ack, instead of being acked here.
        self.hand_over_finished = hand_over_finished
        self._count_attempt = redis.register_script(_COUNT_ATTEMPT)
        # Where XAUTOCLAIM goes on scanning each stream's pending entries.
        self._cursors = dict.fromkeys(self.keys.queues, "0-0")
        # When each stream's pending entries were last scanned through with none stale.
        self._scanned = dict.fromkeys(self.keys.queues, -math.inf)
        self._scan_interval = min(1.0, visibility_timeout_ms / 4000)
        # Entries a blocking read delivered beyond the one handed out, per consumer.
        self._held: dict[str, list[tuple[str, str, str]]] = {}

    async def ensure_group(self) -> None:
        """Create both streams and the workers' group on them, unless they exist."""
        for stream in self.keys.queues:
            try:
                await self._redis.xgroup_create(stream, self.keys.workers_group, id="0", mkstream=True)
            except ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise

    async def claim(self, consumer: str, block_ms: int = 0) -> Claim | None:
        """The next submission for `consumer` to judge, waiting up to `block_ms` (0: do not wait).

        Order: a stale contest entry, a new contest entry, a stale practice entry, a new
        practice entry. Entries whose submission is finished or gone are acked and skipped;
        one out of attempts is finished with IE and skipped.
        """
        deadline = time.monotonic() + block_ms / 1000
        while True:
            entry = await self._next_entry(consumer, max(0, round((deadline - time.monotonic()) * 1000)))
            if entry is None:
                return None
            claim = await self._count(*entry)
            if claim is not None:
                return claim

    async def ack(self, claim: Claim) -> None:
        """The entry is done with: off the pending list and out of the stream, together."""
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.xack(claim.stream, self.keys.workers_group, claim.entry_id)
            pipe.xdel(claim.stream, claim.entry_id)
            await pipe.execute()

    async def touch(self, claim: Claim, consumer: str) -> None:
        """Reset the entry's idle time: its slot is alive and still judging, so nobody else takes it over.

        XCLAIM with JUSTID does not count a delivery; an entry already acked is not claimed again.
        """
        await self._redis.xclaim(
            claim.stream, self.keys.workers_group, consumer, min_idle_time=0, message_ids=[claim.entry_id], justid=True
        )

    async def pending(self) -> int:
        """How many entries are claimed and not yet acked, over both streams."""
        total = 0
        for stream in self.keys.queues:
            summary = await self._redis.xpending(stream, self.keys.workers_group)
            total += int(summary["pending"])
        return total

    async def length(self) -> int:
        """How many entries are in the streams (queued or being judged)."""
        return sum([await self.stream_length(stream) for stream in self.keys.queues])

    async def stream_length(self, stream: str) -> int:
        return int(await self._redis.xlen(stream))

    async def depths(self) -> list[StreamDepth]:
        """Each stream's depth and the age of its oldest entry, contest first, read in one round trip.

        Acked entries are deleted, so the oldest entry left is the oldest submission not yet finished.
        Ages use Redis's own clock (TIME against the entry id's milliseconds): hosts' clocks do not matter.
        A stream without the workers' group yet (no worker host has started) has nothing claimed.
        """
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.time()
            for stream in self.keys.queues:
                pipe.xlen(stream)
                pipe.xpending(stream, self.keys.workers_group)
                pipe.xrange(stream, count=1)
            replies = await pipe.execute(raise_on_error=False)
        seconds, micros = replies[0]
        now_ms = int(seconds) * 1000 + int(micros) // 1000
        found = []
        for number, stream in enumerate(self.keys.queues):
            length, pending, first = replies[1 + 3 * number : 4 + 3 * number]
            for reply in (length, pending, first):
                if isinstance(reply, Exception) and "NOGROUP" not in str(reply):
                    raise reply
            claimed = 0 if isinstance(pending, Exception) else int(pending["pending"])
            oldest = (now_ms - int(first[0][0].partition("-")[0])) / 1000 if first else 0.0
            found.append(StreamDepth(stream, int(length), claimed, max(0.0, oldest)))
        return found

    async def _count(self, stream: str, entry_id: str, submission_id: str) -> Claim | None:
        attempt = int(await self._count_attempt(keys=[self.keys.submission(submission_id)]))
        if attempt == -1:
            log.warning("queue entry %s names unknown submission %s; dropped", entry_id, submission_id)
        elif attempt == 0 or attempt > self.max_attempts:
            if attempt > self.max_attempts:
                failed = attempt - 1
                log.error("submission %s: judging failed %d times; finished as IE", submission_id, failed)
                await self._store.fail(submission_id, f"judging failed {failed} times", failed)
            else:
                log.info("submission %s redelivered but already finished", submission_id)
            if self.hand_over_finished:
                return Claim(stream=stream, entry_id=entry_id, submission_id=submission_id, attempt=0, finished=True)
        else:
            if attempt > 1:
                log.warning("submission %s redelivered: attempt %d", submission_id, attempt)
            return Claim(stream=stream, entry_id=entry_id, submission_id=submission_id, attempt=attempt)
        # Finish first, ack after: a crash in between only redelivers a finished submission.
        await self.ack(Claim(stream=stream, entry_id=entry_id, submission_id=submission_id, attempt=attempt))
        return None

    async def _next_entry(self, consumer: str, block_ms: int) -> tuple[str, str, str] | None:
        held = self._held.get(consumer)
        if held:
            return held.pop(0)
        for stream in self.keys.queues:
            entry = await self._stale(stream, consumer) or await self._new(stream, consumer)
            if entry is not None:
                return entry
        if block_ms <= 0:
            return None
        return await self._wait_new(consumer, block_ms)

    async def _stale(self, stream: str, consumer: str) -> tuple[str, str, str] | None:
        """An entry another consumer claimed and left idle past the visibility timeout, now ours.

        A stream whose pending entries were all scanned with none stale is not scanned again for a
        while (a quarter of the visibility timeout, at most a second): stale entries are rare, and
        every claim would otherwise pay for the scan.
        """
        if time.monotonic() - self._scanned[stream] < self._scan_interval:
            return None
        reply = await self._redis.xautoclaim(
            stream,
            self.keys.workers_group,
            consumer,
            min_idle_time=self.visibility_timeout_ms,
            start_id=self._cursors[stream],
            count=1,
        )
        self._cursors[stream] = reply[0]
        entries = _entries(stream, reply[1])
        if not entries and reply[0] == "0-0":
            self._scanned[stream] = time.monotonic()
        return entries[0] if entries else None

    async def _new(self, stream: str, consumer: str) -> tuple[str, str, str] | None:
        reply = await self._redis.xreadgroup(self.keys.workers_group, consumer, {stream: ">"}, count=1)
        entries = _read_entries(reply)
        return entries[0] if entries else None

    async def _wait_new(self, consumer: str, block_ms: int) -> tuple[str, str, str] | None:
        """Block on both streams; of what arrives, contest goes first and the rest is held for the next claim.

        A wake-up by a practice entry looks at the contest stream once more: a contest entry
        added at the same moment (Redis serves a blocked read from the first stream written) wins.
        """
        streams: dict[KeyT, StreamIdT] = dict.fromkeys(self.keys.queues, ">")
        reply = await self._redis.xreadgroup(self.keys.workers_group, consumer, streams, count=1, block=block_ms)
        entries = _read_entries(reply)
        if entries and all(entry[0] != self.keys.contest_queue for entry in entries):
            contest = await self._new(self.keys.contest_queue, consumer)
            entries = [contest, *entries] if contest is not None else entries
        entries.sort(key=lambda entry: self.keys.queues.index(entry[0]))
        if not entries:
            return None
        self._held.setdefault(consumer, []).extend(entries[1:])
        return entries[0]


def _read_entries(reply: Any) -> list[tuple[str, str, str]]:
    """XREADGROUP's reply ([[stream, entries], ...], a dict under RESP3) as (stream, entry id, submission id)."""
    if not reply:
        return []
    pairs = reply.items() if isinstance(reply, dict) else reply
    return [found for stream, entries in pairs for found in _entries(stream, entries)]


def _entries(stream: str, entries: Any) -> list[tuple[str, str, str]]:
    """(stream, entry id, submission id) for each entry that still has its fields (not deleted)."""
    return [(stream, entry_id, fields["id"]) for entry_id, fields in entries if fields and "id" in fields]
