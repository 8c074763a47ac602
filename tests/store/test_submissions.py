"""Submissions in a real Redis: stored with their queue entry, finished once, waited for without polling."""

from __future__ import annotations

import asyncio
import contextlib
import time

import msgspec
import pytest
import redis.asyncio as aioredis

from judged.judging import verdicts
from judged.judging.verdicts import JudgeResult, Verdict
from judged.store.keys import Keys
from judged.store.submissions import (
    RUN_TTL,
    Kind,
    Rules,
    Submission,
    SubmissionNotFound,
    SubmissionRefused,
    SubmissionStatus,
    SubmissionStore,
)
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_url_fixture"]

ACCEPTED = JudgeResult(
    verdict=Verdict.AC, tests=[verdicts.TestResult(index=0, verdict=Verdict.AC, time=0.01)], time=0.01, memory=1 << 20
)
WRONG = JudgeResult(
    verdict=Verdict.WA, tests=[verdicts.TestResult(index=0, verdict=Verdict.WA, time=0.02)], time=0.02, memory=1 << 20
)


@pytest.fixture
def store(redis: aioredis.Redis) -> SubmissionStore:
    return SubmissionStore(redis)


async def submit(store: SubmissionStore, competition_id: str | None = None, user_id: str = "ada") -> Submission:
    return await store.create(
        problem="two-sum",
        language="python",
        code="class Solution: ...\n",
        user_id=user_id,
        competition_id=competition_id,
    )


async def queued_ids(redis: aioredis.Redis, stream: str) -> list[str]:
    entries = await redis.xrange(stream) or []
    return [str(fields["id"]) for _, fields in entries if fields]


async def test_create_then_get_gives_back_the_submission(store: SubmissionStore) -> None:
    created = await submit(store, competition_id="spring-cup")
    assert created.status is SubmissionStatus.QUEUED
    assert created.created == pytest.approx(time.time(), abs=5)
    assert await store.get(created.id) == created


async def test_a_practice_submission_has_no_competition(store: SubmissionStore) -> None:
    created = await submit(store)
    got = await store.get(created.id)
    assert got is not None
    assert got.competition_id is None
    assert got.result is None


async def test_get_of_an_unknown_id_is_none(store: SubmissionStore) -> None:
    assert await store.get("nope") is None


async def test_create_writes_the_hash_the_queue_entry_and_the_user_counter(
    store: SubmissionStore, redis: aioredis.Redis
) -> None:
    keys = Keys()
    contest = await submit(store, competition_id="spring-cup")
    practice = await submit(store)
    assert await redis.exists(keys.submission(contest.id), keys.submission(practice.id)) == 2
    assert await queued_ids(redis, keys.contest_queue) == [contest.id]
    assert await queued_ids(redis, keys.practice_queue) == [practice.id]
    assert await store.user_submission_count("ada") == 2
    assert await store.user_submission_count("bob") == 0


async def test_create_is_one_script(store: SubmissionStore, redis: aioredis.Redis) -> None:
    # What the server saw: the hash, the queue entry, the limits and the counter in one script call, no other write.
    async with redis.monitor() as monitor:
        listen = monitor.listen()
        await submit(store)
        commands: list[str] = []
        while "INCR" not in commands:
            commands.append((await asyncio.wait_for(anext(listen), 2))["command"].split()[0].upper())
    writes = [command for command in commands if command in ("HSET", "XADD", "ZADD", "INCR", "MULTI")]
    assert writes == ["HSET", "XADD", "ZADD", "ZADD", "INCR"]
    assert any(command in ("EVALSHA", "EVAL") for command in commands[: commands.index("HSET")])
    assert "MULTI" not in commands


async def test_set_status_records_when_judging_started(store: SubmissionStore) -> None:
    created = await submit(store)
    assert await store.set_status(created.id, SubmissionStatus.COMPILING)
    first = await store.get(created.id)
    assert await store.set_status(created.id, SubmissionStatus.RUNNING)
    second = await store.get(created.id)
    assert first is not None
    assert second is not None
    assert second.status is SubmissionStatus.RUNNING
    assert first.started is not None
    assert second.started == first.started


async def test_set_status_of_an_unknown_submission_raises(store: SubmissionStore) -> None:
    with pytest.raises(SubmissionNotFound):
        await store.set_status("nope", SubmissionStatus.RUNNING)


async def test_finish_stores_the_result(store: SubmissionStore) -> None:
    created = await submit(store)
    assert await store.finish(created.id, ACCEPTED, attempt=1)
    got = await store.get(created.id)
    assert got is not None
    assert got.status is SubmissionStatus.FINISHED
    assert got.result == ACCEPTED
    assert got.finished is not None
    assert got.finished_attempt == 1


async def test_finish_is_idempotent_the_first_result_stays(store: SubmissionStore) -> None:
    created = await submit(store)
    assert await store.finish(created.id, ACCEPTED, attempt=1)
    before = await store.get(created.id)
    assert not await store.finish(created.id, WRONG, attempt=2)
    assert await store.get(created.id) == before


async def test_a_finished_submission_stays_finished(store: SubmissionStore) -> None:
    created = await submit(store)
    await store.finish(created.id, ACCEPTED, attempt=1)
    assert not await store.set_status(created.id, SubmissionStatus.RUNNING)
    got = await store.get(created.id)
    assert got is not None
    assert got.status is SubmissionStatus.FINISHED


