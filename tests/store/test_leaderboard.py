"""The leaderboard in a real Redis against a plain-Python recomputation, for both rules, with tie ranks.

The property tests replay random streams of pending notices and results (duplicates,
retries, out-of-order judging, rejudges) and compare every row of both views with a model
that ranks by tuples, independent of the score packing. The last test seeds 100,000
participants.
"""

from __future__ import annotations

import asyncio
import bisect
import math
import random
from collections.abc import Iterable
from typing import Any

import msgspec
import pytest
import redis.asyncio as aioredis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judged.judging.verdicts import JudgeResult, Verdict
from judged.store.client import connect
from judged.store.competitions import Competition, CompetitionProblem
from judged.store.leaderboard import Leaderboard, result_of, stored_results
from judged.store.scoreboard import Result, Row, View, pack_score
from judged.store.submissions import SubmissionStore
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_url_fixture"]

START = 1_750_000_000.0
USERS = ["ada", "bob", "cy", "dee", "eve"]
VERDICTS = [Verdict.AC, Verdict.WA, Verdict.TLE, Verdict.RE, Verdict.CE, Verdict.IE]


def competition_of(rule: str = "solved-then-time", freeze: int | None = None, **fields: Any) -> Competition:
    data: dict[str, Any] = {
        "id": "c1",
        "title": "Round",
        "start": START,
        "duration": 1200,
        "problems": [{"problem": "p1"}, {"problem": "p2"}, {"problem": "p3"}],
        "rule": rule,
        "freeze_minutes": freeze,
    }
    data.update(fields)
    return msgspec.convert(data, Competition)


# The model: plain Python, ranks by tuples ---------------------------------------------------------


ModelCell = tuple[bool, int, int, float | None]  # solved, rejected, pending, contest seconds of the accept


def model_cells(competition: Competition, final: dict[str, Result], view: View) -> dict[str, dict[str, ModelCell]]:
    cutoff = None
    if view == "public" and competition.freeze_minutes is not None and not competition.finalized:
        cutoff = competition.duration - competition.freeze_minutes * 60
    cells: dict[str, dict[str, ModelCell]] = {}
    for result in sorted(final.values(), key=lambda r: (r.submitted_at, r.submission_id)):
        row = cells.setdefault(result.user_id, {})
        solved, rejected, pending, _ = row.get(result.label, (False, 0, 0, None))
        if solved:
            continue  # later submissions to a solved problem change nothing
        seconds = result.submitted_at - START
        verdict = None if cutoff is not None and seconds >= cutoff else result.verdict
        if verdict is Verdict.AC:
            row[result.label] = (True, rejected, pending, seconds)
        elif verdict is None:
            row[result.label] = (False, rejected, pending + 1, None)
        else:
            costs = verdict not in (Verdict.CE, Verdict.IE)
            row[result.label] = (False, rejected + int(costs), pending, None)
    return cells


def model_key(competition: Competition, row: dict[str, ModelCell]) -> tuple[int, int, int]:
    """(-solved, penalty, last accept): smaller is better."""
    solved = [(at, rejected) for solved, rejected, _, at in row.values() if solved and at is not None]
    last = max((math.floor(at) for at, _ in solved), default=0)
    penalty = 0
    if competition.rule == "icpc":
        penalty = sum(math.floor(at / 60) + competition.penalty_minutes * rejected for at, rejected in solved)
    return -len(solved), penalty, last


