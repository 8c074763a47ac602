"""The sandbox's typed API: what to run, under which limits, and what happened."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import msgspec

MiB = 1024 * 1024

Seconds = Annotated[float, msgspec.Meta(gt=0, le=3600)]
Bytes = Annotated[int, msgspec.Meta(gt=0)]


class Status(enum.StrEnum):
    """How one sandboxed run ended, as the judge reports it."""

    OK = "OK"  # exited with status 0
    TLE = "TLE"  # CPU time over the limit, or still running at the wall limit
    MLE = "MLE"  # the memory cap was hit
    OLE = "OLE"  # stdout or stderr over the output cap, or a file over the file-size cap
    RE = "RE"  # exited non-zero or was killed by a signal
    SV = "SV"  # killed by the seccomp policy for a forbidden system call
    IE = "IE"  # the sandbox itself failed: never the program's fault


class Limits(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Resource caps for one run. Sizes are bytes, times are seconds."""

    cpu: Seconds = 2.0
    wall: Seconds = 5.0
    memory: Bytes = 256 * MiB
    processes: Annotated[int, msgspec.Meta(ge=1, le=4096)] = 64
    output: Bytes = 64 * MiB
    file_size: Bytes = 64 * MiB
    tmpfs: Bytes = 64 * MiB
    open_files: Annotated[int, msgspec.Meta(ge=16, le=65536)] = 256
    # None: the stack may grow up to the memory cap, as most judges allow.
    stack: Bytes | None = None
    # None: no address-space limit (the JVM, Go and Node reserve far more
    # address space than they use; the cgroup memory cap is what counts).
    address_space: Bytes | None = None


class Mount(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A bind mount of a host path into the jail, read-only unless writable.

    `owned_by_run`: writable, and the source (a folder the caller has just
    made, never one a jail could have planted) is given to the run's own
    uid/gid before it starts, since each run has a uid of its own.
    `empty`: not a bind mount but an empty read-only folder over `source`,
    hiding what the host keeps there (a language's host-installed packages).
    """

    source: str
    target: str | None = None
    writable: bool = False
    owned_by_run: bool = False
    empty: bool = False

    @property
    def destination(self) -> str:
        return self.target or self.source


class RunRequest(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One command to run in a fresh jail.

    `mounts` are added to the read-only system root (/usr, /bin, /lib*, the
    loader's /etc files) unless `system_root` is False, when they are the
    whole filesystem besides /proc, /dev, /tmp and the init.
    `stdin` is either the bytes to feed or a host file to read from.
    `extra_fds` maps a descriptor number inside the jail to a descriptor of
    the calling process (for example the write end of a pipe); the caller
    keeps its descriptors, whose files (pipes) are given to the run's uid so
    that a runtime reopening /proc/self/fd/N (the JVM) may.
    """

    argv: tuple[str, ...]
    limits: Limits = Limits()
    mounts: tuple[Mount, ...] = ()
    system_root: bool = True
    env: dict[str, str] = {}
    cwd: str = "/tmp"
    stdin: bytes | Path | None = None
    extra_fds: dict[int, int] = {}


class RunResult(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What happened, measured outside the jail."""

    status: Status
    exit_code: int | None
    signal: int | None
    cpu_time: float
    wall_time: float
    memory: int
    stdout: bytes
    stderr: bytes
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    # The caller stopped the run early (Sandbox.run's `stop`); no limit was hit.
    stopped: bool = False
    # For IE: what failed. For the others: a short human reason when useful.
    message: str = ""


class SandboxError(Exception):
    """The host cannot sandbox at all (not root, no namespaces, no cgroups)."""
