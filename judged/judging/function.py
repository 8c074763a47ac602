"""Judge a function-problem submission: build, ONE sandboxed run for all tests, compare as results arrive.

The harness writes one result line per test to fd 3 (docs/harness-protocol.md).
Each line is compared here, outside the sandbox (the expected outputs never
enter it), and the run is stopped at the first failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import msgspec

from judged.harness.types import Signature, Type
from judged.judging.build import OUT, PATH_ENV, SRC, Build, Builder, BuildFailure, build_sources, language_mounts
from judged.judging.compare import mismatch
from judged.judging.custom import CheckerFailed, run_checker
from judged.judging.languages import Language, expand
from judged.judging.progress import NO_PROGRESS, Progress
from judged.judging.verdicts import Failure, JudgeResult, TestResult, Verdict
from judged.problems.model import Compare, CompareMode
from judged.sandbox import Limits, Mount, RunRequest, RunResult, Sandbox, Status

log = logging.getLogger(__name__)

MiB = 1024 * 1024
RESULT_LINE_LIMIT = 64 * MiB  # one result line (a large array) may be big, not unbounded
PRINTS_KEPT = 64 * 1024
HARNESS_DECODE_FAILURE = 3
# How each runtime says it ran out of memory (the JVM's heap, an allocation that cannot be
# served, V8's heap limit, Go's and Rust's allocators): that is MLE, not RE.
MEMORY_ERRORS = (
    "OutOfMemoryError",
    "std::bad_alloc",
    "MemoryError",
    "JavaScript heap out of memory",
    "runtime: out of memory",
    "memory allocation of",
)


def is_memory_error(text: str) -> bool:
    return any(marker in text for marker in MEMORY_ERRORS)


class Case(msgspec.Struct, frozen=True):
    """One test: the arguments in parameter order and the expected result."""

    args: list[object]
    output: object
    sample: bool = False


class FunctionTask(msgspec.Struct, frozen=True):
    """Everything the function judge needs to know about a problem."""

    signature: Signature
    cases: Sequence[Case]
    time_limit: float  # CPU seconds for the whole set of tests
    memory_mib: int
    compare: Compare = Compare()

    @property
    def result_type(self) -> Type:
        return self.signature.result_type


class Generator(Protocol):
    def build(self, signature: Signature, solution: str) -> dict[str, str]: ...


def generator_for(language: Language) -> Generator:
    """The harness generator module of a language (judged/harness/lang_<id>.py)."""
    module: Generator = importlib.import_module(f"judged.harness.lang_{language.id}")
    return module


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
    build = await build_sources(builder, language, lambda: generator_for(language).build(task.signature, code))
    if isinstance(build, BuildFailure):
        return build.result()
    return await _execute(task, language, build, sandbox, progress=progress)


def run_request(task: FunctionTask, language: Language, build: Build, results_fd: int) -> RunRequest:
    stdin = b"".join(msgspec.json.encode(case.args) + b"\n" for case in task.cases)
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
        env={"PATH": PATH_ENV, "HOME": "/tmp", "LANG": "C.UTF-8", **language.env},
        stdin=stdin,
        extra_fds={3: results_fd},
    )


class ResultSink(Protocol):
    """Takes the harness's fd 3 lines as they arrive."""

    def line(self, raw: bytes) -> None: ...

    def overlong(self) -> None:
        """A line longer than RESULT_LINE_LIMIT arrived; nothing after it is read."""


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

    def line(self, raw: bytes) -> None:
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
        seconds = float(result["t"]) if isinstance(result.get("t"), int | float) else 0.0
        if "e" in result:
            error = str(result["e"])
            verdict = Verdict.MLE if is_memory_error(error) else Verdict.RE
            self.fail(index, verdict, error, seconds)
            return
        case = self.task.cases[index]
        reason = mismatch(result.get("v"), case.output, self.task.result_type, self.task.compare)
        if reason is None:
            self.record(TestResult(index, Verdict.AC, seconds, case.sample))
            if self.task.compare.mode is CompareMode.CUSTOM:
                self.pending[index] = result.get("v")
        else:
            self.fail(index, Verdict.WA, reason, seconds, actual=result.get("v"))

    def overlong(self) -> None:
        if self.failure is None:
            index = min(len(self.tests), len(self.task.cases) - 1)
            self.fail(index, Verdict.WA, "a result line over 64 MiB", 0.0)

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
        names = [p.name for p in self.task.signature.params]
        return Failure(
            index=index, verdict=verdict, message=message, sample=True,
            input=dict(zip(names, case.args, strict=True)), expected=case.output, actual=actual,
        )  # fmt: skip


