"""A daemon that dies (SIGKILL, no clean-up at all) takes its running jails with it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import textwrap
from pathlib import Path

import psutil

from judged.sandbox import Sandbox
from tests.conftest import SESSION_ID_BASE, SESSION_IDS

JAIL_UIDS = range(SESSION_ID_BASE, SESSION_ID_BASE + SESSION_IDS)  # the session sandbox's and SPINNER's

SPINNER = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from judged.sandbox import Limits, RunRequest, Sandbox, SandboxConfig

    async def main() -> None:
        base = int(sys.argv[2])
        box = Sandbox(SandboxConfig(uid_base=base, gid_base=base, ids=int(sys.argv[3])), Path(sys.argv[1]))
        await box.start()
        print("started", flush=True)
        request = RunRequest(argv=("/usr/bin/python3", "-c", "while True: pass"), limits=Limits(cpu=60, wall=120))
        await box.run(request)

    asyncio.run(main())
    """
)


def jailed_spinners() -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["cmdline", "uids"]):
        cmdline = process.info["cmdline"] or []
        if (
            cmdline[-2:] == ["-c", "while True: pass"]
            and process.info["uids"]
            and process.info["uids"].real in JAIL_UIDS
        ):
            found.append(process)
    return found


async def test_a_sigkilled_daemon_leaves_no_jail_running(sandbox: Sandbox, state_dir: Path) -> None:
    daemon = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        SPINNER,
        str(state_dir / "sandbox"),
        str(SESSION_ID_BASE),
        str(SESSION_IDS),
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert daemon.stdout is not None
        assert await asyncio.wait_for(daemon.stdout.readline(), 60) == b"started\n"

        async def spinning() -> None:
            while not jailed_spinners():
                await asyncio.sleep(0.05)

        await asyncio.wait_for(spinning(), 60)
        os.kill(daemon.pid, signal.SIGKILL)
        await daemon.wait()

        async def gone() -> None:
            while jailed_spinners():
                await asyncio.sleep(0.05)

        await asyncio.wait_for(gone(), 10)  # the spinner would otherwise run for its 60 CPU-seconds
    finally:
        if daemon.returncode is None:
            daemon.kill()
            await daemon.wait()
        for leftover in jailed_spinners():
            leftover.kill()
