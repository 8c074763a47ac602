"""Worker slots: claim a submission, judge it, record the result, ack the queue entry.

A verdict is final: once judged (AC, WA, ..., or an IE that is nobody's retry, such
as a problem that does not exist) the submission is finished and its entry acked.
An infrastructure failure (anything raised while judging, or an IE result from
the sandbox) is not acked: the entry stays pending and the queue hands it to a
slot again after its visibility timeout. On the queue's last attempt the slot
finishes the submission as IE itself, with the failure's message, instead of
leaving it for one more timeout. While a slot judges, it keeps its claim fresh,
so a judgement longer than the visibility timeout is not taken over while alive.

Runs (POST /v1/runs) go through the same queue: the slot runs the code on the
inputs and records the outputs, with the expected ones beside them.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import enum
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import msgspec

from judged.judging.caps import cap_text, capped_result
from judged.judging.progress import Progress
from judged.judging.reports import RUN_REPORT_ENCODER, RunReport, capped_report
from judged.judging.runs import RunStatus
from judged.judging.service import CannotJudge, Judge
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems import Problem
from judged.sandbox import pin_slot
from judged.store.queue import Claim, Queue
from judged.store.submissions import Kind, Submission, SubmissionNotFound, SubmissionStatus, SubmissionStore

log = logging.getLogger(__name__)

# How long a slot waits for Redis again after a claim failed (Redis down, connection reset).
_CLAIM_RETRY_SECONDS = 1.0
# Test progress is published at most this often per submission (a function problem's 100 tests take
# milliseconds; a client watching needs a few updates a second, Redis need not see a hundred).
TEST_EVENT_INTERVAL = 0.1

ProblemSource = Callable[[str], Awaitable[Problem | None]]


class WorkerMetrics:
    """What a worker reports as it goes; the daemon's metrics subclass this. The base ignores everything."""

    def slot_busy(self, busy: bool) -> None:
        """A slot started (True) or ended (False) a judgement."""

    def finished(self, verdict: str, latency: float, judging: float) -> None:
        """A submission finished: its verdict, seconds since it was created, seconds its judging took."""

    def infrastructure_failure(self) -> None:
        """A judgement failed for the judge's reasons (sandbox, Redis): it will be retried or become IE."""


