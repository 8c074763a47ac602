"""Submissions in Redis: one hash each, created together with its queue entry.

The hash holds the fields of `Submission` as strings; `result` is the
`JudgeResult` as msgspec JSON. Absent optional fields (competition, times,
result) are absent from the hash. The first `finish` wins: a redelivered job
that finishes again changes nothing.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import msgspec
import redis.asyncio as aioredis
from redis.typing import EncodableT

from judged.judging.verdicts import JudgeResult, Verdict
from judged.store.events import EVENT_ENCODER, Event
from judged.store.keys import Keys

log = logging.getLogger(__name__)


class SubmissionStatus(enum.StrEnum):
    QUEUED = "queued"
    COMPILING = "compiling"
    RUNNING = "running"
    FINISHED = "finished"


class Kind(enum.StrEnum):
    SUBMISSION = "submission"
    """Judged on every test; counts on a leaderboard when it names a competition."""
    RUN = "run"
    """Run on the samples or on inputs the participant gave; outputs shown, nothing scored."""


class Submission(msgspec.Struct, frozen=True):
    """One submission (or run) as stored: what was sent, where judging stands, and the result once finished."""

    id: str
    problem: str
    language: str
    code: str
    user_id: str
    competition_id: str | None = None
    kind: Kind = Kind.SUBMISSION
    inputs: str | None = None  # a run's custom inputs, JSON; None: the samples
    reference_output: bool = True  # a run on custom inputs shows what the reference solution outputs
    status: SubmissionStatus = SubmissionStatus.QUEUED
    attempts: int = 0  # how many times a worker slot has claimed it
    created: float = 0.0  # Unix seconds
    started: float | None = None
    finished: float | None = None
    finished_attempt: int | None = None  # the attempt whose result was kept
    passed: int = 0  # tests passed so far, while running
    total: int = 0  # tests to run, once known
    result: JudgeResult | None = None
    output: str | None = None  # a run's outcome, JSON (judged.judging's run outcome)


class Admission(msgspec.Struct, frozen=True):
    """Whether a user may submit now; when not, why and after how many seconds to try again."""

    admitted: bool
    reason: str = ""
    retry_after: int = 0


class Rules(msgspec.Struct, frozen=True):
    """Per-user fairness limits checked atomically with the creation of a submission."""

    max_active: int = 3
    max_per_minute: int = 20
    active_expiry: float = 900.0  # a claim older than this no longer counts as active (a lost one)


_RESULT_ENCODER = msgspec.json.Encoder()
_RESULT_DECODER = msgspec.json.Decoder(JudgeResult)
RUN_TTL = 3600
"""Seconds a run is kept after it is created (runs are for the moment, submissions are kept)."""

# KEYS: hash, stream, active zset, recent zset, user counter.
# ARGV: now, max active, max per minute, active expiry, ttl (0: none), id, then hash field/value pairs.
# {0, reason, retry after} when refused, {1} when created.
_CREATE = """
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[4]))
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - 60)
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[2]) then
  return {0, 'active', '2'}
end
if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[4], 0, 0, 'WITHSCORES')
  return {0, 'per_minute', tostring(math.ceil(tonumber(oldest[2]) + 60 - now))}
end
local fields = {}
for i = 7, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
if tonumber(ARGV[5]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[5]) end
redis.call('XADD', KEYS[2], '*', 'id', ARGV[6])
redis.call('ZADD', KEYS[3], now, ARGV[6])
redis.call('EXPIRE', KEYS[3], math.ceil(tonumber(ARGV[4])))
redis.call('ZADD', KEYS[4], now, ARGV[6])
redis.call('EXPIRE', KEYS[4], 61)
redis.call('INCR', KEYS[5])
return {1}
"""

# KEYS[1] submission hash. ARGV: status ('' keeps it), passed, total, now, channel, event.
# -1 missing, 0 already finished, 1 set.
_PROGRESS = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return -1 end
if status == 'finished' then return 0 end
if ARGV[1] ~= '' then
  redis.call('HSET', KEYS[1], 'status', ARGV[1])
  if ARGV[1] ~= 'queued' and redis.call('HEXISTS', KEYS[1], 'started') == 0 then
    redis.call('HSET', KEYS[1], 'started', ARGV[4])
  end
end
redis.call('HSET', KEYS[1], 'passed', ARGV[2], 'total', ARGV[3])
redis.call('PUBLISH', ARGV[5], ARGV[6])
return 1
"""

