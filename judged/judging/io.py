"""Judge an I/O submission: build once, run each test file in one warm jail, check each output outside it.

Tests run group by group in name order (`data/sample`, then `data/secret`
and its subgroups). A pass-fail problem stops at the first rejected test and
takes its verdict; a scoring problem follows each group's `on_reject` and
grades groups with the Kattis default grader (`judged.judging.scoring`).
The judge's answers never enter the submission's jail: the default checker
reads them here, a custom validator in a jail of its own.

The submission's jail is set up once and runs the program once per test
(`judged.sandbox.WarmJail`): each run has its own stdin, limits and
measurements, and nothing of one test reaches the next. Interactive tests
keep a pair of jails of their own per test (`judged.judging.interactive`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from functools import lru_cache

import msgspec

from judged.judging.build import OUT, PATH_ENV, SRC, Build, Builder, BuildFailure, build_sources, language_mounts
from judged.judging.checkers import CheckerFlags, check, parse_flags
from judged.judging.interactive import run_interactive
from judged.judging.languages import Language, expand
from judged.judging.outcome import Ending, classify
from judged.judging.progress import NO_PROGRESS, Progress
from judged.judging.scoring import Graded, best_score, grade, test_score
from judged.judging.sources import submission_sources
from judged.judging.validators import OutputValidator, ValidatorFailed, build_program
from judged.judging.verdicts import Failure, GroupScore, JudgeResult, TestResult, Verdict
from judged.problems.io_model import IoSpec, IoTest, OnReject, TestGroup, Validation
from judged.problems.model import IoProblem
from judged.sandbox import Limits, MiB, Mount, RunRequest, RunResult, Sandbox, WarmJail

log = logging.getLogger(__name__)

SHOWN = 4096  # bytes of a sample's input, answer and output shown with a failure
PRINTS_KEPT = 64 * 1024


class Outcome(msgspec.Struct, frozen=True):
    """One test as run and checked."""

    verdict: Verdict
    message: str = ""
    run: RunResult | None = None
    score: float | None = None


def submission_request(problem: IoProblem, language: Language, build: Build, time_limit: float) -> RunRequest:
    """The submission's run under the problem's limits (`time_limit` CPU seconds), stdin and extra fds left to set."""
    memory_mib = problem.memory_limit
    return RunRequest(
        argv=expand(language.run, src=SRC, out=OUT, memory_mib=memory_mib),
        limits=Limits(
            cpu=time_limit,
            wall=time_limit * 2 + 1,
            memory=(memory_mib + language.memory_extra_mib) * MiB,
            processes=language.processes,
            output=problem.io.output_limit * MiB,
        ),
        mounts=(
            Mount(source=str(build.src), target=SRC),
            Mount(source=str(build.out), target=OUT),
            *language_mounts(language),
        ),
        env={"PATH": PATH_ENV, "HOME": "/tmp", "LANG": "C.UTF-8", **language.env},
    )


class IoJob:
    """Judging one submission on one problem: what it runs with, given whole at construction, and the
    results so far.

    `request` is the submission's run (`submission_request`); `jail` the warm jail it runs in (None:
    a jail per run, as interactive tests need); `validator` the package's output validator (None: the
    default checker).
    """

    def __init__(
        self,
        problem: IoProblem,
        sandbox: Sandbox,
        request: RunRequest,
        *,
        validator: OutputValidator | None = None,
        jail: WarmJail | None = None,
        progress: Progress = NO_PROGRESS,
    ) -> None:
        self.problem, self.io, self.sandbox, self.request = problem, problem.io, sandbox, request
        self.validator, self.jail, self.progress = validator, jail, progress
        self.total = len(self.io.tests)
        self.tests: list[TestResult] = []
        self.failure: Failure | None = None
        self.stderr = b""
        self.groups: list[GroupScore] = []
        order = self.io.tests
        self.following = dict(zip((test.name for test in order), order[1:], strict=False))
        # One run ahead: the next test runs while this test's output is checked (2 cores, one slot each).
        self.ahead: dict[str, tuple[asyncio.Future[RunResult], asyncio.Event]] = {}

    def flags(self, group: TestGroup) -> tuple[str, ...]:
        flags = group.grading.validator_flags
        return self.io.validator_flags if flags is None else tuple(map(self.io.fill, flags))

    async def judge_group(self, group: TestGroup) -> Graded:
        """Every item of the group in order, then the group's grade; stops where its `on_reject` says."""
        stop_early = not self.io.scoring or group.grading.on_reject is OnReject.BREAK
        items: list[Graded] = []
        for item in group.items:
            graded = await (self.judge_group(item) if isinstance(item, TestGroup) else self.judge_test(item, group))
            items.append(graded)
            if graded.verdict is not Verdict.AC and stop_early:
                break
        result = grade(group.grading, items, root=group.name == "")
        if self.io.scoring and group.name:
            self.groups.append(GroupScore(group.name, result.verdict, result.score))
        return msgspec.structs.replace(result, name=group.name)

    async def judge_test(self, test: IoTest, group: TestGroup) -> Graded:
        if self.io.interactive:
            assert self.validator is not None
            memory = self.problem.memory_limit
            run, feedback = await run_interactive(
                self.sandbox, self.request, self.validator, test, self.flags(group), memory_mib=memory
            )
            outcome = Outcome(run.verdict, run.message, run.run, feedback.score if feedback else None)
        else:
            outcome = await self.run_plain(test, group)
        self.record(test, outcome)
        return Graded(outcome.verdict, test_score(group.grading, outcome.verdict, outcome.score), test.name)

    def start(self, test: IoTest) -> tuple[asyncio.Future[RunResult], asyncio.Event]:
        stop = asyncio.Event()
        if self.jail is not None:
            return asyncio.ensure_future(self.jail.run(test.input, stop=stop)), stop
        request = msgspec.structs.replace(self.request, stdin=test.input)
        return asyncio.ensure_future(self.sandbox.run(request, stop=stop)), stop

    async def run_submission(self, test: IoTest) -> RunResult:
        """The submission's run on `test`, started ahead when it could be; the next test's run starts now."""
        run, _ = self.ahead.pop(test.name) if test.name in self.ahead else self.start(test)
        after = self.following.get(test.name)
        if after is not None and after.name not in self.ahead:
            self.ahead[after.name] = self.start(after)
        return await run

    async def drop_ahead(self) -> None:
        """Stop the runs started ahead that judging did not reach (it stopped at a rejected test)."""
        for run, stop in self.ahead.values():
            stop.set()
            with contextlib.suppress(Exception):
                await run
        self.ahead.clear()

    async def run_plain(self, test: IoTest, group: TestGroup) -> Outcome:
        run = await self.run_submission(test)
        ending = run_ending(run, self.problem.memory_limit)
        if ending is not None:
            return Outcome(ending.verdict, ending.reason, run)
        if self.validator is not None:
            feedback = await self.validator.validate(test, run.stdout, self.flags(group))
            if feedback.accepted:
                return Outcome(Verdict.AC, feedback.message, run, feedback.score)
            return Outcome(Verdict.WA, feedback.message or "wrong answer", run, feedback.score)
        checked = check(test.answer.read_bytes(), run.stdout, _flags(self.flags(group)))
        return Outcome(Verdict.AC if checked.accepted else Verdict.WA, checked.message, run)

    def record(self, test: IoTest, outcome: Outcome) -> None:
        run = outcome.run
        index = len(self.tests)
        time, memory = (run.cpu_time, run.memory) if run is not None else (0.0, 0)
        score = outcome.score if self.io.scoring else None
        self.tests.append(TestResult(index, outcome.verdict, time, test.sample, memory, test.name, score))
        self.progress.test_done(index, self.total, outcome.verdict)
        if outcome.verdict is not Verdict.AC and self.failure is None:
            self.failure = _failure(index, test, outcome, show=test.sample and not self.io.interactive)
            self.stderr = run.stderr if run is not None else b""