class ModelBoard:
    """The model's board: participants in order with their ranks; rows built on demand."""

    def __init__(self, competition: Competition, final: dict[str, Result], view: View) -> None:
        self.competition = competition
        self.cells = model_cells(competition, final, view)
        self.firsts: dict[str, float] = {}
        for row in self.cells.values():
            for label, (solved, _, _, at) in row.items():
                if solved and at is not None:
                    self.firsts[label] = min(at, self.firsts.get(label, math.inf))
        self.keys = {user: model_key(competition, row) for user, row in self.cells.items()}
        self.sorted_keys = sorted(self.keys.values())
        self.order = sorted(sorted(self.cells, reverse=True), key=lambda user: self.keys[user])

    def rows(self, begin: int = 0, end: int | None = None) -> list[tuple[Any, ...]]:
        """Rows as (rank, user, solved, time, penalty, ((label, solved, attempts, time, pending, first), ...))."""
        return [self.row(user) for user in self.order[begin:end]]

    def row(self, user: str) -> tuple[Any, ...]:
        key = self.keys[user]
        rank = 1 + bisect.bisect_left(self.sorted_keys, key)  # 1 + how many are strictly better
        problems = []
        for label in self.competition.labels:
            solved, rejected, pending, at = self.cells[user].get(label, (False, 0, 0, None))
            first = solved and at == self.firsts.get(label)
            time = None if at is None else math.floor(at)
            problems.append((label, solved, rejected + int(solved), time, pending, first))
        return (rank, user, -key[0], key[2], key[1], tuple(problems))


def model_rows(competition: Competition, final: dict[str, Result], view: View) -> list[tuple[Any, ...]]:
    return ModelBoard(competition, final, view).rows()


def as_tuples(rows: Iterable[Row]) -> list[tuple[Any, ...]]:
    return [
        (
            row.rank,
            row.user_id,
            row.solved,
            row.time,
            row.penalty,
            tuple((p.label, p.solved, p.attempts, p.time, p.pending, p.first_to_solve) for p in row.problems),
        )
        for row in rows
    ]


# Random streams ---------------------------------------------------------------------------------

Event = tuple[str, Result]  # ("pending" | "record", result)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Competition, list[Event], dict[str, Result]]:
    rule = draw(st.sampled_from(["solved-then-time", "icpc"]))
    freeze = draw(st.none() | st.integers(1, 20))
    competition = competition_of(rule, freeze, penalty_minutes=draw(st.sampled_from([0, 20])))
    queues: list[list[Event]] = []
    final: dict[str, Result] = {}
    for index in range(draw(st.integers(0, 24))):
        sid = f"s{index:02d}"
        # Few distinct times, so equal times (and equal scores) happen often.
        seconds = draw(st.sampled_from([0, 59, 60, 61, 300, 599, 600, 601, 900, 1199])) + draw(
            st.sampled_from([0.0, 0.5])
        )
        base = Result(sid, draw(st.sampled_from(USERS)), draw(st.sampled_from(["A", "B", "C"])), START + seconds)
        verdicts = draw(st.lists(st.sampled_from(VERDICTS), max_size=3))  # judged, then rejudged
        events: list[Event] = []
        for verdict in verdicts:
            result = msgspec.structs.replace(base, verdict=verdict)
            events += [("record", result)] * draw(st.integers(1, 3))  # retries and redeliveries
        if not verdicts or draw(st.booleans()):
            # The pending notice may arrive late, after the result: it must change nothing then.
            events.insert(draw(st.integers(0, len(events))), ("pending", base))
        final[sid] = msgspec.structs.replace(base, verdict=verdicts[-1]) if verdicts else base
        queues.append(events)
    stream: list[Event] = []
    while any(queues):
        waiting = [queue for queue in queues if queue]
        stream.append(draw(st.sampled_from(waiting)).pop(0))  # interleaved: results out of order
    return competition, stream, final


async def apply(board: Leaderboard, competition: Competition, stream: list[Event]) -> None:
    for kind, result in stream:
        if kind == "pending":
            await board.pending(
                competition,
                result.submission_id,
                user_id=result.user_id,
                problem_label=result.label,
                submitted_at=result.submitted_at,
            )
        else:
            assert result.verdict is not None
            await board.record(
                competition,
                result.submission_id,
                user_id=result.user_id,
                problem_label=result.label,
                submitted_at=result.submitted_at,
                verdict=result.verdict,
            )


