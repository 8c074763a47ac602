"""The `Competitions` service: competitions read through this host's caches, admission, the board hooks.

Competitions are read from Redis at most once a second per host (the submit path reads one for
every submission); the problem locks from the current competitions likewise. Errors are the
domain's own (`judged.competitions.errors`); the API maps them to HTTP.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from judged.competitions.board import Boards
from judged.competitions.errors import CompetitionNotFound, UnknownProblems
from judged.store.competitions import Competition, CompetitionStore, ProblemLocks, admit, problem_locks
from judged.store.leaderboard import Leaderboard
from judged.store.page_cache import PageCache
from judged.store.submissions import Kind, Submission

__all__ = ["COMPETITION_TTL", "Competitions"]

log = logging.getLogger(__name__)

COMPETITION_TTL = 1.0
"""Seconds a host keeps a competition read from Redis (the submit path reads it for every submission)."""


@dataclass
class Competitions:
    """The competition store, the leaderboard and this host's caches of both: competitions, board snapshots, pages."""

    store: CompetitionStore
    leaderboard: Leaderboard
    boards: Boards
    pages: PageCache = field(default_factory=PageCache)
    _cached: dict[str, tuple[float, Competition | None]] = field(default_factory=dict)
    _reading: dict[str, asyncio.Future[Competition | None]] = field(default_factory=dict)
    _current: tuple[float, list[Competition]] | None = None
    _reading_current: asyncio.Future[list[Competition]] | None = None
    _indexed: bool = False

    async def locks(self) -> ProblemLocks:
        """Which problems competitions hide or lock now, from the competitions read at most once a second per host.

        Once read, the last known competitions answer at once while a fresh read runs in the background
        (states are computed for now, so a start or an end is exact; only a new competition waits for the
        read). Before the first read succeeds, a Redis error propagates (the API's 503).
        """
        current = self._current
        if current is None or time.monotonic() - current[0] >= COMPETITION_TTL:
            if self._reading_current is None:
                self._reading_current = asyncio.ensure_future(self._read_current())
                self._reading_current.add_done_callback(self._read_current_done)
            if current is None:
                await asyncio.shield(self._reading_current)
                current = self._current
                assert current is not None
        return problem_locks(current[1])

    def _read_current_done(self, future: asyncio.Future[list[Competition]]) -> None:
        self._reading_current = None
        if not future.cancelled():
            future.exception()  # retrieved: a failed first read is raised to its awaiters, later ones are logged

    async def _read_current(self) -> list[Competition]:
        """Read the current competitions; on a failure keep the last known ones for another interval."""
        try:
            if not self._indexed:
                added = await self.store.index_existing()
                if added:
                    log.info("%d competition(s) stored before the end index were added to it", added)
                self._indexed = True
            competitions = await self.store.current()
        except Exception as exc:
            if self._current is None:
                raise
            log.warning("competitions cannot be read (%s); using the last known ones for a second", exc)
            competitions = self._current[1]
        self._current = (time.monotonic(), competitions)
        return competitions

    def forget(self, competition_id: str) -> None:
        """Read a competition (and the current ones) from Redis again at the next use: this host changed it."""
        self._cached.pop(competition_id, None)
        self._current = None

    async def get(self, competition_id: str) -> Competition | None:
        """The competition, read from Redis at most once a second per host (concurrent readers share one read)."""
        cached = self._cached.get(competition_id)
        if cached is not None and time.monotonic() - cached[0] < COMPETITION_TTL:
            return cached[1]
        reading = self._reading.get(competition_id)
        if reading is None:
            reading = asyncio.ensure_future(self._read(competition_id))
            self._reading[competition_id] = reading
            reading.add_done_callback(lambda _: self._reading.pop(competition_id, None))
        return await asyncio.shield(reading)

    async def _read(self, competition_id: str) -> Competition | None:
        competition = await self.store.get(competition_id)
        if len(self._cached) > 10_000:
            self._cached.clear()
        self._cached[competition_id] = (time.monotonic(), competition)
        return competition

    async def require(self, competition_id: str) -> Competition:
        """The competition, or `CompetitionNotFound`."""
        competition = await self.get(competition_id)
        if competition is None:
            raise CompetitionNotFound(competition_id)
        return competition

    async def check(self, competition_id: str, problem: str) -> None:
        """Raise `CompetitionNotFound` or `NotAdmitted` unless a submission to `problem` counts for it now."""
        admit(await self.require(competition_id), problem)

    async def create(self, competition: Competition, known: Callable[[str], Awaitable[bool]]) -> None:
        """Store a new competition whose problems `known` all knows; `UnknownProblems`, `CompetitionExists`."""
        missing = [entry.problem for entry in competition.problems if not await known(entry.problem)]
        if missing:
            raise UnknownProblems(missing)
        await self.store.create(competition)
        self.forget(competition.id)

    async def finalize(self, competition_id: str) -> Competition:
        """Mark an ended competition's results final: from now on its public board is the live one."""
        competition = await self.store.finalize(competition_id)
        self.forget(competition_id)
        self.pages.clear()
        return competition

    async def created(self, submission: Submission) -> None:
        """Show a new competition submission as pending; the worker records its verdict later."""
        if submission.competition_id is None or submission.kind is not Kind.SUBMISSION:
            return
        try:
            competition = await self.get(submission.competition_id)
            if competition is not None:
                await self.leaderboard.submitted(competition, submission)
        except Exception:  # the submission is queued; its verdict will put it on the board
            log.warning("submission %s: not shown as pending on the board", submission.id, exc_info=True)

    async def finished(self, submission: Submission) -> None:
        """Put a finished competition submission on the board (idempotent: keyed by the submission id)."""
        if submission.competition_id is None or submission.kind is not Kind.SUBMISSION:
            return
        competition = await self.get(submission.competition_id)
        if competition is None:
            log.warning("submission %s names competition %s, which is gone", submission.id, submission.competition_id)
            return
        await self.leaderboard.submitted(competition, submission)
        log.info("submission %s recorded on the board of %s", submission.id, competition.id)
