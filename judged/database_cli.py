"""`judged backup PATH` and `judged restore PATH`: the embedded submissions database, copied out and back.

With `database.url` naming PostgreSQL there is nothing for judged to copy: pg_dump and
pg_restore do it (docs/operations.md), and these commands say so.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import sqlalchemy as sa

from judged.settings import Settings
from judged.store.backup import BackupError, Copied, backup, restore
from judged.store.database import DatabaseError, database_url

__all__ = ["backup_command", "restore_command"]

EXIT_FAILED = 1


def _sqlite_file(settings: Settings) -> Path | None:
    """The embedded database's file, or None when the database is PostgreSQL."""
    url = sa.make_url(database_url(settings.database.url, Path(settings.state_dir)))
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    return Path(url.database)


def _postgres() -> int:
    print(
        "judged: the submissions database is PostgreSQL (database.url): back it up with "
        "`pg_dump -Fc -f judged.dump DBNAME` and restore with `pg_restore -d DBNAME judged.dump` "
        "(docs/operations.md)",
        file=sys.stderr,
    )
    return EXIT_FAILED


def _report(what: str, path: Path, copied: Copied) -> None:
    print(
        f"{what} {path}: {copied.submissions} submissions, {copied.competitions} competitions "
        f"(schema version {copied.version})"
    )


async def backup_command(settings: Settings, target: Path) -> int:
    try:
        database = _sqlite_file(settings)
        if database is None:
            return _postgres()
        copied = await asyncio.to_thread(backup, database, target)
    except (BackupError, DatabaseError, OSError) as exc:
        print(f"judged: backup failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    _report("backed up to", target, copied)
    return 0


async def restore_command(settings: Settings, source: Path, replace: bool) -> int:
    try:
        database = _sqlite_file(settings)
        if database is None:
            return _postgres()
        copied = await asyncio.to_thread(restore, source, database, replace=replace)
    except (BackupError, DatabaseError, OSError) as exc:
        print(f"judged: restore failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    _report(f"restored {database} from", source, copied)
    return 0
