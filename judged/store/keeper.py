"""Where a submission lives: in Redis while hot, in the submissions database for ever after.

A finished submission is written to the database (idempotently, by id) and only
then is its Redis hash given an expiry of `hot_seconds`: whenever Redis no longer
has it, the database does. Reads try Redis first and the database after. A
rejudge of a submission that has left Redis writes its hash back first, so the
queue and the worker see it as they see any other.
"""

from __future__ import annotations

import asyncio
import logging

from judged.store.archive import SubmissionArchive
from judged.store.submissions import Kind, Submission, SubmissionStatus, SubmissionStore

__all__ = ["ARCHIVE_TRIES", "SubmissionKeeper"]

log = logging.getLogger(__name__)

ARCHIVE_TRIES = 3
"""Writes tried at once before the worker leaves the entry pending (it comes back after the visibility timeout)."""
_ARCHIVE_BACKOFF = 0.25


class SubmissionKeeper:
    """The Redis store and the archive together, with the one rule of which holds what."""

    def __init__(self, store: SubmissionStore, archive: SubmissionArchive, hot_seconds: int) -> None:
        if hot_seconds < 1:
            raise ValueError("hot_seconds must be at least 1")
        self.store = store
        self.archive = archive
        self.hot_seconds = hot_seconds

    async def get(self, submission_id: str) -> Submission | None:
        """The submission from Redis while it is hot, else from the database; None if neither has it."""
        hot = await self.store.get(submission_id)
        if hot is not None:
            return hot
        return await self.archive.get(submission_id)

    async def archive_finished(self, submission_id: str) -> bool:
        """Write a finished submission to the database, then let its hash expire. False if there was nothing to do.

        Raises when the database cannot be written after ARCHIVE_TRIES tries: the caller must not
        ack (the entry stays pending and is handed over again, finished, to try once more).
        """
        submission = await self.store.get(submission_id)
        if (
            submission is None
            or submission.kind is not Kind.SUBMISSION
            or submission.status is not SubmissionStatus.FINISHED
        ):
            return False
        for attempt in range(1, ARCHIVE_TRIES + 1):
            try:
                await self.archive.put(submission)
                break
            except Exception:
                if attempt == ARCHIVE_TRIES:
                    raise
                log.warning("submission %s: the database write failed (try %d); trying again", submission_id, attempt)
                await asyncio.sleep(_ARCHIVE_BACKOFF * attempt)
        await self.store.expire_finished(submission_id, self.hot_seconds)
        log.info("submission %s archived; hot in Redis for %d s more", submission_id, self.hot_seconds)
        return True

    async def archive_kept_for_ever(self) -> int:
        """Archive the finished submissions an older judged left in Redis with no expiry; how many.

        Run once at start on worker hosts after an upgrade: afterwards Redis keeps them only while hot.
        """
        count = 0
        async for submission_id in self.store.kept_for_ever():
            if await self.archive_finished(submission_id):
                count += 1
        if count:
            log.info("%d finished submissions from before the database archived", count)
        return count

    async def rejudge(self, submission: Submission) -> bool:
        """Queue a finished submission again, from the database if Redis no longer has it; False if not finished."""
        if submission.status is SubmissionStatus.FINISHED and await self.store.restore(submission, self.hot_seconds):
            log.info("submission %s brought back from the database for a rejudge", submission.id)
        return await self.store.rejudge(submission)
