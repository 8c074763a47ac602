"""The embedded redis-server: started on a private socket, restarted after a crash with its data, stopped."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from judged.store.client import connect
from judged.store.embedded import EmbeddedRedis, EmbeddedRedisError


@pytest.fixture
def state_dir() -> Iterator[Path]:
    # Short on purpose: a unix socket path has to fit in 107 bytes.
    path = Path(tempfile.mkdtemp(prefix="judged-emb-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


async def wait_for_new_pid(embedded: EmbeddedRedis, old: int) -> int:
    deadline = time.monotonic() + 10
    while (pid := embedded.pid) in (None, old):
        assert time.monotonic() < deadline, "the embedded redis-server was not restarted"
        await asyncio.sleep(0.02)
    assert pid is not None
    return pid


async def test_starts_on_a_private_socket_and_stops(state_dir: Path) -> None:
    embedded = EmbeddedRedis(state_dir)
    await embedded.start()
    try:
        assert embedded.url == f"unix://{state_dir}/redis/redis.sock"
        assert stat.S_IMODE(os.stat(embedded.socket).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(embedded.dir).st_mode) == 0o700
        client = connect(embedded.url)
        assert await client.ping()
        assert await client.config_get("port") == {"port": "0"}
        assert await client.config_get("appendonly") == {"appendonly": "yes"}
        await client.aclose()
        pid = embedded.pid
        assert pid is not None
    finally:
        await embedded.stop()
    assert embedded.pid is None
    assert not embedded.socket.exists()  # redis-server removes it on a clean shutdown
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


async def test_is_restarted_after_kill_9_with_its_data(state_dir: Path) -> None:
    async with EmbeddedRedis(state_dir, restart_delay=0.05) as embedded:
        client = connect(embedded.url)
        await client.set("kept", "yes")
        await client.aclose()
        old = embedded.pid
        assert old is not None
        os.kill(old, signal.SIGKILL)
        await wait_for_new_pid(embedded, old)
        assert embedded.restarts == 1
        client = connect(embedded.url)
        assert await client.get("kept") == "yes"  # from the append-only file
        await client.aclose()


async def test_data_survives_a_stop_and_a_new_start(state_dir: Path) -> None:
    async with EmbeddedRedis(state_dir) as embedded:
        client = connect(embedded.url)
        await client.set("kept", "yes")
        await client.aclose()
    async with EmbeddedRedis(state_dir) as embedded:
        client = connect(embedded.url)
        assert await client.get("kept") == "yes"
        await client.aclose()


async def test_refuses_clearly_when_redis_server_is_missing(state_dir: Path) -> None:
    embedded = EmbeddedRedis(state_dir, binary="redis-server-that-is-not-installed")
    with pytest.raises(EmbeddedRedisError, match="not found"):
        await embedded.start()


async def test_refuses_a_socket_path_too_long(tmp_path: Path) -> None:
    embedded = EmbeddedRedis(tmp_path / ("x" * 120))
    with pytest.raises(EmbeddedRedisError, match="too long"):
        await embedded.start()


async def test_reports_why_redis_server_would_not_start(state_dir: Path) -> None:
    fake = state_dir / "fake-redis-server"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    embedded = EmbeddedRedis(state_dir, binary=str(fake))
    with pytest.raises(EmbeddedRedisError, match="exited with 3"):
        await embedded.start()
