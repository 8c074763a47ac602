"""`judged serve` as a host runs it: what it refuses, in one sentence, and that a refusal leaves nothing running."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from judged.serve import effective_listen, parse_listen
from judged.settings import load_settings

PROJECT = Path(__file__).resolve().parents[1]


def serve(state: Path, **env: str) -> subprocess.CompletedProcess[str]:
    argv = [
        sys.executable,
        "-m",
        "judged.cli",
        "serve",
        "--state-dir",
        str(state),
        "--listen",
        "127.0.0.1:8099",
    ]  # refused before listening
    return subprocess.run(
        argv, cwd=PROJECT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120, check=False
    )


def redis_servers_of(state: Path) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["name", "cmdline"]):
        if process.info["name"] == "redis-server" and str(state) in " ".join(process.info["cmdline"] or []):
            found.append(process)
    return found


def test_a_host_that_cannot_sandbox_is_refused_and_the_embedded_redis_is_stopped(tmp_path: Path) -> None:
    tmp_path.chmod(0o711)
    done = serve(tmp_path, JUDGED_SANDBOX_NSJAIL="/nonexistent/nsjail")
    assert done.returncode == 2
    assert "judged: cannot sandbox: nsjail at /nonexistent/nsjail is missing" in done.stderr
    assert redis_servers_of(tmp_path) == []  # it was started before the sandbox failed, and stopped again


def test_a_bad_setting_names_itself(tmp_path: Path) -> None:
    done = serve(tmp_path, JUDGED_WORKER_SLOTS="many")
    assert done.returncode == 2
    assert "$.worker.slots" in done.stderr
    done = serve(tmp_path, JUDGED_WORKR_SLOTS="2")
    assert "JUDGED_WORKR_SLOTS: no such setting" in done.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [("127.0.0.1:8080", ("127.0.0.1", 8080)), ("[::1]:9000", ("::1", 9000)), (":8080", ("0.0.0.0", 8080))],
)
def test_listen_addresses(text: str, expected: tuple[str, int]) -> None:
    assert parse_listen(text) == expected


def test_without_a_token_judged_listens_on_loopback_only_and_says_so() -> None:
    open_host = load_settings(None, overrides={"server.listen": "0.0.0.0:8080"})
    assert effective_listen(open_host)[:2] == ("127.0.0.1", 8080)
    assert "no API token is configured" in effective_listen(open_host)[2]
    with_token = load_settings(None, overrides={"server.listen": "0.0.0.0:8080", "server.tokens": ["t"]})
    assert effective_listen(with_token) == ("0.0.0.0", 8080, "")


def test_a_submissions_database_that_cannot_be_opened_is_refused_in_one_line(tmp_path: Path) -> None:
    tmp_path.chmod(0o711)
    nowhere = tmp_path / "no-postgres-here"
    done = serve(tmp_path, JUDGED_DATABASE_URL=f"postgresql://judged@/judged?host={nowhere}")
    assert done.returncode == 2
    assert "judged: the submissions database postgresql+asyncpg://judged@/judged" in done.stderr
    assert "cannot be opened" in done.stderr
    assert "Traceback" not in done.stderr
    assert redis_servers_of(tmp_path) == []  # the embedded Redis started first is stopped again
