"""Run mode (POST /v1/runs): a program on the samples or on the participant's own inputs, outputs unscored.

One entry, `run_submission`, for every kind of problem: the samples'
inputs beside their expected outputs, or the given inputs (JSON, read by
the problem's kind: argument lists, a design problem's two lists, stdin
texts) beside what the accepted reference solution gives on them, when the
run may see that (`reference_output`, decided at POST: never for a running
competition's problem). Bad custom inputs are the run's own error, shown to
the participant; nothing here raises for them.

It lives in the judging service (`Judge.run`), not in the worker: the
worker only claims, records and acks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

import msgspec

from judged.judging.function import FunctionTask
from judged.judging.io_runs import NOT_INTERACTIVE, custom_inputs, sample_inputs
from judged.judging.reports import RunReport
from judged.judging.runs import CallStatus, RunOutcome, RunStatus, custom_arguments, custom_operations
from judged.judging.sources import read_program
from judged.judging.tasks import design_task, function_task
from judged.problems.model import DesignProblem, FunctionProblem, IoProblem, Problem

if TYPE_CHECKING:
    from judged.judging.service import Judge

_Input = TypeVar("_Input")
"""One custom input: an argument list (function and design problems) or a stdin text (I/O problems)."""


async def run_submission(
    judge: Judge, problem: Problem, language: str, code: str, inputs: str | None, *, reference_output: bool
) -> RunReport:
    """The run's report: `code` on the samples (`inputs` None) or on `inputs` (the participant's JSON list)."""
    if isinstance(problem, IoProblem):
        return await _run_io(judge, problem, language, code, inputs, reference_output=reference_output)
    read_inputs: Callable[[list[object]], list[list[object]]]
    match problem:
        case FunctionProblem(signature=signature, shape=shape):
            task = function_task(problem)
            read_inputs = lambda given: custom_arguments(given, signature, shape)  # noqa: E731
        case DesignProblem(design=design):
            task = design_task(problem)
            read_inputs = lambda given: custom_operations(given, design)  # noqa: E731
    if inputs is None:
        samples = [case for case in task.cases if case.sample]
        arguments = [case.args for case in samples]
        outcome = await judge.run_function(task, language, code, arguments)
        return RunReport(outcome=outcome, inputs=arguments, expected=[case.output for case in samples])
    return await _custom_run(
        inputs,
        read_inputs,
        lambda arguments: judge.run_function(task, language, code, arguments),
        (lambda arguments: _expected(judge, task, problem, arguments)) if reference_output else None,
    )


async def _custom_run(
    inputs: str,
    read: Callable[[list[object]], list[_Input]],
    run: Callable[[list[_Input]], Awaitable[RunOutcome]],
    expected: Callable[[list[_Input]], Awaitable[tuple[list[object] | None, str]]] | None,
) -> RunReport:
    """A run on the participant's own `inputs` (JSON, `read` by the problem's kind): its report, with what the
    reference solution gives on them when the run may see that (`expected`), or the inputs' error."""
    try:
        given = read(msgspec.json.decode(inputs, type=list[object]))
    except (ValueError, msgspec.DecodeError) as exc:
        return _refused(str(exc))
    outcome = await run(given)
    if expected is None:
        return RunReport(outcome=outcome, inputs=given)
    values, source = await expected(given)
    return RunReport(outcome=outcome, inputs=given, expected=values, expected_from=source)


async def _expected(
    judge: Judge, task: FunctionTask, problem: Problem, arguments: list[list[object]]
) -> tuple[list[object] | None, str]:
    """What the accepted reference solution returns on `arguments`; (None, "") when there is none."""
    reference = judge.reference_solution(problem)
    if reference is None:
        return None, ""
    code = await asyncio.to_thread(reference.path.read_text)
    outcome = await judge.run_function(task, reference.language, code, arguments)
    return [output.value if output.status is CallStatus.OK else None for output in outcome.outputs], reference.path.name


async def _run_io(
    judge: Judge, problem: IoProblem, language: str, code: str, inputs: str | None, *, reference_output: bool
) -> RunReport:
    """An I/O problem's run: the samples' inputs beside their answers, or stdin texts beside the reference's."""
    if problem.io.interactive:
        return _refused(NOT_INTERACTIVE)
    if inputs is None:
        texts, answers = await asyncio.to_thread(sample_inputs, problem)
        outcome = await judge.run_io(problem, language, code, texts)
        return RunReport(outcome=outcome, inputs=texts, expected=list(answers))
    return await _custom_run(
        inputs,
        custom_inputs,
        lambda texts: judge.run_io(problem, language, code, texts),
        (lambda texts: _expected_io(judge, problem, texts)) if reference_output else None,
    )


async def _expected_io(judge: Judge, problem: IoProblem, texts: list[str]) -> tuple[list[object] | None, str]:
    """What the accepted reference solution prints on `texts`; (None, "") when there is none or it did not build."""
    reference = judge.reference_solution(problem)
    if reference is None:
        return None, ""
    code = await asyncio.to_thread(read_program, reference.path)  # a file, or a multi-file program's folder
    outcome = await judge.run_io(problem, reference.language, code, texts)
    if not outcome.outputs:
        return None, ""
    return [output.value if output.status is CallStatus.OK else None for output in outcome.outputs], reference.path.name


def _refused(message: str) -> RunReport:
    return RunReport(outcome=RunOutcome(status=RunStatus.ERROR, outputs=[], message=message), inputs=[])
