"""The judging commands of the CLI: `judged judge`, `judged problems check`, `judged languages`."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import msgspec

from judged.judging.languages import language_for_file, load_languages
from judged.judging.service import Judge, LanguageUnavailable
from judged.judging.tasks import function_task
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems import Problem, ProblemError, Severity, check_problem, load_problem
from judged.settings import Settings

MiB = 1024 * 1024
EXIT_FAILED = 1
EXIT_UNUSABLE = 2


def _judge_for(settings: Settings) -> Judge:
    return Judge(settings.sandbox, Path(settings.state_dir), Path(settings.languages_dir))


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
    }
    return msgspec.json.encode(doc)


def _describe(result: JudgeResult, total: int) -> Iterable[str]:
    passed = sum(t.verdict is Verdict.AC for t in result.tests)
    yield (f"{result.verdict}  {passed}/{total} tests  cpu {result.time:.3f} s  memory {result.memory / MiB:.1f} MiB")
    if result.verdict is Verdict.CE:
        yield result.compile_output.rstrip()
    failure = result.failure
    if failure is not None:
        where = "sample" if failure.sample else "hidden"
        yield f"{failure.verdict} on test {failure.index + 1} ({where}): {failure.message}"
        if failure.sample:
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


async def judge_command(
    settings: Settings, problem_dir: Path, solution: Path, language: str | None, as_json: bool
) -> int:
    problem = _load(problem_dir)
    if problem is None:
        return EXIT_UNUSABLE
    if language is None:
        found = language_for_file(load_languages(Path(settings.languages_dir)), solution)
        if found is None:
            print(f"judged: cannot tell the language of {solution}; pass --language", file=sys.stderr)
            return EXIT_UNUSABLE
        language = found.id
    judge = _judge_for(settings)
    try:
        await judge.start(only={language})
        code = await asyncio.to_thread(solution.read_text)
        result = await judge.judge_function(function_task(problem), language, code)
    except LanguageUnavailable as exc:
        print(f"judged: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    finally:
        await judge.close()
    if as_json:
        sys.stdout.buffer.write(_json_result(result) + b"\n")
    else:
        print("\n".join(_describe(result, len(function_task(problem).cases))))
    return EXIT_UNUSABLE if result.verdict is Verdict.IE else 0


async def _check_solutions(judge: Judge, problem: Problem) -> list[str]:
    """Judge every reference solution; one line per mismatch."""
    task = function_task(problem)
    slots = asyncio.Semaphore(os.cpu_count() or 1)

    async def one(solution_path: Path, language: str, expected: str) -> str | None:
        async with slots:
            try:
                code = await asyncio.to_thread(solution_path.read_text)
                result = await judge.judge_function(task, language, code)
            except LanguageUnavailable as exc:
                return f"{solution_path}: not judged: {exc}"
        got = str(result.verdict)
        print(f"  {'ok  ' if got == expected else 'FAIL'} {got:<3} {solution_path}", flush=True)
        if got == expected:
            return None
        detail = result.message or result.compile_output.strip()[:300]
        return f"{solution_path}: expected {expected}, got {got} ({detail})"

    outcomes = await asyncio.gather(*(one(s.path, s.language, s.verdict.code) for s in problem.solutions))
    return [line for line in outcomes if line]


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
        await judge.start(only={s.language for p in problems for s in p.solutions})
        for problem in problems:
            print(f"{problem.slug}: {len(problem.solutions)} reference solutions")
            mismatches = await _check_solutions(judge, problem)
            failures += mismatches
            judged_count += len(problem.solutions)
            wrong += len(mismatches)
    finally:
        await judge.close()
    for line in failures:
        print(f"FAILED {line}", file=sys.stderr)
    # Reference solutions that got their verdict, and everything that failed (folders included).
    print(f"check: {judged_count - wrong} passed, {len(failures)} failed")
    return EXIT_FAILED if failures else 0


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
