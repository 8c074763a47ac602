"""Redis memory stays bounded by what is hot: 20,000 finished submissions leave it as it was, all still readable.

Every submission goes the real way (created and queued by the store, claimed from the
queue, finished, archived into the embedded SQLite database, acked); with
`hot_seconds=1` their Redis hashes expire, and Redis's memory comes back to where it
started, within 1 MB. The start is measured after a warm-up of 100 submissions, so that
what Redis allocates once (scripts, the slots' connections and consumers, the users'
counters: about 0.5 MB, the same for 100 submissions as for 3,000) is not counted as
what the 20,000 left. Then each submission is read from the database: a few hundred over
HTTP, every one through the read path GET /v1/submissions/{id} uses.
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from judged.api import build_app
from judged.api.deps import History, Submissions
from judged.judging.verdicts import JudgeResult, Verdict
from judged.judging.verdicts import TestResult as CaseResult  # not collected as a test class
from judged.store.archive import SubmissionArchive
from judged.store.competition_archive import CompetitionArchive
from judged.store.database import Database, database_url
from judged.store.events import Events
from judged.store.keeper import SubmissionKeeper
from judged.store.keys import Keys
from judged.store.queue import Queue
from judged.store.submissions import Rules, SubmissionStore
from tests.api.conftest import Daemon, serve
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_url_fixture"]

SUBMISSIONS = 20_000
WARM_UP = 100
USERS = 50
SLOTS = 8
SAMPLED_OVER_HTTP = 300
MEGABYTE = 1024 * 1024


def _result(number: int) -> JudgeResult:
    verdict = Verdict.AC if number % 3 else Verdict.WA
    tests = [CaseResult(index=i, verdict=Verdict.AC, time=0.001 * i, memory=1 << 20) for i in range(20)]
    return JudgeResult(verdict=verdict, tests=tests, time=0.05, memory=8 << 20, message="" if number % 3 else "test 20")


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(database_url("", tmp_path / "state"))
    await database.open()
    yield database
    await database.close()


async def _used_memory(redis: aioredis.Redis) -> int:
    return int((await redis.info("memory"))["used_memory"])


async def _finish_all(keeper: SubmissionKeeper, queue: Queue, count: int) -> list[tuple[str, Verdict]]:
    """Create and queue `count` submissions, and let SLOTS loops claim, finish, archive and ack them."""
    store = keeper.store
    made: list[tuple[str, Verdict]] = []
    for start in range(0, count, 32):
        batch = await asyncio.gather(
            *(
                store.create(problem=f"p{n % 40}", language="python", code=f"print({n})\n", user_id=f"u{n % USERS}")
                for n in range(start, min(start + 32, count))
            )
        )
        made += [(submission.id, _result(start + i).verdict) for i, submission in enumerate(batch)]
    numbers = {submission_id: n for n, (submission_id, _) in enumerate(made)}

    async def slot(consumer: str) -> None:
        while True:
            claim = await queue.claim(consumer, block_ms=0)
            if claim is None:
                return
            await store.finish(claim.submission_id, _result(numbers[claim.submission_id]), claim.attempt)
            assert await keeper.archive_finished(claim.submission_id)
            await queue.ack(claim)

    await asyncio.gather(*(slot(f"slot-{number}") for number in range(SLOTS)))
    return made


async def _until_only(redis: aioredis.Redis, keys: Keys, bound: float = 180) -> None:
    """Wait until no submission hash and no per-minute window is left (they expire); a bound, not a speed test."""

    async def left() -> int:
        count = 0
        for pattern in (keys.submission("*"), keys.user_recent("*")):
            async for _ in redis.scan_iter(match=pattern, count=1000):
                count += 1
        return count

    async def wait() -> None:
        while await left():
            await asyncio.sleep(0.5)

    await asyncio.wait_for(wait(), bound)


async def test_twenty_thousand_finished_submissions_leave_redis_memory_as_it_was(
    redis: aioredis.Redis, database: Database, daemon: Daemon
) -> None:
    keys = Keys()
    store = SubmissionStore(redis, keys, Rules(max_active=SUBMISSIONS, max_per_minute=SUBMISSIONS))
    keeper = SubmissionKeeper(store, SubmissionArchive(database), hot_seconds=1)
    queue = Queue(redis, store, visibility_timeout_ms=600_000)
    await queue.ensure_group()
    # A first few submissions, so that what Redis allocates once (the scripts, the slots' connections
    # and consumers, the users' counters) is in the baseline; what is measured is what 20,000 more leave.
    await _finish_all(keeper, queue, WARM_UP)
    await _until_only(redis, keys)
    before = await _used_memory(redis)

    made = await _finish_all(keeper, queue, SUBMISSIONS)
    assert await queue.length() == 0
    assert await queue.pending() == 0
    await _until_only(redis, keys)
    after = await _used_memory(redis)
    assert after - before < MEGABYTE, f"Redis holds {after - before} bytes more than before {SUBMISSIONS} submissions"
    assert await keeper.archive.count() == WARM_UP + SUBMISSIONS

    events = Events(redis, keys)
    await events.start()
    history = History(submissions=keeper.archive, competitions=CompetitionArchive(database))
    submissions = Submissions(store=store, events=events, keeper=keeper)
    await daemon.sync()
    client = await serve(build_app(dataclasses.replace(daemon.deps(), submissions=submissions, history=history)))
    try:
        for submission_id, verdict in random.Random(12).sample(made, SAMPLED_OVER_HTTP):
            response = await client.get(f"/v1/submissions/{submission_id}")
            assert response.status == 200, await response.text()
            body = await response.json()
            assert (body["status"], body["verdict"], len(body["tests"])) == ("finished", verdict.value, 20)
    finally:
        await client.close()
        await events.close()
    for submission_id, verdict in made:  # every one, through the read path GET uses
        found = await keeper.get(submission_id)
        assert found is not None, submission_id
        assert found.result is not None
        assert found.result.verdict is verdict
