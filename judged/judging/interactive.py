"""Interactive problems: the submission and the problem's validator run at once, each in its own jail,
joined by two pipes (the submission's stdout is the validator's stdin and the other way round).

The verdict follows problemtools: a limit the submission hit is that verdict;
a validator that rejects (43) before the submission ended decides, whatever
the submission then did; otherwise a crash is RE, and else the validator's
42 or 43 stands (a submission that exits at once is the validator's call).
A validator that fails after the submission ended, or of a broken pipe, is
the submission's failure (WA when it exited cleanly); otherwise it is IE.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from pathlib import Path

import msgspec

from judged.judging.outcome import LIMIT_VERDICTS, classify
from judged.judging.validators import ACCEPTED, Feedback, OutputValidator, ValidatorFailed
from judged.judging.verdicts import Verdict
from judged.problems.io_model import IoTest
from judged.sandbox import RunRequest, RunResult, Sandbox, Status

END_FD = 9
"""The descriptor, inside each jail, that tells the judge when the program ended (`_EndWatch`)."""


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
    sub_end, val_end = _EndWatch(), _EndWatch()
    sub_request = msgspec.structs.replace(
        submission, extra_fds={0: to_submission_r, 1: to_validator_w, END_FD: sub_end.write_end}
    )
    stop_submission = asyncio.Event()
    with validator.feedback_dir() as feedback_dir, sub_end, val_end:
        wall = submission.limits.wall + 5
        val_request = msgspec.structs.replace(
            validator.request(test, flags, feedback_dir, wall=wall),
            extra_fds={0: to_validator_r, 1: to_submission_w, END_FD: val_end.write_end},
        )
        sub_fds = (to_submission_r, to_validator_w, sub_end.write_end)
        sub = asyncio.ensure_future(_run(sandbox, sub_request, sub_fds, stop_submission))
        val_fds = (to_validator_r, to_submission_w, val_end.write_end)
        val = asyncio.ensure_future(_run(sandbox, val_request, val_fds, None))
        val.add_done_callback(lambda task: _stop_on_reject(task, stop_submission, sub_end))
        sub_result, val_result = await sub, await val
        if val_result.status is Status.IE or sub_result.status is Status.IE:
            raise ValidatorFailed(f"the sandbox failed: {val_result.message or sub_result.message}")
        # Which program ended first, to the moment (when both end at once the order their jails' results
        # arrive in says nothing); a submission stopped by us, or killed by the pipe the validator closed,
        # ended after it. A stop that reached a submission whose jail had already ended (a loaded host
        # handles the exit late) stopped nothing.
        if sub_result.stopped and sub_end.before(val_end):
            sub_result = msgspec.structs.replace(sub_result, stopped=False)
        validator_first = val_end.before(sub_end)
        submission_first = not validator_first and not sub_result.stopped and not _broken_pipe(sub_result)
        feedback = _judgement(validator, val_result, feedback_dir, sub_result, submission_first=submission_first)
    return _verdict(sub_result, feedback, submission_first=submission_first, memory_mib=memory_mib), feedback


async def _run(sandbox: Sandbox, request: RunRequest, ours: tuple[int, ...], stop: asyncio.Event | None) -> RunResult:
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


class _EndWatch:
    """When a jailed program ended, to the moment: it holds the write end of a pipe (as `END_FD`) that
    nothing else holds, so the read end here sees end-of-file as soon as the program and its children end."""

    def __init__(self) -> None:
        self.read_end, self.write_end = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
        self.ended: float | None = None
        self._loop = asyncio.get_running_loop()

    def __enter__(self) -> _EndWatch:
        self._loop.add_reader(self.read_end, self._readable)
        return self

    def __exit__(self, *exc: object) -> None:
        """The write end is the run's to close (`_run`), once its jail holds it."""
        self._loop.remove_reader(self.read_end)
        os.close(self.read_end)

    def _readable(self) -> None:
        with contextlib.suppress(BlockingIOError):
            if os.read(self.read_end, 64) == b"" and self.ended is None:
                self.ended = self._loop.time()
                self._loop.remove_reader(self.read_end)

    def before(self, other: _EndWatch) -> bool:
        return self.ended is not None and (other.ended is None or self.ended < other.ended)


def _stop_on_reject(task: asyncio.Future[RunResult], stop: asyncio.Event, submission: _EndWatch) -> None:
    """Once the validator has rejected (or failed), the submission's run is over (unless it already is)."""
    if submission.ended is not None:
        return
    if task.cancelled() or task.exception() is not None or task.result().exit_code != ACCEPTED:
        stop.set()


def _judgement(
    validator: OutputValidator, result: RunResult, feedback_dir: Path, sub: RunResult, *, submission_first: bool
) -> Feedback | None:
    """The validator's 42 or 43 with its feedback; None when it failed because the submission did: the
    submission ended first (or failed), or the validator was killed by a broken pipe (writing to a
    submission that had gone)."""
    try:
        return validator.judgement(result, feedback_dir)
    except ValidatorFailed:
        failed = sub.status in (Status.RE, Status.SV, Status.TLE, Status.MLE, Status.OLE)
        if not sub.stopped and (submission_first or failed or _broken_pipe(result)):
            return None
        raise


def _broken_pipe(result: RunResult) -> bool:
    """Killed by SIGPIPE, or died of EPIPE (Python's BrokenPipeError, C++'s and Java's "Broken pipe")."""
    return result.signal == signal.SIGPIPE or any(
        marker in result.stderr[-4096:] for marker in (b"Broken pipe", b"BrokenPipeError", b"EPIPE")
    )


def _verdict(sub: RunResult, feedback: Feedback | None, *, submission_first: bool, memory_mib: int) -> Interaction:
    """problemtools' order: a limit the submission hit; a validator that rejected before the submission
    ended (whatever the submission then did); the submission's own crash; else the validator's verdict (a
    submission that exits at once with no output is the validator's call, typically WA)."""
    limit = LIMIT_VERDICTS.get(sub.status)
    if limit is not None and not sub.stopped:  # a limit is the submission's own doing, never the validator's
        return Interaction(limit, sub.message, sub)
    if feedback is not None and not feedback.accepted and not submission_first:
        return Interaction(Verdict.WA, feedback.message or "wrong answer", sub)
    ending = classify(sub, memory_mib) if sub.status in (Status.RE, Status.SV) and not sub.stopped else None
    if ending is not None:
        return Interaction(ending.verdict, ending.reason, sub)
    if feedback is None:
        return Interaction(Verdict.WA, "the submission ended before the interaction was over", sub)
    if not feedback.accepted:
        return Interaction(Verdict.WA, feedback.message or "wrong answer", sub)
    return Interaction(Verdict.AC, feedback.message, sub)
