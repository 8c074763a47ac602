"""Competitions through the daemon's app against a real Redis and real sandboxes: submit, judge, see the board."""

from __future__ import annotations

import asyncio
import csv
import io
import itertools
import time
from collections.abc import AsyncIterator
from pathlib import Path

import msgspec
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from judged.daemon import create_app
from judged.judging.verdicts import Verdict
from judged.sandbox import Sandbox
from judged.store.client import connect
from judged.store.competitions import Competition
from judged.store.keys import Keys
from judged.store.leaderboard import Leaderboard
from tests.api.test_submissions import PROBLEMS, finished_run, settings_for, start, until_ready, verdict_of
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

Client = TestClient[web.Request, web.Application]
ACCEPTED = (PROBLEMS / "balance-point" / "solutions" / "accepted" / "solution.py").read_text()
WRONG = "class Solution:\n    def balancePoint(self, weights):\n        return -1\n"
_ids = itertools.count()


PREFIX = "competition-tests:"
REFRESH = 1.0  # the default leaderboard_refresh


@pytest.fixture(scope="module")
async def client(sandbox: Sandbox, state_dir: Path, redis_url: str) -> AsyncIterator[Client]:
    overrides = {"redis.prefix": PREFIX, "submissions.max_per_minute": 1000}
    client = await start(create_app(settings_for(state_dir, redis_url, **overrides)))
    await until_ready(client)
    yield client
    await client.close()


@pytest.fixture(scope="module")
async def second_host(
    client: Client, tmp_path_factory: pytest.TempPathFactory, redis_url: str
) -> AsyncIterator[Client]:
    """Another API host on the same Redis, with its own state folder and its own board snapshots."""
    state = tmp_path_factory.mktemp("second-host")
    overrides = {"redis.prefix": PREFIX, "server.role": "api"}
    host = await start(create_app(settings_for(state, redis_url, **overrides)))
    yield host
    await host.close()


async def create(client: Client, **fields: object) -> dict[str, object]:
    body = {
        "id": f"contest-{next(_ids)}",
        "title": "Test Cup",
        "start": time.time() - 60,
        "problems": [{"problem": "balance-point"}, {"problem": "aplusb"}],
        **fields,
    }
    response = await client.post("/v1/competitions", json=body)
    assert response.status == 201, await response.text()
    created: dict[str, object] = await response.json()
    return created


async def judged(client: Client, competition: object, user: str, code: str) -> dict[str, object]:
    body = {
        "problem": "balance-point",
        "language": "python",
        "code": code,
        "user_id": user,
        "competition_id": competition,
    }
    response = await client.post("/v1/submissions", json=body)
    assert response.status == 202, await response.text()
    return await verdict_of(client, (await response.json())["url"])


async def board(client: Client, competition: object, query: str = "") -> dict[str, object]:
    await asyncio.sleep(1.1)  # pages are rendered once per refresh interval (1 s)
    response = await client.get(f"/v1/competitions/{competition}/leaderboard{query}")
    assert response.status == 200, await response.text()
    page: dict[str, object] = await response.json()
    return page


async def test_a_competition_is_created_and_reports_its_state(client: Client) -> None:
    created = await create(client)
    assert created["state"] == "running"
    assert [problem["label"] for problem in created["problems"]] == ["A", "B"]  # type: ignore[attr-defined]
    fetched = await (await client.get(f"/v1/competitions/{created['id']}")).json()
    assert fetched["id"] == created["id"]
    again = await client.post("/v1/competitions", json={**created, "start": created["start"]})
    assert again.status in (400, 409)
    unknown = await client.post(
        "/v1/competitions", json={"id": "x1", "title": "t", "start": 0, "problems": [{"problem": "no-such"}]}
    )
    assert unknown.status == 422


async def test_submissions_are_admitted_only_while_it_runs_and_for_its_problems(client: Client) -> None:
    running = await create(client)
    scheduled = await create(client, start=time.time() + 3600)
    body = {"problem": "balance-point", "language": "python", "code": WRONG, "user_id": "eve"}
    assert (await client.post("/v1/submissions", json={**body, "competition_id": scheduled["id"]})).status == 409
    other = {**body, "problem": "rain-window", "competition_id": running["id"]}
    response = await client.post("/v1/submissions", json=other)
    assert response.status == 409
    assert (await response.json())["error"]["code"] == "problem_not_in_competition"
    assert (await client.post("/v1/submissions", json={**body, "competition_id": "nope"})).status == 404


