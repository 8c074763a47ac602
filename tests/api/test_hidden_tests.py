"""What a participant receives of a hidden test over HTTP (GET, long-poll, SSE): the verdict, never the data.

The daemon's app against a real Redis and real sandboxes, with tokens configured: `front` is a frontend
(service) token, so its caller sees the participant's view; `boss` is an admin token and sees everything.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from judged.daemon import create_app
from judged.sandbox import Sandbox
from judged.store.client import connect
from tests.api.test_submissions import PROBLEMS, Client, settings_for, start, until_ready
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

FRONT = {"Authorization": "Bearer front"}
ADMIN = {"Authorization": "Bearer boss"}
CLOSED = "balance-point-closed"
"""balance-point with `[runs] reference_output = false`."""
_users = itertools.count()


def first_long_hidden_test() -> list[int]:
    """The weights of the first hidden test of balance-point with ten or more of them (the leaks' trigger)."""
    for line in (PROBLEMS / "balance-point" / "tests" / "secret.jsonl").read_text().splitlines():
        weights: list[int] = json.loads(line)["input"]["weights"]
        if len(weights) >= 10:
            return weights
    raise AssertionError("balance-point has no hidden test of ten weights")


HIDDEN = first_long_hidden_test()
MARKERS = (",".join(map(str, HIDDEN[:6])), ", ".join(map(str, HIDDEN[:6])))
"""The hidden input as each leak writes it: compact (C) and with spaces (Python's and Java's lists)."""

PY_LEAK = """
class Solution:
    def balancePoint(self, weights):
        print("weights", weights, flush=True)
        if len(weights) >= 10:
            raise ValueError(f"leak {weights}")
        total, left = sum(weights), 0
        for i, w in enumerate(weights):
            if left == total - left - w:
                return i
            left += w
        return -1
"""
C_LEAK = r"""
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int balancePoint(int* weights, int weightsSize) {
    if (weightsSize >= 10) {
        static char line[200000];
        int n = sprintf(line, "{\"e\":\"leak ");
        for (int i = 0; i < weightsSize && n < 90000; i++) n += sprintf(line + n, i ? ",%d" : "%d", weights[i]);
        memset(line + n, 'x', 99000);
        n += 99000;
        n += sprintf(line + n, "\",\"t\":0}\n");
        write(3, line, n);
        _exit(1);
    }
    long long total = 0, left = 0;
    for (int i = 0; i < weightsSize; i++) total += weights[i];
    for (int i = 0; i < weightsSize; i++) {
        if (left == total - left - weights[i]) return i;
        left += weights[i];
    }
    return -1;
}
"""
JAVA_LEAK = """
class Solution {
    public int balancePoint(int[] weights) {
        System.out.println(java.util.Arrays.toString(weights));
        if (weights.length >= 10) throw new IllegalStateException("leak " + java.util.Arrays.toString(weights));
        long total = 0, left = 0;
        for (int w : weights) total += w;
        for (int i = 0; i < weights.length; i++) {
            if (left == total - left - weights[i]) return i;
            left += weights[i];
        }
        return -1;
    }
}
"""


@pytest.fixture(scope="module")
async def client(
    sandbox: Sandbox, state_dir: Path, redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Client]:
    extra = tmp_path_factory.mktemp("problems")
    closed = extra / CLOSED
    shutil.copytree(PROBLEMS / "balance-point", closed)
    with (closed / "problem.toml").open("a") as toml:
        toml.write("\n[runs]\nreference_output = false\n")
    settings = settings_for(
        state_dir,
        redis_url,
        **{
            "problem_roots": [str(PROBLEMS), str(extra)],
            "server.tokens": ["front"],
            "server.admin_tokens": ["boss"],
            "redis.prefix": "hidden-tests:",
        },
    )
    client = await start(create_app(settings))
    await until_ready(client)
    yield client
    await client.close()


def user() -> str:
    return f"hidden-{next(_users)}"


async def submit(client: Client, language: str, code: str, problem: str = "balance-point") -> str:
    body = {"problem": problem, "language": language, "code": code, "user_id": user()}
    response = await client.post("/v1/submissions", json=body, headers=FRONT)
    assert response.status == 202, await response.text()
    url: str = (await response.json())["url"]
    return url


async def finished(client: Client, url: str, headers: dict[str, str]) -> str:
    """The finished submission's body as text, long-polling (a generous bound, never an assertion of speed)."""
    for _ in range(20):
        response = await client.get(f"{url}?wait=30", headers=headers)
        assert response.status == 200, await response.text()
        text = await response.text()
        if json.loads(text)["status"] == "finished":
            return text
    raise AssertionError(f"{url} not finished after 10 minutes")


@pytest.mark.parametrize(("language", "code"), [("python", PY_LEAK), ("c", C_LEAK), ("java", JAVA_LEAK)])
async def test_a_leak_on_a_hidden_test_reaches_no_participant_field(client: Client, language: str, code: str) -> None:
    url = await submit(client, language, code)
    events = asyncio.ensure_future(client.get(f"{url}/events", headers=FRONT))
    long_polled = await finished(client, url, FRONT)
    stream = await events
    assert stream.status == 200
    streamed = await asyncio.wait_for(stream.text(), 120)
    polled = await (await client.get(url, headers=FRONT)).text()
    body = json.loads(polled)
    assert body["verdict"] == "RE", body
    assert body["failure"]["sample"] is False
    assert body["message"].endswith("(hidden test: input not shown)")
    assert "event: finished" in streamed
    for text in (long_polled, polled, streamed):
        assert "leak" not in text
        for marker in MARKERS:
            assert marker not in text
    admin = await (await client.get(url, headers=ADMIN)).text()
    assert "leak" in admin  # the stored result keeps it, capped, for admins
    assert any(marker in admin for marker in MARKERS)
    assert len(admin) < 64 * 1024


# Right on the samples' short stacks, wrong once a stack is deep: only a hidden test finds it.
DEEP_MIN_WRONG = """
class MinStack:
    def __init__(self):
        self.stack = []

    def push(self, val: int) -> None:
        self.stack.append((val, min(val, self.stack[-1][1]) if self.stack else val))

    def pop(self) -> None:
        self.stack.pop()

    def top(self) -> int:
        return self.stack[-1][0]

    def getMin(self) -> int:
        return self.stack[-1][1] if len(self.stack) < 20 else self.stack[-1][0]
"""


@pytest.mark.parametrize(
    ("language", "code"),
    [
        ("python", DEEP_MIN_WRONG),
        ("c", (PROBLEMS / "min-stack" / "solutions" / "wrong_answer" / "min_forgets_pops.c").read_text()),
    ],
)
async def test_a_design_answer_wrong_on_a_hidden_test_shows_no_operation_or_value(
    client: Client, language: str, code: str
) -> None:
    """A design problem's wrong answer names the operation, the expected and the returned value: for a hidden
    test none of it reaches a participant (Python's harness and C's, written apart)."""
    url = await submit(client, language, code, problem="min-stack")
    polled = await finished(client, url, FRONT)
    body = json.loads(polled)
    assert (body["verdict"], body["failure"]["sample"]) == ("WA", False), body
    admin = json.loads(await (await client.get(url, headers=ADMIN)).text())
    detail = admin["message"]
    assert "expected" in detail, admin  # the stored result says what was wrong, for admins
    assert detail[detail.index("expected") :] not in polled
    assert "expected" not in body["message"]


async def test_a_60_mib_error_message_is_neither_stored_nor_sent_whole(client: Client, redis_url: str) -> None:
    redis = connect(redis_url)  # not the `redis` fixture: it empties the database the module's app uses
    before = int((await redis.info("memory"))["used_memory"])
    code = 'class Solution:\n    def balancePoint(self, weights):\n        raise ValueError("A" * (60 << 20))\n'
    url = await submit(client, "python", code)
    participant = await finished(client, url, FRONT)
    admin = await (await client.get(url, headers=ADMIN)).text()
    assert json.loads(admin)["verdict"] == "RE"
    assert len(participant) < 64 * 1024
    assert len(admin) < 64 * 1024
    grown = int((await redis.info("memory"))["used_memory"]) - before
    await redis.aclose()
    assert grown < 4 * 1024 * 1024  # it was 125 MB: the message stored twice at full length


async def run(client: Client, problem: str, tests: list[object]) -> dict[str, object]:
    code = (PROBLEMS / "balance-point" / "solutions" / "accepted" / "solution.py").read_text()
    body = {"problem": problem, "language": "python", "code": code, "user_id": user(), "tests": tests}
    response = await client.post("/v1/runs", json=body, headers=FRONT)
    assert response.status in (200, 202), await response.text()
    for _ in range(20):
        done: dict[str, object] = await response.json()
        if done["status"] == "finished":
            report = done["report"]
            assert isinstance(report, dict)
            return report
        await asyncio.sleep(1)
        response = await client.get(f"/v1/runs/{done['id']}", headers=FRONT)
    raise AssertionError("the run did not finish")


async def test_runs_show_reference_outputs_only_where_the_problem_allows(client: Client) -> None:
    tests: list[object] = [{"weights": [5, 0, 5]}, {"weights": [1, 2]}]
    open_report = await run(client, "balance-point", tests)
    assert open_report["expected"] == [1, -1]
    assert open_report["expected_from"]
    closed_report = await run(client, CLOSED, tests)
    assert [output["value"] for output in closed_report["outcome"]["outputs"]] == [1, -1]  # type: ignore[index]
    assert closed_report.get("expected") is None
    assert not closed_report.get("expected_from")


async def test_with_no_auth_configured_the_web_client_still_gets_the_participants_view(
    sandbox: Sandbox, state_dir: Path, redis_url: str
) -> None:
    """The one-command demo (no tokens, loopback): whoever is at the machine runs judged, but the results the
    web client shows are a participant's: a leak on a hidden test is not shown there either."""
    settings = settings_for(state_dir, redis_url, **{"redis.prefix": "hidden-tests-open:"})
    open_client = await start(create_app(settings))
    try:
        await until_ready(open_client)
        body = {"problem": "balance-point", "language": "python", "code": PY_LEAK, "user_id": user()}
        response = await open_client.post("/v1/submissions", json=body)
        assert response.status == 202, await response.text()
        text = await finished(open_client, (await response.json())["url"], {})
        assert json.loads(text)["verdict"] == "RE"
        assert json.loads(text)["message"].endswith("(hidden test: input not shown)")
        assert "leak" not in text
        for marker in MARKERS:
            assert marker not in text
    finally:
        await open_client.close()
