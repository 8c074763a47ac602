"""The daemon under abuse (issue 17): slow connections are capped and timed out, /healthz keeps answering,
and the log stays small. First a real `judged serve` process on loopback, then the guard in-process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import resource
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from judged.connections import ConnectionGuard, RepeatFilter, connection_cap
from tests.daemon_process import Daemons

SLOW = 2000
CAP = 200
WAIT = 120.0
"""Seconds any one thing may take before a test gives up: generous, never a claim about speed."""
PARTIAL_HEAD = b"GET /healthz HTTP/1.1\r\nHost: judged\r\nX-Slow: "


@pytest.fixture
def open_files() -> None:
    """Enough descriptors in this process for the slow connections (the soft limit raised to the hard one)."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < SLOW + 500:
        pytest.fail(f"the open-file hard limit ({hard}) is too low for {SLOW} connections")
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class Slow:
    """A connection that sends part of a request head and then nothing; `closed` once the server hangs up."""

    def __init__(self) -> None:
        self.writer: asyncio.StreamWriter | None = None
        self.closed = asyncio.Event()

    async def open(self, host: str, port: int) -> None:
        try:
            reader, self.writer = await asyncio.open_connection(host, port)
            self.writer.write(PARTIAL_HEAD)
            await self.writer.drain()
        except OSError:  # refused or reset while the server made room: hung up
            self.closed.set()
            return
        asyncio.get_running_loop().create_task(self._watch(reader))

    async def _watch(self, reader: asyncio.StreamReader) -> None:
        with contextlib.suppress(OSError):
            while await reader.read(1024):
                pass
        self.closed.set()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.transport.abort()


async def healthz(url: str) -> int:
    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session,
        session.get(f"{url}/healthz") as response,
    ):
        return response.status


async def closed_counts(url: str) -> dict[str, float]:
    """judged_connections_closed_total by reason, from /metrics."""
    async with aiohttp.ClientSession() as session, session.get(f"{url}/metrics") as response:
        text = await response.text()
    found = re.findall(r'^judged_connections_closed_total\{reason="(\w+)"\} (\S+)$', text, re.MULTILINE)
    return {reason: float(value) for reason, value in found}


async def all_closed(connections: list[Slow]) -> None:
    await asyncio.gather(*(connection.closed.wait() for connection in connections))


@pytest.mark.usefixtures("open_files")
async def test_slow_connections_cannot_keep_healthz_out_and_the_log_stays_small() -> None:
    daemons = Daemons()
    slow: list[Slow] = []
    try:
        env = {"JUDGED_SERVER_MAX_CONNECTIONS": str(CAP), "JUDGED_SERVER_HEADER_TIMEOUT": "5"}
        daemon = daemons.start("abused", "api", env)
        await daemon.wait_serving()
        host, port = daemon.url.removeprefix("http://").split(":")
        answers = []
        for batch in range(SLOW // 100):
            opened = [Slow() for _ in range(100)]
            await asyncio.gather(*(connection.open(host, int(port)) for connection in opened))
            slow += opened
            if batch % 4 == 3:
                answers.append(await healthz(daemon.url))
        answers.append(await healthz(daemon.url))
        assert answers == [200] * len(answers), daemon.tail()
        await asyncio.wait_for(all_closed(slow), WAIT)  # evicted at the cap, the rest at the head deadline
        assert await healthz(daemon.url) == 200
        # At the cap the daemon closes the oldest connection still without a request head for each new one.
        # Counted by the daemon, not by when this process saw each hang-up: the last batches may still sit in
        # the kernel's accept queue of a busy API process when the loop above ends.
        counts = await closed_counts(daemon.url)
        assert counts["evicted_at_cap"] >= SLOW - CAP - 5, counts
        assert counts["evicted_at_cap"] + counts["head_timeout"] + counts["refused_at_cap"] >= SLOW, counts
        size = daemon.log_path.stat().st_size
        assert size < 1024 * 1024, f"the daemon wrote {size} bytes of log\n{daemon.tail()}"
    finally:
        for connection in slow:
            connection.close()
        daemons.close()


@pytest.fixture
async def guarded() -> AsyncIterator[tuple[str, int, ConnectionGuard]]:
    """An aiohttp app behind a ConnectionGuard of 10 connections and a one-second head deadline, on loopback."""

    async def ok(_request: web.Request) -> web.Response:
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/healthz", ok)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    assert runner.server is not None
    guard = ConnectionGuard(runner.server, max_connections=10, header_timeout=1.0)
    server = await asyncio.get_running_loop().create_server(guard, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield "127.0.0.1", port, guard
    server.close()
    await runner.cleanup()


async def test_a_connection_without_a_complete_head_is_closed_at_the_deadline(
    guarded: tuple[str, int, ConnectionGuard],
) -> None:
    host, port, guard = guarded
    connection = Slow()
    await connection.open(host, port)
    await asyncio.wait_for(connection.closed.wait(), WAIT)
    assert guard.timed_out == 1
    assert guard.open == 0


async def test_at_the_cap_the_oldest_waiting_connection_makes_room(guarded: tuple[str, int, ConnectionGuard]) -> None:
    host, port, guard = guarded
    slow = [Slow() for _ in range(10)]
    for connection in slow:
        await connection.open(host, port)
    try:
        assert await healthz(f"http://{host}:{port}") == 200
        await asyncio.wait_for(slow[0].closed.wait(), WAIT)
        assert guard.evicted >= 1
        assert guard.refused == 0
    finally:
        for connection in slow:
            connection.close()


async def test_a_connection_that_sent_its_head_is_served_and_kept_alive(
    guarded: tuple[str, int, ConnectionGuard],
) -> None:
    host, port, guard = guarded
    async with aiohttp.ClientSession() as session:
        for _ in range(3):
            async with session.get(f"http://{host}:{port}/healthz") as response:
                assert await response.text() == "ok"
            await asyncio.sleep(0.6)  # together longer than the head deadline: a served connection stays
        assert guard.timed_out == 0


def test_repeated_errors_are_logged_once_per_interval_with_a_count() -> None:
    now = [0.0]
    repeat = RepeatFilter(interval=10.0, clock=lambda: now[0])

    def record(message: str, level: int = logging.ERROR) -> logging.LogRecord:
        return logging.LogRecord("asyncio", level, __file__, 1, message, None, None)

    passed = [repeat.filter(record("socket.accept() out of system resource")) for _ in range(500)]
    assert passed.count(True) == 1
    assert repeat.filter(record("another error"))
    assert repeat.filter(record("socket.accept() out of system resource", logging.INFO))  # info always passes
    now[0] = 10.5
    again = record("socket.accept() out of system resource")
    assert repeat.filter(again)
    assert "499 more like this" in again.getMessage()


def test_the_cap_leaves_descriptors_for_everything_else() -> None:
    assert connection_cap(10_000, 1_048_576) == 10_000
    assert connection_cap(10_000, 4096) == 4096 - 1024
    assert connection_cap(10_000, 1024) == 512
