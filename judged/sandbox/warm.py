"""One warm jail for many runs of one program: the I/O tests of a submission, the inputs of a run.

The jail (namespaces, mounts, seccomp, the uid lease, the jail's cgroup) is
set up once; its init (helper.c, `serve`) starts the program once per run
with that run's stdin, stdout and stderr, and after it ends kills every
process of the jail, removes the SysV IPC objects of its IPC namespace and
empties /tmp, /dev/shm and /dev/mqueue before it takes the next. Each run
has a cgroup of its own below the jail's (`RunCgroup.create_test`): its
memory cap, peak and OOM count, its pids cap and its CPU counter, so a run
is measured, limited and classified exactly as a run in a jail of its own
(`Sandbox.run`) is, on the same numbers.

A jail that fails (its init stops answering, a run's leftovers cannot be
removed, the program cannot be put in its cgroup) is retired; the run it
failed is run again once in a fresh jail, so a jail's failure never becomes
a participant's verdict.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import msgspec

from judged.sandbox.cgroups import RunCgroup
from judged.sandbox.identity import Identity
from judged.sandbox.netns import Netns
from judged.sandbox.pinning import core_of_slot, current_slot
from judged.sandbox.release import GO, host_pid
from judged.sandbox.runner import (
    CHUNK,
    DRAIN_GRACE,
    HELPER_ENV,
    LOG_KEEP,
    STDERR_KEEP,
    PipeReader,
    RunWatch,
    Sandbox,
    check_request,
    classify,
    internal_error,
)
from judged.sandbox.spawn import DEVNULL, Child, feed, spawn
from judged.sandbox.types import MiB, RunRequest, RunResult, Status

log = logging.getLogger(__name__)

JAIL_MEMORY_EXTRA = 32 * MiB  # the jail's cap over a run's: nsjail (about 2 MB) and the init
CLEAN_WAIT = 10.0  # seconds the init may take to empty the jail after a run
START_WAIT = 10.0  # seconds nsjail may take to build the jail


class WarmJailError(Exception):
    """The request cannot be served by a warm jail (something it could not empty between runs)."""


def check_warm(request: RunRequest) -> None:
    """Raise WarmJailError for a request whose runs could leave something behind for the next."""
    if request.extra_fds:
        raise WarmJailError("a warm jail passes no extra descriptors")
    for mount in request.mounts:
        if mount.writable or mount.owned_by_run:
            raise WarmJailError(f"a warm jail cannot empty the writable mount {mount.destination} between runs")
    if request.cwd != "/tmp" and not request.cwd.startswith("/tmp/"):
        raise WarmJailError("a warm jail's working folder is /tmp (emptied between runs)")


class _Lines:
    """Lines from the init's status socket (non-blocking), one at a time; "" at end-of-file."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    async def readline(self) -> str:
        loop = asyncio.get_running_loop()
        while b"\n" not in self.buffer:
            try:
                chunk = await loop.sock_recv(self.sock, 256)
            except OSError:  # reset: the init died with our bytes unread
                return ""
            if not chunk:
                return ""
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode(errors="replace")


