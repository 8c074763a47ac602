"""The daemon's app (`create_app(settings)`) against a real Redis and real sandboxes: submit, wait, verdict.

One app for the module (its language self-tests take seconds); each test uses its own user id, so the
per-user limits of one test never hold back another.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from judged.daemon import create_app
from judged.sandbox import Sandbox
from judged.settings import Settings, load_settings
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

PROJECT = Path(__file__).resolve().parents[2]
PROBLEMS = PROJECT / "problems"
Client = TestClient[web.Request, web.Application]
EXTENSIONS = {"python": "py", "c": "c", "cpp": "cpp", "java": "java", "javascript": "js", "go": "go", "rust": "rs"}
_users = itertools.count()


def settings_for(state_dir: Path, redis_url: str, **overrides: object) -> Settings:
    base: dict[str, object] = {
        "state_dir": str(state_dir),
        "languages_dir": str(PROJECT / "languages"),
        "problem_roots": [str(PROBLEMS)],
        "redis.url": redis_url,
        "worker.slots": 2,
        "submissions.max_active_per_user": 3,
        "submissions.max_per_minute": 6,
    }
    return load_settings(None, overrides={**base, **overrides})


async def start(app: web.Application) -> Client:
    client = TestClient(TestServer(app))
    await client.start_server()
    return client


async def until_ready(client: Client) -> None:
    async def poll() -> None:
        while (await client.get("/readyz")).status != 200:
            await asyncio.sleep(0.2)

    await asyncio.wait_for(poll(), 120)


@pytest.fixture(scope="module")
async def client(sandbox: Sandbox, state_dir: Path, redis_url: str) -> AsyncIterator[Client]:
    client = await start(create_app(settings_for(state_dir, redis_url, **{"redis.prefix": "api-tests:"})))
    await until_ready(client)
    yield client
    await client.close()


def user() -> str:
    return f"user-{next(_users)}"


def solution(problem: str, folder: str, language: str) -> str:
    found = sorted((PROBLEMS / problem / "solutions" / folder).glob(f"*.{EXTENSIONS[language]}"))
    assert found, f"no {folder} solution in {language} for {problem}"
    return found[0].read_text()


async def submit(client: Client, body: Mapping[str, object]) -> dict[str, object]:
    response = await client.post("/v1/submissions", json=body)
    assert response.status == 202, await response.text()
    accepted: dict[str, object] = await response.json()
    assert response.headers["Location"] == accepted["url"]
    return accepted


async def verdict_of(client: Client, url: object) -> dict[str, object]:
    """The finished submission, long-polling; a generous bound, never an assertion about speed."""
    for _ in range(20):
        response = await client.get(f"{url}?wait=30")
        assert response.status == 200, await response.text()
        body: dict[str, object] = await response.json()
        if body["status"] == "finished":
            return body
    raise AssertionError(f"{url} not finished after 10 minutes")


async def finished_run(client: Client, body: Mapping[str, object]) -> dict[str, Any]:
    """POST /v1/runs, then the run once it has finished."""
    response = await client.post("/v1/runs", json=body)
    assert response.status in (200, 202), await response.text()
    run: dict[str, Any] = await response.json()
    while run["status"] != "finished":
        await asyncio.sleep(0.2)
        run = await (await client.get(f"/v1/runs/{run['id']}")).json()
    return run


def count_tests(problem: str) -> int:
    return sum(len(path.read_text().splitlines()) for path in (PROBLEMS / problem / "tests").glob("*.jsonl"))


@pytest.mark.parametrize("language", sorted(EXTENSIONS))
async def test_an_accepted_solution_in_every_language_gets_ac_with_every_test(client: Client, language: str) -> None:
    code = solution("balance-point", "accepted", language)
    accepted = await submit(client, {"problem": "balance-point", "language": language, "code": code, "user_id": user()})
    assert accepted["status"] == "queued"
    done = await verdict_of(client, accepted["url"])
    assert done["verdict"] == "AC", done.get("compile_output") or done.get("message")
    tests = done["tests"]
    assert isinstance(tests, list)
    assert len(tests) == count_tests("balance-point") == 100
    assert done["progress"] == {"passed": 100, "total": 100}


async def test_a_wrong_solution_gets_wa_and_the_first_failing_test(client: Client) -> None:
    code = solution("balance-point", "wrong_answer", "python")
    accepted = await submit(client, {"problem": "balance-point", "language": "python", "code": code, "user_id": user()})
    done = await verdict_of(client, accepted["url"])
    assert done["verdict"] == "WA"
    failure = done["failure"]
    assert isinstance(failure, dict)
    assert failure["verdict"] == "WA"


async def test_a_compile_error_shows_the_compiler_message(client: Client) -> None:
    body = {"problem": "balance-point", "language": "cpp", "code": "class Solution { int x = ; };", "user_id": user()}
    done = await verdict_of(client, (await submit(client, body))["url"])
    assert done["verdict"] == "CE"
    assert "error" in str(done["compile_output"])


async def test_events_stream_status_then_finished(client: Client) -> None:
    code = solution("balance-point", "accepted", "python")
    accepted = await submit(client, {"problem": "balance-point", "language": "python", "code": code, "user_id": user()})
    response = await client.get(str(accepted["events_url"]))
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    text = await asyncio.wait_for(response.text(), 120)  # the stream ends after `finished`
    names = [line.removeprefix("event: ") for line in text.splitlines() if line.startswith("event: ")]
    assert names[0] == "status"
    assert names[-1] == "finished"
    finished = json.loads(text.strip().splitlines()[-1].removeprefix("data: "))
    assert finished["verdict"] == "AC"
    assert set(names[1:-1]) <= {"status", "test"}


async def test_a_run_on_custom_input_shows_outputs_beside_the_reference(client: Client) -> None:
    code = solution("balance-point", "accepted", "python")
    signature = (PROBLEMS / "balance-point" / "problem.toml").read_text()
    assert "weights" in signature
    body = {
        "problem": "balance-point",
        "language": "python",
        "code": code,
        "user_id": user(),
        "tests": [{"weights": [1, 7, 3, 6, 5, 6]}, {"weights": [2, 1, -1]}],
    }
    report = (await finished_run(client, body))["report"]
    assert report["outcome"]["status"] == "ok"
    values = [output["value"] for output in report["outcome"]["outputs"]]
    assert report["expected"] == values
    assert report["expected_from"]


async def test_a_design_run_takes_leetcodes_two_lists_and_shows_the_references_returns(client: Client) -> None:
    body = {
        "problem": "min-stack",
        "language": "python",
        "code": solution("min-stack", "wrong_answer", "python"),
        "user_id": user(),
        "tests": [
            {"operations": ["MinStack", "push", "push", "pop", "getMin"], "arguments": [[], [1], [2], [], []]},
            '["MinStack","push","push","pop","getMin"]\n[[],[2],[1],[],[]]',
        ],
    }
    report = (await finished_run(client, body))["report"]
    assert report["outcome"]["status"] == "ok"
    assert [output["value"] for output in report["outcome"]["outputs"]] == [
        [None, None, None, None, 1],
        [None] * 4 + [1],
    ]
    assert report["expected"] == [[None, None, None, None, 1], [None] * 4 + [2]]
    assert report["inputs"][1] == [["MinStack", "push", "push", "pop", "getMin"], [[], [2], [1], [], []]]


async def test_a_design_run_naming_no_method_of_the_class_is_a_400(client: Client) -> None:
    tests = [{"operations": ["MinStack", "peek"], "arguments": [[], []]}]
    body = {"problem": "min-stack", "language": "python", "code": "x", "user_id": user(), "tests": tests}
    response = await client.post("/v1/runs", json=body)
    assert response.status == 400
    assert "input 1.operations[1]: 'peek' is no method of MinStack" in (await response.json())["error"]["message"]


async def test_a_run_with_a_mistyped_input_is_a_400_naming_it(client: Client) -> None:
    body = {"problem": "balance-point", "language": "python", "code": "x", "user_id": user(), "tests": [{"w": [1]}]}
    response = await client.post("/v1/runs", json=body)
    assert response.status == 400
    assert "weights" in (await response.json())["error"]["message"]


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        (b"{", 400, "not JSON"),
        (b"[]", 400, "invalid request"),
        (b'{"problem": "balance-point", "language": "python", "code": "x"}', 400, "user_id"),
        (b'{"problem": "balance-point", "language": "python", "code": "x", "user_id": "a b"}', 400, "user_id"),
        (b'{"problem": "balance-point", "language": "python", "code": "", "user_id": "a"}', 400, "code"),
        (b'{"problem": "balance-point", "language": "python", "code": "x", "user_id": "a", "extra": 1}', 400, "extra"),
        (b'{"problem": "../etc", "language": "python", "code": "x", "user_id": "a"}', 400, "problem"),
        (b'{"problem": "no-such-problem", "language": "python", "code": "x", "user_id": "a"}', 404, "no-such-problem"),
        (b'{"problem": "balance-point", "language": "cobol", "code": "x", "user_id": "a"}', 422, "cobol"),
        # A void signature: Erlang's values are immutable (LeetCode offers no Erlang for it either).
        (b'{"problem": "sign-sort", "language": "erlang", "code": "x", "user_id": "a"}', 422, "no erlang harness"),
    ],
)
async def test_malformed_requests_get_a_json_error_and_queue_nothing(
    client: Client, body: bytes, status: int, fragment: str
) -> None:
    response = await client.post("/v1/submissions", data=body, headers={"Content-Type": "application/json"})
    assert response.status == status
    error = (await response.json())["error"]
    assert fragment in error["message"]


async def test_code_over_the_limit_is_413(client: Client) -> None:
    body = {"problem": "balance-point", "language": "python", "code": "#" * (64 * 1024 + 1), "user_id": user()}
    response = await client.post("/v1/submissions", json=body)
    assert response.status == 413
    assert "64 KiB" in (await response.json())["error"]["message"]


async def test_an_unknown_submission_is_404_and_a_bad_wait_400(client: Client) -> None:
    assert (await client.get("/v1/submissions/0123456789abcdef")).status == 404
    assert (await client.get("/v1/submissions/0123456789abcdef?wait=soon")).status == 400
    assert (await client.get("/v1/submissions/0123456789abcdef?wait=100000")).status == 400


async def test_the_per_minute_limit_answers_429_with_retry_after(client: Client) -> None:
    who = user()
    code = "class Solution:\n    def balancePoint(self, weights):\n        return -1\n"
    for _ in range(6):  # one at a time, each finished before the next: the active limit is never hit
        body = {"problem": "balance-point", "language": "python", "code": code, "user_id": who}
        await verdict_of(client, (await submit(client, body))["url"])
    response = await client.post(
        "/v1/submissions", json={"problem": "balance-point", "language": "python", "code": code, "user_id": who}
    )
    assert response.status == 429
    assert "this minute" in (await response.json())["error"]["message"]
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    other = await client.post(
        "/v1/submissions", json={"problem": "balance-point", "language": "python", "code": code, "user_id": user()}
    )
    assert other.status == 202  # another user is not held back


async def test_too_many_active_submissions_answer_429(client: Client) -> None:
    who = user()
    spin = "class Solution:\n    def balancePoint(self, weights):\n        while True:\n            pass\n"
    for _ in range(3):
        await submit(client, {"problem": "balance-point", "language": "python", "code": spin, "user_id": who})
    response = await client.post(
        "/v1/submissions", json={"problem": "balance-point", "language": "python", "code": spin, "user_id": who}
    )
    assert response.status == 429
    assert "wait for one to finish" in (await response.json())["error"]["message"]
    assert int(response.headers["Retry-After"]) >= 1


async def test_a_disabled_language_is_refused_with_its_reason(state_dir: Path, redis_url: str, tmp_path: Path) -> None:
    languages = tmp_path / "languages"
    languages.mkdir()
    for path in (PROJECT / "languages").glob("*.toml"):
        text = path.read_text()
        if path.stem == "go":  # a toolchain that is not there: its self-test fails, the language is disabled
            text = text.replace('"/usr/bin/go"', '"/nonexistent/go"')
        (languages / path.name).write_text(text)
    settings = settings_for(
        state_dir, redis_url, languages_dir=str(languages), **{"redis.prefix": "disabled-tests:", "worker.slots": 1}
    )
    client = await start(create_app(settings))
    try:
        await until_ready(client)
        statuses = {status["id"]: status for status in await (await client.get("/v1/languages")).json()}
        assert statuses["go"]["enabled"] is False
        body = {"problem": "balance-point", "language": "go", "code": "package main", "user_id": "a"}
        response = await client.post("/v1/submissions", json=body)
        assert response.status == 422
        assert "go is disabled" in (await response.json())["error"]["message"]
    finally:
        await client.close()


async def test_tokens_guard_every_call_but_health(state_dir: Path, redis_url: str) -> None:
    settings = settings_for(
        state_dir,
        redis_url,
        **{"server.role": "api", "server.tokens": ["front"], "server.admin_tokens": ["boss"], "redis.prefix": "auth:"},
    )
    client = await start(create_app(settings))
    try:
        assert (await client.get("/healthz")).status == 200
        assert (await client.get("/v1/openapi.json")).status == 200
        missing = await client.get("/v1/problems")
        assert missing.status == 401
        assert missing.headers["WWW-Authenticate"].startswith("Bearer")
        assert (await client.get("/v1/problems", headers={"Authorization": "Bearer nope"})).status == 401
        assert (await client.get("/v1/problems", headers={"Authorization": "Bearer front"})).status == 200
        assert (await client.get("/v1/problems", headers={"Authorization": "Bearer boss"})).status == 200
        assert (await client.get("/metrics", headers={"Authorization": "Bearer front"})).status == 403
        metrics = await client.get("/metrics", headers={"Authorization": "Bearer boss"})
        assert metrics.status == 200
        assert "judged_queue_depth" in await metrics.text()
    finally:
        await client.close()


async def test_with_redis_away_browsing_works_and_submitting_is_503(
    sandbox: Sandbox, state_dir: Path, tmp_path: Path
) -> None:
    away = f"unix://{tmp_path}/no-redis.sock"
    client = await start(create_app(settings_for(state_dir, away, **{"worker.slots": 1})))
    try:
        assert (await client.get("/v1/problems")).status == 200
        assert (await client.get("/v1/problems/balance-point")).status == 200

        async def languages_known() -> None:
            while not await (await client.get("/v1/languages")).json():
                await asyncio.sleep(0.2)

        await asyncio.wait_for(languages_known(), 120)
        ready = await client.get("/readyz")
        assert ready.status == 503
        checks = {check["name"]: check for check in (await ready.json())["checks"]}
        assert checks["redis"]["ok"] is False
        assert "unreachable" in checks["redis"]["message"]
        code = solution("balance-point", "accepted", "python")
        body = {"problem": "balance-point", "language": "python", "code": code, "user_id": "a"}
        response = await client.post("/v1/submissions", json=body)
        assert response.status == 503
        assert int(response.headers["Retry-After"]) >= 1
        assert (await response.json())["error"]["code"] == "unavailable"
        assert (await client.get("/v1/submissions/abc?wait=1")).status == 503
    finally:
        await client.close()
