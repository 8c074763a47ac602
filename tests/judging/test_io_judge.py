"""I/O problems end to end: Kattis packages written for the tests, reference solutions in Python, C, C++ and Java
judged in the real sandbox to their folders' verdicts; plus what a participant sees of a failure and a score."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import msgspec
import pytest

from judged.judging.progress import Progress
from judged.judging.service import Judge
from judged.judging.sources import read_program
from judged.judging.verdicts import Verdict
from judged.problems import ExpectedVerdict, IoProblem, Problem, ReferenceSolution, load_problem
from judged.sandbox import Sandbox, SandboxConfig

PROJECT = Path(__file__).resolve().parents[2]
PACKAGES = Path(__file__).parent / "packages"
NAMES = sorted(path.name for path in PACKAGES.iterdir() if (path / "problem.yaml").is_file())
SOLUTIONS = [(name, s) for name in NAMES for s in load_problem(PACKAGES / name).solutions]


@pytest.fixture(scope="module")
async def judge(sandbox: Sandbox, state_dir: Path) -> AsyncIterator[Judge]:
    service = Judge(SandboxConfig(), state_dir, PROJECT / "languages")
    await service.start(only={"python", "c", "cpp", "java"})
    yield service
    await service.close()


def _id(item: tuple[str, ReferenceSolution]) -> str:
    name, solution = item
    return f"{name}/{solution.verdict.value}/{solution.path.name}"


def test_the_packages_cover_the_languages_and_kinds() -> None:
    accepted = {s.language for _, s in SOLUTIONS if s.verdict is ExpectedVerdict.ACCEPTED}
    assert accepted >= {"python", "c", "cpp", "java"}
    assert {"aplusb", "circle", "guess", "subtasks", "sumpair"} <= set(NAMES)


@pytest.mark.parametrize("item", SOLUTIONS, ids=[_id(item) for item in SOLUTIONS])
async def test_reference_solution_gets_its_folders_verdict(judge: Judge, item: tuple[str, ReferenceSolution]) -> None:
    name, solution = item
    problem = load_problem(PACKAGES / name)
    result = await judge.judge_problem(problem, solution.language, read_program(solution.path))
    detail = result.message or result.compile_output[:500]
    assert (str(result.verdict), detail) == (solution.verdict.code, detail)
    if isinstance(problem, IoProblem) and problem.io.scoring:
        assert result.max_score == 100.0
        full = solution.verdict is ExpectedVerdict.ACCEPTED
        assert (result.score == 100.0) is full if result.verdict is Verdict.AC else result.score == 0.0


async def test_a_wrong_sample_shows_input_expected_and_actual(judge: Judge) -> None:
    problem = load_problem(PACKAGES / "aplusb")
    result = await judge.judge_problem(problem, "python", "print(42)\n")
    assert result.verdict is Verdict.WA
    assert result.failure is not None
    assert result.failure.sample
    assert (result.failure.input, result.failure.expected, result.failure.actual) == ({"stdin": "1 2\n"}, "3\n", "42\n")
    assert "Wrong answer on line 1" in result.failure.message
    assert len(result.tests) == 1  # judging stopped at the first rejected test


async def test_one_jail_judges_every_test_and_no_test_sees_what_another_left(judge: Judge) -> None:
    problem = load_problem(PACKAGES / "aplusb")
    assert isinstance(problem, IoProblem)
    leaves_a_mark = (
        "import os\n"
        "a, b = map(int, input().split())\n"
        "seen = os.path.exists('/tmp/mark') or os.path.exists('/dev/shm/mark')\n"
        "open('/tmp/mark', 'w').close()\n"
        "open('/dev/shm/mark', 'w').close()\n"
        "print(a + b + seen)\n"
    )
    await judge.judge_problem(problem, "python", leaves_a_mark)  # built (and cached) outside the count
    before = judge.sandbox.jails_started
    result = await judge.judge_problem(problem, "python", leaves_a_mark)
    assert result.verdict is Verdict.AC
    assert len(result.tests) == len(problem.io.tests) > 2
    assert judge.sandbox.jails_started - before == 1


async def test_a_validators_feedback_reaches_the_result(judge: Judge) -> None:
    problem = load_problem(PACKAGES / "sumpair")
    result = await judge.judge_problem(problem, "python", "n = int(input())\nprint(n, 0)\n")
    assert result.verdict is Verdict.WA
    assert result.message == "both numbers must be positive"


async def test_a_crashing_validator_is_the_judges_fault(judge: Judge, tmp_path: Path) -> None:
    problem = load_problem(PACKAGES / "sumpair")
    assert isinstance(problem, IoProblem)
    broken = tmp_path / "broken.py"
    broken.write_text("raise SystemExit(1)\n")
    io = msgspec.structs.replace(problem.io, output_validators=(broken,))
    result = await judge.judge_problem(msgspec.structs.replace(problem, io=io), "python", "print(1, 1)\n")
    assert result.verdict is Verdict.IE
    assert "exited with status 1" in result.message


async def test_progress_hears_of_every_test(judge: Judge) -> None:
    seen: list[tuple[int, int, Verdict]] = []

    class Recorder(Progress):
        def running(self, total: int) -> None:
            seen.append((-1, total, Verdict.AC))

        def test_done(self, index: int, total: int, verdict: Verdict) -> None:
            seen.append((index, total, verdict))

    problem = load_problem(PACKAGES / "aplusb")
    code = "a, b = map(int, input().split())\nprint(a + b)\n"
    result = await judge.judge_problem(problem, "python", code, progress=Recorder())
    assert result.verdict is Verdict.AC
    assert seen == [(-1, 6, Verdict.AC), *[(i, 6, Verdict.AC) for i in range(6)]]
    assert all(test.memory > 0 for test in result.tests)


async def test_a_missing_time_limit_is_derived_from_the_accepted_submissions(judge: Judge) -> None:
    problem: Problem = load_problem(PACKAGES / "circle")
    assert await judge.time_limit(problem) == 1.0  # fast solutions x 3, rounded up, at least a second
    result = await judge.judge_problem(problem, "python", "print(3.14159265 * float(input()) ** 2)\n")
    assert result.verdict is Verdict.AC  # float tolerance 1e-6 relative
