"""The archive of finished submissions, on SQLite and PostgreSQL: writes by id, reads, histories, standings."""

from __future__ import annotations

import msgspec
import pytest

from judged.judging.verdicts import Verdict
from judged.store.archive import HistoryQuery, SubmissionArchive
from judged.store.database import Database
from judged.store.index import InvalidCursor
from judged.store.submissions import Kind, SubmissionStatus
from tests.store.archived import finished
from tests.store.database import database_fixture, database_url_fixture, postgres_cluster_fixture

__all__ = ["database_fixture", "database_url_fixture", "postgres_cluster_fixture"]


@pytest.fixture
def archive(database: Database) -> SubmissionArchive:
    return SubmissionArchive(database)


async def test_a_finished_submission_reads_back_exactly_as_written(archive: SubmissionArchive) -> None:
    written = finished("s1", verdict=Verdict.WA, competition_id="spring", tests=100)
    await archive.put(written)
    assert await archive.get("s1") == written
    assert await archive.get("nope") is None


async def test_writing_the_same_id_again_keeps_one_row_and_a_rejudge_replaces_the_verdict(
    archive: SubmissionArchive,
) -> None:
    first = finished("s1", verdict=Verdict.WA)
    await archive.put(first)
    await archive.put(first)  # a redelivered finish
    assert await archive.count() == 1
    rejudged = finished("s1", verdict=Verdict.AC)
    await archive.put(rejudged)
    assert await archive.count() == 1
    stored = await archive.get("s1")
    assert stored is not None
    assert stored.result is not None
    assert stored.result.verdict is Verdict.AC


async def test_unfinished_submissions_and_runs_are_refused(archive: SubmissionArchive) -> None:
    done = finished("s1")
    for wrong in (
        msgspec.structs.replace(done, status=SubmissionStatus.RUNNING, result=None),
        msgspec.structs.replace(done, kind=Kind.RUN),
    ):
        with pytest.raises(ValueError, match="only finished submissions"):
            await archive.put(wrong)
    assert await archive.count() == 0


async def test_a_history_is_newest_first_and_pages_through_every_match_once(archive: SubmissionArchive) -> None:
    # Equal times too: the cursor orders by (created, id), so ties are neither lost nor repeated.
    mine = [finished(f"a{i:03d}", user_id="ada", created=1000.0 + i // 3) for i in range(25)]
    theirs = [finished(f"b{i:03d}", user_id="bob", created=1000.0 + i) for i in range(5)]
    await archive.put_many(mine + theirs)
    seen: list[str] = []
    cursor = None
    while True:
        page = await archive.history(HistoryQuery(user_id="ada", limit=7, cursor=cursor))
        seen += [item.id for item in page.items]
        assert len(page.items) <= 7
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    expected = [s.id for s in sorted(mine, key=lambda s: (s.created, s.id), reverse=True)]
    assert seen == expected


async def test_history_filters_combine(archive: SubmissionArchive) -> None:
    await archive.put_many(
        [
            finished("p1", problem="two-sum", verdict=Verdict.WA, language="cpp", created=1.0),
            finished("p2", problem="two-sum", verdict=Verdict.AC, language="python", created=2.0),
            finished("p3", problem="other", verdict=Verdict.AC, language="python", created=3.0, competition_id="c1"),
            finished("p4", problem="two-sum", verdict=Verdict.AC, user_id="bob", created=4.0),
        ]
    )

    async def ids(**filters: object) -> list[str]:
        page = await archive.history(msgspec.convert(filters, HistoryQuery))
        return [item.id for item in page.items]

    assert await ids(user_id="ada") == ["p3", "p2", "p1"]
    assert await ids(user_id="ada", problem="two-sum") == ["p2", "p1"]
    assert await ids(verdict="AC") == ["p4", "p3", "p2"]
    assert await ids(language="cpp") == ["p1"]
    assert await ids(competition_id="c1") == ["p3"]
    assert await ids(user_id="ada", problem="two-sum", verdict="TLE") == []


async def test_a_history_line_is_a_summary_without_code_or_tests(archive: SubmissionArchive) -> None:
    await archive.put(finished("s1", verdict=Verdict.WA))
    (line,) = (await archive.history(HistoryQuery(user_id="ada"))).items
    wire = msgspec.to_builtins(line)
    assert wire["verdict"] == "WA"
    assert wire["time"] == 0.125
    assert wire["memory"] == 12_345_678
    assert "code" not in wire
    assert "tests" not in wire


async def test_a_cursor_that_was_not_handed_out_is_refused(archive: SubmissionArchive) -> None:
    for bad in ("x", "!!!!", "WzEsMl0"):  # the last is [1,2]: JSON, but not (time, id)
        with pytest.raises(InvalidCursor):
            await archive.history(HistoryQuery(cursor=bad))


async def test_problem_statuses_say_solved_attempts_and_the_last_verdict(archive: SubmissionArchive) -> None:
    await archive.put_many(
        [
            finished("1", problem="a", verdict=Verdict.WA, created=1.0),
            finished("2", problem="a", verdict=Verdict.AC, created=2.0),
            finished("3", problem="a", verdict=Verdict.TLE, created=3.0),
            finished("4", problem="b", verdict=Verdict.WA, created=4.0),
            finished("5", problem="c", verdict=Verdict.AC, created=5.0, user_id="bob"),
        ]
    )
    statuses = {status.problem: status for status in await archive.problem_statuses("ada")}
    assert set(statuses) == {"a", "b"}
    assert (statuses["a"].solved, statuses["a"].attempts, statuses["a"].last_verdict) == (True, 3, Verdict.TLE)
    assert (statuses["b"].solved, statuses["b"].attempts, statuses["b"].last_verdict) == (False, 1, Verdict.WA)
    only = await archive.problem_statuses("ada", ["b", "zzz"])
    assert [status.problem for status in only] == ["b"]
    assert await archive.problem_statuses("nobody") == []


async def test_a_competitions_submissions_come_back_oldest_first(archive: SubmissionArchive) -> None:
    await archive.put_many([finished(f"c{i}", competition_id="spring", created=100.0 - i) for i in range(5)])
    await archive.put(finished("x", competition_id="other"))
    ids = [submission.id async for submission in archive.of_competition("spring")]
    assert ids == ["c4", "c3", "c2", "c1", "c0"]
