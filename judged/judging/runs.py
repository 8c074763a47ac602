"""Run mode: a participant's code on the samples or on inputs of their own, outputs shown, nothing scored.

The program is built and run exactly as for judging (the same harness, the
same sandbox limits, one run for all inputs); the judge only collects what
each call returned instead of comparing it. After a call raises, the harness
exits, so the inputs after it are not run.

Beside custom inputs the daemon shows the expected outputs: it runs the
problem's accepted reference solution (`reference_solution`) on the same
inputs.

What the program printed is shown per input too (`CallOutput.stdout`): the
judge gives the harness a marker made of a random nonce, new for each run,
and the harness prints it on stdout before each call, after flushing the
user's buffered prints (docs/harness-protocol.md). The judge splits stdout at
the markers and shows none of them. A program cannot shift the split by
printing marker-like text: it is not told the nonce (the harness takes it
out of the environment before the user's code loads, where the language
allows). Judging never passes a marker, so a verdict and a submission's
output are the program's own.
"""

from __future__ import annotations

import asyncio
import enum
import secrets
from collections.abc import Collection, Sequence

import msgspec

from judged.harness import registry
from judged.harness.design import Design, validate_operations
from judged.harness.types import Signature
from judged.harness.values import InvalidValue, canonical, validate
from judged.judging.build import Builder, BuildFailure, build_sources
from judged.judging.callee import harness_files
from judged.judging.caps import CASE_PRINTS_KEPT, RUN_VALUE_KEPT, cap_bytes, cap_text
from judged.judging.function import (
    HARNESS_DECODE_FAILURE,
    PRINTS_KEPT,
    RUN_LINE_LIMIT,
    Case,
    FunctionTask,
    run_harness,
)
from judged.judging.harness_pipes import call_time, overlong_verdict
from judged.judging.languages import Language
from judged.judging.outcome import classify
from judged.judging.verdicts import Verdict
from judged.problems.model import ExpectedVerdict, Problem, ReferenceSolution, Shape
from judged.sandbox import RunResult, Sandbox, Status

VALUE_SHOWN = RUN_VALUE_KEPT  # a result line longer than this is summarised, not shown
# The reference solution that computes expected outputs: fast compiled languages first (the registry's order,
# by each harness module's `SUPPORT.reference_rank`).
REFERENCE_LANGUAGES = registry.LANGUAGE_IDS


class RunStatus(enum.StrEnum):
    OK = "ok"  # the run ended as the protocol says: every input answered, or stopped after one raised
    COMPILE_ERROR = "compile_error"
    ERROR = "error"  # the run failed: a limit, a crash, an early exit, a malformed result line
    INTERNAL_ERROR = "internal_error"  # the judge's fault (the sandbox failed): worth another attempt


class CallStatus(enum.StrEnum):
    OK = "ok"  # the call returned `value`
    ERROR = "error"  # the call raised, or the run failed during it: `message` says what
    NOT_RUN = "not_run"  # an earlier input raised or the run ended first: `message` says which


class CallOutput(msgspec.Struct, frozen=True):
    """What one input gave: the returned value (for a void function, the first argument after the call)."""

    status: CallStatus
    value: object = None
    message: str = ""
    time: float = 0.0  # CPU seconds of the call, measured by the harness
    stdout: str = ""
    """What the program printed during this call (the first input's also holds what it printed before it, as the
    code loaded), `CASE_PRINTS_KEPT` bytes at most; function and design problems only (an I/O problem's `value` is
    its stdout)."""


class RunOutcome(msgspec.Struct, frozen=True):
    """One run of a participant's code on a list of inputs; `outputs` has one entry per input, in order."""

    status: RunStatus
    outputs: list[CallOutput]
    time: float = 0.0  # CPU seconds of the whole run
    memory: int = 0  # peak bytes
    compile_output: str = ""
    compile_time: float = 0.0
    verdict: Verdict | None = None  # for ERROR, as judging would say: TLE, MLE, OLE, RE (WA: a malformed result line)
    message: str = ""  # for ERROR and INTERNAL_ERROR: what happened, and during which input
    stdout: str = ""  # what the program printed over the whole run (capped), without the per-input markers
    stderr: str = ""


