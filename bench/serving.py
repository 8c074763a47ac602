"""What the benches that start `judged serve` share: a state folder, the daemon, waiting until it is ready."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]


def state_folder(prefix: str) -> Path:
    """A fresh state folder jails can reach (they pass through it to the sandbox helper and the builds)."""
    state = Path(tempfile.mkdtemp(prefix=prefix))
    state.chmod(0o711)
    return state


@contextlib.asynccontextmanager
async def judged_serve(state: Path, port: int, **variables: str) -> AsyncIterator[str]:
    """`judged serve` on 127.0.0.1:`port` with `state` and extra JUDGED_* `variables`; yields its base URL."""
    env = {
        **os.environ,
        "JUDGED_STATE_DIR": str(state),
        "JUDGED_SERVER_LISTEN": f"127.0.0.1:{port}",
        "JUDGED_LOG_LEVEL": "warning",
        **variables,
    }
    base = f"http://127.0.0.1:{port}"
    with (state / "serve.log").open("wb") as log:
        argv = [sys.executable, "-m", "judged.cli", "serve"]
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            await wait_ready(base, process)
            yield base
        finally:
            process.terminate()
            process.wait(30)


async def wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    """Return once GET /readyz answers 200; fail if the daemon exits or takes over two minutes."""
    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            if process.poll() is not None:
                raise RuntimeError("judged serve exited; see serve.log in its state folder")
            try:
                async with session.get(f"{base}/readyz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("judged serve did not become ready in 2 minutes")
