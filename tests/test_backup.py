"""`judged backup` while submissions are being archived, `judged restore` into a fresh state folder: none lost."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from judged.cli import main
from judged.store.archive import SubmissionArchive
from judged.store.database import Database, database_url
from judged.store.submissions import Submission
from tests.store.archived import finished


def _config(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "judged.toml"
    path.write_text(f'state_dir = "{folder / "state"}"\n')
    return path


async def test_a_backup_while_submissions_are_archived_restores_every_one_finished_before_it(tmp_path: Path) -> None:
    serving = _config(tmp_path / "serving")
    database = Database(database_url("", tmp_path / "serving" / "state"))
    await database.open()
    archive = SubmissionArchive(database)
    written: list[Submission] = []
    stop = asyncio.Event()

    async def worker_slot(slot: int) -> None:  # what each slot's archive step does, as fast as it can
        number = 0
        while not stop.is_set():
            submission = finished(f"s{slot}-{number}", user_id=f"u{slot}", created=1000.0 + number, tests=20)
            await archive.put(submission)
            written.append(submission)
            number += 1

    slots = [asyncio.create_task(worker_slot(slot)) for slot in range(4)]
    try:
        while len(written) < 200:
            await asyncio.sleep(0.01)
        finished_before = list(written)
        copy = tmp_path / "backups" / "judged.sqlite3"
        assert await asyncio.to_thread(main, ["--config", str(serving), "backup", str(copy)]) == 0
        still_writing = len(written)
    finally:
        stop.set()
        await asyncio.gather(*slots)
        await database.close()
    assert len(written) > len(finished_before)  # the writes went on around the backup
    assert still_writing > len(finished_before)

    fresh = _config(tmp_path / "fresh")
    assert await asyncio.to_thread(main, ["--config", str(fresh), "restore", str(copy)]) == 0
    restored = Database(database_url("", tmp_path / "fresh" / "state"))
    await restored.open()
    try:
        kept = SubmissionArchive(restored)
        for submission in finished_before:
            assert await kept.get(submission.id) == submission
        assert len(finished_before) <= await kept.count() <= len(written)
    finally:
        await restored.close()


def test_restore_never_overwrites_unasked_and_refuses_what_is_not_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path / "host")
    state = tmp_path / "host" / "state"

    async def make() -> None:
        database = Database(database_url("", state))
        await database.open()
        await SubmissionArchive(database).put(finished("only"))
        await database.close()

    asyncio.run(make())
    copy = tmp_path / "copy.sqlite3"
    assert main(["--config", str(config), "backup", str(copy)]) == 0
    assert "1 submissions" in capsys.readouterr().out
    assert main(["--config", str(config), "backup", str(copy)]) == 1  # a backup never overwrites
    assert "exists already" in capsys.readouterr().err
    assert main(["--config", str(config), "restore", str(copy)]) == 1  # the live database is there
    assert "--replace" in capsys.readouterr().err
    assert main(["--config", str(config), "restore", "--replace", str(copy)]) == 0

    stranger = tmp_path / "stranger.sqlite3"
    with sqlite3.connect(stranger) as connection:
        connection.execute("CREATE TABLE t (x)")
    fresh = _config(tmp_path / "fresh")
    assert main(["--config", str(fresh), "restore", str(stranger)]) == 1
    assert "not a judged submissions database" in capsys.readouterr().err
    assert not (tmp_path / "fresh" / "state" / "submissions.sqlite3").exists()
