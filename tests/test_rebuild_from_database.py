"""A Redis that lost its data is recoverable: `judged competitions rebuild ID --from-database` gives the same board.

The competition and its submissions go the real way (the stores `judged serve` uses, each
finished submission archived as the worker does and put on the board as its after-finish
step does); then Redis is flushed, as a Redis that lost its files would come back, and the
rebuild from the submissions database must give exactly the board there was.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
import redis

from judged.cli import main
from judged.judging.verdicts import JudgeResult, Verdict
from judged.settings import load_settings
from judged.store.archive import SubmissionArchive
from judged.store.client import connect
from judged.store.competition_archive import CompetitionArchive, DurableCompetitionStore
from judged.store.competitions import Competition, CompetitionProblem, CompetitionStore
from judged.store.database import Database, database_url
from judged.store.keeper import SubmissionKeeper
from judged.store.keys import Keys
from judged.store.leaderboard import Leaderboard
from judged.store.scoreboard import Row
from judged.store.submissions import Rules, SubmissionStore
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

PREFIX = "rebuild-tests:"
# user, problem, verdict, in the order submitted
HISTORY = [
    ("ada", "aplusb", Verdict.WA),
    ("ada", "aplusb", Verdict.AC),
    ("bob", "balance-point", Verdict.AC),
    ("bob", "aplusb", Verdict.TLE),
    ("cyd", "aplusb", Verdict.AC),
    ("cyd", "balance-point", Verdict.WA),
    ("cyd", "balance-point", Verdict.AC),
    ("dee", "aplusb", Verdict.CE),
]


@pytest.fixture
def config(tmp_path: Path, redis_url: str) -> Path:
    path = tmp_path / "judged.toml"
    path.write_text(f'state_dir = "{tmp_path / "state"}"\n[redis]\nurl = "{redis_url}"\nprefix = "{PREFIX}"\n')
    redis.Redis.from_url(redis_url).flushdb()
    return path


async def _judge_a_competition(config: Path) -> list[Row]:
    """The competition, its submissions finished, archived and on the board, as a host leaves them; the board."""
    settings = load_settings(config)
    keys = Keys(PREFIX)
    client = connect(settings.redis.url)
    database = Database(database_url("", Path(settings.state_dir)))
    await database.open()
    try:
        competitions = DurableCompetitionStore(client, CompetitionArchive(database), keys)
        problems = [CompetitionProblem(problem="aplusb"), CompetitionProblem(problem="balance-point")]
        competition = Competition(id="cup", title="Cup", start=time.time() - 600, problems=problems, rule="icpc")
        await competitions.create(competition)
        store = SubmissionStore(client, keys, Rules(max_active=100, max_per_minute=100))
        keeper = SubmissionKeeper(store, SubmissionArchive(database), hot_seconds=3600)
        board = Leaderboard(client, keys)
        for user, problem, verdict in HISTORY:
            created = await store.create(
                problem=problem, language="python", code="x", user_id=user, competition_id="cup"
            )
            await board.submitted(competition, created)
            await store.finish(created.id, JudgeResult(verdict=verdict, tests=[], time=0.1, memory=1), attempt=1)
            assert await keeper.archive_finished(created.id)
            finished = await store.get(created.id)
            assert finished is not None
            await board.submitted(competition, finished)
        return await board.rows(competition, view="live")
    finally:
        await database.close()
        await client.aclose()


async def _board(config: Path) -> list[Row]:
    settings = load_settings(config)
    client = connect(settings.redis.url)
    try:
        competition = await CompetitionStore(client, Keys(PREFIX)).get("cup")  # back in Redis, from the database
        assert competition is not None
        return await Leaderboard(client, Keys(PREFIX)).rows(competition, view="live")
    finally:
        await client.aclose()


def test_a_flushed_redis_is_rebuilt_from_the_database_to_the_same_board(
    config: Path, redis_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = asyncio.run(_judge_a_competition(config))
    assert len(before) == 4
    assert {row.user_id: row.solved for row in before} == {"ada": 1, "bob": 1, "cyd": 2, "dee": 0}

    redis.Redis.from_url(redis_url).flushdb()  # Redis lost everything: boards, submissions, the competition

    assert main(["--config", str(config), "competitions", "rebuild", "cup", "--from-database"]) == 0
    report = capsys.readouterr().out
    assert f"{len(HISTORY)} results from the submissions database" in report
    assert "rewritten" in report
    assert asyncio.run(_board(config)) == before
    assert main(["--config", str(config), "competitions", "rebuild", "cup", "--dry-run"]) == 0
    assert "0 differences" in capsys.readouterr().out
