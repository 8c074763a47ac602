"""`judged judge` from any folder: it finds its own language definitions, and says so in one line when it cannot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from judged.sandbox import Sandbox
from judged.settings import INSTALL_ROOT, Settings, shipped

PROJECT = Path(__file__).resolve().parents[1]
SOLUTION = "a, b = map(int, input().split())\nprint(a + b)\n"


def judge(home: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    config = home / "judged.toml"
    config.write_text(f'state_dir = "{home / "state"}"\nlog_level = "warning"\n')
    argv = [sys.executable, "-m", "judged", "--config", str(config), "judge", *extra]
    return subprocess.run(argv, capture_output=True, text=True, cwd=home, env=env, check=False)


def test_judge_works_from_a_folder_outside_the_checkout(jail_tmp: Path, sandbox: Sandbox) -> None:
    home = jail_tmp / "cli-elsewhere"
    home.mkdir()
    home.chmod(0o711)
    (home / "sum.py").write_text(SOLUTION)
    proc = judge(home, "--json", str(PROJECT / "problems" / "aplusb"), str(home / "sum.py"))
    assert proc.returncode == 0, proc.stderr
    assert msgspec.json.decode(proc.stdout)["verdict"] == "AC"


def test_missing_language_definitions_are_one_line_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "sum.py").write_text(SOLUTION)
    env = {"PATH": "/usr/bin:/bin", "JUDGED_LANGUAGES_DIR": str(tmp_path / "nowhere")}
    proc = judge(tmp_path, str(PROJECT / "problems" / "aplusb"), str(tmp_path / "sum.py"), env=env)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"judged: cannot read the language definitions: {tmp_path / 'nowhere'}: no language files (*.toml) "
        "(set languages_dir)"
    ]


def test_relative_folders_fall_back_to_the_installation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.languages_path == INSTALL_ROOT / "languages"
    (tmp_path / "languages").mkdir()
    assert Settings().languages_path == Path("languages")  # the working directory's own wins
    assert shipped(str(tmp_path / "absolute")) == tmp_path / "absolute"
    assert shipped("no-such-folder") == Path("no-such-folder")
