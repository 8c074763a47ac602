"""The submissions database for the tests, on SQLite and on PostgreSQL: the same tests run on both.

Test modules import the fixtures by name (`from tests.store.database import database_fixture, ...`);
pytest registers them as `database_url` (an operator's `database.url`, "" for the embedded SQLite
in the state folder) and `database` (an open, migrated `Database`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from judged.store.database import Database, database_url
from tests.store.postgres import Cluster, fresh_postgres_database, postgres_cluster_fixture

__all__ = ["database_fixture", "database_url_fixture", "postgres_cluster_fixture"]


@pytest.fixture(params=["sqlite", "postgresql"], name="database_url")
async def database_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The SQLAlchemy URL of an empty database: a SQLite file in a fresh state folder, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield database_url("", tmp_path / "state")
        return
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    async with fresh_postgres_database(cluster) as url:
        yield database_url(url, tmp_path)


@pytest.fixture(name="database")
async def database_fixture(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    await database.open()
    yield database
    await database.close()