async def run_function(
    task: FunctionTask,
    language: Language,
    code: str,
    inputs: Sequence[list[object]],
    *,
    sandbox: Sandbox,
    builder: Builder,
) -> RunOutcome:
    """Run `code` on `inputs` (argument lists in parameter order) under `task`'s signature and limits.

    `task`'s own tests are not run; its compare settings do not matter.
    """
    build = await build_sources(builder, language, lambda: harness_files(task.signature, language.id, code))
    if isinstance(build, BuildFailure):
        return failed_build(build)
    run_task = msgspec.structs.replace(task, cases=[Case(args=list(args), output=None) for args in inputs])
    stop = asyncio.Event()
    collector = _Collector(len(inputs), stop, task.time_limit)
    mark = case_mark()
    result, _ = await run_harness(
        run_task, language, build, sandbox, sink=collector, stop=stop,
        line_limit=RUN_LINE_LIMIT, case_mark=mark,
    )  # fmt: skip
    status, verdict, message = _ending(collector, result, len(inputs), task.memory_mib)
    prints = split_prints(result.stdout, mark.encode(), len(inputs))
    outputs = collector.outputs_for(len(inputs), status, message)
    return RunOutcome(
        status=status,
        outputs=[
            msgspec.structs.replace(output, stdout=cap_bytes(printed, CASE_PRINTS_KEPT))
            for output, printed in zip(outputs, prints, strict=True)
        ],
        time=result.cpu_time,
        memory=result.memory,
        compile_output=build.compile_output,
        compile_time=build.compile_time,
        verdict=verdict,
        message=message,
        stdout=result.stdout.replace(mark.encode(), b"")[:PRINTS_KEPT].decode(errors="replace"),
        stderr=result.stderr[:PRINTS_KEPT].decode(errors="replace"),
    )


def case_mark() -> str:
    """A new marker for one run: 128 random bits, so no program's output can contain it by chance or by guessing."""
    return f"<judged-case-{secrets.token_hex(16)}>"


def split_prints(stdout: bytes, mark: bytes, count: int) -> list[bytes]:
    """What the program printed during each of `count` inputs: `stdout` split at the harness's markers, none kept.

    The harness prints `mark` before each call, so the text before the first marker was printed as the code loaded;
    it is shown with the first input. An input whose call never started printed nothing. More markers than inputs
    cannot come from the harness (a program that dug the nonce up can only blur its own last input's text). No
    marker at all (a harness that does not mark, or a run that ended before its first call): nothing per input, the
    whole run's stdout says it all.
    """
    if mark not in stdout:
        return [b""] * count
    before, *during = stdout.split(mark)
    if len(during) > count:
        during = [*during[: count - 1], b"".join(during[count - 1 :])]
    during += [b""] * (count - len(during))
    return [before + during[0], *during[1:]] if count else []


class _Collector:
    """Takes a run's result lines as they arrive: one output per input, until a call raises."""

    def __init__(self, count: int, stop: asyncio.Event, time_limit: float) -> None:
        self.count = count
        self.stop = stop
        self.time_limit = time_limit
        self.outputs: list[CallOutput] = []
        self.raised = False
        self.malformed = ""  # why the run's fd 3 could not be read, if it could not

    def line(self, raw: bytes, elapsed: float) -> None:
        if self.raised or self.malformed:
            return
        if len(self.outputs) >= self.count:
            self._malformed("more results than inputs")
            return
        try:
            result = msgspec.json.decode(raw)
        except msgspec.DecodeError:
            result = None
        if not isinstance(result, dict) or ("v" not in result and "e" not in result):
            self._malformed("a malformed result line (did the program write to fd 3?)")
            return
        seconds = call_time(result.get("t"), min(self.time_limit, elapsed))
        if "e" in result:
            self.outputs.append(CallOutput(CallStatus.ERROR, message=cap_text(str(result["e"])), time=seconds))
            self.raised = True
        elif len(raw) > VALUE_SHOWN:
            shown = f"the value is {len(raw):,} bytes, too large to show"
            self.outputs.append(CallOutput(CallStatus.OK, message=shown, time=seconds))
        else:
            self.outputs.append(CallOutput(CallStatus.OK, value=result["v"], time=seconds))

    def overlong(self, head: bytes) -> None:
        self._malformed(overlong_verdict(head)[1])

    def _malformed(self, message: str) -> None:
        self.malformed = message
        self.stop.set()

    def outputs_for(self, count: int, status: RunStatus, message: str) -> list[CallOutput]:
        """Every input's output: those answered, then the one the run failed during, then those not run."""
        outputs = list(self.outputs[:count])
        if len(outputs) == count:
            return outputs
        if self.raised:
            reason = f"not run: input {len(outputs)} raised"
        elif status is RunStatus.ERROR:
            outputs.append(CallOutput(CallStatus.ERROR, message=self.malformed or message))
            reason = f"not run: the run ended during input {len(outputs)}"
        else:
            reason = "not run: the judge failed"
        return outputs + [CallOutput(CallStatus.NOT_RUN, message=reason)] * (count - len(outputs))


def _ending(
    collector: _Collector, result: RunResult, count: int, memory_mib: int
) -> tuple[RunStatus, Verdict | None, str]:
    """How the run ended: the protocol's way, a failure of the program's, or the judge's own fault."""
    answered = len(collector.outputs)
    if result.status is Status.IE:
        return RunStatus.INTERNAL_ERROR, None, result.message or "the sandbox failed"
    if collector.malformed:
        return RunStatus.ERROR, Verdict.WA, f"{collector.malformed} (after {answered} of {count} results)"
    if collector.raised or (answered == count and result.status is Status.OK):
        return RunStatus.OK, None, ""
    if result.exit_code == HARNESS_DECODE_FAILURE and answered < count:
        return RunStatus.INTERNAL_ERROR, None, f"the harness could not read input {answered + 1}"
    verdict, message = _failure(result, answered, count, memory_mib)
    return RunStatus.ERROR, verdict, message


