"""Back up and restore the embedded submissions database (SQLite), consistently while judged serves.

A backup is SQLite's online backup API copying every page in one step, under one read
transaction: readers and the writer go on (WAL), and the copy is the database as of one
moment. A restore checks that the file is a judged submissions database, then copies it
into the state folder the same way; the next start migrates it if it is from an older judged.
PostgreSQL deployments use pg_dump and pg_restore (docs/operations.md).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from judged.store.database_schema import SCHEMA_VERSION

__all__ = ["BackupError", "Copied", "backup", "restore"]


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why. Nothing was changed."""


class Copied:
    """What a backup or restore copied: the submissions and competitions in it, and its schema version."""

    def __init__(self, submissions: int, competitions: int, version: int) -> None:
        self.submissions = submissions
        self.competitions = competitions
        self.version = version


def backup(database: Path, target: Path) -> Copied:
    """Copy the live database at `database` to a new file `target` (never overwritten)."""
    if not database.exists():
        raise BackupError(f"there is no submissions database at {database}")
    if target.exists():
        raise BackupError(f"{target} exists already; a backup never overwrites a file")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with (
            contextlib.closing(sqlite3.connect(database)) as source,
            contextlib.closing(sqlite3.connect(partial)) as copy,
        ):
            source.execute("PRAGMA busy_timeout = 10000")
            source.backup(copy)  # pages=-1: every page in one step, one consistent snapshot
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            copied = _check(copy, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.rename(target)
    return copied


def restore(backup_file: Path, database: Path, *, replace: bool = False) -> Copied:
    """Copy a backup into place as the submissions database at `database` (judged serve must not be running)."""
    if not backup_file.is_file():
        raise BackupError(f"there is no backup at {backup_file}")
    if database.exists() and not replace:
        raise BackupError(f"{database} exists already; stop judged serve and pass --replace to overwrite it")
    with contextlib.closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as source:
        copied = _check(source, backup_file)
        database.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(sqlite3.connect(database)) as target:
            target.execute("PRAGMA busy_timeout = 10000")
            source.backup(target)
            target.execute("PRAGMA journal_mode = WAL")
    return copied


def _check(connection: sqlite3.Connection, path: Path) -> Copied:
    """What the database holds; BackupError unless it is a judged submissions database this judged can read."""
    try:
        if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            raise BackupError(f"{path}: the database fails SQLite's integrity check")
        version = int(connection.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)
        submissions = int(connection.execute("SELECT count(*) FROM submissions").fetchone()[0])
        competitions = int(connection.execute("SELECT count(*) FROM competitions").fetchone()[0]) if version >= 2 else 0
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a judged submissions database: {exc}") from exc
    if version > SCHEMA_VERSION:
        raise BackupError(f"{path} is at schema version {version}, newer than this judged's {SCHEMA_VERSION}")
    return Copied(submissions, competitions, version)
