"""Starting nsjail's launcher: `subprocess.Popen` (vfork + exec), its exit watched through a pidfd.

asyncio's subprocesses on Python 3.11 are watched by its default child
watcher, which starts a thread per child and waits until that thread runs:
on the loaded 2-core project machine that was milliseconds of every jail's
start (bench/run_phases.py). A pidfd (Linux 5.3+) becomes readable when its
process exits, so the event loop watches it like any descriptor and reaps
the child then, with no thread. Where pidfds are missing, a thread waits.

The pipes are asyncio pipe transports, as asyncio's own subprocesses use:
stdout and stderr as StreamReaders, stdin written by `feed`.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
from collections.abc import Mapping, Sequence
from typing import IO

PIPE = subprocess.PIPE
DEVNULL = subprocess.DEVNULL
READ_LIMIT = 64 * 1024


class Child:
    """A started process: its pid, its exit status once reaped, its piped stdout and stderr."""

    def __init__(self, popen: subprocess.Popen[bytes]) -> None:
        self.popen = popen
        self.pid = popen.pid
        self.stdout: asyncio.StreamReader | None = None
        self.stderr: asyncio.StreamReader | None = None
        self.stdin: IO[bytes] | None = popen.stdin
        self._exited: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._watcher: asyncio.Task[None] | None = None  # referenced, so it is not collected while it waits

    @property
    def returncode(self) -> int | None:
        return self.popen.returncode

    async def wait(self) -> int:
        """The exit status (negative: killed by that signal), once the process is gone."""
        return await asyncio.shield(self._exited)

    def kill(self) -> None:
        """SIGKILL the process unless it has been reaped (its pid may be someone else's by then)."""
        if self.popen.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, 9)

    def _reaped(self) -> None:
        if self.popen.poll() is not None and not self._exited.done():
            self._exited.set_result(self.popen.returncode)

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            pidfd = os.pidfd_open(self.pid)
        except OSError:  # no pidfds (Linux before 5.3): a thread waits
            await asyncio.to_thread(self.popen.wait)
            self._reaped()
            return
        readable: asyncio.Future[None] = loop.create_future()

        def exited() -> None:
            if not readable.done():
                readable.set_result(None)

        loop.add_reader(pidfd, exited)
        try:
            await readable
        finally:
            loop.remove_reader(pidfd)
            os.close(pidfd)
        self._reaped()


async def spawn(
    argv: Sequence[str],
    *,
    stdin: int | IO[bytes],
    stdout: int | IO[bytes],
    stderr: int | IO[bytes],
    pass_fds: Sequence[int],
    env: Mapping[str, str],
) -> Child:
    """Start `argv` (raises OSError as Popen does); PIPE'd stdout/stderr come back as StreamReaders."""
    # Blocking only until the child has exec'd (vfork), as asyncio's own subprocess transport does.
    popen = subprocess.Popen(  # noqa: ASYNC220
        list(argv), stdin=stdin, stdout=stdout, stderr=stderr, pass_fds=tuple(pass_fds), env=dict(env), bufsize=0
    )
    child = Child(popen)
    child._watcher = asyncio.get_running_loop().create_task(child._watch())
    if popen.stdout is not None:
        child.stdout = await _reader(popen.stdout)
    if popen.stderr is not None:
        child.stderr = await _reader(popen.stderr)
    return child


async def _reader(pipe: IO[bytes]) -> asyncio.StreamReader:
    reader = asyncio.StreamReader(limit=READ_LIMIT)
    await asyncio.get_running_loop().connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), pipe)
    return reader


async def feed(pipe: IO[bytes] | int, data: bytes) -> None:
    """Hand `data` to a pipe transport, which writes it as the reader takes it and then closes the pipe.

    Nothing waits for it: a program that never reads its stdin ends, and the
    transport with it (a broken pipe is no error of the run).
    """
    file = os.fdopen(pipe, "wb", buffering=0) if isinstance(pipe, int) else pipe
    transport, _ = await asyncio.get_running_loop().connect_write_pipe(asyncio.Protocol, file)
    transport.write(data)
    transport.close()