def _failure(result: RunResult, answered: int, count: int, memory_mib: int) -> tuple[Verdict, str]:
    """The run's verdict and what happened, for a run that neither answered everything nor raised."""
    when = f"during input {answered + 1}" if answered < count else "after the last input"
    ending = classify(result, memory_mib)
    if ending is None:  # it exited cleanly, but before answering every input
        return Verdict.RE, f"exited before answering input {answered + 1}"
    return ending.verdict, f"{ending.reason} {when}"  # "CPU time limit exceeded", "killed by SIGSEGV"


def failed_build(failure: BuildFailure) -> RunOutcome:
    """A run whose program could not be built: a compile error, or the judge's failure."""
    if failure.internal:
        return RunOutcome(RunStatus.INTERNAL_ERROR, [], message=failure.message)
    return RunOutcome(
        RunStatus.COMPILE_ERROR, [], compile_output=failure.compile_output, compile_time=failure.compile_time
    )


def custom_arguments(inputs: Sequence[object], signature: Signature, shape: Shape | None = None) -> list[list[object]]:
    """Argument lists (parameter order, canonical values) from inputs as participants type them: `{"param": value}`.

    Raises ValueError naming the input (1-based) and the parameter: `input 2: nums[3]: expected int (32-bit), got "x"`.
    `shape` adds the problem's rectangular-grid rule.
    """
    return [
        _arguments(custom, signature, shape or Shape(), f"input {number}") for number, custom in enumerate(inputs, 1)
    ]


def _arguments(custom: object, signature: Signature, shape: Shape, where: str) -> list[object]:
    names = [param.name for param in signature.params]
    if not isinstance(custom, dict):
        raise ValueError(f"{where}: expected an object of arguments ({', '.join(names)})")
    unknown = [name for name in custom if name not in names]
    if unknown:
        raise ValueError(f"{where}: unknown parameter {unknown[0]!r} (expected {', '.join(names)})")
    missing = [name for name in names if name not in custom]
    if missing:
        raise ValueError(f"{where}: missing parameter {missing[0]!r}")
    try:
        for param in signature.params:
            validate(custom[param.name], param.type, param.name)
        for name in shape.rectangular:
            _check_rectangular(custom[name], name)
    except InvalidValue as exc:
        raise ValueError(f"{where}: {exc}") from exc
    return [canonical(custom[param.name], param.type) for param in signature.params]


def custom_operations(inputs: Sequence[object], design: Design) -> list[list[object]]:
    """A design problem's custom inputs, each LeetCode's two lists (`{"operations": [...], "arguments": [...]}`,
    `[[...], [...]]`, or the text of LeetCode's custom-input box: the two lists as two JSON lines), as the harness
    reads them: `[operations, arguments]` with canonical values.

    Raises ValueError naming the input (1-based) and the place: `input 1: arguments[2][0]: expected int ...`.
    """
    checked: list[list[object]] = []
    for number, given in enumerate(inputs, 1):
        try:
            lists = _two_lines(given, f"input {number}") if isinstance(given, str) else given
            operations, arguments = validate_operations(design, lists, f"input {number}")
        except InvalidValue as exc:
            raise ValueError(str(exc)) from exc
        checked.append([operations, arguments])
    return checked


def _two_lines(text: str, where: str) -> list[object]:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) != 2:
        raise InvalidValue(where, f"expected two lines (the operations, then their arguments), got {len(lines)}")
    try:
        return [msgspec.json.decode(line) for line in lines]
    except msgspec.DecodeError as exc:
        raise InvalidValue(where, f"not JSON: {exc}") from None


def _check_rectangular(rows: list[list[object]], name: str) -> None:
    for index, row in enumerate(rows):
        if len(row) != len(rows[0]):
            raise InvalidValue(
                f"{name}[{index}]", f"a row of {len(row)}, but row 0 has {len(rows[0])}: {name} is a grid"
            )


def reference_solution(problem: Problem, enabled: Collection[str] | None = None) -> ReferenceSolution | None:
    """The accepted reference solution to compute expected outputs with: compiled languages first; None if none.

    `enabled` limits the choice to languages that passed their self-test.
    """
    rank = {language: position for position, language in enumerate(REFERENCE_LANGUAGES)}
    accepted = [
        solution
        for solution in problem.solutions
        if solution.verdict is ExpectedVerdict.ACCEPTED and (enabled is None or solution.language in enabled)
    ]
    return min(accepted, key=lambda s: (rank.get(s.language, len(rank)), str(s.path)), default=None)
