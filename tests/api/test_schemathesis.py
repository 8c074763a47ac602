"""schemathesis against the daemon's own OpenAPI document: generated requests to every route, no server error.

The app is the real one (`create_app(settings)`: real Redis, real sandboxes, worker slots judging what
schemathesis submits), served on a loopback port; schemathesis runs as its own process against it.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from judged.daemon import create_app
from judged.sandbox import Sandbox
from tests.api.test_submissions import settings_for
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

SEED = 20261129  # the same requests each run, so a failure reproduces


@pytest.fixture
async def server(sandbox: Sandbox, state_dir: Path, redis_url: str) -> AsyncIterator[TestServer]:
    overrides = {"redis.prefix": "schemathesis:", "worker.slots": 1, "submissions.max_per_minute": 1000}
    server = TestServer(create_app(settings_for(state_dir, redis_url, **overrides)))
    await server.start_server()

    async def ready() -> None:  # a 503 from /readyz while the languages self-test would count as a server error
        async with ClientSession() as session:
            while (await session.get(server.make_url("/readyz"))).status != 200:
                await asyncio.sleep(0.2)

    await asyncio.wait_for(ready(), 120)
    yield server
    await server.close()


async def test_generated_requests_never_get_a_server_error(server: TestServer, tmp_path: Path) -> None:
    binary = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert binary is not None, "schemathesis is a dev dependency: pip install -e .[dev]"
    url = str(server.make_url("/v1/openapi.json"))
    process = await asyncio.create_subprocess_exec(
        binary,
        "run",
        url,
        "--checks",
        "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
        "--max-examples",
        "30",
        "--seed",
        str(SEED),
        "--workers",
        "1",
        "--request-timeout",
        "60",
        "--phases",
        "examples,coverage,fuzzing",
        "--exclude-path",
        "/readyz",  # 503 is its documented answer while something is missing, not a server error
        # A board's event stream is endless by design (keep-alive comments every 15 s reset any read
        # timeout): once a generated competition exists, a request to it never returns. Its answers are
        # tested in tests/api/test_competitions.py.
        "--exclude-path-regex",
        "/leaderboard/events$",
        "--no-color",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        cwd=tmp_path,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 900)
    text = output.decode(errors="replace")
    assert process.returncode == 0, text[-6000:]
