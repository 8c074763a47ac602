"""Redis Sentinel: a real `judged serve` rides through the failover of its Redis primary.

A primary, a replica and a sentinel (tests/redis_ha.py) on loopback; the daemon is configured
with `redis.sentinel` only. Submissions are posted without pause while the primary is SIGKILLed and
the sentinel promotes the replica. Every POST is answered 202 or 503 with Retry-After; every 202
is judged (none lost); after the failover the daemon accepts and answers again.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field

import aiohttp
import pytest

from tests.daemon_process import REPO, Daemon, Daemons, daemons_fixture, session_fixture
from tests.redis_ha import SERVICE, RedisHA, redis_ha_fixture

__all__ = ["daemons_fixture", "redis_ha_fixture", "session_fixture"]

pytestmark = pytest.mark.usefixtures("sandbox")  # skips loudly (fails under CI) on a host that cannot sandbox

PROBLEM = "balance-point"
ACCEPTED = (REPO / "problems" / PROBLEM / "solutions" / "accepted" / "solution.py").read_text()
WAIT = 180.0
"""Seconds any one thing may take before the test gives up: generous, never a claim about speed."""


@dataclass
class Posted:
    accepted: list[str] = field(default_factory=list)
    accepted_after_failover: list[str] = field(default_factory=list)
    refused: list[tuple[int, str | None]] = field(default_factory=list)
    """(status, Retry-After) of every POST not answered 202."""


async def post_one(session: aiohttp.ClientSession, daemon: Daemon, number: int) -> tuple[int, str | None, str]:
    code = f"{ACCEPTED}\n# submission {number}\n"
    body = {"problem": PROBLEM, "language": "python", "code": code, "user_id": f"failover-{number}"}
    async with session.post(f"{daemon.url}/v1/submissions", json=body) as response:
        reply = await response.json(content_type=None)
        sid = str(reply.get("id", "")) if response.status == 202 else ""
        return response.status, response.headers.get("Retry-After"), sid


async def keep_posting(session: aiohttp.ClientSession, daemon: Daemon, posted: Posted, failed_over: asyncio.Event,
                       stop: asyncio.Event) -> None:  # fmt: skip
    number = 0
    while not stop.is_set():
        number += 1
        status, retry_after, sid = await post_one(session, daemon, number)
        if status == 202:
            (posted.accepted_after_failover if failed_over.is_set() else posted.accepted).append(sid)
        else:
            posted.refused.append((status, retry_after))
        await asyncio.sleep(0.05)


async def verdict(session: aiohttp.ClientSession, daemon: Daemon, sid: str) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        with contextlib.suppress(aiohttp.ClientError, TimeoutError):
            async with session.get(f"{daemon.url}/v1/submissions/{sid}?wait=20") as response:
                if response.status == 200:
                    found = await response.json()
                    if found["status"] == "finished":
                        return str(found["verdict"])
                else:
                    assert response.status == 503, f"GET {sid}: {response.status} {await response.text()}"
        await asyncio.sleep(0.2)
    raise AssertionError(f"submission {sid} not finished within {WAIT:.0f} s\n{daemon.tail()}")


async def test_submissions_ride_through_a_sentinel_failover_none_lost(
    daemons: Daemons, redis_ha: RedisHA, session: aiohttp.ClientSession
) -> None:
    env = {
        "JUDGED_REDIS_SENTINEL": ",".join(redis_ha.sentinels),
        "JUDGED_REDIS_SENTINEL_SERVICE": SERVICE,
        "JUDGED_REDIS_WAIT_REPLICAS": "1",
        "JUDGED_WORKER_SLOTS": "1",
        "JUDGED_WORKER_VISIBILITY_TIMEOUT": "5",
    }
    judge = daemons.start("judge", "all", env)
    await judge.wait_ready(session)
    posted, failed_over, stop = Posted(), asyncio.Event(), asyncio.Event()
    poster = asyncio.create_task(keep_posting(session, judge, posted, failed_over, stop))
    try:
        while len(posted.accepted) < 5:
            assert not poster.done(), poster
            await asyncio.sleep(0.1)
        old = await asyncio.to_thread(redis_ha.kill_primary)
        new = await asyncio.to_thread(redis_ha.wait_failover, old)
        assert new is not old
        failed_over.set()
        deadline = time.monotonic() + WAIT
        while len(posted.accepted_after_failover) < 5:
            assert not poster.done(), poster
            assert time.monotonic() < deadline, f"no submission accepted after the failover\n{judge.tail()}"
            await asyncio.sleep(0.1)
    finally:
        stop.set()
        await poster

    every = posted.accepted + posted.accepted_after_failover
    verdicts = await asyncio.gather(*(verdict(session, judge, sid) for sid in every))
    assert verdicts == ["AC"] * len(every), f"{dict(zip(every, verdicts, strict=True))}\n{judge.tail()}"
    for status, retry_after in posted.refused:
        assert status == 503, f"a POST answered {status} during the failover\n{judge.tail()}"
        assert retry_after is not None, f"503 without a Retry-After\n{judge.tail()}"
        assert retry_after.isdigit(), f"Retry-After {retry_after!r} is not a number of seconds"
    async with session.get(f"{judge.url}/readyz") as response:
        assert response.status == 200, await response.text()