class Worker:
    """`slots` judging loops sharing one queue, store and judge; each slot is one consumer of the group."""

    def __init__(
        self,
        queue: Queue,
        store: SubmissionStore,
        judge: Judge,
        problems: ProblemSource,
        *,
        slots: int,
        consumer_prefix: str,
        block_ms: int = 500,
        metrics: WorkerMetrics | None = None,
        after_finish: Callable[[str], Awaitable[None]] | None = None,
        archive: Callable[[str], Awaitable[object]] | None = None,
    ) -> None:
        if slots < 1 or block_ms < 1:
            raise ValueError("a worker needs at least one slot and a positive block_ms")
        self._queue = queue
        self._store = store
        self._judge = judge
        self._problems = problems
        self.slots = slots
        self.consumer_prefix = consumer_prefix
        self._block_ms = block_ms  # short, so that a slot sees a stale entry or a stop promptly
        self._metrics = metrics or WorkerMetrics()
        # Runs after every finish, before the ack (the leaderboard update); idempotent, retried by redelivery.
        self._after_finish = after_finish
        # Runs after every finish, first: the submission into the database (by id); raising leaves it pending.
        self._archive = archive
        self._tasks: list[asyncio.Task[None]] = []
        self._recording: set[asyncio.Task[None]] = set()  # leaderboard updates and acks after a finish
        self._stopping = False

    async def run(self) -> None:
        """Make sure the consumer group exists, then start the slots; returns once they run (see `stop`)."""
        if self._tasks:
            raise RuntimeError("the worker is already running")
        await self._queue.ensure_group()
        self._stopping = False
        for number in range(1, self.slots + 1):
            consumer = f"{self.consumer_prefix}-{number}"
            self._tasks.append(asyncio.create_task(self._slot(consumer, number - 1), name=f"worker slot {consumer}"))
        log.info("worker started %d slots (%s-1..%d)", self.slots, self.consumer_prefix, self.slots)

    async def stop(self, grace: float = 0.0) -> None:
        """Stop claiming; let judgements in progress finish for up to `grace` seconds, then cancel the rest.

        A submission whose judgement is cancelled stays pending and is redelivered after the visibility timeout.
        """
        tasks, self._tasks = self._tasks, []
        self._stopping = True
        pending = set(tasks)
        if pending and grace > 0:
            _, pending = await asyncio.wait(pending, timeout=grace)
            if pending:
                log.warning("%d slot(s) still judging after %.0f s; cancelled, their submissions redelivered",
                            len(pending), grace)  # fmt: skip
        while pending:
            # Again and again: Python 3.11's wait_for (inside redis-py) can swallow a cancellation.
            for task in pending:
                task.cancel()
            _, pending = await asyncio.wait(pending, timeout=1.0)
        if self._recording:  # finished submissions' acks: short, and an unacked one only comes back
            await asyncio.wait(set(self._recording), timeout=10.0)
        log.info("worker stopped %d slots", len(tasks))

    async def _slot(self, consumer: str, index: int) -> None:
        pin_slot(index)  # this slot's runs on core index mod the usable cores (judged/sandbox/pinning.py)
        while not self._stopping:
            try:
                claim = await self._queue.claim(consumer, self._block_ms)
            except Exception:
                log.exception("slot %s: claiming failed; trying again in %.0fs", consumer, _CLAIM_RETRY_SECONDS)
                await asyncio.sleep(_CLAIM_RETRY_SECONDS)
                continue
            if claim is None:
                continue
            if self._stopping:  # claimed as the stop came: left pending, redelivered
                return
            self._metrics.slot_busy(True)
            try:
                async with self._keep_claimed(consumer, claim):
                    await self._process(consumer, claim)
            except Exception:
                # Recording failed (Redis gone mid-way): the entry is still pending and will come back.
                self._metrics.infrastructure_failure()
                log.exception("slot %s: submission %s left pending after an error", consumer, claim.submission_id)
            finally:
                self._metrics.slot_busy(False)

    @contextlib.asynccontextmanager
    async def _keep_claimed(self, consumer: str, claim: Claim) -> AsyncIterator[None]:
        """Refresh the claim every third of the visibility timeout while the body runs."""

        async def refresh() -> None:
            interval = self._queue.visibility_timeout_ms / 3000
            while True:
                await asyncio.sleep(interval)
                try:
                    await self._queue.touch(claim, consumer)
                except Exception:
                    log.warning("slot %s: could not refresh the claim on %s", consumer, claim.submission_id)

        task = asyncio.create_task(refresh(), name=f"claim refresh {claim.submission_id}")
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _process(self, consumer: str, claim: Claim) -> None:
        sid = claim.submission_id
        if claim.finished:
            await self._done(claim)
            return
        log.info("slot %s claimed submission %s (attempt %d)", consumer, sid, claim.attempt)
        submission = await self._ready(claim)
        if submission is None:
            await self._done(claim)
            log.info("submission %s acked without judging", sid)
            return
        started = time.monotonic()
        try:
            outcome = await self._work(submission)
        except CannotJudge as exc:  # final: recorded, then acked like any result
            await self._final_error(claim, str(exc))
            self._after(claim)
            return
        except Exception as exc:
            log.exception("submission %s: judging failed on attempt %d", sid, claim.attempt)
            await self._infrastructure_failure(claim, f"the judge failed: {type(exc).__name__}")
            return
        if isinstance(outcome, JudgeResult):
            if outcome.verdict is Verdict.IE:
                log.error("submission %s: sandbox failure on attempt %d: %s", sid, claim.attempt, outcome.message)
                await self._infrastructure_failure(claim, outcome.message or "the sandbox failed")
                return
            if await self._store.finish(sid, capped_result(outcome), claim.attempt):
                self._metrics.finished(outcome.verdict, time.time() - submission.created, time.monotonic() - started)
        else:
            if outcome.outcome.status is RunStatus.INTERNAL_ERROR:
                log.error("run %s: sandbox failure on attempt %d: %s", sid, claim.attempt, outcome.outcome.message)
                await self._infrastructure_failure(claim, outcome.outcome.message or "the sandbox failed")
                return
            await self._store.finish_run(sid, RUN_REPORT_ENCODER.encode(capped_report(outcome)), claim.attempt)
        # The result is stored and waiters are told; what follows (the leaderboard, the ack) runs beside
        # the slot's next judgement. If it fails, the entry stays pending and comes back (finished).
        self._after(claim)

    def _after(self, claim: Claim) -> None:
        task = asyncio.create_task(self._done_logged(claim), name=f"after {claim.submission_id}")
        self._recording.add(task)
        task.add_done_callback(self._recording.discard)

    async def _done_logged(self, claim: Claim) -> None:
        try:
            await self._done(claim)
        except Exception:
            self._metrics.infrastructure_failure()
            log.exception("submission %s: recording after the finish failed; left pending", claim.submission_id)
        else:
            log.info("submission %s acked", claim.submission_id)

    async def _done(self, claim: Claim) -> None:
        """What follows a finish (when the submission is finished at all), then the ack."""
        if self._archive is not None:
            await self._archive(claim.submission_id)
        if self._after_finish is not None:
            await self._after_finish(claim.submission_id)
        await self._queue.ack(claim)

    async def _ready(self, claim: Claim) -> Submission | None:
        """The submission, marked compiling; None when there is nothing left to do (gone or finished)."""
        sid = claim.submission_id
        submission = await self._store.get(sid)
        if submission is None:
            log.warning("submission %s is gone; nothing to judge", sid)
            return None
        try:
            if not await self._store.set_status(sid, SubmissionStatus.COMPILING):
                log.info("submission %s is already finished; not judged again", sid)
                return None
        except SubmissionNotFound:
            log.warning("submission %s vanished before judging", sid)
            return None
        return submission

    async def _work(self, submission: Submission) -> JudgeResult | RunReport:
        """The result; CannotJudge when nobody can judge it here on any attempt (a final IE)."""
        problem = await self._problems(submission.problem)
        if problem is None:
            raise CannotJudge(f"unknown problem {submission.problem!r}")
        self._judge.language(submission.language)
        kind = "run" if submission.kind is Kind.RUN else "judging"
        log.info("submission %s %s: problem %s, %s", submission.id, kind, problem.slug, submission.language)
        if submission.kind is Kind.RUN:
            return await self._judge.run(
                problem, submission.language, submission.code, submission.inputs,
                reference_output=submission.reference_output,
            )  # fmt: skip
        progress = _Publisher(self._store, submission.id)
        try:
            return await self._judge.judge_problem(problem, submission.language, submission.code, progress=progress)
        finally:
            await progress.close()

    async def _final_error(self, claim: Claim, message: str) -> None:
        """An IE that another attempt cannot fix: finish now, never retried."""
        log.error("submission %s cannot be judged: %s", claim.submission_id, message)
        await self._store.fail(claim.submission_id, cap_text(message), claim.attempt)

    async def _infrastructure_failure(self, claim: Claim, message: str) -> None:
        """Leave the entry pending for redelivery; on the last attempt finish as IE and ack instead."""
        sid = claim.submission_id
        self._metrics.infrastructure_failure()
        if claim.attempt < self._queue.max_attempts:
            log.warning(
                "submission %s left pending; redelivered after %d ms (attempt %d of %d)",
                sid,
                self._queue.visibility_timeout_ms,
                claim.attempt,
                self._queue.max_attempts,
            )
            return
        message = f"judging failed {claim.attempt} times; last: {message}"
        log.error("submission %s: %s; finished as IE", sid, message)
        await self._store.fail(sid, cap_text(message), claim.attempt)
        await self._done(claim)