async def test_finish_of_an_unknown_submission_raises(store: SubmissionStore) -> None:
    with pytest.raises(SubmissionNotFound):
        await store.finish("nope", ACCEPTED, attempt=1)


async def test_wait_finished_wakes_on_finish(store: SubmissionStore) -> None:
    created = await submit(store)
    waiter = asyncio.create_task(store.wait_finished(created.id, seconds=10))
    await asyncio.sleep(0.1)
    assert not waiter.done()
    started = time.monotonic()
    await store.finish(created.id, ACCEPTED, attempt=1)
    got = await asyncio.wait_for(waiter, 2)
    assert time.monotonic() - started < 0.5
    assert got is not None
    assert got.result == ACCEPTED


async def test_wait_finished_does_not_poll(store: SubmissionStore, redis: aioredis.Redis) -> None:
    created = await submit(store)
    async with redis.monitor() as monitor:
        listen = monitor.listen()
        got = await store.wait_finished(created.id, seconds=0.3)
        commands = []
        with contextlib.suppress(TimeoutError):
            while True:
                message = await asyncio.wait_for(anext(listen), 0.2)
                commands.append(message["command"].split()[0].upper())
    assert got is not None
    assert got.status is SubmissionStatus.QUEUED
    assert commands.count("HGETALL") == 2  # once before waiting, once after the timeout


async def test_wait_finished_times_out_with_the_submission_as_it_stands(store: SubmissionStore) -> None:
    created = await submit(store)
    started = time.monotonic()
    got = await store.wait_finished(created.id, seconds=0.2)
    assert 0.15 < time.monotonic() - started < 1.0
    assert got == created


async def test_wait_finished_returns_at_once_when_already_finished(store: SubmissionStore) -> None:
    created = await submit(store)
    await store.finish(created.id, ACCEPTED, attempt=1)
    started = time.monotonic()
    got = await store.wait_finished(created.id, seconds=10)
    assert time.monotonic() - started < 0.5
    assert got is not None
    assert got.result == ACCEPTED


async def test_wait_finished_of_an_unknown_submission_is_none(store: SubmissionStore) -> None:
    assert await store.wait_finished("nope", seconds=10) is None


async def test_a_user_with_too_many_active_submissions_is_refused_until_one_finishes(redis: aioredis.Redis) -> None:
    store = SubmissionStore(redis, rules=Rules(max_active=2, max_per_minute=100))
    first = await submit(store)
    await submit(store)
    with pytest.raises(SubmissionRefused) as refused:
        await submit(store)
    assert refused.value.admission.reason == "active"
    assert refused.value.admission.retry_after >= 1
    await submit(store, user_id="grace")  # someone else is not held back
    assert await store.finish(first.id, ACCEPTED, 1)
    await submit(store)  # a slot freed by the finish
    assert await store.user_submission_count("ada") == 3


async def test_the_per_minute_limit_says_when_to_come_back(redis: aioredis.Redis) -> None:
    store = SubmissionStore(redis, rules=Rules(max_active=100, max_per_minute=3))
    for _ in range(3):
        await submit(store)
    with pytest.raises(SubmissionRefused) as refused:
        await submit(store)
    assert refused.value.admission.reason == "per_minute"
    assert 55 <= refused.value.admission.retry_after <= 60
    queued = await redis.xlen(store.keys.practice_queue)
    assert queued == 3  # the refused one was not queued


async def test_progress_is_stored_and_published_in_order(store: SubmissionStore, redis: aioredis.Redis) -> None:
    created = await submit(store)
    events: list[bytes] = []
    async with redis.pubsub() as pubsub:
        await pubsub.subscribe(store.keys.events_channel(created.id))
        await store.set_status(created.id, SubmissionStatus.RUNNING, total=2)
        await store.test_done(created.id, 0, 2, "AC", passed=1)
        await store.finish(created.id, WRONG, 1)
        while len(events) < 3:
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=2)
            if message is not None:
                events.append(message["data"].encode() if isinstance(message["data"], str) else message["data"])
    decoded = [msgspec.json.decode(event) for event in events]
    assert decoded == [
        {"event": "status", "status": "running", "total": 2},
        {"event": "test", "index": 0, "total": 2, "verdict": "AC", "passed": 1},
        {"event": "finished", "verdict": "WA"},
    ]
    stored = await store.get(created.id)
    assert stored is not None
    assert (stored.passed, stored.total, stored.status) == (1, 2, SubmissionStatus.FINISHED)


async def test_a_run_expires_and_keeps_its_outcome(store: SubmissionStore, redis: aioredis.Redis) -> None:
    run = await store.create(
        problem="two-sum", language="python", code="x", user_id="ada", kind=Kind.RUN, inputs='[{"nums": [1]}]'
    )
    assert 0 < await redis.ttl(store.keys.submission(run.id)) <= RUN_TTL
    assert await store.finish_run(run.id, b'{"status": "ok"}', 1)
    stored = await store.get(run.id)
    assert stored is not None
    assert (stored.kind, stored.inputs, stored.output) == (Kind.RUN, '[{"nums": [1]}]', '{"status": "ok"}')
