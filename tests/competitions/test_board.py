"""The per-host board snapshot equals a direct Redis read, for every row, in both views and across a freeze switch.

The random streams are tests/store/test_leaderboard.py's (pending notices, duplicates, retries,
out-of-order results, rejudges), applied in random chunks with a snapshot refresh after each, so
the snapshot's incremental reads (and its whole reads: the first, after a rebuild, after too many
changes) are each compared with `Leaderboard.page` and `Leaderboard.around` on the same Redis.
"""

from __future__ import annotations

import asyncio
import itertools
import tracemalloc
from typing import Any

import msgspec
import pytest
import redis.asyncio as aioredis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judged.competitions import board as board_module
from judged.competitions.board import Boards
from judged.judging.verdicts import Verdict
from judged.store import leaderboard_snapshot
from judged.store.client import connect
from judged.store.competitions import Competition
from judged.store.leaderboard import Leaderboard
from judged.store.leaderboard_snapshot import BoardReads
from judged.store.scoreboard import Result
from tests.store.redis_server import redis_fixture, redis_url_fixture
from tests.store.test_leaderboard import START, USERS, Event, apply, as_tuples, competition_of, scenarios

__all__ = ["redis_fixture", "redis_url_fixture"]


def always_stale() -> Boards:
    """A host whose every read finds the snapshot a refresh interval old (a clock that jumps)."""
    ticks = itertools.count(0.0, 10.0)
    return Boards(BoardReads(Redis.client), 1.0, clock=lambda: next(ticks))


class Redis:
    client: aioredis.Redis  # set per example (hypothesis examples share no fixture)


async def same_as_redis(boards: Boards, board: Leaderboard, competition: Competition) -> None:
    """Every row of both views, and every participant's own row and neighbours, equal the direct read."""
    for shown in (competition, msgspec.structs.replace(competition, finalized=True)):
        for view in ("live", "public"):
            direct = await board.page(shown, limit=1000, view=view)
            snapshot = await boards.page(shown, offset=0, limit=1000, view=view)
            assert as_tuples(snapshot.rows) == as_tuples(direct.rows), (view, shown.finalized)
            assert snapshot.participants == direct.participants
            for user in [*USERS, "nobody"]:
                for neighbours in (0, 1, 5):
                    want = await board.around(shown, user, neighbours=neighbours, view=view)
                    own = await boards.own_row(shown, user, neighbours=neighbours, view=view)
                    assert (own is None) == (want is None), user
                    if own is not None and want is not None:
                        got = own.around()
                        assert as_tuples(got.rows) == as_tuples(want.rows), (user, neighbours, view)
                        assert as_tuples([got.row]) == as_tuples([want.row])
                        assert own.body() == msgspec.json.encode(want)  # the bytes served, from cached rows


async def check_chunks(
    url: str, competition: Competition, stream: list[Event], cuts: list[int], resort: int, *, warm: bool
) -> None:
    Redis.client = client = connect(url)
    try:
        await client.flushdb()
        board = Leaderboard(client)
        boards = always_stale()
        board_module.RESORT_ABOVE = resort
        board_module.WARM_ABOVE = 1 if warm else 1000
        done = 0
        for cut in [*sorted(cuts), len(stream)]:
            await apply(board, competition, stream[done:cut])
            done = max(done, cut)
            await same_as_redis(boards, board, competition)
    finally:
        board_module.RESORT_ABOVE = 2000
        board_module.WARM_ABOVE = 1000
        await client.aclose()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.data())
def test_the_snapshot_equals_a_direct_read_for_every_row(
    redis_url: str, scenario: tuple[Competition, list[Event], dict[str, Result]], data: st.DataObject
) -> None:
    competition, stream, _ = scenario
    cuts = data.draw(st.lists(st.integers(0, max(len(stream), 0)), max_size=4))
    resort = data.draw(st.sampled_from([0, 2000]))  # re-sort the board, or move each changed participant
    warm = data.draw(st.booleans())  # rows rendered in the background after a refresh, or on first request
    asyncio.run(check_chunks(redis_url, competition, stream, cuts, resort, warm=warm))


