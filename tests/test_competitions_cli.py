"""`judged competitions create FILE.toml` and `rebuild ID` against a real Redis, as a host would run them."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import redis
from redis.typing import EncodableT

from judged.cli import main
from judged.store.keys import Keys
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

PREFIX = "cli-tests:"


@pytest.fixture
def config(tmp_path: Path, redis_url: str) -> Path:
    path = tmp_path / "judged.toml"
    path.write_text(f'state_dir = "{tmp_path}"\n[redis]\nurl = "{redis_url}"\nprefix = "{PREFIX}"\n')
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{PREFIX}*"):
        client.delete(key)
    return path


def competition_file(tmp_path: Path, competition_id: str) -> Path:
    path = tmp_path / f"{competition_id}.toml"
    path.write_text(
        f'id = "{competition_id}"\ntitle = "Spring Cup"\nstart = 2026-05-01T14:00:00Z\nduration = 5400\n'
        'rule = "icpc"\n\n[[problems]]\nproblem = "balance-point"\n\n[[problems]]\nproblem = "aplusb"\n'
    )
    return path


def test_create_stores_the_competition_the_api_reads(
    config: Path, tmp_path: Path, redis_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(config), "competitions", "create", str(competition_file(tmp_path, "spring"))]) == 0
    assert "competition spring created" in capsys.readouterr().out
    stored = json.loads(redis.Redis.from_url(redis_url).get(Keys(PREFIX).competition("spring")) or b"{}")
    assert stored["start"] == 1777644000.0
    assert [problem["label"] for problem in stored["problems"]] == ["A", "B"]
    # The same id again is refused, in one sentence; --replace overwrites.
    assert main(["--config", str(config), "competitions", "create", str(competition_file(tmp_path, "spring"))]) == 1
    assert "exists already" in capsys.readouterr().err
    argv = ["--config", str(config), "competitions", "create", "--replace", str(competition_file(tmp_path, "spring"))]
    assert main(argv) == 0


def test_a_bad_file_is_one_clear_error(config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\ntitle = "t"\nstart = 2026-05-01T14:00:00\n[[problems]]\nproblem = "aplusb"\n')
    assert main(["--config", str(config), "competitions", "create", str(bad)]) == 1
    assert "UTC offset" in capsys.readouterr().err


def test_rebuild_reports_and_repairs_a_damaged_board(
    config: Path, tmp_path: Path, redis_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    keys = Keys(PREFIX)
    competition = {"id": "fall", "title": "Fall", "start": time.time() - 600, "problems": [{"problem": "aplusb"}]}
    client.set(keys.competition("fall"), json.dumps(competition))
    submission: dict[EncodableT, EncodableT] = {
        "id": "s1",
        "problem": "aplusb",
        "language": "python",
        "code": "x",
        "user_id": "ada",
        "competition_id": "fall",
        "status": "finished",
        "created": str(time.time() - 300),
        "result": json.dumps({"verdict": "AC", "tests": [], "time": 0.1, "memory": 1}),
    }
    client.hset(keys.submission("s1"), mapping=submission)
    # The board never heard of it (as if the update had been lost): rebuild finds and fixes that.
    assert main(["--config", str(config), "competitions", "rebuild", "fall", "--dry-run"]) == 0
    report = capsys.readouterr().out
    assert "differs: ada" in report
    assert "not changed" in report
    assert client.zcard(keys.board("fall", "live")) == 0
    assert main(["--config", str(config), "competitions", "rebuild", "fall"]) == 0
    assert "rewritten" in capsys.readouterr().out
    assert client.zcard(keys.board("fall", "live")) == 1
    assert main(["--config", str(config), "competitions", "rebuild", "fall", "--dry-run"]) == 0
    assert "0 differences" in capsys.readouterr().out
