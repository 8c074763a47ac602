"""The one way judged opens a Redis connection."""

from __future__ import annotations

import redis.asyncio as aioredis


def connect(url: str) -> aioredis.Redis:
    """A client for `url` (redis://, rediss:// or unix://) that decodes replies to str, as the store expects."""
    return aioredis.Redis.from_url(url, decode_responses=True, health_check_interval=30)
