"""Announcements of a competition's organisers: kept in Redis, read by each host at most once a second.

One Redis stream per competition (`Keys.announcements`), capped at the last `KEPT` entries: the stream's
own ids order the announcements and are what a reader names to ask for newer ones (`after`). An admin
posts one (`AnnouncementStore.post`); participants' pages long-poll for newer ones. However many pages
wait on one host, that host reads a competition's stream at most once per `REFRESH` seconds
(`AnnouncementFeed`), and only what is newer than what it already holds.

Announcements live in Redis only (AOF on, like the rest of a competition's state): they are the
organisers' notes during a contest, not a result the submissions database must keep.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated

import msgspec
import redis.asyncio as aioredis

from judged.store.keys import Keys

__all__ = [
    "KEPT",
    "MAX_TEXT",
    "REFRESH",
    "Announcement",
    "AnnouncementFeed",
    "AnnouncementStore",
    "InvalidAfter",
    "NewAnnouncement",
    "check_after",
]

KEPT = 200
"""Announcements kept per competition: the oldest beyond this are dropped."""
MAX_TEXT = 4000
"""The longest announcement, in characters."""
REFRESH = 1.0
"""Seconds a host serves a competition's announcements from memory before reading the stream again."""
_ID = r"^[0-9]{1,20}-[0-9]{1,20}$"


class Announcement(msgspec.Struct, frozen=True):
    """One announcement: its id (the stream's, ordered), its text (plain text, line breaks kept), when."""

    id: str
    text: str
    created: float
    """Unix seconds."""


class NewAnnouncement(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What an admin posts."""

    text: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT)]


class InvalidAfter(ValueError):
    """`after` is not an announcement id."""


def _order(announcement_id: str) -> tuple[int, int]:
    milliseconds, sequence = announcement_id.split("-")
    return int(milliseconds), int(sequence)


def check_after(after: str) -> str:
    """`after` if it is an id as the stream writes them (`<ms>-<n>`); else `InvalidAfter`."""
    if not re.match(_ID, after):
        raise InvalidAfter(f"after must be an announcement id such as '1733580000000-0', not {after[:40]!r}")
    return after


class AnnouncementStore:
    """Announcements in Redis: post one, read those after an id."""

    def __init__(self, redis: aioredis.Redis, keys: Keys) -> None:
        self._redis = redis
        self._keys = keys

    async def post(self, competition_id: str, text: str, now: float | None = None) -> Announcement:
        created = time.time() if now is None else now
        stored = msgspec.json.encode({"text": text, "created": created})
        entry = await self._redis.xadd(self._keys.announcements(competition_id), {"a": stored}, maxlen=KEPT)
        return Announcement(id=_text(entry), text=text, created=created)

    async def after(self, competition_id: str, after: str | None) -> list[Announcement]:
        """The kept announcements newer than `after` (all when None), oldest first."""
        low = "-" if after is None else f"({after}"
        entries = await self._redis.xrange(self._keys.announcements(competition_id), min=low, max="+")
        return [_decode(entry_id, fields) for entry_id, fields in entries or () if entry_id and fields]


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class _Stored(msgspec.Struct, frozen=True):
    text: str
    created: float


def _decode(entry_id: bytes | str, fields: Mapping[bytes | str, bytes | str]) -> Announcement:
    raw = next(iter(fields.values()))
    stored = msgspec.json.decode(raw, type=_Stored)
    return Announcement(id=_text(entry_id), text=stored.text, created=stored.created)


@dataclass
class _Held:
    read_at: float = -REFRESH
    items: list[Announcement] = field(default_factory=list)
    reading: asyncio.Future[None] | None = None


@dataclass
class AnnouncementFeed:
    """This host's copy of each competition's announcements, read from Redis at most once per `REFRESH`.

    `wait` answers a long-poll: at once when there is something newer than `after`, else when the
    host's next read finds something, else after the seconds asked for, with nothing.
    """

    store: AnnouncementStore
    refresh: float = REFRESH
    _held: dict[str, _Held] = field(default_factory=dict)

    async def post(self, competition_id: str, text: str) -> Announcement:
        announcement = await self.store.post(competition_id, text)
        self._held.pop(competition_id, None)  # this host reads it at the next ask
        return announcement

    async def current(self, competition_id: str) -> list[Announcement]:
        """The kept announcements, oldest first, at most `refresh` seconds old."""
        held = self._held.get(competition_id)
        if held is None:
            if len(self._held) > 10_000:
                self._held.clear()
            held = self._held[competition_id] = _Held()
        if time.monotonic() - held.read_at >= self.refresh:
            if held.reading is None:
                held.reading = asyncio.ensure_future(self._read(competition_id, held))
                held.reading.add_done_callback(lambda _: setattr(held, "reading", None))
            await asyncio.shield(held.reading)
        return held.items

    async def _read(self, competition_id: str, held: _Held) -> None:
        newest = held.items[-1].id if held.items else None
        fresh = await self.store.after(competition_id, newest)
        if fresh:
            held.items = (held.items + fresh)[-KEPT:]
        held.read_at = time.monotonic()

    async def wait(self, competition_id: str, after: str | None, seconds: float) -> list[Announcement]:
        """Those newer than `after` (every kept one when None), waiting up to `seconds` for one to come."""
        deadline = time.monotonic() + seconds
        while True:
            items = await self.current(competition_id)
            newer = items if after is None else [item for item in items if _order(item.id) > _order(after)]
            left = deadline - time.monotonic()
            if newer or left <= 0:
                return newer
            await asyncio.sleep(min(left, self.refresh))
