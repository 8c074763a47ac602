"""Several processes serving the API on one port: started, watched, replaced when one dies, stopped together.

`judged serve` uses it when `server.processes` is above 1 (judged.serve): the first process keeps what a
host has once (the embedded Redis, the problem index's sync, the worker slots) and starts the others,
each `python -m judged.serve` reading its settings as JSON on stdin and writing `ready` on stdout once it
listens (the port shared with SO_REUSEPORT, so the kernel spreads new connections over them).

- `start` waits until every process listens; if one cannot (it exits or says nothing in time), none is
  left running and the start fails with its reason (what the process logged is on the same stderr).
- A process that exits while the host serves is replaced after `RESTART_DELAY` (doubling up to
  `MAX_RESTART_DELAY` while replacements keep dying young), and `on_exit(pid)` is told of each exit.
- `stop` sends each SIGTERM (they stop accepting, finish their requests and exit) and kills what is left
  after `grace` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Callable, Sequence

__all__ = ["READY", "ProcessFailed", "Processes"]

log = logging.getLogger(__name__)

READY = b"ready\n"
"""What a started process writes on its stdout once it listens."""
START_TIMEOUT = 120.0
"""Seconds a process gets to listen (opening Redis, the index and the database come first)."""
RESTART_DELAY = 1.0
MAX_RESTART_DELAY = 30.0
YOUNG = 10.0
"""A process that dies sooner than this after listening makes the next replacement wait twice as long."""


class ProcessFailed(RuntimeError):
    """A process exited, or said nothing, before it listened."""


class Processes:
    """`count` processes running `argv`, each given `stdin`; kept at `count` until `stop`."""

    def __init__(
        self,
        argv: Sequence[str],
        count: int,
        stdin: bytes,
        *,
        on_exit: Callable[[int], None] = lambda _pid: None,
        start_timeout: float = START_TIMEOUT,
        restart_delay: float = RESTART_DELAY,
    ) -> None:
        self._argv = list(argv)
        self.count = count
        self._stdin = stdin
        self._on_exit = on_exit
        self._start_timeout = start_timeout
        self._restart_delay = restart_delay
        self._current: list[asyncio.subprocess.Process | None] = [None] * count
        self._running: set[asyncio.subprocess.Process] = set()
        self._watchers: list[asyncio.Task[None]] = []
        self._stopping = False
        self.replaced = 0
        """Processes started to replace one that exited."""

    @property
    def pids(self) -> list[int]:
        """The processes serving now."""
        return [process.pid for process in self._current if process is not None and process.returncode is None]

    async def start(self) -> None:
        """Start them all and wait until each listens; `ProcessFailed`, with none left running, if one cannot."""
        try:
            started = await asyncio.gather(*(self._spawn(index) for index in range(self.count)))
        except BaseException:
            await self.stop(grace=5.0)
            raise
        self._current = list(started)
        self._watchers = [
            asyncio.create_task(self._watch(index), name=f"API process {index}") for index in range(self.count)
        ]

    async def _spawn(self, index: int) -> asyncio.subprocess.Process:
        process = await asyncio.create_subprocess_exec(
            *self._argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE
        )
        self._running.add(process)
        assert process.stdin is not None
        assert process.stdout is not None
        try:
            process.stdin.write(self._stdin)
            with contextlib.suppress(ConnectionError):
                await process.stdin.drain()
            process.stdin.close()
            try:
                line = await asyncio.wait_for(process.stdout.readline(), self._start_timeout)
            except TimeoutError:
                line = b""
            if line != READY:
                _kill(process)
                code = await process.wait()
                raise ProcessFailed(f"API process {index} (pid {process.pid}) did not start (exit status {code})")
        except BaseException:
            _kill(process)
            self._running.discard(process)
            raise
        if self._stopping:  # stopped while it started: it did not get the SIGTERM the others got
            _signal(process, signal.SIGTERM)
        return process

    async def _watch(self, index: int) -> None:
        delay = self._restart_delay
        while not self._stopping:
            process = self._current[index]
            if process is not None:
                listening = time.monotonic()
                code = await process.wait()
                self._running.discard(process)
                self._current[index] = None
                self._on_exit(process.pid)
                if self._stopping:
                    return
                delay = delay * 2 if time.monotonic() - listening < YOUNG else self._restart_delay
                delay = min(delay, MAX_RESTART_DELAY)
                log.warning(
                    "API process %d (pid %d) exited with status %s; starting another in %.0f s",
                    index, process.pid, code, delay,
                )  # fmt: skip
            await asyncio.sleep(delay)
            if self._stopping:
                return
            try:
                self._current[index] = await self._spawn(index)
            except ProcessFailed as exc:
                log.error("%s; trying again", exc)
                delay = min(delay * 2, MAX_RESTART_DELAY)
                continue
            self.replaced += 1
            log.info("API process %d replaced: pid %d", index, self._current[index].pid)  # type: ignore[union-attr]

    async def stop(self, grace: float) -> None:
        """SIGTERM to each (they finish their requests and exit); SIGKILL to those left after `grace` seconds."""
        self._stopping = True
        for process in list(self._running):
            _signal(process, signal.SIGTERM)
        waits = [asyncio.ensure_future(process.wait()) for process in list(self._running)]
        if waits:
            _, late = await asyncio.wait(waits, timeout=grace)
            if late:
                log.warning("%d API process(es) still running %.0f s after SIGTERM: killed", len(late), grace)
                for process in list(self._running):
                    _kill(process)
                await asyncio.wait(waits)
        for watcher in self._watchers:
            watcher.cancel()
        for watcher in self._watchers:
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        for process in list(self._running):
            if process.returncode is not None:
                self._on_exit(process.pid)
        self._running.clear()


def _signal(process: asyncio.subprocess.Process, signum: int) -> None:
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signum)


def _kill(process: asyncio.subprocess.Process) -> None:
    _signal(process, signal.SIGKILL)