async def _read_results(read_fd: int, run: asyncio.Future[RunResult], write_fd: int, sink: ResultSink) -> None:
    """Feed result lines to the sink until the jail is gone and the pipe drained."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=RESULT_LINE_LIMIT)
    transport, _ = await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(read_fd, "rb", buffering=0)
    )
    # Our copy of the write end goes when the run ends, so the reader sees end-of-file.
    run.add_done_callback(lambda _: os.close(write_fd))
    try:
        while True:
            try:
                raw = await reader.readline()
            except (ValueError, asyncio.LimitOverrunError):
                sink.overlong()
                break
            if not raw:
                break
            sink.line(raw)
    finally:
        transport.close()


async def run_harness(
    task: FunctionTask,
    language: Language,
    build: Build,
    sandbox: Sandbox,
    *,
    sink: ResultSink,
    stop: asyncio.Event,
) -> RunResult:
    """One sandboxed run of the built harness on every case of `task`, each fd 3 line fed to `sink` as it arrives."""
    read_fd, write_fd = os.pipe2(os.O_CLOEXEC)
    run = asyncio.ensure_future(sandbox.run(run_request(task, language, build, write_fd), stop=stop))
    try:
        await _read_results(read_fd, run, write_fd, sink)
        return await run
    finally:
        if not run.done():
            stop.set()
            with contextlib.suppress(Exception):
                await run


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
    result = await run_harness(task, language, build, sandbox, sink=checker, stop=stop)
    if checker.pending:
        try:
            await _apply_custom_checker(task, checker, sandbox, build)
        except CheckerFailed as exc:
            log.error("%s", exc)
            return JudgeResult(Verdict.IE, checker.tests, result.cpu_time, result.memory, message=str(exc))
    checker.release()
    return _verdict(task, checker, result, build)


async def _apply_custom_checker(task: FunctionTask, checker: _Checker, sandbox: Sandbox, build: Build) -> None:
    """Ask the problem's checker about every answered test; the first it rejects fails the submission."""
    assert task.compare.checker is not None
    names = [p.name for p in task.signature.params]
    order = sorted(checker.pending)
    triples = [
        (dict(zip(names, task.cases[i].args, strict=True)), task.cases[i].output, checker.pending[i]) for i in order
    ]
    outcomes = await run_checker(sandbox, Path(build.folder).parent, task.compare.checker, triples)
    for index, outcome in zip(order, outcomes, strict=True):
        if not outcome.ok:
            checker.overrule(index, outcome.message)
            return


def _verdict(task: FunctionTask, checker: _Checker, result: RunResult, build: Build) -> JudgeResult:
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
        compile_time=build.compile_time,
    )


LIMIT_VERDICTS = {Status.TLE: Verdict.TLE, Status.MLE: Verdict.MLE, Status.OLE: Verdict.OLE}


def _final(task: FunctionTask, checker: _Checker, result: RunResult) -> tuple[Verdict, Failure | None]:
    """The submission's verdict: a wrong result seen first wins, then limits, then how the run ended."""
    answered = len(checker.tests)
    if checker.failure is not None:
        return checker.failure.verdict, checker.failure
    if result.status is Status.IE:
        log.error("function run failed inside the sandbox: %s", result.message)
        return Verdict.IE, None
    if result.exit_code == HARNESS_DECODE_FAILURE and answered < len(task.cases):
        log.error("harness could not read test %d: %s", answered, result.stderr[-500:])
        return Verdict.IE, None
    if answered == len(task.cases) and result.status is Status.OK:
        return Verdict.AC, None
    index = min(answered, len(task.cases) - 1)
    verdict = LIMIT_VERDICTS.get(result.status, Verdict.RE)
    if verdict is Verdict.RE and is_memory_error(result.stderr[-4096:].decode(errors="replace")):
        verdict = Verdict.MLE  # the runtime died of its own heap limit (V8 aborts)
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
