"""`judged sandbox exec` as a user runs it: one JSON object, exit 0 whenever the sandbox worked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from judged.cli import parse_mount, parse_size
from judged.sandbox import Mount, Sandbox

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def config(jail_tmp: Path, sandbox: Sandbox) -> Path:
    """A settings file whose state folder jails can reach (the sandbox fixture proves the host can jail)."""
    path = jail_tmp / "cli.toml"
    path.write_text(f'state_dir = "{jail_tmp / "cli-state"}"\nlog_level = "warning"\n')
    return path


def judged(config: Path, *args: str) -> tuple[int, dict[str, object], str]:
    proc = subprocess.run(
        [sys.executable, "-m", "judged", "--config", str(config), "sandbox", "exec", *args],
        capture_output=True,
        cwd=PROJECT,
        check=False,
    )
    doc = msgspec.json.decode(proc.stdout) if proc.stdout.strip() else {}
    return proc.returncode, doc, proc.stderr.decode()


def test_a_command_prints_its_result_as_json(config: Path) -> None:
    code, doc, _ = judged(config, "--", "python3", "-c", "print('hi')")
    assert code == 0
    assert doc["status"] == "OK"
    assert doc["stdout"] == "hi\n"
    assert set(doc) >= {"status", "exit_code", "signal", "cpu_time", "wall_time", "memory", "stdout", "stderr"}


def test_a_limit_hit_is_still_exit_zero(config: Path) -> None:
    code, doc, _ = judged(config, "--cpu", "0.3", "--", "sh", "-c", "while :; do :; done")
    assert code == 0
    assert doc["status"] == "TLE"


def test_its_own_exit_code_is_re(config: Path) -> None:
    code, doc, _ = judged(config, "--", "sh", "-c", "exit 5")
    assert (code, doc["status"], doc["exit_code"]) == (0, "RE", 5)


def test_memory_and_output_flags_take_sizes(config: Path) -> None:
    _, mle, _ = judged(config, "--memory", "48M", "--", "python3", "-c", "x = bytearray(200 << 20)")
    assert mle["status"] == "MLE"
    _, ole, _ = judged(config, "--output", "1K", "--", "yes")
    assert ole["status"] == "OLE"
    assert len(str(ole["stdout"])) == 1024


def test_the_default_root_has_system_folders_and_no_secrets(config: Path) -> None:
    _, doc, _ = judged(config, "--", "sh", "-c", "ls / /etc")
    listing = str(doc["stdout"]).split()
    assert {"usr", "bin", "lib", "tmp", "proc", "dev"} <= set(listing)
    for secret in ("shadow", "passwd", "root", "home", "var", "ssh"):
        assert secret not in listing


def test_an_explicit_mount_replaces_the_default_root(config: Path, jail_tmp: Path) -> None:
    data = jail_tmp / "data"
    data.mkdir(mode=0o755, exist_ok=True)
    (data / "hello.txt").write_text("mounted\n")
    os.chmod(data / "hello.txt", 0o644)
    code, doc, _ = judged(config, "--mount", "/usr", "--mount", "/lib", "--mount", "/lib64", "--mount",
                          f"{data}:/data", "--", "/usr/bin/cat", "/data/hello.txt")  # fmt: skip
    assert code == 0
    assert doc["stdout"] == "mounted\n"


def test_a_jail_failure_is_exit_two(config: Path) -> None:
    code, doc, _ = judged(config, "--", "/no/such/program")
    assert code == 2
    assert doc["status"] == "IE"


def test_sizes_and_mounts_parse() -> None:
    assert parse_size("256M") == 256 << 20
    assert parse_size("1GiB") == 1 << 30
    assert parse_size("4096") == 4096
    assert parse_mount("/a") == Mount(source="/a")
    assert parse_mount("/a:/b") == Mount(source="/a", target="/b")
    assert parse_mount("/a:/b:rw") == Mount(source="/a", target="/b", writable=True)
