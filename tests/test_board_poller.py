"""The competition day's board poller counts a server's normal end of a keep-alive connection as no failure."""

from __future__ import annotations

import asyncio

from tests.board_poller import poll


async def test_a_connection_the_server_closes_is_not_reused() -> None:
    """nginx ends keep-alive connections with `Connection: close` (keepalive_requests): no request may fail on it."""
    answered = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal answered
        while True:
            try:
                await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                break
            answered += 1
            close = answered % 5 == 0
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + (b"Connection: close\r\n" * close) + b"\r\nok")
            await writer.drain()
            if close:
                break
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        report = await poll(f"http://127.0.0.1:{port}", lambda _rng: "/board", rate=200, seconds=1.5)
    statuses = [status for _sent, _latency, status in report["samples"]]
    assert len(statuses) >= 200
    assert set(statuses) == {200}, f"{statuses.count(0)} of {len(statuses)} requests got no answer"
