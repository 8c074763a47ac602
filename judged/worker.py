"""Worker slots: claim a submission, judge it, record the result, ack the queue entry.

A verdict is final: once judged (AC, WA, ..., or an IE that is nobody's retry, such
as a problem that does not exist) the submission is finished and its entry acked.
An infrastructure failure (anything raised while judging, or an IE result from
the sandbox) is not acked: the entry stays pending and the queue hands it to a
slot again after its visibility timeout. On the queue's last attempt the slot
finishes the submission as IE itself, with the failure's message, instead of
leaving it for one more timeout.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from judged.judging.service import Judge, LanguageUnavailable
from judged.judging.tasks import function_task
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems import Problem
from judged.store.queue import Claim, Queue
from judged.store.submissions import Status, SubmissionNotFound, SubmissionStore

log = logging.getLogger(__name__)

# How long a slot waits for Redis again after a claim failed (Redis down, connection reset).
_CLAIM_RETRY_SECONDS = 1.0


class Worker:
    """`slots` judging loops sharing one queue, store and judge; each slot is one consumer of the group."""

    def __init__(
        self,
        queue: Queue,
        store: SubmissionStore,
        judge: Judge,
        problems: Callable[[str], Problem | None],
        *,
        slots: int,
        consumer_prefix: str,
        block_ms: int = 500,
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
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = False

    async def run(self) -> None:
        """Make sure the consumer group exists, then start the slots; returns once they run (see `stop`)."""
        if self._tasks:
            raise RuntimeError("the worker is already running")
        await self._queue.ensure_group()
        self._stopping = False
        for number in range(1, self.slots + 1):
            consumer = f"{self.consumer_prefix}-{number}"
            self._tasks.append(asyncio.create_task(self._slot(consumer), name=f"worker slot {consumer}"))
        log.info("worker started %d slots (%s-1..%d)", self.slots, self.consumer_prefix, self.slots)

    async def stop(self) -> None:
        """Cancel every slot and wait for it. A submission being judged stays pending and is redelivered."""
        tasks, self._tasks = self._tasks, []
        self._stopping = True
        pending = set(tasks)
        while pending:
            # Again and again: Python 3.11's wait_for (inside redis-py) can swallow a cancellation.
            for task in pending:
                task.cancel()
            _, pending = await asyncio.wait(pending, timeout=1.0)
        log.info("worker stopped %d slots", len(tasks))

    async def _slot(self, consumer: str) -> None:
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
            try:
                await self._process(consumer, claim)
            except Exception:
                # Recording failed (Redis gone mid-way): the entry is still pending and will come back.
                log.exception("slot %s: submission %s left pending after an error", consumer, claim.submission_id)

    async def _process(self, consumer: str, claim: Claim) -> None:
        sid = claim.submission_id
        log.info("slot %s claimed submission %s (attempt %d)", consumer, sid, claim.attempt)
        try:
            result = await self._judgement(claim)
        except Exception as exc:
            log.exception("submission %s: judging failed on attempt %d", sid, claim.attempt)
            await self._infrastructure_failure(claim, f"the judge failed: {type(exc).__name__}")
            return
        if result is None:
            await self._queue.ack(claim)
            log.info("submission %s acked without judging", sid)
            return
        if result.verdict is Verdict.IE:
            log.error("submission %s: sandbox failure on attempt %d: %s", sid, claim.attempt, result.message)
            await self._infrastructure_failure(claim, result.message or "the sandbox failed")
            return
        await self._store.finish(sid, result, claim.attempt)
        await self._queue.ack(claim)
        log.info("submission %s acked (%s)", sid, result.verdict)

    async def _judgement(self, claim: Claim) -> JudgeResult | None:
        """The judge's result; None when there is nothing left to judge (gone, finished, or a final IE recorded)."""
        sid = claim.submission_id
        submission = await self._store.get(sid)
        if submission is None:
            log.warning("submission %s is gone; nothing to judge", sid)
            return None
        try:
            if not await self._store.set_status(sid, Status.COMPILING):
                log.info("submission %s is already finished; not judged again", sid)
                return None
        except SubmissionNotFound:
            log.warning("submission %s vanished before judging", sid)
            return None
        problem = self._problems(submission.problem)
        if problem is None:
            await self._final_error(claim, f"unknown problem {submission.problem!r}")
            return None
        try:
            self._judge.language(submission.language)
        except LanguageUnavailable as exc:
            await self._final_error(claim, str(exc))
            return None
        log.info("submission %s judging: problem %s, %s", sid, problem.slug, submission.language)
        return await self._judge.judge_function(function_task(problem), submission.language, submission.code)

    async def _final_error(self, claim: Claim, message: str) -> None:
        """An IE that another attempt cannot fix: finish now, never retried."""
        log.error("submission %s cannot be judged: %s", claim.submission_id, message)
        await self._store.fail(claim.submission_id, message, claim.attempt)

    async def _infrastructure_failure(self, claim: Claim, message: str) -> None:
        """Leave the entry pending for redelivery; on the last attempt finish as IE and ack instead."""
        sid = claim.submission_id
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
        await self._store.fail(sid, message, claim.attempt)
        await self._queue.ack(claim)