async def record(board: Leaderboard, competition: Competition, sid: str, entry: tuple[str, float, Verdict]) -> None:
    """Submission `sid` to problem A by (user, contest seconds, verdict)."""
    user, seconds, verdict = entry
    await board.record(competition, sid, user_id=user, problem_label="A", submitted_at=START + seconds, verdict=verdict)


async def test_after_a_whole_read_every_public_row_is_rendered_before_anyone_asks(redis: aioredis.Redis) -> None:
    competition = competition_of()
    board = Leaderboard(redis)
    participants = board_module.WARM_ABOVE + board_module.WARM_BATCH
    results = [Result(f"s{i}", f"u{i:05d}", "A", START + i, Verdict.AC) for i in range(participants)]
    await board.rebuild(competition, results)
    boards = Boards(BoardReads(redis), 1.0)
    public = await boards.board(competition, "public")  # the live board: no freeze
    assert len(public) == participants
    for _ in range(10):  # a few turns of the event loop: a batch each
        await asyncio.sleep(0)
    assert public.cold == 0


async def test_a_snapshot_reads_changes_not_the_whole_board(redis: aioredis.Redis) -> None:
    competition = competition_of(freeze=5)
    board = Leaderboard(redis)
    Redis.client = redis
    boards = always_stale()
    await record(board, competition, "s1", ("ada", 100, Verdict.AC))
    await boards.snapshot(competition)
    await record(board, competition, "s2", ("bob", 200, Verdict.AC))
    page = await boards.page(competition, offset=0, limit=10, view="live")
    assert [(row.rank, row.user_id) for row in page.rows] == [(1, "ada"), (2, "bob")]
    assert (boards.whole_reads, boards.change_reads) == (1, 1)


async def test_a_rebuild_or_too_many_changes_read_the_board_whole(redis: aioredis.Redis, monkeypatch: Any) -> None:
    competition = competition_of()
    board = Leaderboard(redis)
    Redis.client = redis
    boards = always_stale()
    await record(board, competition, "s1", ("ada", 100, Verdict.AC))
    await record(board, competition, "s2", ("gone", 50, Verdict.AC))
    await boards.snapshot(competition)
    # A rebuild from results that no longer include "gone": the snapshot drops the participant too.
    kept = [Result("s1", "ada", "A", START + 100, Verdict.AC)]
    await board.rebuild(competition, kept)
    page = await boards.page(competition, offset=0, limit=10, view="live")
    assert [row.user_id for row in page.rows] == ["ada"]
    assert boards.whole_reads == 2
    monkeypatch.setattr(leaderboard_snapshot, "MAX_CHANGES", 2)
    for index in range(3):
        await record(board, competition, f"t{index}", (f"new{index}", 300 + index, Verdict.WA))
    page = await boards.page(competition, offset=0, limit=10, view="live")
    assert [row.user_id for row in page.rows] == ["ada", "new2", "new1", "new0"]
    assert boards.whole_reads == 3


async def test_within_a_refresh_interval_the_snapshot_is_not_read_again(redis: aioredis.Redis) -> None:
    competition = competition_of()
    board = Leaderboard(redis)
    now = [0.0]
    boards = Boards(BoardReads(redis), 1.0, clock=lambda: now[0])
    await record(board, competition, "s1", ("ada", 100, Verdict.AC))
    await boards.snapshot(competition)
    await record(board, competition, "s2", ("bob", 90, Verdict.AC))
    now[0] = 0.5
    assert [row.user_id for row in (await boards.page(competition, offset=0, limit=5, view="live")).rows] == ["ada"]
    now[0] = 1.0  # one interval after the read began: the next request reads the change
    assert [row.user_id for row in (await boards.page(competition, offset=0, limit=5, view="live")).rows] == [
        "bob",
        "ada",
    ]
    assert boards.change_reads == 1


