"""Real `judged serve` processes over HTTP: a worker killed mid-judgement, the supervised Redis killed or
stopped, two daemons sharing one Redis.

Each daemon is a subprocess with its own state folder, loopback port and log file
(`tests/daemon_process.py`); the tests SIGKILL and SIGSTOP real processes. They need
a machine that can sandbox (the `sandbox` fixture skips loudly, or fails under CI).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import pytest
import redis.asyncio as aioredis

from judged.store.client import connect
from judged.store.keys import Keys
from tests.daemon_process import REPO, Daemon, Daemons, children_of, daemons_fixture, session_fixture

__all__ = ["daemons_fixture", "session_fixture"]

pytestmark = pytest.mark.usefixtures("sandbox")  # skips loudly (fails under CI) on a host that cannot sandbox

T = TypeVar("T")
KEYS = Keys()
PROBLEMS = REPO / "problems"
PROBLEM = "balance-point"
ACCEPTED = (PROBLEMS / PROBLEM / "solutions" / "accepted" / "solution.py").read_text()
CLAIMED = re.compile(r"slot (\S+) claimed submission ([0-9a-f]+) \(attempt (\d+)\)")
WAIT = 180.0
"""Seconds any one thing may take before a test gives up: generous, never a claim about speed."""


def spinning_solution(cpu_seconds: float) -> str:
    """An accepted balance-point solution that first burns `cpu_seconds` of CPU (once per run)."""
    return f"""import time

_spun = False


class Solution:
    def balancePoint(self, weights):
        global _spun
        if not _spun:
            _spun = True
            start = time.process_time()
            while time.process_time() - start < {cpu_seconds}:
                pass
        right = sum(weights)
        left = 0
        for i, w in enumerate(weights):
            right -= w
            if left == right:
                return i
            left += w
        return -1
"""


def slow_problem_root(parent: Path, time_limit: int = 30) -> Path:
    """A problem root holding a copy of balance-point with a larger time limit, for solutions that spin."""
    root = parent / "problems"
    root.mkdir(mode=0o711)
    folder = root / PROBLEM
    shutil.copytree(PROBLEMS / PROBLEM, folder)
    config = folder / "problem.toml"
    text, count = re.subn(r"(?m)^time_limit = .*$", f"time_limit = {time_limit}", config.read_text())
    assert count == 1, "balance-point's problem.toml has no time_limit line to raise"
    config.write_text(text)
    return root


# Fixtures.


@contextlib.asynccontextmanager
async def redis_at(url: str) -> AsyncIterator[aioredis.Redis]:
    client = connect(url)
    try:
        yield client
    finally:
        await client.aclose()


# Talking to the daemons.


async def eventually(check: Callable[[], Awaitable[T | None]], what: str, context: Daemons) -> T:
    """`check()`'s first value that is not None, tried until WAIT seconds have passed."""
    deadline = time.monotonic() + WAIT
    while True:
        value = await check()
        if value is not None:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {WAIT:.0f} s\n{context.tails()}")
        await asyncio.sleep(0.2)


async def submit(session: aiohttp.ClientSession, daemon: Daemon, code: str, user: str) -> str:
    body = {"problem": PROBLEM, "language": "python", "code": code, "user_id": user}
    async with session.post(f"{daemon.url}/v1/submissions", json=body) as response:
        reply = await response.text()
        assert response.status == 202, f"POST to {daemon.name}: {response.status} {reply}\n{daemon.tail()}"
        created: dict[str, Any] = await response.json()
    sid: str = created["id"]
    return sid


async def get_submission(session: aiohttp.ClientSession, daemon: Daemon, sid: str, wait: float = 0) -> dict[str, Any]:
    url = f"{daemon.url}/v1/submissions/{sid}" + (f"?wait={wait:g}" if wait else "")
    async with session.get(url) as response:
        reply = await response.text()
        assert response.status == 200, f"GET {sid} from {daemon.name}: {response.status} {reply}\n{daemon.tail()}"
        submission: dict[str, Any] = await response.json()
        return submission


async def finished(session: aiohttp.ClientSession, daemon: Daemon, sid: str, context: Daemons) -> dict[str, Any]:
    """The submission once finished, long-polling `daemon`."""

    async def check() -> dict[str, Any] | None:
        submission = await get_submission(session, daemon, sid, wait=20)
        return submission if submission["status"] == "finished" else None

    return await eventually(check, f"submission {sid} finished", context)


async def redis_pid(redis: aioredis.Redis) -> int:
    info = await redis.info("server")
    return int(info["process_id"])


