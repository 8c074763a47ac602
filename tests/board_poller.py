"""An open-loop HTTP/1.1 GET generator lean enough to measure nginx, not itself.

aiohttp's client spends about a third of a millisecond of CPU on each request; at a thousand
requests a second in one process that is the whole core, and its own event-loop lag lands in the
latencies it reports (the competition day's first runs measured the generator as much as the board).
This one keeps a pool of keep-alive connections as asyncio protocols, writes a request as one
`bytes`, and reads an answer by its Content-Length (or its chunks); nothing else. Each answer is
kept as (when it was sent, in Unix seconds; its latency; its status), so the report can split the
latencies by fault window.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import deque
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

TIMEOUT = 30.0


class Answer(asyncio.Protocol):
    """One keep-alive connection: one request at a time, its answer's status delivered to a future."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future[int] | None = None
        self.closed = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def connection_lost(self, exc: Exception | None) -> None:  # noqa: ARG002 (asyncio.Protocol signature)
        self.closed = True
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("the server closed the connection"))

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if self.waiter is not None and not self.waiter.done():
            status = self._answer()
            if status is not None:
                self.waiter.set_result(status)

    def send(self, request: bytes) -> asyncio.Future[int]:
        assert self.transport is not None
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return self.waiter

    def _answer(self) -> int | None:
        """The status of the whole answer at the buffer's start (then dropped from it), or None until it is."""
        head_end = self.buffer.find(b"\r\n\r\n")
        if head_end < 0:
            return None
        head = bytes(self.buffer[:head_end]).lower()
        status = int(head[9:12])
        if b"\nconnection: close" in head:  # how nginx ends a keep-alive connection (keepalive_requests)
            self.closed = True
        body = head_end + 4
        marker = head.find(b"\ncontent-length:")
        if marker >= 0:
            line_end = head.find(b"\r\n", marker + 1)
            length = int(head[marker + 16 : line_end if line_end >= 0 else len(head)])
            if len(self.buffer) < body + length:
                return None
            del self.buffer[: body + length]
            return status
        if b"\ntransfer-encoding: chunked" in head:
            end = _chunked_end(self.buffer, body)
            if end is None:
                return None
            del self.buffer[:end]
            return status
        raise ConnectionError("an answer with neither Content-Length nor chunks")


def _chunked_end(buffer: bytearray, at: int) -> int | None:
    """Where a chunked body starting at `at` ends (after its last chunk and empty trailer), or None."""
    while True:
        line_end = buffer.find(b"\r\n", at)
        if line_end < 0:
            return None
        size = int(bytes(buffer[at:line_end]).split(b";")[0], 16)
        if size == 0:
            trailer_end = buffer.find(b"\r\n\r\n", line_end)
            return None if trailer_end < 0 else trailer_end + 4
        at = line_end + 2 + size + 2
        if len(buffer) < at:
            return None


async def poll(
    base: str, paths: Callable[[random.Random], str], rate: float, seconds: float, cap: int = 512
) -> dict[str, Any]:
    """`rate` GETs a second for `seconds`, open loop, at most `cap` in flight (the rest counted as not sent)."""
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    prefix = parts.path.rstrip("/")
    loop = asyncio.get_running_loop()
    idle: deque[Answer] = deque()
    inflight: set[asyncio.Task[None]] = set()
    samples: list[tuple[float, float, int]] = []  # (sent at, Unix s; latency s; status, 0 for no answer)
    skipped = 0

    async def one(path: str) -> None:
        sent_at, started = time.time(), time.monotonic()
        status = 0
        connection = idle.pop() if idle else None
        with contextlib.suppress(OSError, ConnectionError, TimeoutError, ValueError):
            if connection is None:
                _, connection = await loop.create_connection(Answer, host, port)
            request = f"GET {prefix}{path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
            status = await asyncio.wait_for(connection.send(request), TIMEOUT)
        samples.append((sent_at, time.monotonic() - started, status))
        if connection is not None:
            if status and not connection.closed:
                idle.append(connection)
            elif connection.transport is not None:
                connection.transport.close()

    rng = random.Random()
    begin = time.monotonic()
    sent = 0
    while (elapsed := time.monotonic() - begin) < seconds:
        for _ in range(max(0, int(elapsed * rate) - sent)):
            sent += 1
            if len(inflight) >= cap:
                skipped += 1
                continue
            task = asyncio.create_task(one(paths(rng)))
            inflight.add(task)
            task.add_done_callback(inflight.discard)
        await asyncio.sleep(0.002)
    await asyncio.gather(*inflight)
    elapsed = time.monotonic() - begin
    for connection in idle:
        if connection.transport is not None:
            connection.transport.close()
    return {"target_rate": rate, "seconds": elapsed, "samples": samples, "skipped": skipped}
