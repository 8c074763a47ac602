"""The one way judged opens a Redis connection: to one server by URL, or to the primary Redis Sentinel names.

With Sentinel (`redis.sentinel` in the settings), the client asks the sentinels for the
current primary of the monitored service when it connects, and again after any
connection error or a READONLY reply (the old primary demoted to a replica). A failover
therefore costs the commands that fail while there is no reachable primary; they raise
`redis.exceptions.ConnectionError`, which the API answers with 503 and Retry-After and
the worker slots retry. Nothing is retried here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import redis.asyncio as aioredis
from redis.asyncio.connection import BlockingConnectionPool
from redis.asyncio.sentinel import Sentinel, SentinelConnectionPool

__all__ = ["connect", "connect_sentinel", "open_redis", "sentinel_address"]

CONNECT_TIMEOUT = 2.0
"""Seconds to wait for a connection: an unreachable Redis is reported quickly, not after the OS's minutes."""
READ_TIMEOUT = 5.0
"""Seconds to wait for a reply (blocking reads of the queue wait far less; pub/sub reads set their own)."""
MAX_CONNECTIONS = 256
"""Connections per process. Beyond that a command waits for a free one (up to POOL_TIMEOUT) instead of failing:
a poll storm queues on the pool rather than answering 503."""
POOL_TIMEOUT = 5.0
SENTINEL_TIMEOUT = 1.0
"""Seconds to wait for one sentinel's answer before asking the next one."""

_OPTIONS: dict[str, Any] = {
    "decode_responses": True,
    "health_check_interval": 30,
    "socket_connect_timeout": CONNECT_TIMEOUT,
    "socket_timeout": READ_TIMEOUT,
    "max_connections": MAX_CONNECTIONS,
    "timeout": POOL_TIMEOUT,
}


def connect(url: str) -> aioredis.Redis:
    """A client for `url` (redis://, rediss:// or unix://) that decodes replies to str, as the store expects."""
    pool = BlockingConnectionPool.from_url(url, **_OPTIONS)
    return aioredis.Redis.from_pool(pool)  # owned: `aclose()` disconnects it (a bare pool argument would leak it)


class _BlockingSentinelPool(SentinelConnectionPool, BlockingConnectionPool):
    """Sentinel's pool (finds the primary, follows a failover) that waits for a free connection as `connect`'s does."""


def connect_sentinel(sentinels: Sequence[str], service: str) -> aioredis.Redis:
    """A client for the primary that `sentinels` (HOST:PORT each) name for `service`, found again after a failover."""
    if not sentinels:
        raise ValueError("connect_sentinel needs at least one sentinel HOST:PORT")
    timeouts = {"socket_connect_timeout": SENTINEL_TIMEOUT, "socket_timeout": SENTINEL_TIMEOUT}
    manager = Sentinel([sentinel_address(text) for text in sentinels], sentinel_kwargs=timeouts)
    client: aioredis.Redis = manager.master_for(service, connection_pool_class=_BlockingSentinelPool, **_OPTIONS)
    return client


def open_redis(url: str, sentinels: Sequence[str] = (), service: str = "") -> aioredis.Redis:
    """The client the settings describe: through `sentinels` when any are given, else to `url`."""
    return connect_sentinel(sentinels, service) if sentinels else connect(url)


def sentinel_address(text: str) -> tuple[str, int]:
    """(host, port) of a sentinel written HOST:PORT or [IPv6]:PORT; ValueError saying what is wrong otherwise."""
    host, sep, port = text.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"a sentinel is HOST:PORT (port 1-65535), got {text!r}")
    return host, int(port)