async def queue_drained(redis: aioredis.Redis) -> bool | None:
    """True once both streams are empty and nothing is pending; else None."""
    for stream in KEYS.queues:
        if await redis.xlen(stream) or (await redis.xpending(stream, KEYS.workers_group))["pending"]:
            return None
    return True


def claims(*daemons: Daemon) -> list[tuple[str, str, int]]:
    """(consumer, submission id, attempt) for every claim the daemons logged."""
    return [(m[1], m[2], int(m[3])) for daemon in daemons for m in CLAIMED.finditer(daemon.log())]


def finishes(sid: str, *daemons: Daemon) -> list[str]:
    """The log lines, over all the daemons, that recorded a result for `sid`."""
    marker = f"submission {sid} finished:"
    return [line for daemon in daemons for line in daemon.log().splitlines() if marker in line]


# 1. A worker killed mid-judgement.


async def test_a_submission_whose_worker_was_killed_is_finished_once_by_another_daemon(
    daemons: Daemons, session: aiohttp.ClientSession
) -> None:
    server = daemons.redis_server()
    env = {
        "JUDGED_REDIS_URL": server.url,
        "JUDGED_PROBLEM_ROOTS": str(slow_problem_root(daemons.dir)),  # time limit 30 s: the spin fits
        "JUDGED_WORKER_SLOTS": "1",
        "JUDGED_WORKER_VISIBILITY_TIMEOUT": "3",
        "JUDGED_WORKER_MAX_ATTEMPTS": "3",
    }
    front = daemons.start("front", "api", env)  # takes the submission; judges nothing
    a = daemons.start("a", "worker", env)
    await a.wait_ready(session)
    await front.wait_ready(session)  # it has read A's languages from Redis
    user = "killed-worker"
    sid = await submit(session, front, spinning_solution(5.0), user)

    async def judging() -> str | None:
        status: str = (await get_submission(session, front, sid))["status"]
        assert status != "finished", f"{sid} finished before A could be killed\n{daemons.tails()}"
        return status if status == "running" else None

    await eventually(judging, f"A running {sid}", daemons)
    async with redis_at(server.url) as redis:
        pending = await redis.xpending_range(KEYS.practice_queue, KEYS.workers_group, min="-", max="+", count=10)
        assert [entry["consumer"] for entry in pending] == [f"{a.consumer_prefix}-1"], daemons.tails()
        a.note_helpers()
        a.process.send_signal(signal.SIGKILL)
        assert a.process.wait(30) == -signal.SIGKILL

        b = daemons.start("b", "all", env)  # starts after A died: only B can finish it
        await b.wait_serving()
        result = await finished(session, b, sid, daemons)
        assert result["verdict"] == "AC", f"{result}\n{daemons.tails()}"
        fields = await redis.hgetall(KEYS.submission(sid))
        assert (fields["attempts"], fields["finished_attempt"]) == ("2", "2"), f"{fields}\n{daemons.tails()}"
        await eventually(lambda: queue_drained(redis), "the streams empty and nothing pending", daemons)
        assert await redis.get(KEYS.user_submissions(user)) == "1"

    assert claims(a, b) == [(f"{a.consumer_prefix}-1", sid, 1), (f"{b.consumer_prefix}-1", sid, 2)], daemons.tails()
    assert finishes(sid, a, front) == [], daemons.tails()
    [line] = finishes(sid, b)
    assert line.endswith(f"submission {sid} finished: AC (attempt 2)"), daemons.tails()


# 2. The supervised Redis killed, then stopped.


async def test_submissions_survive_a_restart_of_the_supervised_redis_and_are_judged_after(
    daemons: Daemons, session: aiohttp.ClientSession
) -> None:
    api = daemons.start("api", "api", {"JUDGED_PROBLEM_ROOTS": str(PROBLEMS)})  # embedded Redis
    await api.wait_serving()
    socket_url = f"unix://{api.embedded_socket}"
    worker_env = {"JUDGED_REDIS_URL": socket_url, "JUDGED_PROBLEM_ROOTS": str(PROBLEMS), "JUDGED_WORKER_SLOTS": "1"}
    # A worker host publishes the languages the API accepts; it leaves before anything is submitted.
    announcer = daemons.start("announcer", "worker", worker_env)
    await announcer.wait_ready(session)
    await api.wait_ready(session)
    announcer.stop()
    ids = [await submit(session, api, ACCEPTED, "restart") for _ in range(3)]

    async with redis_at(socket_url) as redis:
        old = await redis_pid(redis)
    assert old in children_of(api.pid), f"redis-server {old} is not the daemon's child\n{api.tail()}"
    os.kill(old, signal.SIGKILL)

    async def restarted() -> int | None:
        with contextlib.suppress(OSError, aioredis.RedisError):
            async with redis_at(socket_url) as redis:
                pid = await redis_pid(redis)
                return pid if pid != old else None
        return None

    new = await eventually(restarted, "the supervised redis-server restarted", daemons)
    assert new in children_of(api.pid), api.tail()
    api.note_helpers()
    await api.wait_ready(session)
    for sid in ids:
        assert (await get_submission(session, api, sid))["status"] == "queued", api.tail()
    async with redis_at(socket_url) as redis:
        entries = await redis.xrange(KEYS.practice_queue) or []
    assert sorted(str(fields["id"]) for _, fields in entries if fields) == sorted(ids)

    daemons.start("worker", "worker", worker_env)
    for sid in ids:
        result = await finished(session, api, sid, daemons)
        assert result["verdict"] == "AC", f"{result}\n{daemons.tails()}"


