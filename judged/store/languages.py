"""The language statuses every host shares in Redis: worker hosts publish theirs, API-only hosts read them all.

A hash, host -> that host's statuses with the time it published them. A
host that stopped publishing (gone, or cut off) stops counting after
`FRESH` seconds; a language is offered when any fresh host has it enabled.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import msgspec
import redis.asyncio as aioredis

from judged.judging.statuses import LanguageStatus
from judged.store.keys import Keys

FRESH = 90.0
"""A worker host's statuses count while they are younger than this (seconds)."""


class HostLanguages(msgspec.Struct, frozen=True):
    """One worker host's language statuses, as it last published them."""

    host: str
    at: float
    statuses: list[LanguageStatus]


class LanguageStatuses:
    """The shared hash of each worker host's language statuses."""

    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._redis, self._key = redis, keys.languages()
        self._decoder = msgspec.json.Decoder(HostLanguages)

    async def publish(self, host: str, statuses: Sequence[LanguageStatus]) -> None:
        record = HostLanguages(host=host, at=time.time(), statuses=list(statuses))
        await self._redis.hset(self._key, host, msgspec.json.encode(record))

    async def read(self) -> list[LanguageStatus]:
        """One status per language over the fresh hosts."""
        records = [self._decoder.decode(raw) for raw in (await self._redis.hgetall(self._key)).values()]
        return merge(records, time.time())


def merge(records: list[HostLanguages], now: float) -> list[LanguageStatus]:
    """One status per language over the fresh hosts: enabled if any host has it enabled."""
    merged: dict[str, LanguageStatus] = {}
    for record in records:
        if now - record.at > FRESH:
            continue
        for status in record.statuses:
            if status.id not in merged or (status.enabled and not merged[status.id].enabled):
                merged[status.id] = status
    return [merged[key] for key in sorted(merged)]
