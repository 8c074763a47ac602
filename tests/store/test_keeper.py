"""Submissions an older judged kept in Redis for ever (no database then) are archived at start, then expire."""

from __future__ import annotations

import redis.asyncio as aioredis

from judged.judging.verdicts import JudgeResult, Verdict
from judged.store.archive import SubmissionArchive
from judged.store.database import Database
from judged.store.keeper import SubmissionKeeper
from judged.store.submissions import Kind, Rules, SubmissionStore
from tests.store.database import database_fixture, database_url_fixture, postgres_cluster_fixture
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["database_fixture", "database_url_fixture", "postgres_cluster_fixture", "redis_fixture", "redis_url_fixture"]


async def test_finished_submissions_kept_for_ever_are_archived_then_expire(
    redis: aioredis.Redis, database: Database
) -> None:
    store = SubmissionStore(redis, rules=Rules(max_active=100, max_per_minute=100))
    keeper = SubmissionKeeper(store, SubmissionArchive(database), hot_seconds=3600)
    result = JudgeResult(verdict=Verdict.AC, tests=[], time=0.1, memory=1)
    old = []
    for _ in range(3):  # as the previous judged left them: finished, no expiry
        created = await store.create(problem="p", language="python", code="x", user_id="ada")
        await store.finish(created.id, result, attempt=1)
        old.append(created.id)
    queued = await store.create(problem="p", language="python", code="y", user_id="ada")
    run = await store.create(problem="p", language="python", code="z", user_id="ada", kind=Kind.RUN)
    await store.finish_run(run.id, b"{}", attempt=1)

    assert await keeper.archive_kept_for_ever() == 3
    for submission_id in old:
        assert await keeper.archive.get(submission_id) == await store.get(submission_id)
        assert 0 < await redis.ttl(store.keys.submission(submission_id)) <= 3600
    assert await redis.ttl(store.keys.submission(queued.id)) == -1  # still to be judged: untouched
    assert await keeper.archive.get(queued.id) is None
    assert await keeper.archive.get(run.id) is None  # runs are never archived
    assert await keeper.archive_kept_for_ever() == 0  # once done, nothing more
