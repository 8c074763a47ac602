"""Who a request acts for (issue 17): participant tokens from frontends, service tokens, admin tokens, and
what competitions do to their problems, through a real `api`-role daemon app against a real Redis.

No sandbox is needed: the host serves the API only, its language statuses are the ones a worker host
would have published in Redis, and submissions stay queued (which is what the per-user limits count).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import secrets
import time
from collections.abc import AsyncIterator
from pathlib import Path

import jwt
import msgspec
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from judged.api.auth import fingerprint
from judged.daemon import create_app
from judged.judging.statuses import LanguageStatus
from judged.store.client import connect
from judged.store.keys import Keys
from judged.store.languages import HostLanguages
from tests.api.test_submissions import settings_for, start
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

Client = TestClient[web.Request, web.Application]
SECRET = secrets.token_hex(32)
OTHER_SECRET = secrets.token_hex(32)
SERVICE = {"Authorization": "Bearer service-token-for-the-backend"}
ADMIN_TOKEN = "admin-token-never-logged-" + secrets.token_hex(8)
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
CODE = "class Solution:\n    def balancePoint(self, weights):\n        return -1\n"
_prefixes = itertools.count()


def participant(user: str, *, secret: str = SECRET, expires_in: float = 600, **header: str) -> dict[str, str]:
    token = jwt.encode({"sub": user, "exp": time.time() + expires_in}, secret, algorithm="HS256", headers=header)
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def client(state_dir: Path, redis_url: str) -> AsyncIterator[Client]:
    """An API host with one frontend, a service token and an admin token; python published as enabled."""
    prefix = f"identity-{next(_prefixes)}:"
    redis = connect(redis_url)
    record = HostLanguages(
        host="worker-1", at=time.time(), statuses=[LanguageStatus("python", "Python 3", "3.11", enabled=True)]
    )
    await redis.hset(Keys(prefix).languages(), "worker-1", msgspec.json.encode(record))
    await redis.aclose()
    settings = settings_for(
        state_dir,
        redis_url,
        **{
            "server.role": "api",
            "server.tokens": ["service-token-for-the-backend"],
            "server.admin_tokens": [ADMIN_TOKEN],
            "server.frontends": [{"name": "site", "secret": SECRET}],
            "redis.prefix": prefix,
            "submissions.max_active_per_user": 2,
            "submissions.max_per_minute": 100,
            "server.header_timeout": 2,
        },
    )
    client = await start(create_app(settings))

    async def languages_known() -> None:
        while not await (await client.get("/v1/languages", headers=SERVICE)).json():
            await asyncio.sleep(0.1)

    await asyncio.wait_for(languages_known(), 60)
    yield client
    await client.close()


async def submit(client: Client, headers: dict[str, str], **fields: object) -> tuple[int, dict[str, object]]:
    body = {"problem": "balance-point", "language": "python", "code": CODE, **fields}
    response = await client.post("/v1/submissions", json=body, headers=headers)
    answer: dict[str, object] = await response.json()
    return response.status, answer


async def test_a_participant_token_is_who_submits_so_rotating_user_id_hits_the_limits(client: Client) -> None:
    ada = participant("ada")
    first, created = await submit(client, ada)
    assert first == 202, created
    shown = await (await client.get(str(created["url"]), headers=ada)).json()
    assert shown["user_id"] == "ada"
    assert (await submit(client, ada, user_id="ada"))[0] == 202
    rotated, refused = await submit(client, ada, user_id="ada-2")
    assert rotated == 403, refused
    assert refused["error"]["code"] == "forbidden"  # type: ignore[index]
    limited, _ = await submit(client, ada)
    assert limited == 429  # max_active_per_user is 2, whatever user_id the body would have named
    assert (await submit(client, participant("bob")))[0] == 202  # another participant has limits of their own


async def test_a_participant_reads_its_own_submissions_only(client: Client) -> None:
    """Another participant's submission (its code, its result) is 404 to a participant token, even with the
    id in hand (a shared link); the owner, a service token and an admin read it."""
    status, created = await submit(client, participant("erin"))
    assert status == 202, created
    url = str(created["url"])
    assert (await client.get(url, headers=participant("erin"))).status == 200
    other = await client.get(url, headers=participant("frank"))
    assert other.status == 404
    assert (await client.get(f"{url}/events", headers=participant("frank"))).status == 404
    assert (await client.get(url, headers=SERVICE)).status == 200
    assert (await client.get(url, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})).status == 200


async def test_a_service_token_names_the_participant_and_must_name_one(client: Client) -> None:
    assert (await submit(client, SERVICE, user_id="carol"))[0] == 202
    assert (await submit(client, SERVICE, user_id="dave"))[0] == 202
    missing, answer = await submit(client, SERVICE)
    assert missing == 400
    assert "user_id" in answer["error"]["message"]  # type: ignore[index]


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(participant("ada", expires_in=-3600), id="expired"),
        pytest.param(participant("ada", secret=OTHER_SECRET), id="another secret"),
        pytest.param(participant("ada", kid="nobody"), id="unknown kid"),
        pytest.param({"Authorization": "Bearer " + jwt.encode({"sub": "ada"}, SECRET, algorithm="HS256")}, id="no exp"),
        pytest.param(
            {"Authorization": "Bearer " + jwt.encode({"exp": time.time() + 600}, SECRET, algorithm="HS256")},
            id="no sub",
        ),
        pytest.param(
            {"Authorization": "Bearer " + jwt.encode({"sub": "ada", "exp": time.time() + 600}, None, algorithm="none")},
            id="alg none",
        ),
        pytest.param({"Authorization": "Bearer a.b.c"}, id="malformed"),
    ],
)
async def test_an_expired_or_badly_signed_token_is_401(client: Client, headers: dict[str, str]) -> None:
    listed = await client.get("/v1/problems", headers=headers)
    assert listed.status == 401
    assert listed.headers["WWW-Authenticate"].startswith("Bearer")
    assert (await submit(client, headers))[0] == 401


async def test_a_token_naming_its_frontend_in_kid_is_accepted(client: Client) -> None:
    assert (await submit(client, participant("erin", kid="site")))[0] == 202


async def test_a_participant_token_is_not_an_admin_token(client: Client) -> None:
    response = await client.post("/v1/competitions", json={}, headers=participant("ada"))
    assert response.status == 403
    assert (await client.get("/metrics", headers=participant("ada"))).status == 403


async def test_admin_actions_log_which_admin_token_did_them(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    body = {"id": "logged", "title": "Logged", "start": time.time() + 3600, "problems": [{"problem": "aplusb"}]}
    with caplog.at_level(logging.INFO):
        response = await client.post("/v1/competitions", json=body, headers=ADMIN)
    assert response.status == 201
    lines = [record.getMessage() for record in caplog.records if "competition logged created" in record.getMessage()]
    assert lines, caplog.text
    assert f"by admin token {fingerprint(ADMIN_TOKEN)}" in lines[0]
    assert ADMIN_TOKEN not in caplog.text


async def create(client: Client, competition_id: str, start: float, problems: list[str], **more: object) -> None:
    body = {
        "id": competition_id,
        "title": competition_id,
        "start": start,
        "problems": [{"problem": problem} for problem in problems],
        **more,
    }
    response = await client.post("/v1/competitions", json=body, headers=ADMIN)
    assert response.status == 201, await response.text()


async def slugs(client: Client, headers: dict[str, str]) -> set[str]:
    response = await client.get("/v1/problems?limit=100", headers=headers)
    assert response.status == 200
    page = await response.json()
    return {item["slug"] for item in page["items"]}


async def test_a_scheduled_competition_hides_its_problems_from_everyone_but_admins(client: Client) -> None:
    await create(client, "later", time.time() + 3600, ["rain-window", "level-sums"])
    await create(client, "open-early", time.time() + 3600, ["trim-leaves"], hide_problems=False)
    for headers in (participant("ada"), SERVICE):
        listed = await slugs(client, headers)
        assert "rain-window" not in listed
        assert "level-sums" not in listed
        assert {"balance-point", "trim-leaves"} <= listed  # not hidden: ordinary, or its competition shows it
        assert (await client.get("/v1/problems/rain-window", headers=headers)).status == 404
        status, _ = await submit(client, headers, problem="rain-window", user_id=None if headers != SERVICE else "x")
        assert status == 404
    assert {"rain-window", "level-sums"} <= await slugs(client, ADMIN)
    page = await client.get("/v1/problems/rain-window", headers=ADMIN)
    assert page.status == 200
    assert page.headers["Cache-Control"].startswith("private")  # no shared cache keeps what others may not see


async def test_a_running_competition_takes_no_practice_submissions_for_its_problems(client: Client) -> None:
    await create(client, "now", time.time() - 60, ["best-average"])
    ada = participant("ada")
    assert (await client.get("/v1/problems/best-average", headers=ada)).status == 200  # its participants read it
    for headers in (ada, ADMIN):
        status, answer = await submit(client, headers, problem="best-average", user_id="ada")
        assert status == 409
        assert answer["error"]["code"] == "problem_in_competition"  # type: ignore[index]
    status, answer = await submit(client, ada, problem="best-average", competition_id="now")
    assert status == 202, answer


async def test_after_the_end_its_problems_are_ordinary_again(client: Client) -> None:
    await create(client, "over", time.time() - 3 * 3600, ["balance-scale"])
    ada = participant("ada")
    assert "balance-scale" in await slugs(client, ada)
    assert (await client.get("/v1/problems/balance-scale", headers=ada)).status == 200
    assert (await submit(client, ada, problem="balance-scale"))[0] == 202


async def test_a_body_that_does_not_arrive_in_time_is_408(client: Client) -> None:
    reader, writer = await asyncio.open_connection(client.host, client.port)
    head = (
        "POST /v1/submissions HTTP/1.1\r\nHost: judged\r\nContent-Type: application/json\r\n"
        f"Authorization: {SERVICE['Authorization']}\r\nContent-Length: 1000\r\n\r\n"
    )
    writer.write(head.encode() + b'{"problem": "balance-point", ')  # and then nothing more
    await writer.drain()
    try:
        status_line = await asyncio.wait_for(reader.readline(), 60)
        assert status_line.split()[1] == b"408", status_line
    finally:
        writer.close()
