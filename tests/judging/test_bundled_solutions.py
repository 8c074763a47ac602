"""Every reference solution of every bundled problem gets its folder's verdict, in the real sandbox.

Function problems (`problem.toml`, `solutions/`) and I/O problems (Kattis packages, `submissions/`) alike.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from judged.harness import LANGUAGE_IDS
from judged.judging.service import Judge
from judged.judging.sources import read_program
from judged.problems import ReferenceSolution, load_problem

PROJECT = Path(__file__).resolve().parents[2]
PROBLEMS = sorted(p for p in (PROJECT / "problems").iterdir() if (p / "problem.toml").exists())
SOLUTIONS = [(folder, solution) for folder in PROBLEMS for solution in load_problem(folder).solutions]
IO_PROBLEMS = sorted(p for p in (PROJECT / "problems").iterdir() if (p / "problem.yaml").exists())
IO_SOLUTIONS = [(folder, solution) for folder in IO_PROBLEMS for solution in load_problem(folder).solutions]


def _id(item: tuple[Path, ReferenceSolution]) -> str:
    folder, solution = item
    return f"{folder.name}/{solution.path.relative_to(solution.path.parents[1])}"  # balance-point/accepted/x.py


def test_the_bundle_covers_every_language_and_verdict() -> None:
    accepted = {(folder.name, s.language) for folder, s in SOLUTIONS if s.verdict.code == "AC"}
    assert len(PROBLEMS) >= 12
    kinds = {folder.name: load_problem(folder).kind.value for folder in PROBLEMS}
    languages = {folder.name: load_problem(folder).languages for folder in PROBLEMS}
    assert accepted == {(f.name, lang) for f in PROBLEMS for lang in languages[f.name]}
    assert set(kinds.values()) == {"function", "design"}
    assert {s.verdict.code for _, s in SOLUTIONS} == {"AC", "WA", "TLE", "RE", "CE", "MLE"}


async def test_every_language_passes_its_self_test(judge: Judge) -> None:
    disabled = {s.id: s.reason for s in judge.statuses.values() if not s.enabled}
    assert disabled == {}


@pytest.mark.parametrize("item", SOLUTIONS, ids=[_id(item) for item in SOLUTIONS])
async def test_reference_solution_gets_its_folders_verdict(judge: Judge, item: tuple[Path, ReferenceSolution]) -> None:
    folder, solution = item
    problem = load_problem(folder)
    result = await judge.judge_problem(problem, solution.language, solution.path.read_text())
    detail = result.message or result.compile_output[:500]
    assert (str(result.verdict), detail) == (solution.verdict.code, detail)


def test_the_io_problems_have_accepted_solutions_in_every_language_and_failing_ones() -> None:
    assert IO_PROBLEMS
    for folder in IO_PROBLEMS:
        solutions = [s for f, s in IO_SOLUTIONS if f == folder]
        accepted = {s.language for s in solutions if s.verdict.code == "AC"}
        assert accepted == set(LANGUAGE_IDS), folder.name
        assert {s.verdict.code for s in solutions} >= {"AC", "WA", "TLE"}, folder.name


@pytest.mark.parametrize("item", IO_SOLUTIONS, ids=[_id(item) for item in IO_SOLUTIONS])
async def test_io_reference_solution_gets_its_folders_verdict(
    judge: Judge, item: tuple[Path, ReferenceSolution]
) -> None:
    folder, solution = item
    problem = load_problem(folder)
    result = await judge.judge_problem(problem, solution.language, read_program(solution.path))
    detail = result.message or result.compile_output[:500]
    assert (str(result.verdict), detail) == (solution.verdict.code, detail)


def test_problems_check_names_a_solution_with_the_wrong_verdict(tmp_path: Path, state_dir: Path) -> None:
    """The CLI: a wrong solution filed under accepted/ fails the check, and the output names it."""
    folder = tmp_path / "balance-point"
    subprocess.run(["cp", "-r", str(PROJECT / "problems" / "balance-point"), str(folder)], check=True)
    for verdict_dir in (folder / "solutions").iterdir():
        for path in verdict_dir.iterdir():
            if path.suffix != ".py":
                path.unlink()
    wrong = next((folder / "solutions" / "wrong_answer").glob("*.py"))
    misfiled = folder / "solutions" / "accepted" / "misfiled.py"
    misfiled.write_text(wrong.read_text())
    config = tmp_path / "judged.toml"
    config.write_text(f'state_dir = "{state_dir}"\nlog_level = "warning"\nlanguages_dir = "{PROJECT / "languages"}"\n')
    proc = subprocess.run(
        [sys.executable, "-m", "judged", "--config", str(config), "problems", "check", str(folder)],
        capture_output=True, text=True, cwd=PROJECT, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert f"FAILED {misfiled}: expected AC, got WA" in proc.stderr
    assert "agrees    AC  " in proc.stdout