async def check_stream(url: str, competition: Competition, stream: list[Event], final: dict[str, Result]) -> None:
    client = connect(url)
    try:
        await client.flushdb()
        board = Leaderboard(client)
        await apply(board, competition, stream)
        for view in ("live", "public"):
            page = await board.page(competition, limit=1000, view=view)
            assert as_tuples(page.rows) == model_rows(competition, final, view), view
            assert page.participants == len({result.user_id for result in final.values()})
        finalized = msgspec.structs.replace(competition, finalized=True)
        live = model_rows(competition, final, "live")
        assert as_tuples((await board.page(finalized, limit=1000, view="public")).rows) == live
        report = await board.rebuild(competition, final.values(), apply=False)
        assert report.differences == []
    finally:
        await client.aclose()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_the_board_equals_a_recomputation_from_all_results(
    redis_url: str, scenario: tuple[Competition, list[Event], dict[str, Result]]
) -> None:
    asyncio.run(check_stream(redis_url, *scenario))


# Examples ---------------------------------------------------------------------------------------


async def record(board: Leaderboard, competition: Competition, sid: str, entry: tuple[str, str, float, str]) -> None:
    """Submission `sid` by (user, label, contest seconds, verdict or '?')."""
    user, label, at, verdict = entry
    if verdict == "?":
        await board.pending(competition, sid, user_id=user, problem_label=label, submitted_at=START + at)
    else:
        await board.record(
            competition, sid, user_id=user, problem_label=label, submitted_at=START + at, verdict=Verdict(verdict)
        )


def summary(rows: Iterable[Row]) -> list[tuple[int, str, int, int, int]]:
    return [(row.rank, row.user_id, row.solved, row.time, row.penalty) for row in rows]


async def test_solved_then_time_ranks_and_shares_ranks(redis: aioredis.Redis) -> None:
    competition = competition_of()
    board = Leaderboard(redis)
    await record(board, competition, "1", ("ada", "A", 100, "AC"))
    await record(board, competition, "2", ("ada", "B", 500, "AC"))
    await record(board, competition, "3", ("bob", "A", 50, "WA"))
    await record(board, competition, "4", ("bob", "A", 200, "AC"))
    await record(board, competition, "5", ("bob", "C", 500.7, "AC"))  # same whole second as ada: a tie
    await record(board, competition, "6", ("cy", "A", 10, "AC"))
    await record(board, competition, "7", ("dee", "B", 20, "CE"))
    await record(board, competition, "8", ("cy", "A", 5, "WA"))  # judged late, before cy's accept
    page = await board.page(competition, view="live")
    assert summary(page.rows) == [
        (1, "bob", 2, 500, 0),
        (1, "ada", 2, 500, 0),
        (3, "cy", 1, 10, 0),
        (4, "dee", 0, 0, 0),
    ]
    cy = page.rows[2].problems[0]
    assert (cy.solved, cy.attempts, cy.time, cy.first_to_solve) == (True, 2, 10, True)
    assert page.rows[3].problems[1].attempts == 0  # a compile error costs nothing


async def test_icpc_penalty_and_later_submissions_change_nothing(redis: aioredis.Redis) -> None:
    competition = competition_of("icpc", duration=5400)
    board = Leaderboard(redis)
    await record(board, competition, "1", ("ada", "A", 59.9, "WA"))
    await record(board, competition, "2", ("ada", "A", 61, "AC"))  # minute 1 + 20
    await record(board, competition, "3", ("ada", "A", 70, "WA"))  # after the accept: nothing
    await record(board, competition, "4", ("bob", "A", 1260, "AC"))  # minute 21
    await record(board, competition, "5", ("cy", "A", 30, "IE"))
    await record(board, competition, "6", ("cy", "A", 1265, "AC"))  # minute 21, later last accept
    page = await board.page(competition, view="live")
    assert summary(page.rows) == [(1, "ada", 1, 61, 21), (2, "bob", 1, 1260, 21), (3, "cy", 1, 1265, 21)]