def run_ending(run: RunResult, memory_mib: int) -> Ending | None:
    """How a run ended (`outcome.classify`; None: it exited cleanly, its output decides).

    The sandbox's own failure is raised (ValidatorFailed): the judge's fault, IE, worth another attempt.
    """
    ending = classify(run, memory_mib)
    if ending is not None and ending.verdict is Verdict.IE:
        raise ValidatorFailed(f"the sandbox failed: {ending.reason}")
    return ending


async def judge_io(
    problem: IoProblem, language: Language, code: str | dict[str, str], *, sandbox: Sandbox, builder: Builder,
    language_of: Callable[[str], Language], progress: Progress = NO_PROGRESS, time_limit: float | None = None,
) -> JudgeResult:  # fmt: skip
    """The verdict of `code` (a file's text, or a folder's files by name) on every test of an I/O problem."""
    io = problem.io
    build = await build_sources(builder, language, lambda: submission_sources(language, code, io))
    if isinstance(build, BuildFailure):
        return build.result()
    request = submission_request(problem, language, build, time_limit or problem.time_limit)
    try:
        custom = io.validation is Validation.CUSTOM
        validator = await _validator(io, sandbox, builder, language_of) if custom else None
    except ValidatorFailed as exc:
        return _internal_error(problem, exc, [], build)
    async with contextlib.AsyncExitStack() as jails:
        jail = None if io.interactive else await jails.enter_async_context(WarmJail(sandbox, request))
        job = IoJob(problem, sandbox, request, validator=validator, jail=jail, progress=progress)
        try:
            progress.running(job.total)
            graded = await job.judge_group(io.data)
        except ValidatorFailed as exc:
            return _internal_error(problem, exc, job.tests, build)
        finally:
            await job.drop_ahead()
    return _result(job, graded, build)


