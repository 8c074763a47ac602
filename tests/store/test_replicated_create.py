"""`redis.wait_replicas`: a new submission is on the replica before `create` returns; without one it is still taken."""

from __future__ import annotations

import logging

import pytest
import redis.asyncio as aioredis

from judged.store.client import connect
from judged.store.submissions import SubmissionStore
from tests.redis_ha import RedisHA, redis_ha_fixture
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_ha_fixture", "redis_url_fixture"]


async def test_every_created_submission_is_on_the_replica_when_create_returns(redis_ha: RedisHA) -> None:
    primary, replica = redis_ha.servers[0], redis_ha.servers[1]
    writer = connect(f"redis://127.0.0.1:{primary.port}")
    reader = connect(f"redis://127.0.0.1:{replica.port}")
    store = SubmissionStore(writer, replicas=1, replica_wait=5)
    try:
        for number in range(30):
            created = await store.create(problem="p", language="python", code=f"# {number}\n", user_id=f"u{number}")
            assert await reader.hget(store.keys.submission(created.id), "status") == "queued", number
            entries = await reader.xrange(store.keys.practice_queue) or []
            assert created.id in {fields["id"] for _entry, fields in entries if fields}, number
    finally:
        await writer.aclose()
        await reader.aclose()


async def test_without_a_replica_the_submission_is_taken_and_the_risk_logged(
    redis: aioredis.Redis, caplog: pytest.LogCaptureFixture
) -> None:
    store = SubmissionStore(redis, replicas=1, replica_wait=0.05)
    with caplog.at_level(logging.WARNING, logger="judged.store.submissions"):
        created = await store.create(problem="p", language="python", code="pass\n", user_id="alone")
    assert (await store.get(created.id)) is not None
    assert f"submission {created.id} accepted with 0 of 1 replicas holding it" in caplog.text
