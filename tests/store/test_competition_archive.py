"""Competitions written through to the database (SQLite and PostgreSQL); Redis keeps a cached copy."""

from __future__ import annotations

import time

import redis.asyncio as aioredis

from judged.store.competition_archive import CompetitionArchive, DurableCompetitionStore, ListedState
from judged.store.competitions import Competition, CompetitionProblem, CompetitionStore
from judged.store.database import Database
from tests.store.database import database_fixture, database_url_fixture, postgres_cluster_fixture
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["database_fixture", "database_url_fixture", "postgres_cluster_fixture", "redis_fixture", "redis_url_fixture"]


def _competition(competition_id: str, start: float) -> Competition:
    return Competition(id=competition_id, title="Cup", start=start, problems=[CompetitionProblem(problem="aplusb")])


async def test_competitions_made_before_the_database_are_written_to_it_at_start(
    redis: aioredis.Redis, database: Database
) -> None:
    await CompetitionStore(redis).create(_competition("old", time.time() - 86_400))  # as an older judged did
    durable = DurableCompetitionStore(redis, CompetitionArchive(database))
    assert (await durable.archive.page()).items == []
    assert await durable.archive_cached() == 1
    assert [item.id for item in (await durable.archive.page(ListedState.ENDED)).items] == ["old"]


async def test_a_finalized_competition_is_final_in_the_database_too(redis: aioredis.Redis, database: Database) -> None:
    durable = DurableCompetitionStore(redis, CompetitionArchive(database))
    await durable.create(_competition("done", time.time() - 86_400))
    await durable.finalize("done")
    kept = await durable.archive.get("done")
    assert kept is not None
    assert kept.finalized
    await redis.flushdb()
    again = await durable.get("done")  # Redis lost it: read back, still final
    assert again is not None
    assert again.finalized