async def _validator(
    io: IoSpec, sandbox: Sandbox, builder: Builder, language_of: Callable[[str], Language]
) -> OutputValidator:
    """The package's output validator, built (raises ValidatorFailed when it cannot be)."""
    program = await build_program(io.output_validators[0], language_of, builder, io.fill)
    return OutputValidator(sandbox, program, builder.cache_dir.parent / "feedback")


def _internal_error(problem: IoProblem, exc: ValidatorFailed, tests: list[TestResult], build: Build) -> JudgeResult:
    """IE: the validator or the sandbox failed, the judge's fault (worth another attempt)."""
    log.error("problem %s: %s", problem.slug, exc)
    return JudgeResult(Verdict.IE, tests, 0.0, 0, message=str(exc), compile_time=build.compile_time)


def _result(job: IoJob, graded: Graded, build: Build) -> JudgeResult:
    io = job.io
    failure = job.failure
    return JudgeResult(
        verdict=graded.verdict,
        tests=job.tests,
        time=max((test.time for test in job.tests), default=0.0),
        memory=max((test.memory for test in job.tests), default=0),
        compile_output=build.compile_output,
        message=failure.message if failure is not None and graded.verdict is not Verdict.AC else "",
        failure=failure if graded.verdict is not Verdict.AC or io.scoring else None,
        stderr=job.stderr[:PRINTS_KEPT].decode(errors="replace"),
        prints_hidden=not all(test.sample for test in job.tests),  # each test is its own run: the failing one's
        compile_time=build.compile_time,
        score=graded.score if io.scoring else None,
        max_score=best_score(io.data) if io.scoring and not io.score_from_validator else None,
        groups=job.groups,
    )


def _failure(index: int, test: IoTest, outcome: Outcome, *, show: bool) -> Failure:
    message = outcome.message or str(outcome.verdict)
    if not show:
        return Failure(index=index, verdict=outcome.verdict, message=message, sample=test.sample)
    actual = outcome.run.stdout[:SHOWN].decode(errors="replace") if outcome.run is not None else ""
    return Failure(
        index=index, verdict=outcome.verdict, message=message, sample=True,
        input={"stdin": _head(test.input.read_bytes())}, expected=_head(test.answer.read_bytes()), actual=actual,
    )  # fmt: skip


def _head(data: bytes) -> str:
    return data[:SHOWN].decode(errors="replace")


@lru_cache(maxsize=256)
def _flags(flags: tuple[str, ...]) -> CheckerFlags:
    try:
        return parse_flags(flags)
    except ValueError as exc:  # the package's flags: the problem setter's error, not the participant's
        raise ValidatorFailed(f"validator_flags: {exc}") from exc