async def test_the_board_follows_verdicts_with_shared_ranks(client: Client) -> None:
    competition = (await create(client))["id"]
    assert (await judged(client, competition, "ada", WRONG))["verdict"] == "WA"
    assert (await judged(client, competition, "ada", ACCEPTED))["verdict"] == "AC"
    assert (await judged(client, competition, "bob", WRONG))["verdict"] == "WA"
    page = await board(client, competition)
    rows = {row["user_id"]: row for row in page["rows"]}  # type: ignore[attr-defined]
    assert rows["ada"]["rank"] == 1
    assert rows["ada"]["solved"] == 1
    cell = rows["ada"]["problems"][0]
    assert (cell["label"], cell["solved"], cell["attempts"], cell["first_to_solve"]) == ("A", True, 2, True)
    assert rows["bob"]["rank"] == 2
    assert rows["bob"]["solved"] == 0
    # A later submission to a solved problem changes nothing.
    assert (await judged(client, competition, "ada", WRONG))["verdict"] == "WA"
    own = await (await client.get(f"/v1/competitions/{competition}/leaderboard/ada")).json()
    assert own["row"]["problems"][0]["attempts"] == 2
    assert [row["user_id"] for row in own["rows"]] == ["ada", "bob"]
    assert (await client.get(f"/v1/competitions/{competition}/leaderboard/nobody")).status == 404


async def test_pages_are_cacheable_and_revalidate(client: Client) -> None:
    competition = (await create(client))["id"]
    await judged(client, competition, "cy", ACCEPTED)
    await asyncio.sleep(1.1)
    first = await client.get(f"/v1/competitions/{competition}/leaderboard?limit=10")
    assert first.headers["Cache-Control"] == "public, max-age=1"
    etag = first.headers["ETag"]
    again = await client.get(f"/v1/competitions/{competition}/leaderboard?limit=10", headers={"If-None-Match": etag})
    assert again.status == 304
    assert (await client.get(f"/v1/competitions/{competition}/leaderboard?limit=1001")).status == 400
    padded = await client.get(f"/v1/competitions/{competition}/leaderboard?limit=010")  # the number, as elsewhere
    assert (padded.status, padded.headers["ETag"]) == (200, etag)
    assert (await client.get(f"/v1/competitions/{competition}/leaderboard?limit=\u0661\u0660")).status == 400


async def test_the_freeze_shows_later_submissions_as_pending_to_the_public(client: Client) -> None:
    # Started 50 minutes ago, 60 minutes long, frozen for the last 20: the board is frozen now.
    competition = await create(client, start=time.time() - 3000, duration=3600, freeze_minutes=20)
    assert competition["state"] == "frozen"
    await judged(client, competition["id"], "dan", ACCEPTED)
    public = await board(client, competition["id"])
    cell = public["rows"][0]["problems"][0]  # type: ignore[index]
    assert (cell["solved"], cell["pending"]) == (False, 1)
    live = await board(client, competition["id"], "?view=live")  # auth is off: the caller is the host's admin
    assert live["rows"][0]["problems"][0]["solved"] is True  # type: ignore[index]


async def test_exports_in_clics_and_csv(client: Client) -> None:
    competition = (await create(client))["id"]
    await judged(client, competition, "fay", ACCEPTED)
    await asyncio.sleep(1.1)
    clics = await (await client.get(f"/v1/competitions/{competition}/scoreboard.json")).json()
    row = clics["rows"][0]
    assert (row["rank"], row["team_id"], row["score"]["num_solved"]) == (1, "fay", 1)
    assert {problem["problem_id"] for problem in row["problems"]} >= {"balance-point"}
    text = await (await client.get(f"/v1/competitions/{competition}/scoreboard.csv")).text()
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0][:3] == ["rank", "user_id", "solved"]
    assert lines[1][:3] == ["1", "fay", "1"]


async def test_leaderboard_events_start_with_a_snapshot_then_send_changes(client: Client) -> None:
    competition = (await create(client))["id"]
    response = await client.get(f"/v1/competitions/{competition}/leaderboard/events")
    assert response.headers["Content-Type"].startswith("text/event-stream")
    assert await asyncio.wait_for(response.content.readline(), 10) == b"event: snapshot\n"
    await response.content.readline()  # its data
    await response.content.readline()  # the blank line
    await judged(client, competition, "gus", ACCEPTED)
    assert await asyncio.wait_for(response.content.readline(), 30) == b"event: changes\n"
    assert b'"gus"' in await response.content.readline()
    response.close()


