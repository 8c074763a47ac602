"""The language statuses hosts share in Redis: what an API-only host offers is what fresh worker hosts publish."""

from __future__ import annotations

import time

import msgspec
import redis.asyncio as aioredis

from judged.judging.statuses import LanguageStatus
from judged.store.keys import Keys
from judged.store.languages import FRESH, HostLanguages, LanguageStatuses
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_url_fixture"]

PYTHON_OK = LanguageStatus("python", "Python 3", "3.11", enabled=True)
PYTHON_BROKEN = LanguageStatus("python", "Python 3", "3.11", enabled=False, reason="self-test failed")
GO_OK = LanguageStatus("go", "Go", "1.19", enabled=True)
RUST_OK = LanguageStatus("rust", "Rust", "1.63", enabled=True)


async def test_a_language_is_offered_when_any_fresh_host_has_it(redis: aioredis.Redis) -> None:
    keys = Keys("langs:")
    statuses = LanguageStatuses(redis, keys)
    await statuses.publish("worker-1", [PYTHON_BROKEN, GO_OK])
    await statuses.publish("worker-2", [PYTHON_OK])
    assert await statuses.read() == [GO_OK, PYTHON_OK]  # sorted by id; python enabled on worker-2


async def test_a_host_that_stopped_publishing_stops_counting(redis: aioredis.Redis) -> None:
    keys = Keys("langs:")
    statuses = LanguageStatuses(redis, keys)
    await statuses.publish("worker-1", [GO_OK])
    gone = HostLanguages(host="worker-0", at=time.time() - FRESH - 1, statuses=[RUST_OK])
    await redis.hset(keys.languages(), "worker-0", msgspec.json.encode(gone))
    assert await statuses.read() == [GO_OK]


async def test_no_worker_host_means_no_language(redis: aioredis.Redis) -> None:
    assert await LanguageStatuses(redis, Keys("langs:")).read() == []
