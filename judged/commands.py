"""The judging commands of the CLI: `judged judge`, `judged problems check`, `judged languages`."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from pathlib import Path
from typing import ParamSpec

import msgspec

from judged.judging.languages import LanguageError, language_for_file, load_languages
from judged.judging.package_check import check_inputs, program_languages
from judged.judging.service import Judge, LanguageUnavailable
from judged.judging.sources import SourceError, read_program
from judged.judging.timelimit import TimeLimitError
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems import (
    ExpectedVerdict,
    IoProblem,
    Problem,
    ProblemError,
    ReferenceSolution,
    Severity,
    check_problem,
    load_problem,
)
from judged.problems.kattis_programs import program_language
from judged.sandbox import MiB, pin_slot
from judged.settings import Settings

EXIT_FAILED = 1
EXIT_UNUSABLE = 2


P = ParamSpec("P")


def _languages_usable(command: Callable[P, Awaitable[int]]) -> Callable[P, Awaitable[int]]:
    """A command whose language definitions cannot be read says so in one line (exit 2), not a traceback."""

    @functools.wraps(command)
    async def run(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return await command(*args, **kwargs)
        except LanguageError as exc:
            print(f"judged: cannot read the language definitions: {exc} (set languages_dir)", file=sys.stderr)
            return EXIT_UNUSABLE

    return run


def _judge_for(settings: Settings) -> Judge:
    return Judge(settings.sandbox, Path(settings.state_dir), settings.languages_path, settings.builds)


def _json_result(result: JudgeResult) -> bytes:
    """`judged judge --json`: one object. Function problems run all tests in one process,
    so each test's memory is that run's peak."""
    doc = {
        "verdict": result.verdict,
        "tests": [{"verdict": t.verdict, "time": t.time, "memory": result.memory} for t in result.tests],
        "compile_output": result.compile_output,
        "time": result.time,
        "memory": result.memory,
        "message": result.message,
        "failure": result.failure,
        "stdout": result.stdout,
        "score": result.score,
        "max_score": result.max_score,
        "groups": result.groups,
    }
    return msgspec.json.encode(doc)


def _describe(result: JudgeResult, total: int) -> Iterable[str]:
    passed = sum(t.verdict is Verdict.AC for t in result.tests)
    yield (f"{result.verdict}  {passed}/{total} tests  cpu {result.time:.3f} s  memory {result.memory / MiB:.1f} MiB")
    if result.verdict is Verdict.CE:
        yield result.compile_output.rstrip()
    failure = result.failure
    if result.score is not None:
        yield f"score {result.score:g}" + (f" of {result.max_score:g}" if result.max_score is not None else "")
        yield from (f"  {group.name}: {group.verdict} {group.score:g}" for group in result.groups)
    if failure is not None:
        where = "sample" if failure.sample else "hidden"
        yield f"{failure.verdict} on test {failure.index + 1} ({where}): {failure.message}"
        if failure.sample and failure.input is not None and set(failure.input) == {"stdin"}:
            yield f"  input:\n{failure.input['stdin']}  expected:\n{failure.expected}  actual:\n{failure.actual}"
        elif failure.sample:
            yield f"  input:    {msgspec.json.encode(failure.input).decode()}"
            yield f"  expected: {msgspec.json.encode(failure.expected).decode()}"
            yield f"  actual:   {msgspec.json.encode(failure.actual).decode()}"
    elif result.message:
        yield result.message


def _load(path: Path) -> Problem | None:
    try:
        return load_problem(path)
    except ProblemError as exc:
        print(f"judged: {exc}", file=sys.stderr)
        return None


@_languages_usable
async def judge_command(
    settings: Settings, problem_dir: Path, solution: Path, language: str | None, as_json: bool
) -> int:
    problem = _load(problem_dir)
    if problem is None:
        return EXIT_UNUSABLE
    if language is None:
        found = language_for_file(load_languages(settings.languages_path), solution)
        language = found.id if found is not None else program_language(solution)
        if language is None:
            print(f"judged: cannot tell the language of {solution}; pass --language", file=sys.stderr)
            return EXIT_UNUSABLE
    judge = _judge_for(settings)
    try:
        await judge.start(only={language} | needed_languages(problem), reuse_self_tests=True)
        code = await asyncio.to_thread(read_program, solution)
        result = await judge.judge_problem(problem, language, code)
    except (LanguageUnavailable, TimeLimitError) as exc:
        print(f"judged: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    finally:
        await judge.close()
    if as_json:
        sys.stdout.buffer.write(_json_result(result) + b"\n")
    else:
        total = len(problem.io.tests) if isinstance(problem, IoProblem) else len(problem.tests)
        print("\n".join(_describe(result, total)))
    return EXIT_UNUSABLE if result.verdict is Verdict.IE else 0


async def _check_solutions(judge: Judge, problem: Problem) -> tuple[int, list[str]]:
    """Judge every reference solution: how many were judged, and one line per disagreement."""
    free_slots: asyncio.Queue[int] = asyncio.Queue()
    for slot in range(os.cpu_count() or 1):
        free_slots.put_nowait(slot)

    async def one(solution: ReferenceSolution) -> str | None:
        async with _in_a_slot(free_slots):
            try:
                code = await asyncio.to_thread(read_program, solution.path)
                result = await judge.judge_problem(_with_margin(problem, solution, await judge.time_limit(problem)),
                                                   solution.language, code)  # fmt: skip
            except (LanguageUnavailable, TimeLimitError, SourceError, OSError) as exc:
                print(f"  skipped   {solution.path}: not judged: {exc}", flush=True)
                return skipped
        got = outcome_code(result)
        agrees = agreement(solution, result)
        expected = "/".join(solution.expected)
        print(f"  {'agrees   ' if agrees else 'DISAGREES'} {got:<3} (expected {expected}) {solution.path}", flush=True)
        if agrees:
            return None
        detail = result.message or result.compile_output.strip()[:300]
        return f"{solution.path}: expected {expected}, got {got} ({detail})"

    skipped = "skipped"
    outcomes = await asyncio.gather(*(one(solution) for solution in problem.solutions))
    return sum(line is not skipped for line in outcomes), [line for line in outcomes if line and line is not skipped]


@contextlib.asynccontextmanager
async def _in_a_slot(free_slots: asyncio.Queue[int]) -> AsyncIterator[None]:
    """As many judged at once as cores, each run held to its slot's core as a worker slot's are."""
    slot = await free_slots.get()
    pin_slot(slot)
    try:
        yield
    finally:
        free_slots.put_nowait(slot)


def outcome_code(result: JudgeResult) -> str:
    """The verdict as `problems check` shows it: a scoring problem's AC says its score when it is not full."""
    full = result.max_score is None or result.score == result.max_score
    return (
        str(result.verdict)
        if result.verdict is not Verdict.AC or full
        else f"AC with {result.score:g} of {result.max_score:g}"
    )


