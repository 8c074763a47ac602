"""The judging tests' shared fixture: a judge of every language, one per module."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from judged.judging.service import Judge
from judged.sandbox import Sandbox, SandboxConfig

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
async def judge(sandbox: Sandbox, state_dir: Path) -> AsyncIterator[Judge]:
    """One judge for the module, every language self-tested (the session sandbox proves the host can jail).

    A module that needs only a few languages defines its own `judge` with `start(only=...)`: fewer self-tests.
    """
    del sandbox
    service = Judge(SandboxConfig(), state_dir, PROJECT / "languages")
    await service.start()
    yield service
    await service.close()
