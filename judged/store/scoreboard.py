"""The leaderboard's arithmetic, in plain Python: problem cells, the packed score, rows, and the exports.

The Lua scripts of `judged.store.leaderboard_lua` compute the same cells and scores inside
Redis; `standings` here recomputes them from a list of results (what `rebuild` compares
the live board with). docs/leaderboard.md has the rules and the bit layout.

Score packing: one integer below 2^53, so a Redis sorted-set score (a double) holds it
exactly and ZREVRANGE order is rank order, equal keys giving equal scores:

    bits 48..52  solved problems            (0..26)
    bits 20..47  PENALTY_MAX - penalty       (icpc: minutes, capped at PENALTY_MAX; otherwise 0)
    bits  0..19  TIME_MAX - last accept      (whole contest seconds, < 2^20 since duration <= 7 days)
"""

from __future__ import annotations

import csv
import datetime
import io
import math
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import msgspec

from judged.judging.verdicts import Verdict
from judged.store.competitions import Competition

View = Literal["live", "public"]

PENALTY_BITS = 28
TIME_BITS = 20
PENALTY_MAX = (1 << PENALTY_BITS) - 1
TIME_MAX = (1 << TIME_BITS) - 1
SOLVED_SHIFT = PENALTY_BITS + TIME_BITS  # 48
PENDING = "?"  # a submission queued or judging, as the scripts store its verdict
FREE_VERDICTS = frozenset({Verdict.CE.value, Verdict.IE.value})  # cost no penalty, count as no attempt


class Cell(msgspec.Struct, frozen=True):
    """One participant's state on one problem, in one view."""

    solved: bool = False
    rejected: int = 0  # rejected attempts before the first accept
    pending: int = 0  # submissions before the first accept whose verdict is not (publicly) known
    time: float | None = None  # contest seconds of the first accept

    def encode(self) -> str:
        """As stored in the participant's hash: `solved rejected pending time` (time `-` if unsolved)."""
        time = "-" if self.time is None else repr(self.time)
        return f"{int(self.solved)} {self.rejected} {self.pending} {time}"

    @classmethod
    def decode(cls, text: str) -> Cell:
        solved, rejected, pending, time = text.split(" ")
        return cls(solved == "1", int(rejected), int(pending), None if time == "-" else float(time))


class Result(msgspec.Struct, frozen=True):
    """One submission of a competition as stored: `verdict` None while it is queued or judging."""

    submission_id: str
    user_id: str
    label: str
    submitted_at: float  # Unix seconds of arrival
    verdict: Verdict | None = None


class ProblemResult(msgspec.Struct, frozen=True):
    label: str
    solved: bool
    attempts: int  # tries that count: rejected ones before the first accept, plus the accept
    time: int | None  # whole contest seconds of the first accept
    pending: int
    first_to_solve: bool = False


class Row(msgspec.Struct, frozen=True):
    """One line of the leaderboard. `penalty` is in minutes (icpc; 0 under solved-then-time)."""

    rank: int
    user_id: str
    solved: int
    time: int  # whole contest seconds of the last first-accept
    penalty: int
    problems: list[ProblemResult]


def cell_of(entries: Iterable[tuple[float, str, str]], frozen_from: float | None = None) -> Cell:
    """The cell from (contest seconds, submission id, verdict or PENDING) of one participant and problem.

    In time order (ties by id): the first accept solves; CE and IE cost nothing; pending counts
    as pending; anything else is a rejected attempt; what comes after the first accept changes
    nothing. With `frozen_from`, a submission made at or after it is shown as pending.
    """
    rejected = pending = 0
    for seconds, _, verdict in sorted(entries):
        shown = PENDING if frozen_from is not None and seconds >= frozen_from else verdict
        if shown == Verdict.AC.value:
            return Cell(True, rejected, pending, seconds)
        if shown == PENDING:
            pending += 1
        elif shown not in FREE_VERDICTS:
            rejected += 1
    return Cell(False, rejected, pending, None)


def totals(competition: Competition, cells: Iterable[Cell]) -> tuple[int, int, int]:
    """(solved, penalty minutes, last accept whole seconds) of a participant."""
    solved = penalty = last = 0
    for cell in cells:
        if not cell.solved or cell.time is None:
            continue
        solved += 1
        last = max(last, math.floor(cell.time))
        if competition.rule == "icpc":
            penalty += math.floor(cell.time / 60) + competition.penalty_minutes * cell.rejected
    return solved, penalty, last


def pack_score(solved: int, penalty: int, last: int) -> int:
    """The sorted-set score: higher is better; equal (solved, penalty, last) give equal scores."""
    if not 0 <= solved <= 31 or penalty < 0 or last < 0:
        raise ValueError(f"cannot pack solved={solved} penalty={penalty} last={last}")
    penalty, last = min(penalty, PENALTY_MAX), min(last, TIME_MAX)
    return (solved << SOLVED_SHIFT) | ((PENALTY_MAX - penalty) << TIME_BITS) | (TIME_MAX - last)


def unpack_score(score: int) -> tuple[int, int, int]:
    """(solved, penalty, last), penalty and last as capped when packed."""
    return score >> SOLVED_SHIFT, PENALTY_MAX - ((score >> TIME_BITS) & PENALTY_MAX), TIME_MAX - (score & TIME_MAX)


def frozen_from(competition: Competition, view: View) -> float | None:
    """Contest seconds from which the view shows results as pending (public view of a freezing competition)."""
    if view == "live" or competition.freeze_minutes is None:
        return None
    return float(competition.duration - competition.freeze_minutes * 60)


