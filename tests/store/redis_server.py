"""A real redis-server for the store tests: one per session, on a unix socket, flushed before each test.

Test modules import the fixtures by name (`from tests.store.redis_server import redis_fixture`);
pytest registers them under the names `redis_url` and `redis`.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from judged.store.client import connect


@pytest.fixture(scope="session", name="redis_url")
def redis_url_fixture() -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed: the store tests need a real Redis")
    folder = Path(tempfile.mkdtemp(prefix="judged-redis-"))
    socket = folder / "redis.sock"
    argv = [binary, "--port", "0", "--unixsocket", str(socket), "--unixsocketperm", "700"]
    argv += ["--dir", str(folder), "--save", "", "--appendonly", "no", "--logfile", str(folder / "redis.log")]
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not socket.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"redis-server did not start: {(folder / 'redis.log').read_text(errors='replace')}")
            time.sleep(0.01)
        yield f"unix://{socket}"
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(name="redis")
async def redis_fixture(redis_url: str) -> AsyncIterator[aioredis.Redis]:
    client = connect(redis_url)
    await client.flushdb()
    yield client
    await client.aclose()