async def test_a_stopped_redis_gets_503_with_retry_after_while_browsing_still_works(
    daemons: Daemons, session: aiohttp.ClientSession
) -> None:
    daemon = daemons.start("all", "all", {"JUDGED_PROBLEM_ROOTS": str(PROBLEMS), "JUDGED_WORKER_SLOTS": "1"})
    await daemon.wait_ready(session)
    async with redis_at(f"unix://{daemon.embedded_socket}") as redis:
        pid = await redis_pid(redis)
    assert pid in children_of(daemon.pid), daemon.tail()
    body = {"problem": PROBLEM, "language": "python", "code": ACCEPTED, "user_id": "stopped"}
    os.kill(pid, signal.SIGSTOP)
    try:
        try:
            async with session.post(f"{daemon.url}/v1/submissions", json=body) as response:
                status, retry_after, reply = response.status, response.headers.get("Retry-After"), await response.text()
        except TimeoutError:
            pytest.fail(f"POST hung for 60 s while Redis was stopped instead of answering 503\n{daemon.tail()}")
        assert status == 503, f"{status} {reply}\n{daemon.tail()}"
        assert retry_after is not None, reply
        assert "submission store is unreachable" in reply, reply
        async with session.get(f"{daemon.url}/v1/problems", timeout=aiohttp.ClientTimeout(total=10)) as response:
            assert response.status == 200, daemon.tail()
            assert PROBLEM in await response.text()
    finally:
        os.kill(pid, signal.SIGCONT)

    async def accepted() -> str | None:
        async with session.post(f"{daemon.url}/v1/submissions", json=body) as response:
            if response.status == 503:
                return None
            assert response.status == 202, f"{response.status} {await response.text()}\n{daemon.tail()}"
            sid: str = (await response.json())["id"]
            return sid

    sid = await eventually(accepted, "a submission accepted once Redis runs again", daemons)
    assert (await finished(session, daemon, sid, daemons))["verdict"] == "AC", daemon.tail()


# 3. Two daemons on one Redis.


async def test_two_daemons_on_one_redis_share_submissions_and_both_judge(
    daemons: Daemons, session: aiohttp.ClientSession
) -> None:
    server = daemons.redis_server()
    env = {
        "JUDGED_REDIS_URL": server.url,
        "JUDGED_PROBLEM_ROOTS": str(PROBLEMS),
        "JUDGED_WORKER_SLOTS": "1",
        "JUDGED_SUBMISSIONS_MAX_ACTIVE_PER_USER": "20",
    }
    one = daemons.start("one", "all", env)
    two = daemons.start("two", "all", env)
    await one.wait_ready(session)
    await two.wait_ready(session)
    user = "two-daemons"

    first = await submit(session, one, ACCEPTED, user)
    seen = await get_submission(session, two, first)
    assert (seen["id"], seen["problem"], seen["user_id"]) == (first, PROBLEM, user)
    assert (await finished(session, two, first, daemons))["verdict"] == "AC"

    # Each judgement spins a second (within the 3 s limit), so both slots have work at once.
    code = spinning_solution(1.0)
    ids = [await submit(session, (one, two)[n % 2], code, user) for n in range(8)]
    for n, sid in enumerate(ids):
        result = await finished(session, (two, one)[n % 2], sid, daemons)  # read from the other daemon
        assert result["verdict"] == "AC", f"{result}\n{daemons.tails()}"

    consumers = {sid: consumer for consumer, sid, _ in claims(one, two)}
    assert set(ids) <= consumers.keys(), daemons.tails()
    hosts = {consumers[sid].rsplit("-", 1)[0] for sid in ids}
    assert hosts == {one.consumer_prefix, two.consumer_prefix}, f"{consumers}\n{daemons.tails()}"
    async with redis_at(server.url) as redis:
        assert await redis.get(KEYS.user_submissions(user)) == "9"
