"""Progress events of submissions: published by worker slots, delivered to the API's waiting clients.

Each submission has one pub/sub channel (`Keys.events_channel`). A host keeps
ONE pub/sub connection for all its waiting clients: a channel is subscribed
while at least one local client listens to it, and each message is copied to
every local listener. Long-polls and server-sent event streams wait on these
events, never by polling Redis.

An event is a JSON object with an `event` field:
`{"event": "status", "status": "compiling"}`,
`{"event": "status", "status": "running", "total": 100}`,
`{"event": "test", "index": 36, "total": 100, "verdict": "AC", "passed": 37}`,
`{"event": "finished", "verdict": "WA"}`.
Messages published while this host was disconnected from Redis are lost; the
readers re-read the submission itself now and then, so they never wait
forever on an event that went missing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

import msgspec
import redis.asyncio as aioredis
from redis.exceptions import RedisError

from judged.store.keys import Keys

log = logging.getLogger(__name__)

SUBSCRIBE_TIMEOUT = 2.0
"""Seconds to wait for Redis to confirm a subscription before giving up (Redis is away)."""
QUEUE_SIZE = 256
"""Events held for one slow listener; beyond that the oldest are dropped (the last state is re-read anyway)."""
_RECONNECT_DELAY = 0.5


class Event(msgspec.Struct, frozen=True, omit_defaults=True):
    event: str
    status: str | None = None
    verdict: str | None = None
    index: int | None = None
    total: int | None = None
    passed: int | None = None


EVENT_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(Event)


class EventsUnavailable(Exception):
    """The subscription could not be made: Redis is unreachable."""


class Events:
    """The host's one pub/sub connection and its local listeners. `start` before use, `close` after."""

    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._pubsub = redis.pubsub()
        self.keys = keys
        self._listeners: dict[str, set[asyncio.Queue[Event]]] = {}
        self._confirmed: dict[str, asyncio.Event] = {}
        self._has_channels = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._reader = asyncio.create_task(self._read(), name="events reader")

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
            self._reader = None
        with contextlib.suppress(RedisError, OSError):
            await self._pubsub.aclose()

    @contextlib.asynccontextmanager
    async def listen(self, submission_id: str) -> AsyncIterator[asyncio.Queue[Event]]:
        """A queue of the submission's events from the moment this is entered (subscription confirmed)."""
        channel = self.keys.events_channel(submission_id)
        queue: asyncio.Queue[Event] = asyncio.Queue(QUEUE_SIZE)
        listeners = self._listeners.setdefault(channel, set())
        listeners.add(queue)
        try:
            if channel not in self._confirmed:
                self._confirmed[channel] = asyncio.Event()
                await self._subscribe(channel)
            try:
                async with asyncio.timeout(SUBSCRIBE_TIMEOUT):
                    await self._confirmed[channel].wait()
            except TimeoutError as exc:
                raise EventsUnavailable("Redis did not confirm the subscription in time") from exc
            yield queue
        finally:
            listeners.discard(queue)
            if not listeners:
                await self._unsubscribe(channel)

    async def _subscribe(self, channel: str) -> None:
        try:
            await self._pubsub.subscribe(channel)
        except (RedisError, OSError) as exc:
            raise EventsUnavailable(f"cannot subscribe: {exc}") from exc
        self._has_channels.set()

    async def _unsubscribe(self, channel: str) -> None:
        self._listeners.pop(channel, None)
        self._confirmed.pop(channel, None)
        with contextlib.suppress(RedisError, OSError):
            await self._pubsub.unsubscribe(channel)

    async def _read(self) -> None:
        while True:
            await self._has_channels.wait()
            try:
                message = await self._pubsub.get_message(timeout=1.0)
            except (RedisError, OSError, RuntimeError) as exc:
                log.warning("events connection lost (%s); reconnecting", exc)
                await asyncio.sleep(_RECONNECT_DELAY)
                continue
            if message is not None:
                self._dispatch(message)

    def _dispatch(self, message: dict[str, Any]) -> None:
        channel = _text(message.get("channel"))
        kind = message.get("type")
        if kind == "subscribe":
            confirmed = self._confirmed.get(channel)
            if confirmed is not None:
                confirmed.set()
            return
        if kind != "message":
            return
        try:
            event = _DECODER.decode(message["data"])
        except msgspec.DecodeError:
            log.warning("ignored a malformed event on %s", channel)
            return
        for queue in self._listeners.get(channel, ()):
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(event)


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
