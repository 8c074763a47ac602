"""The live leaderboard of a competition in Redis: updates by one idempotent script, pages with tie ranks.

Two views: `live` (every result as judged; for admins) and `public` (with a freeze, a
submission made after the freeze began shows as pending until the competition is
finalized; then the public view reads the live board). A competition without a freeze keeps
only the live board. docs/leaderboard.md has the keys, the rules and the score packing.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any

import msgspec
import redis.asyncio as aioredis

from judged.judging.verdicts import Verdict
from judged.store import leaderboard_lua
from judged.store.competitions import Competition
from judged.store.keys import Keys
from judged.store.scoreboard import (
    PENDING,
    Cell,
    Result,
    Row,
    View,
    frozen_from,
    make_row,
    score_of,
    standings,
)
from judged.store.submissions import Submission, SubmissionStatus, SubmissionStore

log = logging.getLogger(__name__)

MAX_LIMIT = 1000
_BATCH = 1000  # commands per pipeline round trip, or submissions per replay script call


class LeaderboardPage(msgspec.Struct, frozen=True):
    competition_id: str
    view: View
    participants: int
    offset: int
    limit: int
    rows: list[Row]


class Around(msgspec.Struct, frozen=True):
    """A participant's own row and the rows around it (it included), in board order."""

    row: Row
    rows: list[Row]


class Difference(msgspec.Struct, frozen=True):
    """Where the stored live board and the recomputation from results disagree (`what`: score or a label)."""

    user_id: str
    what: str
    stored: str | None
    expected: str | None


class RebuildReport(msgspec.Struct, frozen=True):
    participants: int
    results: int
    differences: list[Difference]
    applied: bool


