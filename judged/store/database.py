"""The submissions database: one SQLAlchemy (async) engine over SQLite or PostgreSQL, migrated at open.

By default it is a SQLite file in the state folder (WAL, so readers never wait
for the writer); with `database.url` set it is that PostgreSQL server, which
every host of a deployment shares (docs/storage.md). `open` applies the
migrations of `judged.store.database_schema` the database does not have yet,
in one transaction (on PostgreSQL under an advisory lock, so hosts starting
together migrate once), and refuses a database a newer judged has migrated
past this one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from judged.store.database_schema import MIGRATIONS, SCHEMA_VERSION, SCHEMA_VERSION_DDL, Migration, schema_version

__all__ = ["SQLITE_FILE", "Database", "DatabaseError", "database_url"]

log = logging.getLogger(__name__)

SQLITE_FILE = "submissions.sqlite3"
"""The embedded database's file name in the state folder."""
_MIGRATION_LOCK = 0x6A75_6467  # "judg": the advisory lock PostgreSQL hosts take while migrating
_SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=10000")


class DatabaseError(Exception):
    """The database cannot be used as configured (an unknown URL scheme, a schema from a newer judged)."""


def database_url(configured: str, state_dir: Path) -> str:
    """The SQLAlchemy URL for `database.url` (empty: the SQLite file in `state_dir`).

    Accepts postgresql:// (or postgres://) and sqlite:///PATH, as operators write them.
    """
    if not configured:
        return f"sqlite+aiosqlite:///{state_dir / SQLITE_FILE}"
    scheme, sep, rest = configured.partition("://")
    if not sep:
        raise DatabaseError(f"database.url {_redacted(configured)!r} is not a URL (postgresql://... or sqlite:///...)")
    driver = {
        "postgresql": "postgresql+asyncpg",
        "postgres": "postgresql+asyncpg",
        "postgresql+asyncpg": "postgresql+asyncpg",
        "sqlite": "sqlite+aiosqlite",
        "sqlite+aiosqlite": "sqlite+aiosqlite",
    }.get(scheme)
    if driver is None:
        raise DatabaseError(f"database.url: unknown scheme {scheme!r} (postgresql:// or sqlite:///)")
    return f"{driver}://{rest}"


class Database:
    """The engine and its schema. `open` before use, `close` at the end; queries live in the archive modules."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: AsyncEngine | None = None
        # SQLite has one writer at a time: writers of this process queue here instead of in SQLite's busy
        # handler, which sleeps in growing steps (milliseconds per write under contention).
        self._sqlite_writer = asyncio.Lock() if self.dialect == "sqlite" else None

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return sa.make_url(self.url).get_backend_name()

    @property
    def engine(self) -> AsyncEngine:
        if self._engine is None:
            raise RuntimeError("the database is not open")
        return self._engine

    def describe(self) -> str:
        """Where the database is, for logs (no password)."""
        return sa.make_url(self.url).render_as_string(hide_password=True)

    async def open(self, *, upto: int | None = None) -> None:
        """Connect and migrate to the current schema (`upto`: only that far, for tests of migrations)."""
        if self._engine is None:
            self._engine = self._create_engine()
        try:
            await self._migrate(MIGRATIONS if upto is None else tuple(m for m in MIGRATIONS if m.version <= upto))
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        if self._engine is not None:
            engine, self._engine = self._engine, None
            await engine.dispose()

    async def ping(self) -> None:
        """Raises when the database does not answer."""
        async with self.engine.connect() as connection:
            await connection.execute(sa.text("SELECT 1"))

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """A connection in a transaction, committed when the block ends and rolled back when it raises."""
        async with contextlib.AsyncExitStack() as stack:
            if self._sqlite_writer is not None:
                await stack.enter_async_context(self._sqlite_writer)
            yield await stack.enter_async_context(self.engine.begin())

    async def version(self) -> int:
        """The schema version the database is at (0: never migrated)."""
        async with self.engine.connect() as connection:
            exists = await connection.run_sync(lambda sync: sa.inspect(sync).has_table("schema_version"))
            if not exists:
                return 0
            return int((await connection.execute(sa.select(sa.func.max(schema_version.c.version)))).scalar() or 0)

    def _create_engine(self) -> AsyncEngine:
        url = sa.make_url(self.url)
        if url.get_backend_name() != "sqlite":
            return create_async_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
        if url.database:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url)
        event.listen(engine.sync_engine, "connect", _sqlite_connected)
        return engine

    @asynccontextmanager
    async def _migration_transaction(self) -> AsyncIterator[AsyncConnection]:
        """One transaction for the whole migration, DDL included, that only one process runs at a time.

        PostgreSQL: an advisory lock for the transaction. SQLite: pysqlite issues no BEGIN before DDL,
        so the transaction is ours, BEGIN IMMEDIATE (the write lock at once) to COMMIT.
        """
        if self.dialect == "postgresql":
            async with self.engine.begin() as connection:
                await connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
                yield connection
            return
        async with self.engine.connect() as plain:
            connection = await plain.execution_options(isolation_level="AUTOCOMMIT")
            await connection.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                await connection.exec_driver_sql("ROLLBACK")
                raise
            await connection.exec_driver_sql("COMMIT")

    async def _migrate(self, migrations: tuple[Migration, ...]) -> None:
        async with self._migration_transaction() as connection:
            await connection.execute(sa.text(SCHEMA_VERSION_DDL))
            current = int((await connection.execute(sa.select(sa.func.max(schema_version.c.version)))).scalar() or 0)
            if current > SCHEMA_VERSION:
                raise DatabaseError(
                    f"the submissions database {self.describe()} is at schema version {current}; this judged "
                    f"knows up to {SCHEMA_VERSION}: a newer judged migrated it"
                )
            for migration in migrations:
                if migration.version <= current:
                    continue
                for statement in migration.statements:
                    await connection.execute(sa.text(statement))
                await connection.execute(
                    sa.insert(schema_version).values(version=migration.version, applied=time.time())
                )
                log.info("submissions database: migrated to version %d (%s)", migration.version, migration.what)


def _sqlite_connected(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in _SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _redacted(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    return f"{scheme}{sep}***@{rest.split('@', 1)[1]}" if "@" in rest else url
