"""What the benches that start `judged serve` share: waiting for it to be ready."""

from __future__ import annotations

import asyncio
import subprocess

import aiohttp


async def wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    """Return once GET /readyz answers 200; fail if the daemon exits or takes over two minutes."""
    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            if process.poll() is not None:
                raise RuntimeError("judged serve exited; see its log")
            try:
                async with session.get(f"{base}/readyz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("judged serve did not become ready in 2 minutes")
