"""Shared fixtures: one real sandbox for the whole session."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from judged.sandbox import Sandbox, SandboxConfig, SandboxError


def cannot_test(message: str) -> None:
    """Skip loudly where the machine truly lacks what a test needs; in CI (which installs it all) fail."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def cannot_sandbox(reason: str) -> None:
    cannot_test(f"THIS MACHINE CANNOT SANDBOX, sandbox tests not run: {reason}")


@pytest.fixture(scope="session")
def jail_tmp() -> Iterator[Path]:
    """A scratch folder that jails can mount from (pytest's own is 0700)."""
    path = Path(tempfile.mkdtemp(prefix="judged-tests-"))
    path.chmod(0o711)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def state_dir(jail_tmp: Path) -> Path:
    path = jail_tmp / "state"
    path.mkdir(mode=0o711)
    return path


# This session's jails get uids of their own (pid-derived, within the sandbox's default
# high range), so that checks for processes a jail left behind never see the jails of
# another test session running on the same machine.
SESSION_IDS = 256
SESSION_ID_BASE = 2_100_000_000 + (os.getpid() % 100_000) * SESSION_IDS


@pytest.fixture(scope="session")
async def sandbox(state_dir: Path) -> AsyncIterator[Sandbox]:
    if os.geteuid() != 0:
        cannot_sandbox("not running as root")
    config = SandboxConfig(uid_base=SESSION_ID_BASE, gid_base=SESSION_ID_BASE, ids=SESSION_IDS)
    box = Sandbox(config, state_dir / "sandbox")
    try:
        await box.start()
    except SandboxError as exc:
        cannot_sandbox(str(exc))
    yield box
    await box.close()