# KEYS: submission hash, the user's active set. ARGV: field, value, now, attempt, id, channel, event.
# -1 missing, 0 already finished (nothing changed), 1 finished now.
_FINISH = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return -1 end
if status == 'finished' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'finished', ARGV[1], ARGV[2], 'finished', ARGV[3], 'finished_attempt', ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[5])
redis.call('PUBLISH', ARGV[6], ARGV[7])
return 1
"""


# KEYS: submission hash, its queue stream. ARGV: id. -1 missing, 0 not finished (already queued or judging), 1 queued.
_REJUDGE = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return -1 end
if status ~= 'finished' then return 0 end
redis.call('HDEL', KEYS[1], 'result', 'output', 'finished', 'finished_attempt', 'started')
redis.call('HSET', KEYS[1], 'status', 'queued', 'attempts', 0, 'passed', 0, 'total', 0)
redis.call('PERSIST', KEYS[1])
redis.call('XADD', KEYS[2], '*', 'id', ARGV[1])
return 1
"""

# KEYS[1] submission hash. ARGV: seconds. Expires a finished submission (it is in the database); 1 if it did.
_EXPIRE_FINISHED = """
if redis.call('HGET', KEYS[1], 'status') ~= 'finished' then return 0 end
return redis.call('EXPIRE', KEYS[1], ARGV[1])
"""

