"""The judging queue in a real Redis: claim, ack, redelivery after the visibility timeout, bounded attempts."""

from __future__ import annotations

import asyncio
import time

import pytest
import redis.asyncio as aioredis
from redis.typing import EncodableT

from judged.judging.verdicts import JudgeResult, Verdict
from judged.store.queue import Queue
from judged.store.submissions import Rules, Submission, SubmissionStatus, SubmissionStore
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_url_fixture"]

VISIBILITY_MS = 200
ACCEPTED = JudgeResult(verdict=Verdict.AC, tests=[], time=0.01, memory=1 << 20)


@pytest.fixture
def store(redis: aioredis.Redis) -> SubmissionStore:
    return SubmissionStore(redis, rules=Rules(max_active=1000, max_per_minute=1000))


@pytest.fixture
async def queue(redis: aioredis.Redis, store: SubmissionStore) -> Queue:
    queue = Queue(redis, store, visibility_timeout_ms=VISIBILITY_MS, max_attempts=3)
    await queue.ensure_group()
    return queue


async def submit(store: SubmissionStore, competition_id: str | None = None) -> Submission:
    return await store.create(
        problem="two-sum", language="python", code="pass\n", user_id="ada", competition_id=competition_id
    )


async def test_ensure_group_twice_is_fine(queue: Queue) -> None:
    await queue.ensure_group()


async def test_an_empty_queue_gives_nothing(queue: Queue) -> None:
    assert await queue.claim("slot-1") is None


async def test_claim_then_ack(queue: Queue, store: SubmissionStore) -> None:
    submission = await submit(store)
    claim = await queue.claim("slot-1")
    assert claim is not None
    assert claim.submission_id == submission.id
    assert claim.attempt == 1
    assert await queue.pending() == 1
    await queue.ack(claim)
    assert await queue.pending() == 0
    assert await queue.length() == 0
    assert await queue.claim("slot-2") is None


async def test_each_submission_goes_to_one_slot(queue: Queue, store: SubmissionStore) -> None:
    first, second = await submit(store), await submit(store)
    a, b = await queue.claim("slot-1"), await queue.claim("slot-2")
    assert a is not None
    assert b is not None
    assert [a.submission_id, b.submission_id] == [first.id, second.id]
    assert await queue.claim("slot-3") is None


async def test_claim_blocks_until_a_submission_arrives(queue: Queue, store: SubmissionStore) -> None:
    waiting = asyncio.create_task(queue.claim("slot-1", block_ms=5000))
    await asyncio.sleep(0.1)
    assert not waiting.done()
    submission = await submit(store, competition_id="spring-cup")
    claim = await asyncio.wait_for(waiting, 2)
    assert claim is not None
    assert claim.submission_id == submission.id


async def test_claim_gives_up_after_block_ms(queue: Queue) -> None:
    started = time.monotonic()
    assert await queue.claim("slot-1", block_ms=150) is None
    assert 0.1 < time.monotonic() - started < 1.0


async def test_an_unacked_claim_goes_to_another_slot_after_the_visibility_timeout(
    queue: Queue, store: SubmissionStore
) -> None:
    submission = await submit(store)
    first = await queue.claim("slot-1")  # and slot-1's host dies: never acked
    assert first is not None
    assert await queue.claim("slot-2") is None  # not yet: it may still be being judged
    await asyncio.sleep(VISIBILITY_MS / 1000 + 0.05)
    again = await queue.claim("slot-2")
    assert again is not None
    assert again.submission_id == submission.id
    assert again.entry_id == first.entry_id
    assert again.attempt == 2
    await queue.ack(again)
    assert await queue.pending() == 0


async def test_after_max_attempts_the_submission_is_finished_as_ie(queue: Queue, store: SubmissionStore) -> None:
    submission = await submit(store)
    for attempt in (1, 2, 3):
        claim = await queue.claim(f"slot-{attempt}")
        assert claim is not None
        assert claim.attempt == attempt
        await asyncio.sleep(VISIBILITY_MS / 1000 + 0.05)  # each slot dies in turn
    assert await queue.claim("slot-4") is None
    finished = await store.get(submission.id)
    assert finished is not None
    assert finished.status is SubmissionStatus.FINISHED
    assert finished.result is not None
    assert finished.result.verdict is Verdict.IE
    assert finished.result.message == "judging failed 3 times"
    assert await queue.pending() == 0
    assert await queue.length() == 0


async def test_a_redelivered_submission_already_finished_is_acked_not_judged_again(
    queue: Queue, store: SubmissionStore
) -> None:
    submission = await submit(store)
    claim = await queue.claim("slot-1")
    assert claim is not None
    await store.finish(submission.id, ACCEPTED, claim.attempt)  # then the slot dies before its ack
    await asyncio.sleep(VISIBILITY_MS / 1000 + 0.05)
    assert await queue.claim("slot-2") is None
    assert await queue.pending() == 0
    finished = await store.get(submission.id)
    assert finished is not None
    assert finished.result == ACCEPTED
    assert finished.attempts == 1


async def test_contest_submissions_come_before_practice_ones(queue: Queue, store: SubmissionStore) -> None:
    practice = [await submit(store) for _ in range(2)]
    contest = [await submit(store, competition_id="spring-cup") for _ in range(2)]
    order = []
    while (claim := await queue.claim("slot-1")) is not None:
        order.append(claim.submission_id)
        await queue.ack(claim)
    assert order == [s.id for s in contest + practice]


async def test_a_blocking_claim_woken_by_both_streams_keeps_the_other_entry(
    queue: Queue, store: SubmissionStore, redis: aioredis.Redis
) -> None:
    # Both streams get an entry in one transaction, so one blocked read can see both.
    waiting = asyncio.create_task(queue.claim("slot-1", block_ms=5000))
    await asyncio.sleep(0.1)
    async with redis.pipeline(transaction=True) as pipe:
        for submission_id in ("p", "c"):
            fields: dict[EncodableT, EncodableT] = {
                "id": submission_id,
                "problem": "x",
                "language": "python",
                "code": "",
                "user_id": "ada",
            }
            pipe.hset(queue.keys.submission(submission_id), mapping={**fields, "status": "queued"})
        pipe.xadd(queue.keys.practice_queue, {"id": "p"})
        pipe.xadd(queue.keys.contest_queue, {"id": "c"})
        await pipe.execute()
    first = await asyncio.wait_for(waiting, 2)
    second = await queue.claim("slot-1")
    assert first is not None
    assert second is not None
    assert [first.submission_id, second.submission_id] == ["c", "p"]
    assert await queue.claim("slot-1") is None


async def test_an_entry_for_a_vanished_submission_is_dropped(
    queue: Queue, store: SubmissionStore, redis: aioredis.Redis
) -> None:
    submission = await submit(store)
    await redis.delete(queue.keys.submission(submission.id))
    assert await queue.claim("slot-1") is None
    assert await queue.length() == 0