class _Jail:
    """One nsjail process in its `serve` role, its cgroup, its uid lease and its status socket."""

    def __init__(self, proc: Child, cgroup: RunCgroup, sock: socket.socket, log_r: int) -> None:
        self.proc, self.cgroup, self.sock = proc, cgroup, sock
        self.lines = _Lines(sock)
        self.log = PipeReader(log_r, LOG_KEEP)
        self.log_r = log_r
        self.broken = ""  # why the jail may serve no more runs
        self.runs = 0
        # The next run's cgroup, made while the run before it ran, and the cgroups of ended runs (their
        # processes killed), removed while the next one runs: neither costs a run its time.
        self.next_test: RunCgroup | None = None
        self.spent: list[RunCgroup] = []
        self.sandbox_netns: Netns | None = None
        self.interval = 0.05  # how often the watchdog reads a run's CPU counter

    @classmethod
    async def start(
        cls, sandbox: Sandbox, request: RunRequest, identity: Identity, cgroup: RunCgroup
    ) -> _Jail | RunResult:
        status_sock, status_peer = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        status_w = status_peer.fileno()
        log_r, log_w = os.pipe2(os.O_CLOEXEC)
        argv, netns = await sandbox.launch_argv(
            cgroup, request, status_fd=status_w, log_fd=log_w, identity=identity, warm=True
        )
        try:
            proc = await spawn(
                argv,
                stdin=DEVNULL,
                stdout=DEVNULL,
                stderr=log_w,
                pass_fds=(status_w, log_w, *((netns,) if netns is not None else ())),
                env=HELPER_ENV,
            )
            sandbox.jails_started += 1
        except OSError as exc:
            status_sock.close()
            os.close(log_r)
            return internal_error(f"cannot start nsjail: {exc}")
        finally:
            status_peer.close()
            os.close(log_w)
            if netns is not None:
                os.close(netns)
        status_sock.setblocking(False)
        sandbox.tidy()  # while nsjail builds the jail
        jail = cls(proc, cgroup, status_sock, log_r)
        jail.sandbox_netns = sandbox.netns
        jail.interval = sandbox.config.poll_interval
        return jail

    async def close(self) -> None:
        """End the jail: end-of-file tells the init to return, which ends the pid namespace."""
        self.sock.close()
        try:
            await asyncio.wait_for(self.proc.wait(), DRAIN_GRACE)
        except TimeoutError:
            log.warning("a warm jail did not end at end-of-file; killed")
        self.cgroup.kill()
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        await self.proc.wait()
        await self.log.text()
        os.close(self.log_r)

    def retire(self, why: str) -> None:
        if not self.broken:
            log.warning("warm jail retired after %d runs: %s", self.runs, why)
            self.broken = why

    async def failed(self, why: str) -> RunResult:
        """The jail (not the program) failed: retire it and say so, with nsjail's log."""
        self.retire(why)
        self.cgroup.kill(spare=self.proc.pid)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.proc.wait(), DRAIN_GRACE)
        tail = (await self.log.text()).strip()[-2000:]
        return internal_error(f"the warm jail failed: {why}" + (f": {tail}" if tail else ""))

    async def run(self, request: RunRequest, stdin: bytes | Path | None, stop: asyncio.Event | None) -> RunResult:
        """One run of the program in this jail, measured in a cgroup of its own."""
        limits = request.limits
        self.runs += 1
        test, self.next_test = self.next_test, None
        if test is None:
            try:
                test = self.cgroup.create_test(limits.memory, limits.processes)
            except OSError as exc:
                return await self.failed(f"cannot create the run's cgroup: {exc}")
        try:
            return await self._run_in(test, request, stdin, stop)
        finally:
            test.kill()
            self.spent.append(test)

    def between_runs(self, request: RunRequest) -> None:
        """While a run's program runs: remove the cgroups of the runs before it, make the next one's.

        A cgroup that cannot go yet stays listed for the next time; the jail's
        own cgroup takes whatever is left with it when the jail ends.
        """
        self.spent = [test for test in self.spent if not test.remove_now()]
        if self.sandbox_netns is not None:
            self.sandbox_netns.refill()  # the namespace this jail took, made again now that it has started
        if self.next_test is None:
            with contextlib.suppress(OSError):  # made then, when the run needs it, and failed there
                self.next_test = self.cgroup.create_test(request.limits.memory, request.limits.processes)

    async def _run_in(
        self, test: RunCgroup, request: RunRequest, stdin: bytes | Path | None, stop: asyncio.Event | None
    ) -> RunResult:
        loop = asyncio.get_running_loop()
        out_r, out_w = os.pipe2(os.O_CLOEXEC)
        err_r, err_w = os.pipe2(os.O_CLOEXEC)
        feed_w: int | None = None
        if isinstance(stdin, bytes):
            in_fd, feed_w = os.pipe2(os.O_CLOEXEC)
        else:
            in_fd = os.open(stdin if stdin is not None else os.devnull, os.O_RDONLY | os.O_CLOEXEC)
        started = time.monotonic()
        try:
            socket.send_fds(self.sock, [b"r"], [in_fd, out_w, err_w])
        except OSError as exc:
            for fd in (out_r, err_r, *((feed_w,) if feed_w is not None else ())):
                os.close(fd)
            return await self.failed(f"cannot reach the init: {exc}")
        finally:
            for fd in (in_fd, out_w, err_w):
                os.close(fd)
        out_file, err_file = os.fdopen(out_r, "rb", buffering=0), os.fdopen(err_r, "rb", buffering=0)
        run = RunWatch(None, test, request.limits, stop)
        out = asyncio.ensure_future(_read(run, out_file, request.limits.output))
        err = asyncio.ensure_future(_read(run, err_file, STDERR_KEEP))
        if feed_w is not None:
            await feed(feed_w, stdin if isinstance(stdin, bytes) else b"")
        try:
            problem = await self._release(test)
            if problem:
                return await self.failed(problem)
            run.release.at = time.monotonic()
            report: asyncio.Future[Any] = asyncio.ensure_future(self.lines.readline())
            try:
                await loop.sock_sendall(self.sock, GO)
            except OSError as exc:
                report.cancel()
                return await self.failed(f"cannot reach the init: {exc}")
            self.between_runs(request)
            await run.watch(started, self.interval, report)
            return await self._finish(run, report, time.monotonic() - run.wall_started(started), out, err)
        finally:
            for task in (out, err):
                task.cancel()
            out_file.close()
            err_file.close()

    async def _finish(
        self,
        run: RunWatch,
        report: asyncio.Future[Any],
        host_wall: float,
        out: asyncio.Future[tuple[bytes, bool]],
        err: asyncio.Future[tuple[bytes, bool]],
    ) -> RunResult:
        """The run's result once its program ended; the jail retires if the init could not empty it."""
        line = report.result() if report.done() and not report.cancelled() else ""
        report.cancel()
        if not line:
            return await self.failed("the init ended during a run")
        _, pending = await asyncio.wait((out, err), timeout=DRAIN_GRACE)
        if pending:
            return await self.failed("output pipes stayed open after the run ended")
        cleaned = await self._cleaned()
        if cleaned:
            self.retire(cleaned)
        (stdout, out_cut), (stderr, err_cut) = out.result(), err.result()
        result = classify(run, line, "", host_wall)
        return _with_output(result, stdout, stderr, out_cut, err_cut)

    async def _release(self, test: RunCgroup) -> str:
        """Wait for `ready PID`, move that process into the run's cgroup; why not, if it cannot be."""
        try:
            line = await asyncio.wait_for(self.lines.readline(), START_WAIT)
        except TimeoutError:
            return "the init did not answer"
        word, _, number = line.partition(" ")
        if word != "ready" or not number.isdigit():
            return f"the init said {line[:80]!r} instead of ready"
        pid = host_pid(self.cgroup.pids(), int(number))
        if pid is None:
            return f"the program's process (pid {number} in the jail) is not in the jail's cgroup"
        try:
            test.admit_test(pid)
        except OSError as exc:
            return f"cannot move the program into its cgroup: {exc}"
        return ""

    async def _cleaned(self) -> str:
        """ "" once the init has emptied the jail for the next run; else why the jail must retire."""
        try:
            line = await asyncio.wait_for(self.lines.readline(), CLEAN_WAIT)
        except TimeoutError:
            return "the init did not empty the jail in time"
        if line == "clean":
            return ""
        return f"the init could not empty the jail: {line or 'it ended'}"


