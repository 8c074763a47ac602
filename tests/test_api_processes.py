"""`judged serve --role api` with two API processes on one port (`server.processes`), over a real Redis:
both answer, both show a recorded result one refresh later, /metrics sums both, a killed one is replaced.
"""

from __future__ import annotations

import asyncio
import re
import signal
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import aiohttp
import psutil
import pytest

from judged.judging.verdicts import Verdict
from judged.store.client import connect
from judged.store.competitions import Competition, CompetitionProblem, CompetitionStore
from judged.store.keys import Keys
from judged.store.leaderboard import Leaderboard
from tests.daemon_process import Daemon, Daemons, RedisServer

PREFIX = "processes:"
REFRESH = 1.0  # the default leaderboard_refresh
CONNECTIONS = 16
"""New connections per check: the kernel spreads them over the processes (all on one: 1 in 2^15)."""
WAIT = 300.0
"""Seconds any one thing may take before a test gives up: generous, never a claim about speed."""


@pytest.fixture(scope="module")
def deployment() -> Iterator[tuple[Daemons, RedisServer]]:
    daemons = Daemons()
    try:
        yield daemons, daemons.redis_server()
    finally:
        daemons.close()


@pytest.fixture(scope="module")
async def host(deployment: tuple[Daemons, RedisServer]) -> Daemon:
    daemons, redis = deployment
    env = {
        "JUDGED_REDIS_URL": redis.url,
        "JUDGED_REDIS_PREFIX": PREFIX,
        "JUDGED_SERVER_PROCESSES": "2",
        "JUDGED_SERVER_HEADER_TIMEOUT": "1",
    }
    daemon = daemons.start("api", "api", env)
    await daemon.wait_serving(WAIT)
    return daemon


def serving(daemon: Daemon) -> list[int]:
    """The API processes the first process runs now."""
    return [child.pid for child in psutil.Process(daemon.pid).children() if "judged.serve" in " ".join(child.cmdline())]


def port_of(daemon: Daemon) -> int:
    port = urlsplit(daemon.url).port
    assert port is not None
    return port


def holding(pids: list[int], port: int) -> set[int]:
    """Which of `pids` hold an established connection on `port` now."""
    found = set()
    for pid in pids:
        for connection in psutil.Process(pid).net_connections(kind="tcp"):
            if connection.laddr and connection.laddr.port == port and connection.status == psutil.CONN_ESTABLISHED:
                found.add(pid)
    return found


async def scrape(url: str) -> str:
    async with aiohttp.ClientSession() as session, session.get(f"{url}/metrics") as response:
        assert response.status == 200
        return await response.text()


def head_timeouts(text: str) -> float:
    found = re.search(r'^judged_connections_closed_total\{reason="head_timeout"\} (\S+)$', text, re.MULTILINE)
    assert found, text
    return float(found[1])


async def test_metrics_sum_what_every_process_counted(host: Daemon) -> None:
    """Connections that never send a request head are closed by whichever process took them; /metrics counts all."""
    pids, port = serving(host), port_of(host)
    assert len(pids) == 2
    before = head_timeouts(await scrape(host.url))
    silent = [await asyncio.open_connection("127.0.0.1", port) for _ in range(CONNECTIONS)]
    try:
        await asyncio.sleep(0.3)
        assert holding(pids, port) == set(pids)  # both processes took some of them
        for reader, _ in silent:  # each closed by its process after header_timeout (1 s)
            assert await asyncio.wait_for(reader.read(), WAIT) == b""
    finally:
        for _, writer in silent:
            writer.close()
    deadline = time.monotonic() + WAIT
    while (seen := head_timeouts(await scrape(host.url))) < before + CONNECTIONS and time.monotonic() < deadline:
        await asyncio.sleep(0.5)  # each process writes its counts every second
    assert seen == before + CONNECTIONS


async def test_both_processes_show_a_recorded_result_one_refresh_later(
    host: Daemon, deployment: tuple[Daemons, RedisServer]
) -> None:
    redis = connect(deployment[1].url)
    keys = Keys(PREFIX)
    competition = Competition(
        id="two-processes",
        title="Two processes",
        start=time.time() - 60,
        problems=[CompetitionProblem("a"), CompetitionProblem("b")],
    )
    board = Leaderboard(redis, keys)
    sessions = [aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) for _ in range(CONNECTIONS)]
    url = f"{host.url}/v1/competitions/{competition.id}/leaderboard/kim"

    async def solved(session: aiohttp.ClientSession) -> tuple[int, str]:
        async with session.get(url) as response:
            assert response.status == 200, await response.text()
            return (await response.json())["row"]["solved"], response.headers["ETag"]

    try:
        await CompetitionStore(redis, keys).create(competition)
        await board.record(
            competition, "s1", user_id="kim", problem_label="A", submitted_at=time.time(), verdict=Verdict.WA
        )
        await board.record(
            competition, "s2", user_id="lea", problem_label="A", submitted_at=time.time(), verdict=Verdict.AC
        )
        assert {(await solved(session))[0] for session in sessions} == {0}  # each process holds a snapshot
        assert holding(serving(host), port_of(host)) == set(serving(host))  # and both answered some
        await board.record(
            competition, "s3", user_id="kim", problem_label="B", submitted_at=time.time(), verdict=Verdict.AC
        )
        await asyncio.sleep(REFRESH)  # one refresh interval after the record: every process's next answer shows it
        answers = {await solved(session) for session in sessions}
        assert len(answers) == 1  # the same row and the same ETag from both processes
        assert next(iter(answers))[0] == 1
    finally:
        for session in sessions:
            await session.close()
        await redis.aclose()


async def test_a_killed_process_is_replaced_and_sigterm_stops_them_all(host: Daemon) -> None:
    first = serving(host)
    psutil.Process(first[0]).send_signal(signal.SIGKILL)
    deadline = time.monotonic() + WAIT
    while not (replaced := re.search(r"API process \d replaced: pid (\d+)", host.log())):
        assert time.monotonic() < deadline, host.tail()
        await asyncio.sleep(0.2)
    assert f"(pid {first[0]}) exited with status -9" in host.log()
    now = serving(host)
    assert sorted(now) == sorted([first[1], int(replaced[1])])
    async with aiohttp.ClientSession() as session, session.get(f"{host.url}/healthz") as response:
        assert response.status == 200
    host.stop()
    assert host.process.returncode == 0
    assert [pid for pid in now if psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE] == []
