"""The start of the program inside a jail: counted from its first instruction, never the jail's.

The init (helper.c, PID 1 of the jail) forks the program's process and holds
it before exec, and says `ready PID` (the pid inside the jail) on its status
socket. The daemon finds that process on the host, moves it into the run's
program cgroup and sends one byte back; only then does the program exec and
the init start its wall clock. So the CPU counter of the program cgroup and
the init's wall time hold the program (and what it starts) alone: nsjail's
set-up of the jail, nsjail itself and the init are outside them.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from pathlib import Path

from judged.sandbox.cgroups import RunCgroup

GO = b"g"


class ReleaseError(Exception):
    """The program's process could not be put in its cgroup: the run must not go on."""


class Release:
    """What the handshake saw: when the program was let go, and what the init wrote after `ready`."""

    def __init__(self) -> None:
        self.at: float | None = None  # time.monotonic() when the program was let go
        self.rest = b""  # bytes after the ready line (the final report starts here)


def host_pid(candidates: list[int], jail_pid: int) -> int | None:
    """The host pid of the process whose pid in the jail's namespace is `jail_pid`.

    Only processes of the run are candidates (nsjail, the init, the held
    child); the child is the one whose innermost pid (the last of `NSpid`)
    is `jail_pid` and which lives in a nested namespace (two pids or more).
    Looked for from the end: the child is the newest, listed last.
    """
    for pid in reversed(candidates):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("NSpid:"):
                    pids = line.split()[1:]
                    if len(pids) >= 2 and pids[-1] == str(jail_pid):
                        return pid
                    break
    return None


async def release(sock: socket.socket, cgroup: RunCgroup, done: Release) -> None:
    """Wait for `ready PID`, admit that process to the program cgroup, let it go.

    Returns quietly at end-of-file (the jail failed before its init spoke:
    the caller reports that); raises ReleaseError when the program cannot be
    counted on its own, in which case it must never start.
    """
    loop = asyncio.get_running_loop()
    data = b""
    while b"\n" not in data:
        chunk = await loop.sock_recv(sock, 256)
        if not chunk:
            done.rest = data
            return
        data += chunk
    line, _, done.rest = data.partition(b"\n")
    word, _, number = line.decode(errors="replace").partition(" ")
    if word != "ready" or not number.isdigit():
        raise ReleaseError(f"the jail's init said {line[:80]!r} instead of ready")
    pid = host_pid(cgroup.pids(), int(number))
    if pid is None:
        raise ReleaseError(f"the program's process (pid {number} in the jail) is not in the run's cgroup")
    try:
        cgroup.admit_program(pid)
    except OSError as exc:
        raise ReleaseError(f"cannot move the program into its cgroup: {exc}") from exc
    done.at = time.monotonic()
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the jail was stopped meanwhile
        await loop.sock_sendall(sock, GO)
