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
from typing import Any

import msgspec
import redis.asyncio as aioredis
from redis.typing import EncodableT

from judged.judging.verdicts import JudgeResult, Verdict
from judged.store.keys import Keys

log = logging.getLogger(__name__)


class Status(enum.StrEnum):
    QUEUED = "queued"
    COMPILING = "compiling"
    RUNNING = "running"
    FINISHED = "finished"


class Submission(msgspec.Struct, frozen=True):
    """One submission as stored: what was sent, where judging stands, and the result once finished."""

    id: str
    problem: str
    language: str
    code: str
    user_id: str
    competition_id: str | None = None
    status: Status = Status.QUEUED
    attempts: int = 0  # how many times a worker slot has claimed it
    created: float = 0.0  # Unix seconds
    started: float | None = None
    finished: float | None = None
    finished_attempt: int | None = None  # the attempt whose result was kept
    result: JudgeResult | None = None


_RESULT_ENCODER = msgspec.json.Encoder()
_RESULT_DECODER = msgspec.json.Decoder(JudgeResult)

# KEYS[1] submission hash. ARGV: status, now. -1 missing, 0 already finished, 1 set.
_SET_STATUS = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return -1 end
if status == 'finished' then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
if ARGV[1] ~= 'queued' and redis.call('HEXISTS', KEYS[1], 'started') == 0 then
  redis.call('HSET', KEYS[1], 'started', ARGV[2])
end
return 1
"""

# KEYS[1] submission hash. ARGV: result JSON, now, attempt, channel, verdict.
# -1 missing, 0 already finished (nothing changed), 1 finished now.
_FINISH = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return -1 end
if status == 'finished' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'finished', 'result', ARGV[1], 'finished', ARGV[2], 'finished_attempt', ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
"""


class SubmissionNotFound(LookupError):
    """No submission has this id (never created, or expired)."""


class SubmissionStore:
    """Create, read and finish submissions. The client must decode responses (`judged.store.client.connect`)."""

    def __init__(self, redis: aioredis.Redis, keys: Keys | None = None) -> None:
        self._redis = redis
        self.keys = keys or Keys()
        self._set_status = redis.register_script(_SET_STATUS)
        self._finish = redis.register_script(_FINISH)

    async def create(
        self, *, problem: str, language: str, code: str, user_id: str, competition_id: str | None = None
    ) -> Submission:
        """Store a new submission and queue it, both or neither (one MULTI/EXEC)."""
        submission = Submission(
            id=uuid.uuid4().hex,
            problem=problem,
            language=language,
            code=code,
            user_id=user_id,
            competition_id=competition_id,
            created=time.time(),
        )
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(self.keys.submission(submission.id), mapping=_to_hash(submission))
            pipe.xadd(self.keys.queue_for(competition_id), {"id": submission.id})
            pipe.incr(self.keys.user_submissions(user_id))
            await pipe.execute()
        log.info("submission %s queued (problem %s, %s, user %s)", submission.id, problem, language, user_id)
        return submission

    async def get(self, submission_id: str) -> Submission | None:
        fields = await self._redis.hgetall(self.keys.submission(submission_id))
        return _from_hash(fields) if fields else None

    async def user_submission_count(self, user_id: str) -> int:
        return int(await self._redis.get(self.keys.user_submissions(user_id)) or 0)

    async def set_status(self, submission_id: str, status: Status) -> bool:
        """Move a submission to `status`; False when it is already finished (a finished one stays finished)."""
        if status is Status.FINISHED:
            raise ValueError("a submission is finished by finish(), with its result")
        done = await self._set_status(keys=[self.keys.submission(submission_id)], args=[status.value, _now()])
        if done == -1:
            raise SubmissionNotFound(submission_id)
        return bool(done)

    async def finish(self, submission_id: str, result: JudgeResult, attempt: int) -> bool:
        """Record the result and notify waiters; only the first finish counts (False for any later one)."""
        args: list[EncodableT] = [
            _RESULT_ENCODER.encode(result),
            _now(),
            attempt,
            self.keys.finished_channel(submission_id),
        ]
        done = await self._finish(keys=[self.keys.submission(submission_id)], args=[*args, result.verdict.value])
        if done == -1:
            raise SubmissionNotFound(submission_id)
        if done:
            log.info("submission %s finished: %s (attempt %d)", submission_id, result.verdict, attempt)
        else:
            log.info("submission %s already finished; result of attempt %d dropped", submission_id, attempt)
        return bool(done)

    async def fail(self, submission_id: str, message: str, attempt: int) -> bool:
        """Finish with IE: the judge's fault, never the participant's."""
        return await self.finish(submission_id, internal_error(message), attempt)

    async def wait_finished(self, submission_id: str, seconds: float) -> Submission | None:
        """The submission once finished, or as it stands after `seconds`; None if there is none.

        Subscribes before reading, so a finish between the read and the wait is not missed;
        waits on the channel, never by polling.
        """
        async with self._redis.pubsub() as pubsub:
            await pubsub.subscribe(self.keys.finished_channel(submission_id))
            submission = await self.get(submission_id)
            if submission is None or submission.status is Status.FINISHED:
                return submission
            try:
                async with asyncio.timeout(seconds):
                    await _next_message(pubsub)
            except TimeoutError:
                pass
            return await self.get(submission_id)


def internal_error(message: str) -> JudgeResult:
    return JudgeResult(verdict=Verdict.IE, tests=[], time=0.0, memory=0, message=message)


async def _next_message(pubsub: Any) -> None:
    """Wait for one published message (subscribe confirmations skipped); the caller bounds the wait."""
    while True:
        # timeout=None blocks on the socket until something arrives.
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=None)
        if message is not None:
            return


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