def agreement(solution: ReferenceSolution, result: JudgeResult) -> bool:
    """Whether the verdict is one the package permits (in its format's mapping, `ReferenceSolution.expected`);
    on a scoring problem `accepted` needs the full score and `partially_accepted` less."""
    if str(result.verdict) not in solution.expected:
        return False
    if result.verdict is not Verdict.AC or result.max_score is None:
        return True
    full = result.score == result.max_score
    if solution.verdict is ExpectedVerdict.ACCEPTED:
        return full
    return not full if solution.verdict is ExpectedVerdict.PARTIALLY_ACCEPTED else True


def _with_margin(problem: Problem, solution: ReferenceSolution, time_limit: float) -> Problem:
    """I/O problems: the limit fixed. A solution that must be too slow is so even with the safety margin when
    the limit was derived here (the format's own check); a limit the package gives is the one its tool
    (DOMjudge, problemtools' .timelimit) judged it with, so it is judged with that."""
    if not isinstance(problem, IoProblem):
        return problem
    if solution.verdict is ExpectedVerdict.TIME_LIMIT_EXCEEDED and not problem.io.time_limit_given:
        time_limit *= problem.io.time_safety_margin
    io = msgspec.structs.replace(problem.io, time_limit_given=True)
    return msgspec.structs.replace(problem, time_limit=time_limit, io=io)


async def _check_package(judge: Judge, problem: Problem) -> list[str]:
    """I/O problems: every input through the input validators, and the time limit (derived when none is given)."""
    if not isinstance(problem, IoProblem):
        return []
    failures = await check_inputs(problem, judge.sandbox, judge.builder, judge.language)
    try:
        limit = await judge.time_limit(problem)
    except (TimeLimitError, LanguageUnavailable) as exc:
        return [*failures, f"{problem.path}: {exc}"]
    source = "given" if problem.io.time_limit_given else "derived from the accepted submissions"
    print(f"  time limit {limit:g} s per test ({source}); {len(problem.io.tests)} tests", flush=True)
    return failures


@_languages_usable
async def problems_check_command(settings: Settings, folders: list[Path]) -> int:
    """Load and check each folder, then judge every reference solution against its folder's verdict."""
    failures: list[str] = []
    problems: list[Problem] = []
    judged_count, wrong = 0, 0
    for folder in folders:
        diagnostics = check_problem(folder)
        for diagnostic in diagnostics:
            print(diagnostic)
        if any(d.severity is Severity.ERROR for d in diagnostics):
            failures.append(f"{folder}: has errors")
            continue
        problem = _load(folder)
        if problem is None:
            failures.append(f"{folder}: cannot be loaded")
        else:
            problems.append(problem)
    judge = _judge_for(settings)
    try:
        languages = {s.language for p in problems for s in p.solutions} | _program_languages(problems)
        await judge.start(only=languages, reuse_self_tests=True)
        for problem in problems:
            print(f"{problem.slug}: {len(problem.solutions)} reference solutions")
            failures += await _check_package(judge, problem)
            judged_here, mismatches = await _check_solutions(judge, problem)
            failures += mismatches
            judged_count += judged_here
            wrong += len(mismatches)
    finally:
        await judge.close()
    for line in failures:
        print(f"FAILED {line}", file=sys.stderr)
    # Reference solutions that got a verdict their package permits, and everything that failed (folders included).
    print(f"check: {judged_count - wrong} of {judged_count} submissions agree; {len(failures)} failed")
    return EXIT_FAILED if failures else 0


def _program_languages(problems: list[Problem]) -> set[str]:
    return {language for problem in problems for language in needed_languages(problem)}


def needed_languages(problem: Problem) -> set[str]:
    """What judging one submission may need started: the package's programs' languages and, for a time limit
    derived from them, its accepted submissions' languages."""
    if not isinstance(problem, IoProblem):
        return set()
    accepted = {s.language for s in problem.solutions if s.verdict is ExpectedVerdict.ACCEPTED}
    return program_languages(problem) | accepted


@_languages_usable
async def languages_command(settings: Settings, as_json: bool) -> int:
    judge = _judge_for(settings)
    try:
        await judge.start()
    finally:
        await judge.close()
    statuses = sorted(judge.statuses.values(), key=lambda s: s.id)
    if as_json:
        sys.stdout.buffer.write(msgspec.json.encode(statuses) + b"\n")
    for status in statuses if not as_json else ():
        state = "ready" if status.enabled else f"DISABLED: {status.reason}"
        print(f"{status.id:<11} {status.name:<22} {status.version:<40} {state}")
    return 0 if all(s.enabled for s in statuses) else EXIT_FAILED
