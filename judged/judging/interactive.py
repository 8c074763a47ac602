"""Interactive problems: the submission and the problem's validator run at once, each in its own jail,
joined by two pipes (the submission's stdout is the validator's stdin and the other way round).

The verdict follows the validator (42 accepted, 43 wrong) and how the
submission ended: a limit it hit is that verdict; a submission that fails
before the validator has accepted is RE; one that never answers runs into its
wall-clock limit (TLE). A validator that exits with anything else is IE.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from pathlib import Path

import msgspec

from judged.judging.function import LIMIT_VERDICTS, out_of_memory
from judged.judging.validators import ACCEPTED, Feedback, OutputValidator, ValidatorFailed
from judged.judging.verdicts import Verdict
from judged.problems.io_model import IoTest
from judged.sandbox import RunRequest, RunResult, Sandbox, Status


class Interaction(msgspec.Struct, frozen=True):
    verdict: Verdict
    message: str
    run: RunResult


async def run_interactive(
    sandbox: Sandbox, submission: RunRequest, validator: OutputValidator, test: IoTest, flags: tuple[str, ...],
    *, memory_mib: int,
) -> tuple[Interaction, Feedback | None]:  # fmt: skip
    """Run the submission against the validator on one test."""
    to_validator_r, to_validator_w = os.pipe2(os.O_CLOEXEC)
    to_submission_r, to_submission_w = os.pipe2(os.O_CLOEXEC)
    sub_request = msgspec.structs.replace(submission, extra_fds={0: to_submission_r, 1: to_validator_w})
    stop_submission = asyncio.Event()
    with validator.feedback_dir() as feedback_dir:
        wall = submission.limits.wall + 5
        val_request = msgspec.structs.replace(
            validator.request(test, flags, feedback_dir, wall=wall), extra_fds={0: to_validator_r, 1: to_submission_w}
        )
        sub = asyncio.ensure_future(_run(sandbox, sub_request, (to_submission_r, to_validator_w), stop_submission))
        val = asyncio.ensure_future(_run(sandbox, val_request, (to_validator_r, to_submission_w), None))
        val.add_done_callback(lambda task: _stop_on_reject(task, stop_submission))
        done, _ = await asyncio.wait((sub, val), return_when=asyncio.FIRST_COMPLETED)
        submission_first = sub in done and val not in done
        sub_result, val_result = await sub, await val
        if val_result.status is Status.IE or sub_result.status is Status.IE:
            raise ValidatorFailed(f"the sandbox failed: {val_result.message or sub_result.message}")
        feedback = _judgement(validator, val_result, feedback_dir, sub_result)
    return _verdict(sub_result, feedback, submission_first=submission_first, memory_mib=memory_mib), feedback


async def _run(sandbox: Sandbox, request: RunRequest, ours: tuple[int, int], stop: asyncio.Event | None) -> RunResult:
    """One side's run; our copies of its pipe ends close once its jail holds them (or it failed to start)."""
    started = asyncio.Event()
    run = asyncio.ensure_future(sandbox.run(request, stop=stop, started=started))
    try:
        waiter = asyncio.ensure_future(started.wait())
        await asyncio.wait((run, waiter), return_when=asyncio.FIRST_COMPLETED)
        waiter.cancel()
    finally:
        for fd in ours:
            with contextlib.suppress(OSError):
                os.close(fd)
    return await run


def _stop_on_reject(task: asyncio.Future[RunResult], stop: asyncio.Event) -> None:
    """Once the validator has rejected (or failed), the submission's run is over."""
    if task.cancelled() or task.exception() is not None or task.result().exit_code != ACCEPTED:
        stop.set()


def _judgement(validator: OutputValidator, result: RunResult, feedback_dir: Path, sub: RunResult) -> Feedback | None:
    """The validator's 42 or 43 with its feedback; None when it failed because the submission did."""
    try:
        return validator.judgement(result, feedback_dir)
    except ValidatorFailed:
        if sub.status in (Status.RE, Status.SV, Status.TLE, Status.MLE, Status.OLE) and not sub.stopped:
            return None  # a validator that trips over a dead submission's pipe: the submission's verdict
        raise


def _verdict(sub: RunResult, feedback: Feedback | None, *, submission_first: bool, memory_mib: int) -> Interaction:
    limit = LIMIT_VERDICTS.get(sub.status)
    if limit is not None and not sub.stopped:
        return Interaction(limit, sub.message, sub)
    crashed = sub.status in (Status.RE, Status.SV) and not sub.stopped
    if crashed and (submission_first or feedback is None or feedback.accepted):
        memory = out_of_memory(sub, memory_mib)
        return Interaction(Verdict.MLE if memory else Verdict.RE, sub.message or "runtime error", sub)
    assert feedback is not None  # a failed validator without a failed submission raised
    if not feedback.accepted:
        return Interaction(Verdict.WA, feedback.message or "wrong answer", sub)
    return Interaction(Verdict.AC, feedback.message, sub)