# KEYS[1] submission hash. ARGV: seconds to keep it, then field/value pairs. Writes it back unless present.
_RESTORE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fields = {}
for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
"""


class SubmissionNotFound(LookupError):
    """No submission has this id (never created, or expired)."""


class SubmissionRefused(Exception):
    """A fairness limit said no; `admission` says which and when to try again."""

    def __init__(self, admission: Admission) -> None:
        super().__init__(f"refused ({admission.reason}); retry after {admission.retry_after} s")
        self.admission = admission


class SubmissionStore:
    """Create, read and finish submissions. The client must decode responses (`judged.store.client.connect`)."""

    def __init__(
        self,
        redis: aioredis.Redis,
        keys: Keys | None = None,
        rules: Rules | None = None,
        *,
        replicas: int = 0,
        replica_wait: float = 0.5,
    ) -> None:
        self._redis = redis
        self.keys = keys or Keys()
        self.rules = rules or Rules()
        # Replicas that must hold a new submission before `create` returns (Redis WAIT), so that a
        # failover right after a 202 cannot lose it; a replica late by `replica_wait` s is logged, not fatal.
        self.replicas = replicas
        self.replica_wait = replica_wait
        self._create = redis.register_script(_CREATE)
        self._progress = redis.register_script(_PROGRESS)
        self._finish = redis.register_script(_FINISH)
        self._rejudge = redis.register_script(_REJUDGE)
        self._expire_finished = redis.register_script(_EXPIRE_FINISHED)
        self._restore = redis.register_script(_RESTORE)

    async def create(
        self,
        *,
        problem: str,
        language: str,
        code: str,
        user_id: str,
        competition_id: str | None = None,
        kind: Kind = Kind.SUBMISSION,
        inputs: str | None = None,
        reference_output: bool = True,
    ) -> Submission:
        """Store a new submission and queue it, both or neither, if the user's limits allow (one script).

        Raises SubmissionRefused when the user has too many active submissions or made too many this minute.
        """
        submission = Submission(
            id=uuid.uuid4().hex,
            problem=problem,
            language=language,
            code=code,
            user_id=user_id,
            competition_id=competition_id,
            kind=kind,
            inputs=inputs,
            reference_output=reference_output,
            created=time.time(),
        )
        keys = self.keys
        pairs = [item for field, value in _to_hash(submission).items() for item in (field, value)]
        rules = self.rules
        ttl = RUN_TTL if kind is Kind.RUN else 0
        reply = await self._create_replicated(
            submission.id,
            keys=[
                keys.submission(submission.id),
                keys.queue_for(competition_id),
                keys.user_active(user_id),
                keys.user_recent(user_id),
                keys.user_submissions(user_id),
            ],
            args=[repr(submission.created), rules.max_active, rules.max_per_minute, rules.active_expiry, ttl,
                  submission.id, *pairs],
        )  # fmt: skip
        if int(reply[0]) != 1:
            admission = Admission(admitted=False, reason=str(reply[1]), retry_after=max(1, int(reply[2])))
            log.info("%s by user %s refused: %s", kind, user_id, admission.reason)
            raise SubmissionRefused(admission)
        log.info("%s %s queued (problem %s, %s, user %s)", kind, submission.id, problem, language, user_id)
        return submission

    async def _create_replicated(self, submission_id: str, *, keys: list[str], args: list[Any]) -> Any:
        """The create script's reply, once `replicas` replicas hold it (up to replica_wait; late ones are logged).

        WAIT counts the writes of its own connection, so it follows the script in one pipeline.
        """
        if not self.replicas:
            return await self._create(keys=keys, args=args)
        async with self._redis.pipeline(transaction=False) as pipe:
            await self._create(keys=keys, args=args, client=pipe)
            pipe.wait(self.replicas, round(self.replica_wait * 1000))
            reply, acked = await pipe.execute()
        if int(acked) < self.replicas:
            log.warning(
                "submission %s accepted with %d of %d replicas holding it: a failover now could lose it",
                submission_id, acked, self.replicas,
            )  # fmt: skip
        return reply

    async def get(self, submission_id: str) -> Submission | None:
        fields = await self._redis.hgetall(self.keys.submission(submission_id))
        return _from_hash(fields) if fields else None

    async def user_submission_count(self, user_id: str) -> int:
        return int(await self._redis.get(self.keys.user_submissions(user_id)) or 0)

    async def set_status(self, submission_id: str, status: SubmissionStatus, *, total: int = 0) -> bool:
        """Move a submission to `status`; False when it is already finished (a finished one stays finished)."""
        if status is SubmissionStatus.FINISHED:
            raise ValueError("a submission is finished by finish(), with its result")
        event = Event(event="status", status=status.value, total=total or None)
        return await self._publish_progress(submission_id, status.value, 0, total, event)

    async def test_done(self, submission_id: str, index: int, total: int, verdict: str, passed: int) -> bool:
        """Record and announce that one more test has its verdict; False once finished."""
        event = Event(event="test", index=index, total=total, verdict=verdict, passed=passed)
        return await self._publish_progress(submission_id, "", passed, total, event)

    async def _publish_progress(self, submission_id: str, status: str, passed: int, total: int, event: Event) -> bool:
        args: list[EncodableT] = [status, passed, total, _now(), self.keys.events_channel(submission_id)]
        done = await self._progress(
            keys=[self.keys.submission(submission_id)], args=[*args, EVENT_ENCODER.encode(event)]
        )
        if done == -1:
            raise SubmissionNotFound(submission_id)
        return bool(done)

    async def finish(self, submission_id: str, result: JudgeResult, attempt: int) -> bool:
        """Record the result and notify waiters; only the first finish counts (False for any later one)."""
        done = await self._finish_with(submission_id, "result", _RESULT_ENCODER.encode(result), result.verdict, attempt)
        if done:
            log.info("submission %s finished: %s (attempt %d)", submission_id, result.verdict, attempt)
        else:
            log.info("submission %s already finished; result of attempt %d dropped", submission_id, attempt)
        return done

    async def finish_run(self, submission_id: str, output: bytes, attempt: int) -> bool:
        """Record a run's outcome (JSON) and notify waiters; only the first finish counts."""
        done = await self._finish_with(submission_id, "output", output, None, attempt)
        log.info("run %s finished (attempt %d)%s", submission_id, attempt, "" if done else ": already finished")
        return done

    async def _finish_with(
        self, submission_id: str, field: str, value: bytes, verdict: Verdict | None, attempt: int
    ) -> bool:
        key = self.keys.submission(submission_id)
        user_id = await self._redis.hget(key, "user_id")
        if user_id is None:
            raise SubmissionNotFound(submission_id)
        event = Event(event="finished", verdict=verdict.value if verdict is not None else None)
        args: list[EncodableT] = [field, value, _now(), attempt, submission_id]
        args += [self.keys.events_channel(submission_id), EVENT_ENCODER.encode(event)]
        done = await self._finish(keys=[key, self.keys.user_active(_text(user_id))], args=args)
        if done == -1:
            raise SubmissionNotFound(submission_id)
        return bool(done)

    async def rejudge(self, submission: Submission) -> bool:
        """Queue a finished submission again (its result cleared); False if it is not finished yet.

        Its new verdict replaces the old one everywhere, the leaderboard included (keyed by the id).
        """
        keys = [self.keys.submission(submission.id), self.keys.queue_for(submission.competition_id)]
        done = await self._rejudge(keys=keys, args=[submission.id])
        if done == -1:
            raise SubmissionNotFound(submission.id)
        if done:
            log.info("submission %s queued for a rejudge", submission.id)
        return bool(done)

    async def kept_for_ever(self) -> AsyncIterator[str]:
        """Ids of the finished submissions whose hash has no expiry (kept by a judged from before the database)."""
        prefix = self.keys.submission("")
        async for key in self._redis.scan_iter(match=self.keys.submission("*"), count=1000):
            name = _text(key)
            if (
                await self._redis.ttl(name) == -1
                and await self._redis.hget(name, "status") == SubmissionStatus.FINISHED.value
            ):
                yield name[len(prefix) :]

    async def expire_finished(self, submission_id: str, seconds: int) -> bool:
        """Let a finished submission's hash expire after `seconds` (it is archived); False if not finished."""
        return bool(await self._expire_finished(keys=[self.keys.submission(submission_id)], args=[seconds]))

    async def restore(self, submission: Submission, seconds: int) -> bool:
        """Write an archived submission's hash back for `seconds` (to rejudge it); False if Redis has it already."""
        pairs = [item for field, value in _to_hash(submission).items() for item in (field, value)]
        return bool(await self._restore(keys=[self.keys.submission(submission.id)], args=[seconds, *pairs]))

    async def fail(self, submission_id: str, message: str, attempt: int) -> bool:
        """Finish with IE: the judge's fault, never the participant's."""
        return await self.finish(submission_id, internal_error(message), attempt)

    async def wait_finished(self, submission_id: str, seconds: float) -> Submission | None:
        """The submission once finished, or as it stands after `seconds`; None if there is none.

        Subscribes before reading, so a finish between the read and the wait is not missed;
        waits on the channel, never by polling. (The daemon shares one subscription per host
        through `judged.store.events.Events`; this is for one-off callers.)
        """
        async with self._redis.pubsub() as pubsub:
            await pubsub.subscribe(self.keys.events_channel(submission_id))
            submission = await self.get(submission_id)
            if submission is None or submission.status is SubmissionStatus.FINISHED:
                return submission
            try:
                async with asyncio.timeout(seconds):
                    await _finished_message(pubsub)
            except TimeoutError:
                pass
            return await self.get(submission_id)