class Leaderboard:
    """Record results and read pages. The client must decode responses (`judged.store.client.connect`)."""

    def __init__(self, redis: aioredis.Redis, keys: Keys | None = None) -> None:
        self._redis = redis
        self.keys = keys or Keys()
        self._update = redis.register_script(leaderboard_lua.UPDATE)
        self._window = redis.register_script(leaderboard_lua.WINDOW)
        self._replay_script = redis.register_script(leaderboard_lua.REPLAY)

    # Updates -------------------------------------------------------------------------------------

    async def record(
        self,
        competition: Competition,
        submission_id: str,
        *,
        user_id: str,
        problem_label: str,
        submitted_at: float,
        verdict: Verdict,
    ) -> bool:
        """Count a judged submission (Unix arrival time). Idempotent by id; a new verdict for a known id is a rejudge.

        True when it changed the board's inputs, False when exactly this was recorded already.
        """
        entry = _entry(competition, Result(submission_id, user_id, problem_label, submitted_at, verdict))
        return bool(await self._update(keys=self._update_keys(competition, user_id, problem_label), args=entry))

    async def pending(
        self, competition: Competition, submission_id: str, *, user_id: str, problem_label: str, submitted_at: float
    ) -> bool:
        """Show a queued submission as pending; does nothing if the submission has a verdict already."""
        entry = _entry(competition, Result(submission_id, user_id, problem_label, submitted_at))
        return bool(await self._update(keys=self._update_keys(competition, user_id, problem_label), args=entry))

    async def submitted(self, competition: Competition, submission: Submission) -> bool:
        """`pending` or `record` for a stored submission of this competition, as its status says.

        Call it after `SubmissionStore.create` and again after `finish` (with the submission as
        read back, so the verdict is the one kept). A submission whose problem is not in the
        competition is ignored.
        """
        label = competition.label_of(submission.problem)
        if label is None:
            log.warning("submission %s: problem %s not in %s", submission.id, submission.problem, competition.id)
            return False
        user, at = submission.user_id, submission.created
        if submission.status is SubmissionStatus.FINISHED and submission.result is not None:
            verdict = submission.result.verdict
            return await self.record(
                competition, submission.id, user_id=user, problem_label=label, submitted_at=at, verdict=verdict
            )
        return await self.pending(competition, submission.id, user_id=user, problem_label=label, submitted_at=at)

    def _update_keys(self, competition: Competition, user_id: str, label: str) -> list[Any]:
        cid, k = competition.id, self.keys
        return [
            k.participant_submissions(cid, user_id, label),
            k.participant(cid, user_id),
            k.board(cid, "live"),
            k.board(cid, "public"),
            k.first_solves(cid, "live", label),
            k.first_solves(cid, "public", label),
            k.board_version(cid),
            k.board_changes(cid),
        ]

    # Reads ---------------------------------------------------------------------------------------

    def board_view(self, competition: Competition, view: View) -> View:
        return board_view(competition, view)

    async def page(
        self, competition: Competition, *, offset: int = 0, limit: int = 100, view: View = "public"
    ) -> LeaderboardPage:
        """Rows offset..offset+limit-1 in rank order; equal scores share a rank (strictly better + 1)."""
        if offset < 0 or not 1 <= limit <= MAX_LIMIT:
            raise ValueError(f"offset must be >= 0 and limit within 1..{MAX_LIMIT}")
        board = self.board_view(competition, view)
        reply = await self._window(keys=[self.keys.board(competition.id, board)], args=["", offset, limit])
        rows = await self._rows(competition, board, reply)
        return LeaderboardPage(competition.id, view, int(reply[0]), offset, limit, rows)

    async def around(
        self, competition: Competition, user_id: str, *, neighbours: int = 5, view: View = "public"
    ) -> Around | None:
        """A participant's row and up to `neighbours` rows above and below; None if they are not on the board."""
        if not 0 <= neighbours <= MAX_LIMIT // 2:
            raise ValueError(f"neighbours must be within 0..{MAX_LIMIT // 2}")
        board = self.board_view(competition, view)
        reply = await self._window(keys=[self.keys.board(competition.id, board)], args=[user_id, neighbours, 0])
        if int(reply[1]) < 0:
            return None
        rows = await self._rows(competition, board, reply)
        own = next((row for row in rows if row.user_id == user_id), None)
        return None if own is None else Around(own, rows)

    async def rows(self, competition: Competition, *, view: View = "public") -> list[Row]:
        """The whole board in rank order (for the exports)."""
        found: list[Row] = []
        while True:
            page = await self.page(competition, offset=len(found), limit=MAX_LIMIT, view=view)
            # A board that grows between pages may repeat a participant; keep the first row of each.
            seen = {row.user_id for row in found[-MAX_LIMIT:]}
            found += [row for row in page.rows if row.user_id not in seen]
            if len(page.rows) < MAX_LIMIT:
                return found

    async def _rows(self, competition: Competition, board: View, reply: list[Any]) -> list[Row]:
        start, better, flat = int(reply[1]), int(reply[2]), reply[3:]
        members = [(flat[i], float(flat[i + 1])) for i in range(0, len(flat), 2)]
        if not members:
            return []
        cells = await self._cells(competition, board, [user for user, _ in members])
        firsts = await self._firsts(competition, board)
        rows: list[Row] = []
        for index, (user, score) in enumerate(members):
            if index == 0:
                rank = better + 1
            elif score == members[index - 1][1]:
                rank = rows[-1].rank
            else:
                rank = start + index + 1
            rows.append(make_row(competition, rank, user, cells[user], firsts))
        return rows

    async def _cells(self, competition: Competition, board: View, users: Sequence[str]) -> dict[str, dict[str, Cell]]:
        prefix = "L:" if board == "live" else "P:"
        found: dict[str, dict[str, Cell]] = {}
        for begin in range(0, len(users), _BATCH):
            chunk = users[begin : begin + _BATCH]
            async with self._redis.pipeline(transaction=False) as pipe:
                for user in chunk:
                    pipe.hgetall(self.keys.participant(competition.id, user))
                replies = await pipe.execute()
            for user, fields in zip(chunk, replies, strict=True):
                found[user] = {name[2:]: Cell.decode(text) for name, text in fields.items() if name.startswith(prefix)}
        return found

    async def _firsts(self, competition: Competition, board: View) -> dict[str, float]:
        """Each problem's earliest accept in this view (contest seconds)."""
        async with self._redis.pipeline(transaction=False) as pipe:
            for label in competition.labels:
                pipe.zrange(self.keys.first_solves(competition.id, board, label), 0, 0, withscores=True)
            replies = await pipe.execute()
        return {label: float(reply[0][1]) for label, reply in zip(competition.labels, replies, strict=True) if reply}

    # Rebuild -------------------------------------------------------------------------------------

    async def rebuild(
        self, competition: Competition, results: Iterable[Result], *, apply: bool = True
    ) -> RebuildReport:
        """Recompute the board from stored results, report how the live board differs, and (if `apply`) rewrite it.

        Results recorded while a rebuild runs may be lost from the board: run it when judging is quiet,
        or run it twice.
        """
        results = list(results)
        expected = standings(competition, results, "live")
        stored = await self._stored(competition)
        differences = _compare(competition, stored, expected)
        if apply:
            await self._clear(competition, stored)  # a participant with any key is on the live board
            await self._replay(competition, results)
            await self._redis.incr(self.keys.board_epoch(competition.id))  # snapshots read the board whole again
        log.info(
            "competition %s rebuilt from %d results: %d differences%s",
            competition.id,
            len(results),
            len(differences),
            "" if apply else " (not applied)",
        )
        return RebuildReport(len(expected), len(results), differences, apply)

    async def _stored(self, competition: Competition) -> dict[str, tuple[int, dict[str, Cell]]]:
        board = self.keys.board(competition.id, "live")
        members: list[tuple[str, float]] = list(await self._redis.zrange(board, 0, -1, withscores=True))  # type: ignore[arg-type]
        cells = await self._cells(competition, "live", [user for user, _ in members])
        return {user: (int(score), cells[user]) for user, score in members}

    async def _clear(self, competition: Competition, users: Iterable[str]) -> None:
        cid, k = competition.id, self.keys
        doomed = [k.board(cid, view) for view in ("live", "public")] + [k.board_changes(cid)]
        doomed += [k.first_solves(cid, view, label) for view in ("live", "public") for label in competition.labels]
        for user in users:
            doomed.append(k.participant(cid, user))
            doomed += [k.participant_submissions(cid, user, label) for label in competition.labels]
        for begin in range(0, len(doomed), _BATCH):
            await self._redis.unlink(*doomed[begin : begin + _BATCH])

    async def _replay(self, competition: Competition, results: Sequence[Result]) -> None:
        """Apply results in order, many per script call (the same update as `record`, keys from templates)."""
        cid, k = competition.id, self.keys
        head = [*_constants(competition)]
        head += [k.participant_submissions(cid, _USER, _LABEL), k.participant(cid, _USER)]
        head += [k.first_solves(cid, "live", _LABEL), k.first_solves(cid, "public", _LABEL)]
        boards = [k.board(cid, "live"), k.board(cid, "public"), k.board_version(cid), k.board_changes(cid)]
        for begin in range(0, len(results), _BATCH):
            args = list(head)
            for result in results[begin : begin + _BATCH]:
                args += _entry(competition, result)[:6]
            await self._replay_script(keys=boards, args=args)


