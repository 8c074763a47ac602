"""Each problem's acceptance, from the submissions database: submissions, accepted ones, who solved it, who tried.

What a problem list shows beside each problem ("Acceptance 41.2 %", LeetCode's accepted submissions over
all submissions). One GROUP BY over the finished submissions, run by each host at most once per
`REFRESH` seconds (concurrent askers share the one read): the counts move slowly and a list is asked
for often.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import msgspec
import sqlalchemy as sa

from judged.judging.verdicts import Verdict
from judged.store.database import Database
from judged.store.database_schema import submissions as table

__all__ = ["REFRESH", "AcceptanceCounts", "ProblemAcceptance"]

REFRESH = 60.0
"""Seconds a host serves the counts before it reads them again."""


class ProblemAcceptance(msgspec.Struct, frozen=True):
    """One problem's finished submissions (practice and contests alike)."""

    problem: str
    submissions: int
    accepted: int
    """Submissions accepted: acceptance is accepted / submissions."""
    solvers: int
    """Participants with an accepted submission."""
    tried: int
    """Participants with any submission."""


@dataclass
class AcceptanceCounts:
    """This host's copy of every problem's acceptance, read from the database at most every `refresh` s."""

    database: Database
    refresh: float = REFRESH
    clock: Callable[[], float] = time.monotonic
    _held: tuple[float, list[ProblemAcceptance]] | None = None
    _reading: asyncio.Future[list[ProblemAcceptance]] | None = field(default=None, repr=False)

    async def all(self) -> list[ProblemAcceptance]:
        """Every problem with at least one finished submission, by problem id."""
        held = self._held
        if held is not None and self.clock() - held[0] < self.refresh:
            return held[1]
        if self._reading is None:
            self._reading = asyncio.ensure_future(self._read())
            self._reading.add_done_callback(lambda _: setattr(self, "_reading", None))
        return await asyncio.shield(self._reading)

    async def _read(self) -> list[ProblemAcceptance]:
        accepted = table.c.verdict == Verdict.AC.value
        statement = (
            sa.select(
                table.c.problem,
                sa.func.count().label("submissions"),
                sa.func.sum(sa.case((accepted, 1), else_=0)).label("accepted"),
                sa.func.count(sa.distinct(sa.case((accepted, table.c.user_id), else_=None))).label("solvers"),
                sa.func.count(sa.distinct(table.c.user_id)).label("tried"),
            )
            .group_by(table.c.problem)
            .order_by(table.c.problem)
        )
        async with self.database.engine.connect() as connection:
            rows = (await connection.execute(statement)).all()
        found = [
            ProblemAcceptance(
                row.problem, int(row.submissions), int(row.accepted or 0), int(row.solvers), int(row.tried)
            )
            for row in rows
        ]
        self._held = (self.clock(), found)
        return found