def internal_error(message: str) -> JudgeResult:
    return JudgeResult(verdict=Verdict.IE, tests=[], time=0.0, memory=0, message=message)


async def _finished_message(pubsub: Any) -> None:
    """Wait for the `finished` event (progress events and confirmations skipped); the caller bounds the wait."""
    while True:
        # timeout=None blocks on the socket until something arrives.
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=None)
        if message is not None and b'"finished"' in _bytes(message["data"]):
            return


def _bytes(value: bytes | str) -> bytes:
    return value.encode() if isinstance(value, str) else value


def _now() -> str:
    return repr(time.time())


def _to_hash(submission: Submission) -> dict[EncodableT, EncodableT]:
    fields = msgspec.to_builtins(submission)
    result = fields.pop("result", None)
    mapping: dict[EncodableT, EncodableT] = {name: str(value) for name, value in fields.items() if value is not None}
    if result is not None:
        mapping["result"] = _RESULT_ENCODER.encode(submission.result).decode()
    return mapping


def _from_hash(fields: dict[Any, Any]) -> Submission:
    data = {_text(name): _text(value) for name, value in fields.items()}
    raw_result = data.pop("result", None)
    submission = msgspec.convert(data, Submission, strict=False)
    if raw_result is None:
        return submission
    return msgspec.structs.replace(submission, result=_RESULT_DECODER.decode(raw_result))


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
