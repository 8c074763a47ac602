"""Judge a function-problem submission: build, ONE sandboxed run for all tests, compare as results arrive.

The harness writes one result line per test to fd 3 (docs/harness-protocol.md).
Each line is compared here, outside the sandbox (the expected outputs never
enter it), and the run is stopped at the first failure.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path

import msgspec

from judged.judging.build import OUT, PATH_ENV, SRC, Build, Builder, BuildFailure, build_sources, language_mounts
from judged.judging.callee import Callee, harness_files, input_names, result_mismatch
from judged.judging.caps import RESULT_LINE_LIMIT, TEXT_KEPT, cap_text
from judged.judging.custom import CheckerFailed, run_checker
from judged.judging.harness_pipes import CHUNK, ResultSink, call_time, overlong_verdict, run_piped
from judged.judging.languages import Language, expand
from judged.judging.outcome import classify, out_of_memory
from judged.judging.progress import NO_PROGRESS, Progress
from judged.judging.verdicts import Failure, JudgeResult, TestResult, Verdict
from judged.problems.model import Compare, CompareMode
from judged.sandbox import Limits, MiB, Mount, RunRequest, RunResult, Sandbox, Status

log = logging.getLogger(__name__)

PRINTS_KEPT = 64 * 1024
HARNESS_DECODE_FAILURE = 3
CASE_MARK_ENV = "JUDGED_CASE_MARK"
"""The environment variable that carries run mode's per-case marker to the harness (docs/harness-protocol.md)."""
RUN_LINE_LIMIT = 16 * MiB
"""Bytes of one result line in run mode, where no expected output bounds it (values over 64 KiB are summarised)."""


def result_line_limit(cases: Sequence[Case]) -> int:
    """The longest result line worth reading for `cases`: four times the longest expected answer, at least 1 MiB.

    A longer line cannot be a right answer (nor a useful error text), so it is not read further.
    """
    longest = max((len(msgspec.json.encode(case.output)) for case in cases), default=0)
    return min(RESULT_LINE_LIMIT, max(MiB, 4 * longest + CHUNK))


class Case(msgspec.Struct, frozen=True):
    """One test: the arguments in parameter order and the expected result."""

    args: list[object]
    output: object
    sample: bool = False


class FunctionTask(msgspec.Struct, frozen=True):
    """Everything the function judge needs to know about a problem."""

    signature: Callee
    """A function problem's signature, or a design problem's class (each case: its operations and arguments)."""
    cases: Sequence[Case]
    time_limit: float  # CPU seconds for the whole set of tests
    memory_mib: int
    compare: Compare = Compare()


async def judge_function(
    task: FunctionTask,
    language: Language,
    code: str,
    *,
    sandbox: Sandbox,
    builder: Builder,
    progress: Progress = NO_PROGRESS,
) -> JudgeResult:
    """The verdict of `code` in `language` on every test of `task`; `progress` hears of each test as it is judged."""
    build = await build_sources(builder, language, lambda: harness_files(task.signature, language.id, code))
    if isinstance(build, BuildFailure):
        return build.result()
    return await _execute(task, language, build, sandbox, progress=progress)


def run_request(
    task: FunctionTask, language: Language, build: Build, results_fd: int, stdin_fd: int, *, case_mark: str = ""
) -> RunRequest:
    """The harness's run: its tests come on `stdin_fd` (one at a time, see `_Feeder`), its results go to fd 3.

    `case_mark` (run mode only) asks the harness to print it on stdout before each test, so the judge can split what
    the program printed by test (`judged.judging.runs`); judging passes none, so its stdout is the program's alone.
    """
    marking = {CASE_MARK_ENV: case_mark} if case_mark else {}
    cpu = task.time_limit
    return RunRequest(
        argv=expand(language.run, src=SRC, out=OUT, memory_mib=task.memory_mib),
        limits=Limits(
            cpu=cpu,
            wall=cpu * 2 + 2,  # time spent blocked or waiting for a core is not the program's fault
            memory=(task.memory_mib + language.memory_extra_mib) * MiB,
            processes=language.processes,
        ),
        mounts=(
            Mount(source=str(build.src), target=SRC),
            Mount(source=str(build.out), target=OUT),
            *language_mounts(language),
        ),
        env={"PATH": PATH_ENV, "HOME": "/tmp", "LANG": "C.UTF-8", **language.env, **marking},
        extra_fds={0: stdin_fd, 3: results_fd},
    )