async def test_a_rejudge_judges_again_and_counts_once(client: Client) -> None:
    competition = (await create(client))["id"]
    wrong = await judged(client, competition, "hal", WRONG)
    await judged(client, competition, "hal", ACCEPTED)
    before = (await board(client, competition))["rows"][0]  # type: ignore[index]
    response = await client.post(f"/v1/submissions/{wrong['id']}/rejudge")
    assert response.status == 202
    again = await verdict_of(client, (await response.json())["url"])
    assert again["verdict"] == "WA"
    after = (await board(client, competition))["rows"][0]  # type: ignore[index]
    assert after == before  # the same verdict again: attempts and time unchanged, nothing counted twice
    assert (await client.post("/v1/submissions/0123456789abcdef/rejudge")).status == 404


async def test_a_running_competitions_problem_runs_custom_inputs_without_reference_outputs(client: Client) -> None:
    await create(client, problems=[{"problem": "balance-point"}])
    body = {
        "problem": "balance-point",
        "language": "python",
        "code": ACCEPTED,
        "user_id": "ada",
        "tests": [{"weights": [1, 7, 3, 6, 5, 6]}],
    }
    report = (await finished_run(client, body))["report"]
    assert [output["value"] for output in report["outcome"]["outputs"]] == [3]  # the participant's own output
    assert report.get("expected") is None  # but not what the reference solution says it should be
    assert not report.get("expected_from")
    practice = {key: body[key] for key in ("problem", "language", "code", "user_id")}
    refused = await client.post("/v1/submissions", json=practice)
    assert refused.status == 409
    assert (await refused.json())["error"]["code"] == "problem_in_competition"


async def own_row(
    host: Client, competition: object, user: str, etag: str | None = None
) -> tuple[int, dict[str, object], str]:
    headers = {"If-None-Match": etag} if etag else {}
    response = await host.get(f"/v1/competitions/{competition}/leaderboard/{user}?neighbours=1", headers=headers)
    body: dict[str, object] = await response.json() if response.status == 200 else {}
    return response.status, body, response.headers.get("ETag", "")


async def test_an_unchanged_own_row_is_a_304_and_a_change_is_not(client: Client) -> None:
    competition = (await create(client))["id"]
    await judged(client, competition, "ivy", ACCEPTED)
    await judged(client, competition, "jon", WRONG)
    await asyncio.sleep(REFRESH + 0.1)
    status, body, etag = await own_row(client, competition, "jon")
    assert status == 200
    assert body["row"]["rank"] == 2  # type: ignore[index]
    status, _, same = await own_row(client, competition, "jon", etag)
    assert (status, same) == (304, etag)
    await judged(client, competition, "jon", ACCEPTED)  # jon's row changes: a full answer with a new ETag
    await asyncio.sleep(REFRESH + 0.1)
    status, body, changed = await own_row(client, competition, "jon", etag)
    assert status == 200
    assert body["row"]["solved"] == 1  # type: ignore[index]
    assert changed != etag


async def test_a_recorded_result_is_on_every_hosts_board_one_refresh_later(
    client: Client, second_host: Client, redis_url: str
) -> None:
    created = await create(client)
    competition, hosts = created["id"], (client, second_host)
    await judged(client, competition, "kim", WRONG)
    await asyncio.sleep(REFRESH + 0.1)
    for host in hosts:  # both hosts hold a snapshot from before the result
        assert (await own_row(host, competition, "kim"))[1]["row"]["solved"] == 0  # type: ignore[index]
    redis = connect(redis_url)
    try:  # recorded as the worker records it: the script in Redis, then nothing else
        fields = {key: created[key] for key in ("id", "title", "start", "problems", "duration")}
        board = Leaderboard(redis, Keys(PREFIX))
        model = msgspec.convert(fields, Competition)
        late = time.time()
        await board.record(model, "direct-1", user_id="kim", problem_label="B", submitted_at=late, verdict=Verdict.AC)
    finally:
        await redis.aclose()
    await asyncio.sleep(REFRESH)  # one refresh interval after the record: every host's next answer shows it
    answers = [await own_row(host, competition, "kim") for host in hosts]
    for status, body, _ in answers:
        assert status == 200
        assert body["row"]["solved"] == 1  # type: ignore[index]
    assert answers[0][2].startswith('"')
    assert answers[0][2] == answers[1][2]  # the same rows give the same ETag on every host
    pages = [await (await host.get(f"/v1/competitions/{competition}/leaderboard")).json() for host in hosts]
    assert pages[0]["rows"] == pages[1]["rows"]
