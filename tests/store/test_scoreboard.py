"""The leaderboard's arithmetic without Redis: score packing, cells, and the CLICS and CSV exports."""

from __future__ import annotations

import csv
import io

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from judged.judging.verdicts import Verdict
from judged.store.competitions import MAX_DURATION, Competition
from judged.store.scoreboard import (
    PENALTY_MAX,
    TIME_MAX,
    Cell,
    Result,
    cell_of,
    clics_scoreboard,
    csv_export,
    pack_score,
    ranked,
    standings,
    top_changes,
    unpack_score,
)

START = 1_750_000_000.0

keys = st.tuples(st.integers(0, 26), st.integers(0, PENALTY_MAX), st.integers(0, TIME_MAX))


def competition_of(rule: str = "icpc", **fields: object) -> Competition:
    data: dict[str, object] = {
        "id": "c1",
        "title": "Round",
        "start": START,
        "problems": [{"problem": "two-sum"}, {"problem": "lru-cache"}],
        "rule": rule,
    }
    data.update(fields)
    return msgspec.convert(data, Competition)


@given(keys, keys)
def test_packed_order_is_rank_order(a: tuple[int, int, int], b: tuple[int, int, int]) -> None:
    """More solved first, then less penalty, then the earlier last accept; equal keys, equal scores."""

    def better(x: tuple[int, int, int]) -> tuple[int, int, int]:
        return (-x[0], x[1], x[2])

    assert (pack_score(*a) > pack_score(*b)) == (better(a) < better(b))
    assert (pack_score(*a) == pack_score(*b)) == (a == b)


@given(keys)
def test_packed_scores_are_exact_doubles(key: tuple[int, int, int]) -> None:
    score = pack_score(*key)
    assert 0 <= score < 2**53
    assert int(float(score)) == score
    assert float(repr(float(score))) == score  # survives Redis' text form
    assert unpack_score(score) == key


def test_the_bounds_hold_for_the_longest_competition() -> None:
    assert MAX_DURATION < TIME_MAX
    # 26 problems, each accepted in the last minute after 40,000 rejected attempts at 240 minutes: still exact.
    assert 26 * (MAX_DURATION // 60 + 240 * 40_000) < PENALTY_MAX


def test_penalty_beyond_the_bound_saturates() -> None:
    assert pack_score(1, PENALTY_MAX + 5, 0) == pack_score(1, PENALTY_MAX, 0)
    with pytest.raises(ValueError, match="cannot pack"):
        pack_score(-1, 0, 0)


@pytest.mark.parametrize(
    ("entries", "frozen_from", "expected"),
    [
        ([], None, Cell()),
        ([(5.0, "a", "WA"), (9.0, "b", "AC"), (12.0, "c", "WA")], None, Cell(True, 1, 0, 9.0)),
        ([(5.0, "a", "CE"), (6.0, "b", "IE"), (7.0, "c", "TLE")], None, Cell(False, 1, 0, None)),
        ([(5.0, "a", "?"), (9.0, "b", "AC")], None, Cell(True, 0, 1, 9.0)),
        ([(9.0, "b", "AC"), (5.0, "a", "RE")], None, Cell(True, 1, 0, 9.0)),  # judged out of order
        ([(5.0, "a", "WA"), (9.0, "b", "AC")], 9.0, Cell(False, 1, 1, None)),  # accepted in the freeze
        ([(9.0, "b", "AC"), (9.0, "a", "WA")], None, Cell(True, 1, 0, 9.0)),  # same time: by id
    ],
)
def test_cells(entries: list[tuple[float, str, str]], frozen_from: float | None, expected: Cell) -> None:
    cell = cell_of(entries, frozen_from)
    assert cell == expected
    assert Cell.decode(cell.encode()) == cell


def sample_rows(competition: Competition) -> list[Result]:
    return [
        Result("1", "ada", "A", START + 61, Verdict.WA),
        Result("2", "ada", "A", START + 125, Verdict.AC),
        Result("3", "bob", "B", START + 3000, Verdict.AC),
        Result("4", "bob", "A", START + 3100),
        Result("5", "cy", "B", START + 10, Verdict.CE),
    ]


def test_clics_scoreboard_shape() -> None:
    competition = competition_of(freeze_minutes=30)
    rows = ranked(competition, standings(competition, sample_rows(competition)))
    board = clics_scoreboard(competition, rows, now=START + 3600)
    assert board["contest_time"] == "1:00:00.000"
    assert board["state"]["started"] == "2025-06-15T15:06:40.000+00:00"
    assert board["state"]["frozen"] is not None
    assert board["state"]["ended"] is None
    assert board["rows"][0] == {
        "rank": 1,
        "team_id": "ada",
        "score": {"num_solved": 1, "total_time": 22},
        "problems": [
            {
                "problem_id": "two-sum",
                "num_judged": 2,
                "num_pending": 0,
                "solved": True,
                "time": 2,
                "first_to_solve": True,
            },
            {"problem_id": "lru-cache", "num_judged": 0, "num_pending": 0, "solved": False},
        ],
    }
    assert board["rows"][1]["score"] == {"num_solved": 1, "total_time": 50}
    assert board["rows"][1]["problems"][0]["num_pending"] == 1
    assert [row["rank"] for row in board["rows"]] == [1, 2, 3]
    msgspec.json.encode(board)


def test_csv_export() -> None:
    competition = competition_of("solved-then-time")
    rows = ranked(competition, standings(competition, sample_rows(competition)))
    lines = list(csv.reader(io.StringIO(csv_export(competition, rows))))
    per_problem = [f"{label} {what}" for label in "AB" for what in ("solved", "attempts", "time")]
    assert lines[0] == ["rank", "user_id", "solved", "time", "penalty", *per_problem]
    assert lines[1] == ["1", "ada", "1", "125", "0", "1", "2", "125", "0", "0", ""]
    assert lines[2][:5] == ["2", "bob", "1", "3000", "0"]
    assert lines[3][:5] == ["3", "cy", "0", "0", "0"]


def test_top_changes() -> None:
    competition = competition_of()
    results = sample_rows(competition)
    before = ranked(competition, standings(competition, results[:3]))
    after = ranked(competition, standings(competition, results))
    assert [row.user_id for row in top_changes(before, after)] == ["bob", "cy"]
