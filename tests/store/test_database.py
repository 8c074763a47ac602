"""The submissions database opens on SQLite and PostgreSQL and migrates: from nothing, and from the previous version."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from judged.store.archive import SubmissionArchive
from judged.store.database import Database, DatabaseError, database_url
from judged.store.database_schema import MIGRATIONS, SCHEMA_VERSION, Migration, metadata
from tests.store.archived import finished
from tests.store.database import database_fixture, database_url_fixture, postgres_cluster_fixture

__all__ = ["database_fixture", "database_url_fixture", "postgres_cluster_fixture"]


async def _columns(database: Database) -> dict[str, set[str]]:
    async with database.engine.connect() as connection:

        def read(sync: sa.Connection) -> dict[str, set[str]]:
            inspector = sa.inspect(sync)
            return {
                name: {column["name"] for column in inspector.get_columns(name)} for name in inspector.get_table_names()
            }

        return await connection.run_sync(read)


async def test_an_empty_database_is_migrated_to_the_schema_the_queries_use(database: Database) -> None:
    assert await database.version() == SCHEMA_VERSION
    columns = await _columns(database)
    for table in metadata.tables.values():
        assert columns[table.name] == {column.name for column in table.columns}, table.name


async def test_a_database_of_the_previous_version_is_migrated_and_keeps_its_submissions(database_url: str) -> None:
    old = Database(database_url)
    await old.open(upto=SCHEMA_VERSION - 1)
    assert await old.version() == SCHEMA_VERSION - 1
    kept = finished("kept-1", user_id="ada")
    await SubmissionArchive(old).put(kept)
    await old.close()

    new = Database(database_url)
    await new.open()
    try:
        assert await new.version() == SCHEMA_VERSION
        assert await SubmissionArchive(new).get("kept-1") == kept
        assert set(await _columns(new)) >= set(metadata.tables)
    finally:
        await new.close()


async def test_opening_again_changes_nothing(database: Database, database_url: str) -> None:
    await SubmissionArchive(database).put(finished("once"))
    again = Database(database_url)
    await again.open()
    try:
        assert await again.version() == SCHEMA_VERSION
        assert await SubmissionArchive(again).count() == 1
    finally:
        await again.close()


async def test_a_database_migrated_by_a_newer_judged_is_refused(database: Database, database_url: str) -> None:
    async with database.transaction() as connection:
        await connection.execute(sa.text("INSERT INTO schema_version (version, applied) VALUES (:v, 0)"), {"v": 999})
    newer = Database(database_url)
    with pytest.raises(DatabaseError, match="999"):
        await newer.open()


async def test_the_embedded_database_is_a_sqlite_file_in_wal_mode(tmp_path: Path) -> None:
    state = tmp_path / "state"
    database = Database(database_url("", state))
    await database.open()
    try:
        async with database.engine.connect() as connection:
            mode = (await connection.execute(sa.text("PRAGMA journal_mode"))).scalar()
        assert mode == "wal"
        assert (state / "submissions.sqlite3").exists()
    finally:
        await database.close()


def test_database_urls_as_operators_write_them() -> None:
    assert database_url("postgresql://u:p@db/judged", Path("/s")) == "postgresql+asyncpg://u:p@db/judged"
    assert database_url("postgres://db/judged", Path("/s")) == "postgresql+asyncpg://db/judged"
    assert database_url("sqlite:////var/x.db", Path("/s")) == "sqlite+aiosqlite:////var/x.db"
    assert database_url("", Path("/s")) == "sqlite+aiosqlite:////s/submissions.sqlite3"
    for bad in ("mysql://db/x", "just-a-name"):
        with pytest.raises(DatabaseError):
            database_url(bad, Path("/s"))


async def test_a_migration_that_fails_leaves_the_database_as_it_was(
    database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await SubmissionArchive(database).put(finished("kept"))
    broken = Migration(
        SCHEMA_VERSION + 1,
        "a step that fails half way",
        ("CREATE TABLE half_done (x INTEGER)", "ALTER TABLE submissions ADD COLUMN y INTEGER", "THIS IS NOT SQL"),
    )
    monkeypatch.setattr("judged.store.database.MIGRATIONS", (*MIGRATIONS, broken))
    monkeypatch.setattr("judged.store.database.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    upgrading = Database(database_url)
    with pytest.raises(sa.exc.DBAPIError):
        await upgrading.open()
    assert await database.version() == SCHEMA_VERSION
    columns = await _columns(database)
    assert "half_done" not in columns  # the DDL before the failure was rolled back too (SQLite included)
    assert "y" not in columns["submissions"]
    assert await SubmissionArchive(database).get("kept") == finished("kept")
