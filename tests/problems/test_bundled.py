"""The bundled problems under problems/: clean, covering what they promise, and right by their Python solutions."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from judged.harness import Base
from judged.problems import (
    CompareMode,
    Difficulty,
    ExpectedVerdict,
    FunctionProblem,
    IoProblem,
    Problem,
    ProblemKind,
    check_problem,
    load_problems,
)
from tests.kinds import as_function, as_io, as_tested
from tests.problems import pyrun

ROOT = Path(__file__).resolve().parents[2] / "problems"
SLUGS = sorted(path.name for path in ROOT.iterdir() if path.is_dir() and not path.name.startswith(("_", ".")))


@pytest.fixture(scope="module")
def problems() -> dict[str, Problem]:
    loaded, diagnostics = load_problems(ROOT)
    assert diagnostics == {}
    return {problem.slug: problem for problem in loaded}


@pytest.mark.parametrize("slug", SLUGS)
def test_check_finds_nothing(slug: str) -> None:
    assert [str(diagnostic) for diagnostic in check_problem(ROOT / slug)] == []


def test_the_set_covers_every_type_mode_and_difficulty(problems: dict[str, Problem]) -> None:
    assert len(problems) >= 12
    functions = [problem for problem in problems.values() if isinstance(problem, FunctionProblem)]
    signatures = [problem.signature for problem in functions]
    types = {
        (type_.base, type_.depth)
        for signature in signatures
        for type_ in (signature.returns, *(param.type for param in signature.params))
    }
    for base in (Base.INT, Base.LONG, Base.DOUBLE, Base.BOOL, Base.STRING, Base.CHAR, Base.LIST_NODE, Base.TREE_NODE):
        assert (base, 0) in types, base
    assert {(Base.INT, 1), (Base.INT, 2)} <= types
    returns = {signature.returns.base for signature in signatures}
    params = {param.type.base for signature in signatures for param in signature.params}
    assert {Base.LIST_NODE, Base.TREE_NODE, Base.VOID} <= returns
    assert {Base.LIST_NODE, Base.TREE_NODE} <= params
    assert {problem.compare.mode for problem in functions} >= {
        CompareMode.EXACT,
        CompareMode.FLOAT,
        CompareMode.UNORDERED,
    }
    assert {problem.difficulty for problem in problems.values()} == set(Difficulty)


def test_the_set_has_an_io_problem_that_every_language_solves(problems: dict[str, Problem]) -> None:
    assert {problem.kind for problem in problems.values()} == set(ProblemKind)
    aplusb = problems["aplusb"]
    assert isinstance(aplusb, IoProblem)
    assert len(aplusb.io.samples) >= 2
    assert len(aplusb.io.tests) >= 10
    assert aplusb.statement.startswith("# A Plus B\n")


def test_one_problem_has_exactly_100_tests(problems: dict[str, Problem]) -> None:
    assert len(as_function(problems["balance-point"]).tests) == 100


def test_every_problem_has_an_accepted_solution_in_every_language(problems: dict[str, Problem]) -> None:
    for problem in problems.values():
        accepted = {s.language for s in problem.solutions if s.verdict is ExpectedVerdict.ACCEPTED}
        assert accepted == set(problem.languages), problem.slug  # design: the first seven; void: not Erlang, Elixir


def test_the_set_has_every_kind_of_failing_solution(problems: dict[str, Problem]) -> None:
    verdicts = Counter(solution.verdict for problem in problems.values() for solution in problem.solutions)
    assert verdicts[ExpectedVerdict.WRONG_ANSWER] >= 5
    assert verdicts[ExpectedVerdict.TIME_LIMIT_EXCEEDED] >= 3
    assert verdicts[ExpectedVerdict.RUN_TIME_ERROR] >= 3
    assert verdicts[ExpectedVerdict.COMPILE_ERROR] >= 1
    assert verdicts[ExpectedVerdict.MEMORY_LIMIT_EXCEEDED] >= 1


def python_solutions(verdict: ExpectedVerdict) -> list[tuple[str, str]]:
    return [
        (path.parts[-4], path.name)
        for path in sorted(ROOT.glob(f"*/solutions/{verdict.value}/*.py"))
        if not path.parts[-4].startswith("_")
    ]


def solution_path(slug: str, verdict: ExpectedVerdict, name: str) -> Path:
    return ROOT / slug / "solutions" / verdict.value / name


@pytest.mark.parametrize(("slug", "name"), python_solutions(ExpectedVerdict.ACCEPTED))
def test_python_accepted_solutions_reproduce_every_output(problems: dict[str, Problem], slug: str, name: str) -> None:
    problem = as_tested(problems[slug])
    solution = pyrun.class_for(problem, solution_path(slug, ExpectedVerdict.ACCEPTED, name).read_text())
    for case in problem.tests:
        actual = pyrun.run(problem, solution, case)
        assert pyrun.same(problem, actual, case.output), f"{case.file.name}:{case.line}: got {actual!r}"


@pytest.mark.parametrize(("slug", "name"), python_solutions(ExpectedVerdict.WRONG_ANSWER))
def test_python_wrong_answers_fail_a_test(problems: dict[str, Problem], slug: str, name: str) -> None:
    problem = as_tested(problems[slug])
    solution = pyrun.class_for(problem, solution_path(slug, ExpectedVerdict.WRONG_ANSWER, name).read_text())
    outcomes = [pyrun.same(problem, pyrun.run(problem, solution, case), case.output) for case in problem.tests]
    assert not all(outcomes)


@pytest.mark.parametrize(("slug", "name"), python_solutions(ExpectedVerdict.RUN_TIME_ERROR))
def test_python_run_time_errors_raise(problems: dict[str, Problem], slug: str, name: str) -> None:
    problem = as_tested(problems[slug])
    solution = pyrun.class_for(problem, solution_path(slug, ExpectedVerdict.RUN_TIME_ERROR, name).read_text())
    raised = []
    for case in problem.tests:
        try:
            pyrun.run(problem, solution, case)
        except Exception as error:  # any exception is a run-time error
            raised.append(error)
            break
    assert raised


@pytest.mark.parametrize(("slug", "name"), python_solutions(ExpectedVerdict.TIME_LIMIT_EXCEEDED))
def test_python_slow_solutions_are_right_on_the_samples(problems: dict[str, Problem], slug: str, name: str) -> None:
    """A time-limit solution must fail by being slow, not by being wrong: it passes the small examples."""
    problem = as_tested(problems[slug])
    solution = pyrun.class_for(problem, solution_path(slug, ExpectedVerdict.TIME_LIMIT_EXCEEDED, name).read_text())
    for case in problem.samples:
        assert pyrun.same(problem, pyrun.run(problem, solution, case), case.output)


IO_PYTHON = sorted(ROOT.glob("*/submissions/*/*.py"))
"""The I/O problems' (Kattis packages') Python submissions: programs reading stdin."""


def host_run(program: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(program)], input=stdin, capture_output=True, text=True, timeout=10, check=False
    )


@pytest.mark.parametrize("program", IO_PYTHON, ids=[str(path.relative_to(ROOT)) for path in IO_PYTHON])
def test_python_submissions_of_io_problems_behave_as_their_folder_says(
    problems: dict[str, Problem], program: Path
) -> None:
    """Accepted ones print every answer (token by token, as the default validator reads); slow ones are right on
    the samples; run-time errors exit non-zero on some test; wrong answers are wrong on some test."""
    io = as_io(problems[program.parts[-4]]).io
    verdict = ExpectedVerdict(program.parent.name)
    tests = io.samples if verdict is ExpectedVerdict.TIME_LIMIT_EXCEEDED else io.tests
    runs = [(test, host_run(program, test.input.read_text())) for test in tests]
    right = [run.returncode == 0 and run.stdout.split() == test.answer.read_text().split() for test, run in runs]
    if verdict is ExpectedVerdict.RUN_TIME_ERROR:
        assert any(run.returncode != 0 for _, run in runs)
    elif verdict is ExpectedVerdict.WRONG_ANSWER:
        assert not all(right)
    else:
        assert all(right), [test.name for (test, _), ok in zip(runs, right, strict=True) if not ok]