async def _read(run: RunWatch, file: IO[bytes], keep: int) -> tuple[bytes, bool]:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=CHUNK)
    transport, _ = await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), file)
    try:
        return await run.read_stream(reader, keep)
    finally:
        transport.close()


def _with_output(result: RunResult, stdout: bytes, stderr: bytes, out_cut: bool, err_cut: bool) -> RunResult:
    return msgspec.structs.replace(
        result, stdout=stdout, stderr=stderr, stdout_truncated=out_cut, stderr_truncated=err_cut
    )


def _stopped() -> RunResult:
    return RunResult(
        status=Status.OK, exit_code=None, signal=None, cpu_time=0.0, wall_time=0.0, memory=0,
        stdout=b"", stderr=b"", stopped=True, message="stopped by the caller before it started",
    )  # fmt: skip


class WarmJail:
    """Runs one program many times in one jail, one run at a time: `async with WarmJail(sandbox, request)`.

    `request` is the program with its limits and mounts; each `run` gives
    its own stdin (bytes, a host file, or None for none). Runs queue in
    order; `stop` set before a run starts skips it (`stopped`).
    """

    def __init__(self, sandbox: Sandbox, request: RunRequest) -> None:
        check_warm(request)
        self.sandbox, self.request = sandbox, request
        self._lock = asyncio.Lock()
        self._jail: _Jail | None = None
        self._exits = contextlib.AsyncExitStack()
        self.jails_started = 0

    async def run(self, stdin: bytes | Path | None = None, *, stop: asyncio.Event | None = None) -> RunResult:
        """One run on `stdin`; never raises for anything the program does."""
        async with self._lock:
            for attempt in (1, 2):
                if stop is not None and stop.is_set():
                    return _stopped()
                jail = await self._jail_ready()
                if isinstance(jail, RunResult):
                    return jail
                result = await jail.run(self.request, stdin, stop)
                if jail.broken:
                    await self._end_jail()
                    if result.status is Status.IE and attempt == 1:
                        continue  # the jail failed, not the program: once more in a fresh jail
                return result
            raise AssertionError("unreachable")

    async def _jail_ready(self) -> _Jail | RunResult:
        if self._jail is not None:
            return self._jail
        sandbox = self.sandbox
        if sandbox.cgroups is None:
            raise RuntimeError("Sandbox.warm before Sandbox.start")
        problem = check_request(self.request)
        if problem:
            return internal_error(problem)
        limits = self.request.limits
        stack = contextlib.AsyncExitStack()
        identity = await stack.enter_async_context(sandbox.identities.lease())
        try:
            core = core_of_slot(current_slot(), sandbox.cores)
            cgroup = sandbox.cgroups.create_warm(limits.memory + JAIL_MEMORY_EXTRA, limits.processes + 2, core)
        except OSError as exc:
            await stack.aclose()
            return internal_error(f"cannot create the warm jail's cgroup: {exc}")
        stack.callback(cgroup.remove)
        stack.callback(cgroup.kill)
        jail = await _Jail.start(sandbox, self.request, identity, cgroup)
        if isinstance(jail, RunResult):
            await stack.aclose()
            return jail
        stack.push_async_callback(jail.close)
        self._jail, self._exits = jail, stack
        self.jails_started += 1
        return jail

    async def _end_jail(self) -> None:
        self._jail = None
        exits, self._exits = self._exits, contextlib.AsyncExitStack()
        await exits.aclose()

    async def close(self) -> None:
        async with self._lock:
            await self._end_jail()

    async def __aenter__(self) -> WarmJail:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.close()