def standings(competition: Competition, results: Iterable[Result], view: View = "live") -> dict[str, dict[str, Cell]]:
    """Every participant's cells, recomputed from all results (the last result of a submission id wins)."""
    latest: dict[str, Result] = {}
    for result in results:
        latest[result.submission_id] = result
    entries: dict[tuple[str, str], list[tuple[float, str, str]]] = {}
    for result in latest.values():
        verdict = PENDING if result.verdict is None else result.verdict.value
        seconds = competition.contest_seconds(result.submitted_at)
        entries.setdefault((result.user_id, result.label), []).append((seconds, result.submission_id, verdict))
    board: dict[str, dict[str, Cell]] = {}
    cutoff = frozen_from(competition, view)
    for (user_id, label), found in entries.items():
        board.setdefault(user_id, {})[label] = cell_of(found, cutoff)
    return board


def score_of(competition: Competition, cells: Iterable[Cell]) -> int:
    return pack_score(*totals(competition, cells))


def make_row(
    competition: Competition, rank: int, user_id: str, cells: dict[str, Cell], firsts: dict[str, float]
) -> Row:
    """A row from a participant's cells; `firsts` is each problem's earliest accept (contest seconds)."""
    solved, penalty, last = totals(competition, cells.values())
    problems = []
    for label in competition.labels:
        cell = cells.get(label, Cell())
        time = None if cell.time is None else math.floor(cell.time)
        first = cell.solved and cell.time is not None and cell.time == firsts.get(label)
        attempts = cell.rejected + int(cell.solved)
        problems.append(ProblemResult(label, cell.solved, attempts, time, cell.pending, first))
    return Row(rank, user_id, solved, last, penalty, problems)


def ranked(competition: Competition, board: dict[str, dict[str, Cell]]) -> list[Row]:
    """All rows in board order (score, then user id, both descending, as ZREVRANGE gives them)."""
    scored = sorted(((score_of(competition, cells.values()), user) for user, cells in board.items()), reverse=True)
    firsts: dict[str, float] = {}
    for cells in board.values():
        for label, cell in cells.items():
            if cell.solved and cell.time is not None:
                firsts[label] = min(cell.time, firsts.get(label, math.inf))
    rows: list[Row] = []
    for position, (score, user) in enumerate(scored):
        rank = rows[-1].rank if position and scored[position - 1][0] == score else position + 1
        rows.append(make_row(competition, rank, user, board[user], firsts))
    return rows


def _clics_time(at: float) -> str:
    moment = datetime.datetime.fromtimestamp(at, tz=datetime.UTC)
    return moment.isoformat(timespec="milliseconds")


def _clics_reltime(seconds: float) -> str:
    millis = round(max(seconds, 0.0) * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def clics_scoreboard(competition: Competition, rows: Sequence[Row], now: float) -> dict[str, Any]:
    """The CLICS Contest API (2023-06) scoreboard: times in whole minutes, problem ids as CLICS problem ids.

    Under solved-then-time `total_time` is the minute of the last accept (the board itself ranks by seconds).
    """
    problem_ids = {problem.label: problem.problem for problem in competition.problems}
    state = competition.state(now).value
    ended = state in ("ended", "finalized")
    freeze_at = competition.freeze_at
    return {
        "time": _clics_time(now),
        "contest_time": _clics_reltime(min(now, competition.end) - competition.start),
        "state": {
            "started": _clics_time(competition.start) if now >= competition.start else None,
            "frozen": _clics_time(freeze_at) if freeze_at is not None and now >= freeze_at else None,
            "ended": _clics_time(competition.end) if ended else None,
            "thawed": None,
            "finalized": _clics_time(competition.end) if state == "finalized" else None,
            "end_of_updates": None,
        },
        "rows": [_clics_row(competition, row, problem_ids) for row in rows],
    }


def _clics_row(competition: Competition, row: Row, problem_ids: dict[str, str]) -> dict[str, Any]:
    total = row.penalty if competition.rule == "icpc" else row.time // 60
    problems = []
    for cell in row.problems:
        problem: dict[str, Any] = {
            "problem_id": problem_ids[cell.label],
            "num_judged": cell.attempts,
            "num_pending": cell.pending,
            "solved": cell.solved,
        }
        if cell.solved and cell.time is not None:
            problem.update(time=cell.time // 60, first_to_solve=cell.first_to_solve)
        problems.append(problem)
    return {
        "rank": row.rank,
        "team_id": row.user_id,
        "score": {"num_solved": row.solved, "total_time": total},
        "problems": problems,
    }


def csv_export(competition: Competition, rows: Iterable[Row]) -> str:
    """One line per participant: rank, user, solved, time (s), penalty (min), then per problem solved/attempts/time."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["rank", "user_id", "solved", "time", "penalty"]
    for label in competition.labels:
        header += [f"{label} solved", f"{label} attempts", f"{label} time"]
    writer.writerow(header)
    for row in rows:
        line: list[object] = [row.rank, row.user_id, row.solved, row.time, row.penalty]
        for cell in row.problems:
            line += [int(cell.solved), cell.attempts, "" if cell.time is None else cell.time]
        writer.writerow(line)
    return out.getvalue()


def top_changes(before: Sequence[Row], after: Sequence[Row]) -> list[Row]:
    """The rows of `after` that are new or differ from the same participant's row in `before` (for SSE events)."""
    old = {row.user_id: row for row in before}
    return [row for row in after if old.get(row.user_id) != row]
