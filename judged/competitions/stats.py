"""Each problem's solves and attempts in a competition, from this host's board snapshot (the public view).

What an ICPC scoreboard shows under each problem: how many participants solved it, how many tried
it, and how many submissions it got (rejected before the first accept, the accept, and those whose
verdict is not public yet). Counted from the snapshot the board pages are answered from
(judged.competitions.board), never from Redis, and at most once per `REFRESH` seconds per competition
and host: counting walks every participant, so a board of 100,000 is not walked per request.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import msgspec

from judged.competitions.board import Boards
from judged.store.competitions import Competition

__all__ = ["REFRESH", "CompetitionStats", "ProblemStats", "StatsPage", "count"]

REFRESH = 5.0
"""Seconds a competition's counts are served before they are counted again (when the board changed)."""


class ProblemStats(msgspec.Struct, frozen=True):
    """One problem's counts on the public board."""

    label: str
    solved: int
    """Participants who solved it."""
    tried: int
    """Participants with at least one submission to it."""
    submissions: int
    """Submissions counted on the board: rejected ones before the first accept, the accept, the pending."""


class StatsPage(msgspec.Struct, frozen=True):
    competition_id: str
    participants: int
    problems: list[ProblemStats]


def count(labels: Iterable[str], cells: Iterable[str]) -> list[ProblemStats]:
    """Counts per label from participants' compact cells (`A:solved rejected pending time;B:...`)."""
    solved: dict[str, int] = {}
    tried: dict[str, int] = {}
    submissions: dict[str, int] = {}
    for text in cells:
        if not text:
            continue
        for part in text.split(";"):
            label, _, cell = part.partition(":")
            accepted, rejected, pending, _time = cell.split(" ")
            made = int(accepted) + int(rejected) + int(pending)
            if accepted == "1":
                solved[label] = solved.get(label, 0) + 1
            if made:
                tried[label] = tried.get(label, 0) + 1
                submissions[label] = submissions.get(label, 0) + made
    return [
        ProblemStats(label, solved.get(label, 0), tried.get(label, 0), submissions.get(label, 0)) for label in labels
    ]


_Counted = tuple[float, tuple[str, int], "StatsPage"]
"""When a competition was counted (host clock), the board's (epoch, version) then, and the counts."""


@dataclass
class CompetitionStats:
    """This host's counts per competition, from its board snapshots."""

    boards: Boards
    refresh: float = REFRESH
    clock: Callable[[], float] = time.monotonic
    _counted: dict[str, _Counted] = field(default_factory=dict)

    async def page(self, competition: Competition) -> StatsPage:
        board = await self.boards.board(competition, "public")
        version = await self.boards.version(competition)
        held = self._counted.get(competition.id)
        now = self.clock()
        if held is not None and self._current(held, version, now, competition.labels):
            return held[2]
        page = StatsPage(competition.id, len(board), count(competition.labels, board.cells.values()))
        if len(self._counted) > 1000:
            self._counted.clear()
        self._counted[competition.id] = (now, version, page)
        return page

    def _current(self, held: _Counted, version: tuple[str, int], now: float, labels: list[str]) -> bool:
        """Counted from this version of the board, or recently enough, for the problems the competition has."""
        recent = held[1] == version or now - held[0] < self.refresh
        return recent and [problem.label for problem in held[2].problems] == labels