async def test_concurrent_requests_share_one_read(redis: aioredis.Redis) -> None:
    competition = competition_of()
    await record(Leaderboard(redis), competition, "s1", ("ada", 100, Verdict.AC))
    boards = Boards(BoardReads(redis), 1.0)
    pages = await asyncio.gather(*(boards.page(competition, offset=0, limit=5, view="live") for _ in range(50)))
    assert {page.rows[0].user_id for page in pages} == {"ada"}
    assert (boards.whole_reads, boards.change_reads) == (1, 0)


async def test_an_own_rows_etag_changes_only_when_what_it_shows_changes(redis: aioredis.Redis) -> None:
    competition = competition_of()
    board = Leaderboard(redis)
    Redis.client = redis
    boards = always_stale()
    for index, user in enumerate(["ada", "bob", "cy", "dee", "eve"]):
        await record(board, competition, f"s{index}", (user, 100 * (index + 1), Verdict.AC))

    async def etag(user: str) -> str:
        own = await boards.own_row(competition, user, neighbours=1, view="public")
        assert own is not None
        return own.etag

    before = {user: await etag(user) for user in USERS}
    await record(board, competition, "late", ("eve", 900, Verdict.WA))  # eve's own row changes: A, after the accept
    await board.record(
        competition, "b1", user_id="eve", problem_label="B", submitted_at=START + 950, verdict=Verdict.WA
    )
    after = {user: await etag(user) for user in USERS}
    assert after["ada"] == before["ada"]  # eve is not in their window
    assert after["bob"] == before["bob"]
    assert after["dee"] != before["dee"]  # eve is dee's neighbour
    assert after["eve"] != before["eve"]
    assert len(set(before.values())) == len(USERS)


async def test_a_second_host_gives_the_same_etag(redis: aioredis.Redis) -> None:
    """Two hosts' snapshots of one board: the same ETag for every participant, view and window (a 304 anywhere)."""
    competition = competition_of(freeze=5)
    board = Leaderboard(redis)
    for index, user in enumerate(["ada", "bob", "cy", "dee", "eve"]):
        await record(board, competition, f"s{index}", (user, 100 * (index + 1), Verdict.AC))
    await board.record(  # after the freeze: the views differ
        competition, "late", user_id="bob", problem_label="B", submitted_at=START + 1000, verdict=Verdict.AC
    )
    first, second = Boards(BoardReads(redis), 1.0), Boards(BoardReads(redis), 1.0)
    await second.page(competition, offset=0, limit=5, view="live")  # the second host renders in another order
    for user in ["eve", "cy", "ada", "bob", "dee"]:
        for view in ("live", "public"):
            for neighbours in (0, 1, 5):
                mine = await first.own_row(competition, user, neighbours=neighbours, view=view)
                theirs = await second.own_row(competition, user, neighbours=neighbours, view=view)
                assert mine is not None
                assert theirs is not None
                assert mine.etag == theirs.etag, (user, view, neighbours)
                assert mine.body() == theirs.body()


@pytest.mark.parametrize("participants", [20_000])
async def test_memory_per_participant_is_bounded(redis: aioredis.Redis, participants: int) -> None:
    """A 20,000-participant board (both views) stays under 600 bytes a participant, its rendered rows under 1,200
    (docs/benchmarks.md: 100,000)."""
    competition = competition_of(freeze=5)
    results = [
        Result(
            f"s{index}",
            f"u{index:06d}",
            "ABC"[index % 3],
            START + index % 1200,
            Verdict.AC if index % 3 else Verdict.WA,
        )
        for index in range(participants)
    ]
    await Leaderboard(redis).rebuild(competition, results)
    boards = Boards(BoardReads(redis), 1.0)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        snapshot = await boards.snapshot(competition)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(snapshot.boards["live"]) == len(snapshot.boards["public"]) == participants
    assert kept / participants < 600
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for index in range(participants):  # every participant's own row answered in both views: each row kept once
            for view in ("live", "public"):
                own = await boards.own_row(competition, f"u{index:06d}", neighbours=1, view=view)
                assert own is not None
                own.body()
        rendered = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert rendered / participants < 1_200  # a 3-problem row's JSON in each view, one per participant
