"""A private PostgreSQL cluster for the tests: `initdb` and `pg_ctl` in a temporary folder, one per session.

The server listens on a unix socket in that folder only (no TCP). Root may not run
the server, so it runs as the `postgres` user that Debian's package creates
(scripts/setup.sh installs the package in test mode). Each test gets a database of
its own (`fresh_postgres_database`), dropped afterwards.

Test modules import the fixture by name (`from tests.store.postgres import postgres_cluster_fixture`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]
import pytest
import sqlalchemy as sa

from judged.store.database import Database, database_url
from tests.conftest import cannot_test

_ADMIN_DATABASE = "postgres"


class Cluster:
    """A running cluster: its socket folder, and how to make and drop databases in it."""

    def __init__(self, socket_dir: Path, user: str) -> None:
        self.socket_dir = socket_dir
        self.user = user

    def url(self, database: str) -> str:
        """A postgresql:// URL as an operator would configure it (`database.url`)."""
        return f"postgresql://{self.user}@/{database}?host={self.socket_dir}"

    async def _admin(self) -> asyncpg.Connection:
        return await asyncpg.connect(host=str(self.socket_dir), user=self.user, database=_ADMIN_DATABASE)

    async def admin(self, statement: str) -> None:
        """Run one statement as the superuser, outside any test database (ALTER DATABASE, ...)."""
        connection = await self._admin()
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    async def create_database(self) -> str:
        name = f"judged_{uuid.uuid4().hex[:12]}"
        connection = await self._admin()
        try:
            await connection.execute(f'CREATE DATABASE "{name}"')
        finally:
            await connection.close()
        return name

    async def drop_database(self, name: str) -> None:
        connection = await self._admin()
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(Path(path).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_user() -> str | None:
    """The account to run the server as: `postgres` when we are root (root may not), else ourselves."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        cannot_test("there is no `postgres` user to run the test PostgreSQL as (install Debian's postgresql package)")
    return "postgres"


@pytest.fixture(scope="session", name="postgres_cluster")
def postgres_cluster_fixture() -> Iterator[Cluster]:
    binaries = _binaries()
    if binaries is None:
        cannot_test("PostgreSQL is not installed (Debian's postgresql package): the PostgreSQL store tests need it")
        raise AssertionError("unreachable")
    user = _as_user()
    folder = Path(tempfile.mkdtemp(prefix="judged-postgres-"))
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data, log = folder / "data", folder / "server.log"

    def run(*argv: str) -> None:
        done = subprocess.run(argv, user=user, cwd=folder, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            server_log = log.read_text(errors="replace") if log.exists() else ""
            pytest.fail(f"{' '.join(argv)} failed: {done.stderr}{done.stdout}{server_log}")

    run(str(binaries / "initdb"), "-D", str(data), "--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
    options = f"-k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c max_connections=200"
    run(str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", "60", "start")
    try:
        yield Cluster(folder, "postgres")
    finally:
        stop = [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
        subprocess.run(stop, user=user, cwd=folder, capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.asynccontextmanager
async def fresh_postgres_database(cluster: Cluster) -> AsyncIterator[str]:
    """The URL of a new, empty database in the cluster; dropped when the block ends."""
    name = await cluster.create_database()
    try:
        yield cluster.url(name)
    finally:
        await cluster.drop_database(name)


@contextlib.asynccontextmanager
async def fresh_open_database(cluster: Cluster, tmp_path: Path) -> AsyncIterator[tuple[Database, str]]:
    """A new database opened through judged's own `Database`, and its name; closed, then dropped, after the block."""
    async with fresh_postgres_database(cluster) as url:
        database = Database(database_url(url, tmp_path))
        await database.open()
        try:
            yield database, str(sa.make_url(url).database)
        finally:
            await database.close()


async def allow_connections(cluster: Cluster, name: str, allowed: bool) -> None:
    """Whether the database takes connections; refused, its open ones are ended too, as an outage looks."""
    await cluster.admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allowed).lower()}')
    if not allowed:
        await cluster.admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
