"""An API app over a real ProblemIndex synced from copies of bundled problems, served by aiohttp's TestServer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from judged.api import ApiDeps, build_app
from judged.judging.statuses import LanguageStatus
from judged.problems.model import ProblemKind
from judged.store.index import ProblemIndex
from tests.bundled import copy_bundled

SLUGS = ("balance-point", "rain-window", "level-sums", "balance-scale", "trim-leaves", "best-average")
"""Three easy, two medium, one hard."""

Client = TestClient[web.Request, web.Application]

PYTHON = LanguageStatus(
    "python", "Python 3", "Python 3.11.2", enabled=True, problems=(ProblemKind.FUNCTION, ProblemKind.IO),
    libraries=("sortedcontainers 2.4.0",), extensions=("py", "py3"),
)  # fmt: skip
CPP = LanguageStatus("cpp", "C++17", "g++ (Debian 12.2.0) 12.2.0", enabled=True)
RUST_BROKEN = LanguageStatus("rust", "Rust", "", enabled=False, reason="the version probe failed")


@dataclass
class Daemon:
    """What the composition root would own: the index, whether it has synced, and the judge's language statuses."""

    index: ProblemIndex
    root: Path
    synced: bool = False
    statuses: list[LanguageStatus] = field(default_factory=lambda: [PYTHON, CPP, RUST_BROKEN])

    async def sync(self) -> None:
        await self.index.sync([self.root])
        self.synced = True

    def deps(self) -> ApiDeps:
        return ApiDeps(index=self.index, languages=lambda: self.statuses, index_synced=lambda: self.synced)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path / "problems", SLUGS)


@pytest.fixture
async def daemon(tmp_path: Path, root: Path) -> AsyncIterator[Daemon]:
    index = ProblemIndex(tmp_path / "index.sqlite3")
    await index.open()
    yield Daemon(index, root)
    await index.close()


async def serve(app: web.Application) -> Client:
    client = TestClient(TestServer(app))
    await client.start_server()
    return client


@pytest.fixture
async def unsynced(daemon: Daemon) -> AsyncIterator[Client]:
    """A client of the API before the index's first sync."""
    client = await serve(build_app(daemon.deps()))
    yield client
    await client.close()


@pytest.fixture
async def client(daemon: Daemon) -> AsyncIterator[Client]:
    """A client of the API over the synced index."""
    await daemon.sync()
    client = await serve(build_app(daemon.deps()))
    yield client
    await client.close()
