"""The history routes over a real submissions database (SQLite and PostgreSQL) and a real Redis."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from judged.api import build_app
from judged.api.deps import History, Submissions
from judged.judging.verdicts import JudgeResult, Verdict
from judged.store.archive import SubmissionArchive
from judged.store.competition_archive import CompetitionArchive, DurableCompetitionStore
from judged.store.competitions import Competition, CompetitionProblem
from judged.store.database import Database
from judged.store.events import Events
from judged.store.keeper import SubmissionKeeper
from judged.store.keys import Keys
from judged.store.submissions import Rules, SubmissionStore
from tests.api.conftest import Client, Daemon, serve
from tests.store.archived import finished
from tests.store.database import database_fixture, database_url_fixture, postgres_cluster_fixture
from tests.store.postgres import Cluster, allow_connections, fresh_open_database
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["database_fixture", "database_url_fixture", "postgres_cluster_fixture", "redis_fixture", "redis_url_fixture"]


@dataclasses.dataclass
class Host:
    client: Client
    keeper: SubmissionKeeper
    competitions: DurableCompetitionStore


@pytest.fixture
async def host(daemon: Daemon, database: Database, redis: aioredis.Redis) -> AsyncIterator[Host]:
    await daemon.sync()
    keys = Keys()
    store = SubmissionStore(redis, keys, Rules(max_active=100, max_per_minute=100))
    keeper = SubmissionKeeper(store, SubmissionArchive(database), hot_seconds=3600)
    competitions = DurableCompetitionStore(redis, CompetitionArchive(database), keys)
    events = Events(redis, keys)
    await events.start()
    deps = dataclasses.replace(
        daemon.deps(),
        submissions=Submissions(store=store, events=events, keeper=keeper),
        history=History(submissions=keeper.archive, competitions=competitions.archive),
    )
    client = await serve(build_app(deps))
    yield Host(client, keeper, competitions)
    await client.close()
    await events.close()


async def _json(host: Host, url: str, status: int = 200) -> object:
    response = await host.client.get(url)
    assert response.status == status, await response.text()
    return await response.json()


async def test_a_users_history_pages_newest_first_with_summaries_only(host: Host) -> None:
    await host.keeper.archive.put_many(
        [finished(f"s{i:02d}", problem="balance-point", created=1000.0 + i) for i in range(12)]
        + [finished("other", user_id="bob", created=5000.0)]
    )
    seen: list[str] = []
    url = "/v1/submissions?user_id=ada&limit=5"
    while True:
        response = await host.client.get(url)
        assert response.status == 200
        assert response.headers["Cache-Control"] == "private, no-store"
        page = await response.json()
        for item in page["items"]:
            assert set(item) <= {
                "id", "problem", "language", "user_id", "verdict", "time", "memory", "created", "finished",
                "competition_id", "score",
            }  # fmt: skip
        seen += [item["id"] for item in page["items"]]
        if page["next_cursor"] is None:
            break
        url = f"/v1/submissions?user_id=ada&limit=5&cursor={page['next_cursor']}"
    assert seen == [f"s{i:02d}" for i in reversed(range(12))]


async def test_history_filters_and_bad_parameters(host: Host) -> None:
    await host.keeper.archive.put_many(
        [
            finished("wa", problem="balance-point", verdict=Verdict.WA, created=1.0),
            finished("ac", problem="balance-point", verdict=Verdict.AC, created=2.0, language="cpp"),
            finished("x", problem="rain-window", verdict=Verdict.AC, created=3.0, competition_id="spring"),
        ]
    )

    async def ids(query: str) -> list[str]:
        page = await _json(host, f"/v1/submissions?{query}")
        assert isinstance(page, dict)
        return [item["id"] for item in page["items"]]

    assert await ids("user_id=ada&problem=balance-point") == ["ac", "wa"]
    assert await ids("user_id=ada&verdict=AC") == ["x", "ac"]
    assert await ids("language=cpp") == ["ac"]
    assert await ids("competition_id=spring") == ["x"]
    assert await ids("user_id=ada&limit=0001") == ["x"]  # leading zeros: the number (1), as on every route
    for bad in ("verdict=OK", "limit=0", "limit=101", "limit=-1", "cursor=nonsense", f"problem={'p' * 201}"):
        body = await _json(host, f"/v1/submissions?{bad}", status=400)
        assert isinstance(body, dict)
        assert body["error"]["code"] == "bad_request"


async def test_a_users_standing_per_problem_and_on_the_problem_list(host: Host) -> None:
    await host.keeper.archive.put_many(
        [
            finished("1", problem="balance-point", verdict=Verdict.WA, created=1.0),
            finished("2", problem="balance-point", verdict=Verdict.AC, created=2.0),
            finished("3", problem="rain-window", verdict=Verdict.TLE, created=3.0),
        ]
    )
    standing = await _json(host, "/v1/users/ada/problems")
    assert standing == [
        {"problem": "balance-point", "solved": True, "attempts": 2, "last_verdict": "AC", "last_submitted": 2.0},
        {"problem": "rain-window", "solved": False, "attempts": 1, "last_verdict": "TLE", "last_submitted": 3.0},
    ]
    assert await _json(host, "/v1/users/nobody/problems") == []

    page = await _json(host, "/v1/problems?user_id=ada&limit=100")
    assert isinstance(page, dict)
    marks = {item["slug"]: (item["status"], item["attempts"], item["last_verdict"]) for item in page["items"]}
    assert marks["balance-point"] == ("solved", 2, "AC")
    assert marks["rain-window"] == ("attempted", 1, "TLE")
    assert marks["level-sums"] == (None, 0, None)
    plain = await _json(host, "/v1/problems?limit=100")
    assert isinstance(plain, dict)
    assert [item["slug"] for item in plain["items"]] == [item["slug"] for item in page["items"]]
    assert all("status" not in item for item in plain["items"])


async def test_a_submission_no_longer_in_redis_is_read_from_the_database(host: Host, redis: aioredis.Redis) -> None:
    store = host.keeper.store
    created = await store.create(problem="balance-point", language="python", code="x = 1\n", user_id="ada")
    result = JudgeResult(verdict=Verdict.WA, tests=[], time=0.5, memory=1 << 20, message="wrong on test 3")
    await store.finish(created.id, result, attempt=1)
    hot = await _json(host, f"/v1/submissions/{created.id}")
    assert await host.keeper.archive_finished(created.id)
    await redis.delete(store.keys.submission(created.id))  # as its expiry would
    cold = await _json(host, f"/v1/submissions/{created.id}")
    assert cold == hot
    assert isinstance(cold, dict)
    assert (cold["status"], cold["verdict"], cold["message"]) == ("finished", "WA", "wrong on test 3")
    await _json(host, "/v1/submissions/never-made", status=404)


def _competition(competition_id: str, start: float, duration: int = 3600) -> Competition:
    problems = [CompetitionProblem(problem="balance-point")]
    return Competition(
        id=competition_id, title=competition_id.title(), start=start, problems=problems, duration=duration
    )


async def test_competitions_are_listed_by_state_newest_first(host: Host, redis: aioredis.Redis) -> None:
    now = time.time()
    for competition in (
        _competition("past", now - 7200),
        _competition("older-past", now - 9000),
        _competition("live", now - 60),
        _competition("soon", now + 3600),
    ):
        await host.competitions.create(competition)

    async def ids(query: str) -> list[str]:
        page = await _json(host, f"/v1/competitions{query}")
        assert isinstance(page, dict)
        return [item["id"] for item in page["items"]]

    assert await ids("") == ["soon", "live", "past", "older-past"]
    assert await ids("?state=scheduled") == ["soon"]
    assert await ids("?state=running") == ["live"]
    assert await ids("?state=ended") == ["past", "older-past"]
    first = await _json(host, "/v1/competitions?limit=3")
    assert isinstance(first, dict)
    rest = await _json(host, f"/v1/competitions?limit=3&cursor={first['next_cursor']}")
    assert isinstance(rest, dict)
    assert [item["id"] for item in rest["items"]] == ["older-past"]
    assert first["items"][0]["problems"] == 1  # how many, not which: a scheduled one may hide them
    await _json(host, "/v1/competitions?state=over", status=400)

    await redis.flushdb()  # Redis lost its copy: the database still has the competition, and caches it again
    back = await host.competitions.get("live")
    assert back is not None
    assert back.title == "Live"
    assert await redis.exists(Keys().competition("live"))


async def test_history_answers_503_while_the_database_is_unreachable(
    daemon: Daemon, postgres_cluster: Cluster, tmp_path: Path
) -> None:
    await daemon.sync()
    async with fresh_open_database(postgres_cluster, tmp_path) as (database, name):
        history = History(submissions=SubmissionArchive(database), competitions=CompetitionArchive(database))
        client = await serve(build_app(dataclasses.replace(daemon.deps(), history=history)))
        try:
            assert (await client.get("/v1/submissions?user_id=ada")).status == 200
            await allow_connections(postgres_cluster, name, False)
            response = await client.get("/v1/submissions?user_id=ada")
            assert response.status == 503
            assert response.headers["Retry-After"] == "5"
            assert (await response.json())["error"]["code"] == "unavailable"
            assert (await client.get("/v1/problems")).status == 200  # browsing goes on
            await allow_connections(postgres_cluster, name, True)
            assert (await client.get("/v1/submissions?user_id=ada")).status == 200
        finally:
            await client.close()