async def test_a_rejudge_moves_the_board(redis: aioredis.Redis) -> None:
    competition = competition_of("icpc")
    board = Leaderboard(redis)
    await record(board, competition, "1", ("ada", "A", 100, "AC"))
    await record(board, competition, "2", ("bob", "A", 200, "AC"))
    assert [row.user_id for row in (await board.page(competition)).rows] == ["ada", "bob"]
    await record(board, competition, "1", ("ada", "A", 100, "WA"))
    rows = (await board.page(competition)).rows
    assert summary(rows) == [(1, "bob", 1, 200, 3), (2, "ada", 0, 0, 0)]
    assert rows[0].problems[0].first_to_solve
    assert rows[1].problems[0].attempts == 1


async def test_freeze_shows_later_submissions_pending_until_finalized(redis: aioredis.Redis) -> None:
    competition = competition_of(freeze=5)  # 20 minutes, frozen from minute 15 (900 s)
    board = Leaderboard(redis)
    await record(board, competition, "1", ("ada", "A", 100, "AC"))
    await record(board, competition, "2", ("bob", "A", 950, "AC"))
    await record(board, competition, "3", ("bob", "B", 960, "?"))
    public = (await board.page(competition)).rows
    assert summary(public) == [(1, "ada", 1, 100, 0), (2, "bob", 0, 0, 0)]
    assert [(p.pending, p.solved) for p in public[1].problems] == [(1, False), (1, False), (0, False)]
    live = (await board.page(competition, view="live")).rows
    assert summary(live) == [(1, "ada", 1, 100, 0), (2, "bob", 1, 950, 0)]
    final = msgspec.structs.replace(competition, finalized=True)
    assert summary((await board.page(final)).rows) == summary(live)


async def test_own_row_and_neighbours(redis: aioredis.Redis) -> None:
    competition = competition_of()
    board = Leaderboard(redis)
    for index in range(10):
        await record(board, competition, f"s{index}", (f"u{index}", "A", 100 + index * 10, "AC"))
    around = await board.around(competition, "u5", neighbours=2)
    assert around is not None
    assert around.row.user_id == "u5"
    assert around.row.rank == 6
    assert [(row.rank, row.user_id) for row in around.rows] == [(4, "u3"), (5, "u4"), (6, "u5"), (7, "u6"), (8, "u7")]
    top = await board.around(competition, "u0", neighbours=2)
    assert top is not None
    assert [row.user_id for row in top.rows] == ["u0", "u1", "u2"]
    assert await board.around(competition, "nobody") is None


async def test_page_limits(redis: aioredis.Redis) -> None:
    board = Leaderboard(redis)
    competition = competition_of()
    for offset, limit in ((-1, 10), (0, 0), (0, 1001)):
        with pytest.raises(ValueError, match="limit"):
            await board.page(competition, offset=offset, limit=limit)
    page = await board.page(competition, offset=5, limit=10)
    assert (page.rows, page.participants) == ([], 0)


async def test_rebuild_reports_and_repairs_differences(redis: aioredis.Redis) -> None:
    competition = competition_of("icpc", freeze=5)
    board = Leaderboard(redis)
    results = [
        Result("1", "ada", "A", START + 100, Verdict.AC),
        Result("2", "bob", "A", START + 50, Verdict.WA),
        Result("3", "bob", "A", START + 950, Verdict.AC),
        Result("4", "cy", "B", START + 10),
    ]
    for result in results[:3]:  # the board missed their verdicts
        await record(board, competition, result.submission_id, (result.user_id, result.label, 0, "?"))
    await redis.delete(board.keys.participant(competition.id, "ada"))  # lost a row
    report = await board.rebuild(competition, results)
    assert report.applied
    assert report.participants == 3
    assert {(d.user_id, d.what) for d in report.differences} >= {("ada", "A"), ("bob", "score"), ("cy", "score")}
    final = {result.submission_id: result for result in results}
    for view in ("live", "public"):
        assert as_tuples((await board.page(competition, view=view)).rows) == model_rows(competition, final, view)
    again = await board.rebuild(competition, results, apply=False)
    assert again.differences == []