class _EventKind(enum.Enum):
    RUNNING = enum.auto()  # judging started: the number of tests
    TEST = enum.auto()  # a test is done: the counts so far
    END = enum.auto()  # judging ended: send what is held, then stop


class _Event(msgspec.Struct, frozen=True):
    kind: _EventKind
    index: int = 0
    total: int = 0
    verdict: str = ""
    passed: int = 0


class _Publisher(Progress):
    """Progress hooks that record and publish events from their own task, in order, coalescing a backlog of tests."""

    def __init__(self, store: SubmissionStore, submission_id: str) -> None:
        self._store = store
        self._id = submission_id
        self._passed = 0
        self._pending: collections.deque[_Event] = collections.deque()
        self._wake = asyncio.Event()
        self._task = asyncio.create_task(self._send(), name=f"progress of {submission_id}")

    def running(self, total: int) -> None:
        self._put(_Event(_EventKind.RUNNING, total=total))

    def test_done(self, index: int, total: int, verdict: Verdict) -> None:
        self._passed += verdict is Verdict.AC
        self._put(_Event(_EventKind.TEST, index, total, verdict.value, self._passed))

    async def close(self) -> None:
        """Send what is queued (bounded), then stop."""
        self._put(_Event(_EventKind.END))
        try:
            async with asyncio.timeout(5):
                await asyncio.shield(self._task)
        except TimeoutError:
            self._task.cancel()

    def _put(self, event: _Event) -> None:
        self._pending.append(event)
        self._wake.set()

    async def _send(self) -> None:
        held: _Event | None = None  # the newest test event not yet sent
        last_test = -TEST_EVENT_INTERVAL
        while True:
            wait = None if held is None else max(0.0, TEST_EVENT_INTERVAL - (time.monotonic() - last_test))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await self._wake.wait()
            self._wake.clear()
            while self._pending:
                event = self._pending.popleft()
                if event.kind is _EventKind.TEST:
                    held = event  # only the newest count matters
                elif event.kind is _EventKind.END:
                    if held is not None:  # the final count, so the stored progress ends complete
                        await self._publish(held)
                    return
                else:
                    await self._publish(event)
            if held is not None and time.monotonic() - last_test >= TEST_EVENT_INTERVAL:
                await self._publish(held)
                held, last_test = None, time.monotonic()

    async def _publish(self, event: _Event) -> None:
        try:
            if event.kind is _EventKind.RUNNING:
                await self._store.set_status(self._id, SubmissionStatus.RUNNING, total=event.total)
            else:
                await self._store.test_done(self._id, event.index, event.total, event.verdict, event.passed)
        except Exception:
            log.warning("submission %s: progress not recorded", self._id, exc_info=True)
