"""`judged judge` remembers a language's self-test pass: the next call does not judge it again,
a changed language definition (or toolchain, or harness) does."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from judged.judging.languages import load_language
from judged.judging.selftest_cache import pass_key
from judged.sandbox import Sandbox

PROJECT = Path(__file__).resolve().parents[2]
JUDGING = "language python: judging its self-test"
REMEMBERED = "language python: self-test passed before"

PROBLEM_TOML = """\
title = "Add"
difficulty = "easy"
tags = ["math"]
time_limit = 2
memory_limit = 256

[function]
name = "add"
params = [{ name = "a", type = "int" }, { name = "b", type = "int" }]
returns = "int"
"""
SOLUTION = "class Solution:\n    def add(self, a: int, b: int) -> int:\n        return a + b\n"


@pytest.fixture
def setup(jail_tmp: Path, sandbox: Sandbox, tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """A config with its own state folder and a copy of the languages; a problem; a solution."""
    home = Path(jail_tmp) / f"selftest-{tmp_path.name}"
    home.mkdir(mode=0o711)
    languages = home / "languages"
    shutil.copytree(PROJECT / "languages", languages)
    config = home / "judged.toml"
    config.write_text(f'state_dir = "{home / "state"}"\nlanguages_dir = "{languages}"\nlog_level = "info"\n')
    problem = home / "add"
    (problem / "tests").mkdir(parents=True)
    (problem / "problem.toml").write_text(PROBLEM_TOML)
    (problem / "statement.md").write_text("Add two numbers.\n")
    (problem / "tests" / "sample.jsonl").write_text('{"input": {"a": 1, "b": 2}, "output": 3}\n')
    solution = home / "add.py"
    solution.write_text(SOLUTION)
    return config, languages, problem, solution


def judge(config: Path, problem: Path, solution: Path) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "judged", "--config", str(config), "judge", str(problem), str(solution)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_a_second_call_does_not_judge_the_self_test_again(setup: tuple[Path, Path, Path, Path]) -> None:
    config, _, problem, solution = setup
    code, out, err = judge(config, problem, solution)
    assert (code, out.split()[0]) == (0, "AC")
    assert JUDGING in err
    code, out, err = judge(config, problem, solution)
    assert (code, out.split()[0]) == (0, "AC")
    assert REMEMBERED in err
    assert JUDGING not in err


def test_a_changed_language_definition_is_self_tested_again(setup: tuple[Path, Path, Path, Path]) -> None:
    config, languages, problem, solution = setup
    assert JUDGING in judge(config, problem, solution)[2]
    toml = languages / "python.toml"
    toml.write_text(toml.read_text().replace('name = "Python 3"', 'name = "Python 3 (edited)"'))
    code, out, err = judge(config, problem, solution)
    assert (code, out.split()[0]) == (0, "AC")
    assert JUDGING in err
    assert REMEMBERED not in err


def test_a_failed_self_test_is_not_remembered(setup: tuple[Path, Path, Path, Path]) -> None:
    config, languages, problem, solution = setup
    toml = languages / "python.toml"
    toml.write_text(toml.read_text().replace("return sum(nums)", "return sum(nums) + 1"))
    for _ in range(2):
        code, _, err = judge(config, problem, solution)
        assert code == 2
        assert "language python is disabled: self-test got WA" in err
        assert JUDGING in err


def test_a_new_toolchain_version_is_another_key() -> None:
    python = load_language(PROJECT / "languages" / "python.toml")
    assert pass_key(python, "Python 3.11.2") == pass_key(python, "Python 3.11.2")
    assert pass_key(python, "Python 3.11.2") != pass_key(python, "Python 3.12.0")