async def test_stored_submissions_feed_the_board(redis: aioredis.Redis) -> None:
    competition = competition_of()
    store = SubmissionStore(redis)
    board = Leaderboard(redis)
    kept = await store.create(problem="p2", language="python", code="x", user_id="ada", competition_id="c1")
    await store.create(problem="p1", language="python", code="x", user_id="bob", competition_id="other")
    await store.create(problem="p1", language="python", code="x", user_id="cy")
    competition = msgspec.structs.replace(competition, start=kept.created - 30)
    assert await board.submitted(competition, kept)
    assert (await board.page(competition)).rows[0].problems[1].pending == 1
    accepted = JudgeResult(verdict=Verdict.AC, tests=[], time=0.0, memory=0)
    await store.finish(kept.id, accepted, 1)
    finished = await store.get(kept.id)
    assert finished is not None
    assert await board.submitted(competition, finished)
    assert not await board.submitted(competition, finished)  # a redelivery counts once
    row = (await board.page(competition)).rows[0]
    assert (row.solved, row.time, row.problems[1].pending) == (1, 30, 0)
    found = [result async for result in stored_results(redis, store, competition)]
    assert found == [result_of(competition, finished)]


# A 100,000-participant competition ----------------------------------------------------------------

PARTICIPANTS = 100_000


def seeded_results(competition: Competition) -> list[Result]:
    """One or two submissions per participant; many equal scores; about a tenth after the freeze."""
    rng = random.Random(6)
    results = []
    for index in range(PARTICIPANTS):
        user = f"u{index:06d}"
        seconds = rng.randrange(0, competition.duration)
        verdict = rng.choice([Verdict.AC, Verdict.AC, Verdict.WA])
        results.append(Result(f"s{index}", user, competition.labels[index % 10], START + seconds, verdict))
        if index % 7 == 0:
            label = competition.labels[(index + 3) % 10]
            results.append(Result(f"t{index}", user, label, START + rng.randrange(0, 5400), Verdict.AC))
    return results


async def test_a_hundred_thousand_participants(redis: aioredis.Redis) -> None:
    problems = [CompetitionProblem(f"p{index}") for index in range(10)]
    competition = Competition(id="big", title="Big", start=START, problems=problems, rule="icpc", freeze_minutes=10)
    board = Leaderboard(redis)
    results = seeded_results(competition)
    report = await board.rebuild(competition, results)  # seeds through the batched replay
    assert report.participants == PARTICIPANTS
    final = {result.submission_id: result for result in results}
    hidden = 0
    for view in ("live", "public"):
        model = ModelBoard(competition, final, view)
        for offset in (0, 31_337, PARTICIPANTS - 1000):
            page = await board.page(competition, offset=offset, limit=1000, view=view)
            assert page.participants == PARTICIPANTS
            assert as_tuples(page.rows) == model.rows(offset, offset + 1000), (view, offset)
        position = {user: index for index, user in enumerate(model.order)}
        for user in ("u000000", "u050001", "u099999"):
            around = await board.around(competition, user, neighbours=3, view=view)
            assert around is not None
            assert as_tuples(around.rows) == model.rows(max(0, position[user] - 3), position[user] + 4)
            assert as_tuples([around.row]) == [model.row(user)]
        hidden = sum(cell[2] for row in model.cells.values() for cell in row.values()) - hidden
    assert hidden > 5000  # the freeze shows a tenth of the submissions as pending


async def test_the_highest_score_survives_redis_exactly(redis: aioredis.Redis) -> None:
    problems = [CompetitionProblem(f"p{index}") for index in range(26)]
    competition = Competition(id="wide", title="Wide", start=START, problems=problems, rule="icpc")
    board = Leaderboard(redis)
    for label in competition.labels:
        await record(board, competition, f"s{label}", ("ada", label, 0.25, "AC"))
    score = await redis.zscore(board.keys.board(competition.id, "live"), "ada")
    assert score is not None
    assert int(score) == pack_score(26, 0, 0) == 27 * 2**48 - 1
    row = (await board.page(competition)).rows[0]
    assert (row.rank, row.solved, row.penalty, row.time) == (1, 26, 0, 0)