class _Checker:
    """Compares result lines as they arrive; remembers the first failure and tells `progress` of each test."""

    def __init__(self, task: FunctionTask, stop: asyncio.Event, progress: Progress) -> None:
        self.task = task
        self.stop = stop
        self.progress = progress
        self.tests: list[TestResult] = []
        self.failure: Failure | None = None
        # Custom compare: well-typed results wait for the problem's checker (index -> actual),
        # and progress is held back until the checker has decided (see `release`).
        self.pending: dict[int, object] = {}
        self.held = task.compare.mode is CompareMode.CUSTOM
        self.memory_claim = ""  # the error text of a failing call, if it raised

    def line(self, raw: bytes, elapsed: float) -> None:
        if self.failure is not None:
            return
        index = len(self.tests)
        if index >= len(self.task.cases):
            self.fail(index - 1, Verdict.WA, "more results than tests", 0.0)
            return
        try:
            result = msgspec.json.decode(raw)
        except msgspec.DecodeError:
            self.fail(index, Verdict.WA, "a malformed result line (did the program write to fd 3?)", 0.0)
            return
        if not isinstance(result, dict):
            self.fail(index, Verdict.WA, "a malformed result line (did the program write to fd 3?)", 0.0)
            return
        seconds = call_time(result.get("t"), min(self.task.time_limit, elapsed))
        if "e" in result:
            error = cap_text(str(result["e"]), TEXT_KEPT)
            self.memory_claim = error  # MLE only if the run's memory says so too (`_final`)
            self.fail(index, Verdict.RE, error, seconds)
            return
        case = self.task.cases[index]
        reason = result_mismatch(self.task.signature, result.get("v"), case.output, case.args, self.task.compare)
        if reason is None:
            self.record(TestResult(index, Verdict.AC, seconds, case.sample))
            if self.task.compare.mode is CompareMode.CUSTOM:
                self.pending[index] = result.get("v")
        else:
            self.fail(index, Verdict.WA, reason, seconds, actual=result.get("v"))

    def overlong(self, head: bytes) -> None:
        if self.failure is None:
            index = min(len(self.tests), len(self.task.cases) - 1)
            verdict, message = overlong_verdict(head)
            self.fail(index, verdict, message, 0.0)

    def record(self, test: TestResult) -> None:
        self.tests.append(test)
        if not self.held:
            self.progress.test_done(test.index, len(self.task.cases), test.verdict)

    def release(self) -> None:
        """The custom checker has decided: report the tests held back, in order; later ones go straight out."""
        if self.held:
            self.held = False
            for test in self.tests:
                self.progress.test_done(test.index, len(self.task.cases), test.verdict)

    def fail(self, index: int, verdict: Verdict, message: str, seconds: float, actual: object = None) -> None:
        case = self.task.cases[index]
        self.tests = [t for t in self.tests if t.index < index]  # "more results than tests" re-judges the last
        self.record(TestResult(index, verdict, seconds, case.sample))
        self.pending = {i: v for i, v in self.pending.items() if i < index}
        self.failure = self.failure_at(index, verdict, message, actual)
        self.stop.set()

    def overrule(self, index: int, message: str) -> None:
        """The custom checker rejected test `index`: it is the first failure, later tests never count."""
        kept = [t for t in self.tests if t.index < index]
        self.tests = [*kept, TestResult(index, Verdict.WA, self.tests[index].time, self.task.cases[index].sample)]
        self.failure = self.failure_at(index, Verdict.WA, message or "wrong answer", self.pending[index])

    def failure_at(self, index: int, verdict: Verdict, message: str, actual: object = None) -> Failure:
        case = self.task.cases[index]
        if not case.sample:
            return Failure(index=index, verdict=verdict, message=message, sample=False)
        names = input_names(self.task.signature)
        return Failure(
            index=index, verdict=verdict, message=message, sample=True,
            input=dict(zip(names, case.args, strict=True)), expected=case.output, actual=actual,
        )  # fmt: skip


async def run_harness(
    task: FunctionTask,
    language: Language,
    build: Build,
    sandbox: Sandbox,
    *,
    sink: ResultSink,
    stop: asyncio.Event,
    line_limit: int,
    case_mark: str = "",
) -> tuple[RunResult, int]:
    """One sandboxed run of the built harness on the cases of `task`, each fd 3 line fed to `sink` as it arrives.

    Returns the run and how many tests the harness was given. `case_mark`: see `run_request`.
    """
    return await run_piped(
        sandbox,
        lambda stdin_fd, results_fd: run_request(task, language, build, results_fd, stdin_fd, case_mark=case_mark),
        [msgspec.json.encode(case.args) + b"\n" for case in task.cases],
        [case.sample for case in task.cases],
        sink=sink,
        stop=stop,
        line_limit=line_limit,
    )


