"""Competitions in the submissions database: the admin's definitions kept durably, listed by state.

Redis keeps a cached copy of each competition (`CompetitionStore`) for the hot paths
(admission, the leaderboard); `DurableCompetitionStore` writes every change through
to the database and reads a competition back from it when Redis has lost it.
"""

from __future__ import annotations

import base64
import binascii
import enum
import logging
import time
from typing import Annotated

import msgspec
import redis.asyncio as aioredis
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from judged.store.competitions import Competition, CompetitionState, CompetitionStore, Rule
from judged.store.database import Database
from judged.store.database_schema import competitions as table
from judged.store.index import InvalidCursor
from judged.store.keys import Keys

__all__ = [
    "MAX_COMPETITION_PAGE",
    "CompetitionArchive",
    "CompetitionListing",
    "CompetitionPage",
    "DurableCompetitionStore",
    "ListedState",
]

log = logging.getLogger(__name__)

MAX_COMPETITION_PAGE = 100
_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(Competition)
_CURSOR_DECODER = msgspec.json.Decoder(tuple[float, str])


class ListedState(enum.StrEnum):
    """The states a listing filters by: running includes frozen, ended includes finalized."""

    SCHEDULED = "scheduled"
    RUNNING = "running"
    ENDED = "ended"


class CompetitionListing(msgspec.Struct, frozen=True):
    """One competition in a list: when, what state, how many problems (not which: a scheduled one may hide them)."""

    id: str
    title: str
    start: float
    end: float
    duration: int
    state: CompetitionState
    rule: Rule
    problems: int


class CompetitionPage(msgspec.Struct, frozen=True):
    """Newest start first; `next_cursor` fetches the page after this one, None at the end."""

    items: list[CompetitionListing]
    next_cursor: str | None


class CompetitionArchive:
    """The competitions table."""

    def __init__(self, database: Database) -> None:
        self.database = database

    async def put(self, competition: Competition) -> None:
        """Insert or replace the competition (same id: same row)."""
        row = {
            "id": competition.id,
            "title": competition.title,
            "start": competition.start,
            "ends": competition.end,
            "definition": _ENCODER.encode(competition).decode(),
        }
        insert = postgresql.insert(table) if self.database.dialect == "postgresql" else sqlite.insert(table)
        statement = insert.on_conflict_do_update(
            index_elements=[table.c.id], set_={name: insert.excluded[name] for name in row if name != "id"}
        )
        async with self.database.transaction() as connection:
            await connection.execute(statement, row)

    async def get(self, competition_id: str) -> Competition | None:
        async with self.database.engine.connect() as connection:
            found = (
                await connection.execute(sa.select(table.c.definition).where(table.c.id == competition_id))
            ).first()
        return None if found is None else _DECODER.decode(found.definition)

    async def page(
        self,
        state: ListedState | None = None,
        *,
        limit: Annotated[int, msgspec.Meta(ge=1, le=MAX_COMPETITION_PAGE)] = 20,
        cursor: str | None = None,
        now: float | None = None,
    ) -> CompetitionPage:
        """Competitions in `state` (None: all), newest start first. Raises InvalidCursor for a bad cursor."""
        now = time.time() if now is None else now
        statement = sa.select(table.c.definition, table.c.start, table.c.id)
        if state is ListedState.SCHEDULED:
            statement = statement.where(table.c.start > now)
        elif state is ListedState.RUNNING:
            statement = statement.where(table.c.start <= now, table.c.ends > now)
        elif state is ListedState.ENDED:
            statement = statement.where(table.c.ends <= now)
        if cursor is not None:
            start, after = _decode_cursor(cursor)
            statement = statement.where(sa.tuple_(table.c.start, table.c.id) < sa.tuple_(start, after))
        statement = statement.order_by(table.c.start.desc(), table.c.id.desc()).limit(limit + 1)
        async with self.database.engine.connect() as connection:
            rows = (await connection.execute(statement)).all()
        items = [_listing(_DECODER.decode(row.definition), now) for row in rows[:limit]]
        last = rows[limit - 1] if len(rows) > limit else None
        return CompetitionPage(items=items, next_cursor=None if last is None else _encode_cursor(last.start, last.id))


class DurableCompetitionStore(CompetitionStore):
    """The Redis store, with every change written through to the database and misses read back from it."""

    def __init__(self, redis: aioredis.Redis, archive: CompetitionArchive, keys: Keys | None = None) -> None:
        super().__init__(redis, keys)
        self.archive = archive

    async def create(self, competition: Competition, *, replace: bool = False) -> None:
        await super().create(competition, replace=replace)
        await self.archive.put(competition)

    async def get(self, competition_id: str) -> Competition | None:
        cached = await super().get(competition_id)
        if cached is not None:
            return cached
        durable = await self.archive.get(competition_id)
        if durable is not None:  # Redis lost it: cache it again
            await super().create(durable, replace=True)
            log.info("competition %s read back from the database into Redis", competition_id)
        return durable

    async def finalize(self, competition_id: str, now: float | None = None) -> Competition:
        final = await super().finalize(competition_id, now)
        await self.archive.put(final)
        return final

    async def archive_cached(self) -> int:
        """Write every competition Redis holds to the database (those made before it kept them); how many."""
        count = 0
        async for key in self._redis.scan_iter(match=self.keys.competition("*"), count=1000):
            raw = await self._redis.get(key)
            if raw is not None:
                await self.archive.put(_DECODER.decode(raw))
                count += 1
        return count


def _listing(competition: Competition, now: float) -> CompetitionListing:
    return CompetitionListing(
        id=competition.id,
        title=competition.title,
        start=competition.start,
        end=competition.end,
        duration=competition.duration,
        state=competition.state(now),
        rule=competition.rule,
        problems=len(competition.problems),
    )


def _encode_cursor(start: float, competition_id: str) -> str:
    return base64.urlsafe_b64encode(msgspec.json.encode((start, competition_id))).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        return _CURSOR_DECODER.decode(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error, msgspec.DecodeError) as exc:
        raise InvalidCursor("not a cursor this listing handed out") from exc