def board_view(competition: Competition, view: View) -> View:
    """The board a view reads: public is the live board without a freeze or once finalized."""
    if view == "public" and competition.freeze_minutes is not None and not competition.finalized:
        return "public"
    return "live"


_USER, _LABEL = "\x01", "\x02"  # where REPLAY's key templates take the user id and the label


def _constants(competition: Competition) -> list[Any]:
    """What every update of a competition passes after the submission: public freeze, rule, penalty minutes."""
    cutoff = frozen_from(competition, "public")
    return ["" if cutoff is None else repr(cutoff), competition.rule, competition.penalty_minutes]


def _entry(competition: Competition, result: Result) -> list[Any]:
    """UPDATE's arguments: the submission (id, contest seconds, verdict, mode, user, label), then the constants."""
    if result.label not in competition.labels:
        raise ValueError(f"problem {result.label} is not in competition {competition.id}")
    seconds = repr(competition.contest_seconds(result.submitted_at))
    state = (PENDING, "pending") if result.verdict is None else (result.verdict.value, "record")
    return [result.submission_id, seconds, *state, result.user_id, result.label, *_constants(competition)]


def _compare(
    competition: Competition,
    stored: dict[str, tuple[int, dict[str, Cell]]],
    expected: dict[str, dict[str, Cell]],
) -> list[Difference]:
    found: list[Difference] = []
    for user in sorted(set(stored) | set(expected)):
        have = stored.get(user)
        want = expected.get(user)
        have_score = None if have is None else str(have[0])
        want_score = None if want is None else str(score_of(competition, want.values()))
        if have_score != want_score:
            found.append(Difference(user, "score", have_score, want_score))
        for label in competition.labels:
            have_cell = None if have is None or label not in have[1] else have[1][label].encode()
            want_cell = None if want is None or label not in want else want[label].encode()
            if have_cell != want_cell:
                found.append(Difference(user, label, have_cell, want_cell))
    return found


def result_of(competition: Competition, submission: Submission) -> Result | None:
    """A stored submission as a leaderboard result (None if it is not of this competition's problems)."""
    label = competition.label_of(submission.problem)
    if submission.competition_id != competition.id or label is None:
        return None
    verdict = (
        submission.result.verdict if submission.status is SubmissionStatus.FINISHED and submission.result else None
    )
    return Result(submission.id, submission.user_id, label, submission.created, verdict)


async def stored_results(
    redis: aioredis.Redis, submissions: SubmissionStore, competition: Competition
) -> AsyncIterator[Result]:
    """Every stored submission of a competition as a result, for `rebuild` (SCANs the submission hashes)."""
    prefix = submissions.keys.submission("")
    batch: list[str] = []
    async for key in redis.scan_iter(match=submissions.keys.submission("*"), count=1000):
        batch.append(key)
        if len(batch) >= _BATCH:
            async for result in _results_of(redis, submissions, competition, batch, prefix):
                yield result
            batch = []
    async for result in _results_of(redis, submissions, competition, batch, prefix):
        yield result


async def _results_of(
    redis: aioredis.Redis, submissions: SubmissionStore, competition: Competition, keys: list[str], prefix: str
) -> AsyncIterator[Result]:
    async with redis.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.hget(key, "competition_id")
        owners = await pipe.execute()
    for key, owner in zip(keys, owners, strict=True):
        if owner != competition.id:
            continue
        submission = await submissions.get(key[len(prefix) :])
        result = None if submission is None else result_of(competition, submission)
        if result is not None:
            yield result
