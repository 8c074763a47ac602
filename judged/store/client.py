"""The one way judged opens a Redis connection."""

from __future__ import annotations

import redis.asyncio as aioredis

CONNECT_TIMEOUT = 2.0
"""Seconds to wait for a connection: an unreachable Redis is reported quickly, not after the OS's minutes."""
READ_TIMEOUT = 5.0
"""Seconds to wait for a reply (blocking reads of the queue wait far less; pub/sub reads set their own)."""
MAX_CONNECTIONS = 256
"""Connections per process. Beyond that a command waits for a free one (up to POOL_TIMEOUT) instead of failing:
a poll storm queues on the pool rather than answering 503."""
POOL_TIMEOUT = 5.0


def connect(url: str) -> aioredis.Redis:
    """A client for `url` (redis://, rediss:// or unix://) that decodes replies to str, as the store expects."""
    pool = aioredis.BlockingConnectionPool.from_url(
        url,
        decode_responses=True,
        health_check_interval=30,
        socket_connect_timeout=CONNECT_TIMEOUT,
        socket_timeout=READ_TIMEOUT,
        max_connections=MAX_CONNECTIONS,
        timeout=POOL_TIMEOUT,
    )
    return aioredis.Redis(connection_pool=pool)
