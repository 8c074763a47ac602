"""The worker writes each finished submission to the database before it acks; Redis then keeps it only while hot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from judged.problems import Problem
from judged.store.archive import SubmissionArchive
from judged.store.database import Database
from judged.store.keeper import ARCHIVE_TRIES, SubmissionKeeper
from judged.store.queue import Queue
from judged.store.submissions import Submission, SubmissionStatus
from judged.worker import Worker
from tests.store.database import database_fixture, database_url_fixture
from tests.store.postgres import Cluster, allow_connections, fresh_open_database, postgres_cluster_fixture
from tests.store.redis_server import redis_fixture, redis_url_fixture
from tests.test_worker import ACCEPTED, FlakyJudge, RecordingStore, finished, judge, problems, submit

__all__ = [
    "database_fixture",
    "database_url_fixture",
    "judge",
    "postgres_cluster_fixture",
    "problems",
    "redis_fixture",
    "redis_url_fixture",
]


class CountingArchive(SubmissionArchive):
    """The real archive, counting the writes tried."""

    tries = 0

    async def put(self, submission: Submission) -> None:
        self.tries += 1
        await super().put(submission)


async def _run_worker(
    redis: aioredis.Redis, keeper: SubmissionKeeper, judge: FlakyJudge, problems: dict[str, Problem], visibility_ms: int
) -> tuple[Worker, Queue]:
    queue = Queue(redis, keeper.store, visibility_timeout_ms=visibility_ms, max_attempts=3, hand_over_finished=True)

    async def problem(slug: str) -> Problem | None:
        return problems.get(slug)

    worker = Worker(
        queue, keeper.store, judge, problem, slots=1, consumer_prefix="t", block_ms=100, archive=keeper.archive_finished
    )
    await worker.run()
    return worker, queue


async def _until(condition: object, bound: float = 60) -> None:
    """Poll `condition` (an async callable) until true; a generous bound, never an assertion about speed."""

    async def wait() -> None:
        while not await condition():  # type: ignore[operator]
            await asyncio.sleep(0.05)

    await asyncio.wait_for(wait(), bound)


@pytest.fixture
async def worker_parts(
    redis: aioredis.Redis, database: Database, judge: FlakyJudge, problems: dict[str, Problem]
) -> AsyncIterator[tuple[SubmissionKeeper, Queue]]:
    keeper = SubmissionKeeper(RecordingStore(redis), CountingArchive(database), hot_seconds=1)
    worker, queue = await _run_worker(redis, keeper, judge, problems, visibility_ms=30_000)
    yield keeper, queue
    await worker.stop()


async def test_a_finished_submission_is_archived_acked_then_read_from_the_database_once_cold(
    worker_parts: tuple[SubmissionKeeper, Queue], redis: aioredis.Redis
) -> None:
    keeper, queue = worker_parts
    submission = await submit(keeper.store, ACCEPTED)
    hot = await finished(keeper.store, submission.id)
    await _until(lambda: _empty(queue))
    assert await keeper.archive.get(submission.id) == hot  # in the database before the ack
    key = keeper.store.keys.submission(submission.id)
    await _until(lambda: _gone(redis, key))  # hot_seconds=1: the Redis copy expires
    assert await keeper.store.get(submission.id) is None
    assert await keeper.get(submission.id) == hot


async def test_a_rejudge_after_the_hot_copy_expired_judges_again_and_updates_the_database(
    worker_parts: tuple[SubmissionKeeper, Queue], redis: aioredis.Redis
) -> None:
    keeper, queue = worker_parts
    submission = await submit(keeper.store, ACCEPTED)
    first = await finished(keeper.store, submission.id)
    await _until(lambda: _empty(queue))
    await _until(lambda: _gone(redis, keeper.store.keys.submission(submission.id)))
    cold = await keeper.get(submission.id)
    assert cold is not None
    assert await keeper.rejudge(cold)
    again = await keeper.store.get(submission.id)
    assert again is not None
    assert again.status is not SubmissionStatus.FINISHED
    second = await finished(keeper.store, submission.id)
    await _until(lambda: _empty(queue))
    archived = await keeper.archive.get(submission.id)
    assert archived == second
    assert first.finished is not None
    assert second.finished is not None
    assert second.finished > first.finished


async def test_an_unreachable_database_leaves_the_entry_pending_until_it_is_back(
    postgres_cluster: Cluster, redis: aioredis.Redis, judge: FlakyJudge, problems: dict[str, Problem], tmp_path: Path
) -> None:
    async with fresh_open_database(postgres_cluster, tmp_path) as (database, name):
        archive = CountingArchive(database)
        keeper = SubmissionKeeper(RecordingStore(redis), archive, hot_seconds=3600)
        await allow_connections(postgres_cluster, name, False)
        worker, queue = await _run_worker(redis, keeper, judge, problems, visibility_ms=300)
        try:
            submission = await submit(keeper.store, ACCEPTED)
            judged = await finished(keeper.store, submission.id)  # participants see the verdict at once
            assert judged.result is not None

            async def tried_twice() -> bool:  # the first tries, then at least one redelivery's tries
                return archive.tries >= 2 * ARCHIVE_TRIES

            await _until(tried_twice)
            assert await queue.pending() == 1  # not acked
            assert await redis.ttl(keeper.store.keys.submission(submission.id)) == -1  # Redis keeps it for ever
            await allow_connections(postgres_cluster, name, True)
            await _until(lambda: _empty(queue))
            assert await keeper.archive.get(submission.id) == judged
            assert await redis.ttl(keeper.store.keys.submission(submission.id)) > 0
        finally:
            await worker.stop()


async def _empty(queue: Queue) -> bool:
    return await queue.length() == 0 and await queue.pending() == 0


async def _gone(redis: aioredis.Redis, key: str) -> bool:
    return not await redis.exists(key)