async def _execute(
    task: FunctionTask,
    language: Language,
    build: Build,
    sandbox: Sandbox,
    *,
    progress: Progress,
) -> JudgeResult:
    stop = asyncio.Event()
    checker = _Checker(task, stop, progress)
    progress.running(len(task.cases))
    result, given = await run_harness(
        task, language, build, sandbox, sink=checker, stop=stop, line_limit=result_line_limit(task.cases)
    )
    if checker.pending:
        try:
            await _apply_custom_checker(task, checker, sandbox, build)
        except CheckerFailed as exc:
            log.error("%s", exc)
            return JudgeResult(Verdict.IE, checker.tests, result.cpu_time, result.memory, message=str(exc))
    checker.release()
    return _verdict(task, checker, result, build, prints_hidden=not all(case.sample for case in task.cases[:given]))


async def _apply_custom_checker(task: FunctionTask, checker: _Checker, sandbox: Sandbox, build: Build) -> None:
    """Ask the problem's checker about every answered test; the first it rejects fails the submission."""
    assert task.compare.checker is not None
    names = input_names(task.signature)
    order = sorted(checker.pending)
    triples = [
        (dict(zip(names, task.cases[i].args, strict=True)), task.cases[i].output, checker.pending[i]) for i in order
    ]
    outcomes = await run_checker(sandbox, Path(build.folder).parent, task.compare.checker, triples)
    for index, outcome in zip(order, outcomes, strict=True):
        if not outcome.ok:
            checker.overrule(index, outcome.message)
            return


def _verdict(
    task: FunctionTask, checker: _Checker, result: RunResult, build: Build, *, prints_hidden: bool
) -> JudgeResult:
    verdict, failure = _final(task, checker, result)
    return JudgeResult(
        verdict=verdict,
        tests=checker.tests,
        time=result.cpu_time,
        memory=result.memory,
        compile_output=build.compile_output,
        message=failure.message if failure else "",
        failure=failure,
        stdout=result.stdout[:PRINTS_KEPT].decode(errors="replace"),
        stderr=result.stderr[:PRINTS_KEPT].decode(errors="replace"),
        prints_hidden=prints_hidden,
        compile_time=build.compile_time,
    )


def _final(task: FunctionTask, checker: _Checker, result: RunResult) -> tuple[Verdict, Failure | None]:
    """The submission's verdict: a wrong result seen first wins, then limits, then how the run ended."""
    answered = len(checker.tests)
    failure = checker.failure
    claim = checker.memory_claim if failure is not None and failure.verdict is Verdict.RE else ""
    if failure is not None and claim and out_of_memory(result, task.memory_mib, claim=claim):
        failure = msgspec.structs.replace(failure, verdict=Verdict.MLE)
        checker.tests[-1] = msgspec.structs.replace(checker.tests[-1], verdict=Verdict.MLE)  # the heap, measured
        checker.progress.test_done(failure.index, len(task.cases), Verdict.MLE)  # it was announced as RE
    if failure is not None:
        return failure.verdict, failure
    if result.status is Status.IE:
        log.error("function run failed inside the sandbox: %s", result.message)
        return Verdict.IE, None
    if result.exit_code == HARNESS_DECODE_FAILURE and answered < len(task.cases):
        log.error("harness could not read test %d: %s", answered, result.stderr[-500:])
        return Verdict.IE, None
    if answered == len(task.cases) and result.status is Status.OK:
        return Verdict.AC, None
    index = min(answered, len(task.cases) - 1)
    ending = classify(result, task.memory_mib)  # None: it exited cleanly, but before answering every test
    verdict = ending.verdict if ending is not None else Verdict.RE
    message = _ending(result, answered)
    failure = checker.failure_at(index, verdict, message)
    checker.record(TestResult(index, verdict, 0.0, task.cases[index].sample))
    return verdict, failure


def _ending(result: RunResult, answered: int) -> str:
    if result.status is Status.SV:
        return "a forbidden system call"
    if result.status not in (Status.RE, Status.OK):
        return result.message
    if result.signal is not None:
        return result.message  # "killed by SIGSEGV"
    if result.exit_code:
        return f"exited with status {result.exit_code} during test {answered + 1}"
    return f"exited before answering test {answered + 1}"
