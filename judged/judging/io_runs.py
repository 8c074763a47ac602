"""Run mode for I/O problems: a participant's program on the samples' inputs or on stdin of their own, unscored.

The program is built and each input run exactly as judging runs a test
(`judged.judging.io`: the same build, limits and output limit, one warm
jail for all the inputs, a fresh start of the program and an emptied jail
for each); every input runs, whatever the others did. What the program
printed on stdout is each input's `value`, as text, the first `SHOWN` bytes
of it. The results are the function problems' `RunOutcome` and `CallOutput`
(`judged.judging.runs`), so the daemon shows both kinds alike.

Interactive problems have no runs: the program needs the problem's
interactor on the other end of its stdin.
"""

from __future__ import annotations

from collections.abc import Sequence

from judged.judging.build import Build, Builder, BuildFailure, build_sources
from judged.judging.io import run_ending, submission_request
from judged.judging.languages import Language
from judged.judging.outcome import Ending
from judged.judging.runs import CallOutput, CallStatus, RunOutcome, RunStatus, failed_build
from judged.judging.sources import submission_sources
from judged.judging.validators import ValidatorFailed
from judged.problems.model import IoProblem
from judged.sandbox import RunResult, Sandbox, WarmJail

SHOWN = 64 * 1024  # bytes of an input's output shown as its value
MAX_INPUT = 64 * 1024  # bytes of one custom input
STDERR_KEPT = 64 * 1024  # bytes of stderr kept, over every input
NOT_INTERACTIVE = "runs are not available for interactive problems"


def custom_inputs(inputs: Sequence[object]) -> list[str]:
    """The participant's inputs as stdin texts; ValueError naming the input (1-based) that is not a string ≤ 64 KiB."""
    texts: list[str] = []
    for number, text in enumerate(inputs, 1):
        if not isinstance(text, str):
            raise ValueError(f"input {number}: expected a string (the program's stdin), got {_json_kind(text)}")
        size = len(text.encode())
        if size > MAX_INPUT:
            raise ValueError(f"input {number}: {size:,} bytes; at most {MAX_INPUT // 1024} KiB")
        texts.append(text)
    return texts


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    kinds = {dict: "an object", list: "an array", int: "a number", float: "a number"}
    return kinds.get(type(value), type(value).__name__)


def sample_inputs(problem: IoProblem) -> tuple[list[str], list[str]]:
    """The samples' inputs and answers as text, in judging order."""
    samples = problem.io.samples
    inputs = [test.input.read_bytes().decode(errors="replace") for test in samples]
    return inputs, [test.answer.read_bytes().decode(errors="replace") for test in samples]


async def run_io(
    problem: IoProblem, language: Language, code: str | dict[str, str], inputs: Sequence[str], *,
    sandbox: Sandbox, builder: Builder, time_limit: float | None = None,
) -> RunOutcome:  # fmt: skip
    """Run `code` (a file's text, or a folder's files by name) once per input, each on its own stdin.

    `time_limit` is the CPU limit per input (default: the problem's), as judging uses it.
    """
    io = problem.io
    if io.interactive:
        return RunOutcome(RunStatus.ERROR, [], message=NOT_INTERACTIVE)
    build = await build_sources(builder, language, lambda: submission_sources(language, code, io))
    if isinstance(build, BuildFailure):
        return failed_build(build)
    request = submission_request(problem, language, build, time_limit or problem.time_limit)
    runs: list[RunResult] = []
    endings: list[Ending | None] = []
    async with WarmJail(sandbox, request) as jail:
        for text in inputs:
            run = await jail.run(text.encode())
            try:
                endings.append(run_ending(run, problem.memory_limit))
            except ValidatorFailed as exc:  # the sandbox failed: the judge's fault, worth another attempt
                return RunOutcome(RunStatus.INTERNAL_ERROR, [], message=str(exc), compile_time=build.compile_time)
            runs.append(run)
    return _outcome(runs, endings, build)


def _output(run: RunResult, ended: Ending | None) -> CallOutput:
    """What one input gave: its stdout as text (the first `SHOWN` bytes), and how the run ended if not cleanly."""
    notes = [f"{ended.verdict}: {ended.reason}"] if ended is not None else []
    if len(run.stdout) > SHOWN or run.stdout_truncated:
        of = "" if run.stdout_truncated else f" of {len(run.stdout):,} bytes"
        notes.append(f"output truncated: the first {SHOWN // 1024} KiB{of} shown")
    return CallOutput(
        CallStatus.OK if ended is None else CallStatus.ERROR,
        value=run.stdout[:SHOWN].decode(errors="replace"),
        message="; ".join(notes),
        time=run.cpu_time,
    )


def _outcome(runs: list[RunResult], endings: list[Ending | None], build: Build) -> RunOutcome:
    """Every input's output; ERROR with the first failing input's verdict when one did not end cleanly."""
    failed = next(((number, ended) for number, ended in enumerate(endings, 1) if ended is not None), None)
    return RunOutcome(
        status=RunStatus.OK if failed is None else RunStatus.ERROR,
        outputs=[_output(run, ended) for run, ended in zip(runs, endings, strict=True)],
        time=sum(run.cpu_time for run in runs),
        memory=max((run.memory for run in runs), default=0),
        compile_output=build.compile_output,
        compile_time=build.compile_time,
        verdict=failed[1].verdict if failed else None,
        message=f"{failed[1].reason} on input {failed[0]}" if failed else "",
        stderr=_stderr(runs),
    )


def _stderr(runs: list[RunResult]) -> str:
    """What the program wrote to stderr; with several inputs, each part under `[input N]`. Capped."""
    if len(runs) == 1:
        return runs[0].stderr[:STDERR_KEPT].decode(errors="replace")
    parts = [b"[input %d]\n%s" % (number, run.stderr) for number, run in enumerate(runs, 1) if run.stderr]
    return b"\n".join(parts)[:STDERR_KEPT].decode(errors="replace")
