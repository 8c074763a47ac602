"""Kattis / ICPC packages load as I/O problems; broken ones say what is wrong and never stop the others."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from judged.problems import (
    ExpectedVerdict,
    IoProblem,
    ProblemError,
    ProblemKind,
    Validation,
    check_problem,
    load_problem,
    load_problems,
)
from judged.problems.io_model import OnReject, ScoreMode, TestGroup

PACKAGES = Path(__file__).resolve().parents[1] / "judging" / "packages"


def copy(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copytree(PACKAGES / name, tmp_path / name, symlinks=True))


def test_a_legacy_package_loads_with_its_tests_limits_and_submissions() -> None:
    problem = load_problem(PACKAGES / "aplusb")
    assert problem.kind is ProblemKind.IO
    assert isinstance(problem, IoProblem)
    assert (problem.title, problem.time_limit, problem.memory_limit) == ("A Plus B", 2.0, 256)
    assert problem.tags == ("easy", "arithmetic")
    assert [test.name for test in problem.io.tests][:2] == ["sample/1", "secret/01"]
    assert [test.sample for test in problem.io.samples] == [True]
    assert "\\problemname{A Plus B}" in problem.statement  # LaTeX is shown as its source
    assert {(s.path.name, s.language) for s in problem.solutions} >= {("multi", "python"), ("Sum.java", "java")}
    assert check_problem(PACKAGES / "aplusb") == []


def test_the_2023_draft_interactive_package_and_validator_folder() -> None:
    problem = load_problem(PACKAGES / "guess")
    assert isinstance(problem, IoProblem)
    assert problem.io.interactive
    assert problem.io.validation is Validation.CUSTOM
    assert problem.io.output_validators == (PACKAGES / "guess" / "output_validator",)
    assert problem.time_limit == 2.0


def test_scoring_groups_read_their_testdata_yaml() -> None:
    problem = load_problem(PACKAGES / "subtasks")
    assert isinstance(problem, IoProblem)
    assert problem.io.scoring
    secret = next(item for item in problem.io.data.items if isinstance(item, TestGroup) and item.name == "secret")
    groups = [item for item in secret.items if isinstance(item, TestGroup)]
    assert [(g.name, g.grading.accept_score, g.grading.score_mode) for g in groups] == [
        ("secret/group1", 40.0, ScoreMode.MIN),
        ("secret/group2", 60.0, ScoreMode.MIN),
    ]
    assert secret.grading.on_reject is OnReject.CONTINUE
    assert problem.io.data.grading.ignore_sample
    assert {s.verdict for s in problem.solutions} >= {ExpectedVerdict.PARTIALLY_ACCEPTED}


def test_no_time_limit_is_left_to_derive_and_flags_are_kept() -> None:
    problem = load_problem(PACKAGES / "circle")
    assert isinstance(problem, IoProblem)
    assert not problem.io.time_limit_given
    assert problem.io.time_multiplier == 3.0
    assert problem.io.validator_flags == ("float_tolerance", "1e-6")


def test_a_symlink_out_of_the_package_is_refused(tmp_path: Path) -> None:
    folder = copy("aplusb", tmp_path)
    secret = tmp_path / "elsewhere.in"
    secret.write_text("1 1\n")
    (folder / "data" / "secret" / "06.in").symlink_to(secret)
    (folder / "data" / "secret" / "06.ans").write_text("2\n")
    with pytest.raises(ProblemError, match="outside the problem folder; refused"):
        load_problem(folder)


def test_a_broken_package_never_stops_the_others(tmp_path: Path) -> None:
    copy("aplusb", tmp_path)
    broken = copy("circle", tmp_path)
    (broken / "problem.yaml").write_text("name: [unclosed\n")
    shutil.rmtree(broken / "data" / "secret")
    loaded, diagnostics = load_problems(tmp_path)
    assert [problem.slug for problem in loaded] == ["aplusb"]
    messages = [str(d) for d in diagnostics[broken]]
    assert any("problem.yaml:2: error: not valid YAML" in m for m in messages), messages


def test_check_reports_every_problem_with_file_and_line(tmp_path: Path) -> None:
    folder = copy("subtasks", tmp_path)
    (folder / "problem.yaml").write_text("name: Big Sum\ntype: scoring\nvalidation: custom\nfrobnicate: 1\n")
    (folder / "data" / "secret" / "group1" / "1.ans").unlink()
    found = [str(d) for d in check_problem(folder)]
    assert f"{folder}/problem.yaml:4: warning: frobnicate: unknown key, ignored" in found
    assert any(
        line.startswith(f"{folder}/output_validators: error: cannot be judged: validation is custom") for line in found
    ), found
    assert f"{folder}/data/secret/group1/1.in: warning: has no answer file 1.ans: not a test" in found
