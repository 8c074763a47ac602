"""Where the time of one Sandbox.run of /bin/true goes; prints two tables.

    .venv/bin/python bench/run_phases.py [--runs 40]

1. The phases of Sandbox.run, timed from outside by wrapping its steps
   (median ms over --runs runs, back to back): the uid lease, the cgroups'
   creation, the nsjail command line, the spawn, nsjail's building of the
   jail up to the init's `ready`, the move into the program cgroup, the
   program itself (the init's clock), the jail's teardown up to asyncio
   seeing nsjail gone, reading the results, and the cgroups' removal.
2. nsjail alone on the same command line (no launcher, no cgroups, the
   init's handshake answered at once), whole and without one part at a
   time, to price the parts of the jail: the seccomp policy (compiled by
   Kafel at every start), the masked /proc, the default root's mounts.

A profiling aid, not a benchmark of record: numbers move with the machine's
load, the shares much less.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

from judged.sandbox import Mount, RunRequest, Sandbox, SandboxConfig, Status, jail, release, runner
from judged.sandbox.cgroups import Cgroups, RunCgroup
from judged.sandbox.identity import Identity, IdentityPool, hand_over
from judged.sandbox.spawn import Child

ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
TRUE = RunRequest(argv=("/bin/true",), env=ENV)

marks: dict[str, float] = {}
phases: dict[str, list[float]] = defaultdict(list)


def mark(name: str) -> None:
    marks[name] = time.perf_counter()


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            phases[name].append((time.perf_counter() - started) * 1e3)

    return wrapper


def instrument() -> None:
    """Wrap the steps of Sandbox.run (this process only: a profiling run)."""
    lease = IdentityPool.lease

    @contextlib.asynccontextmanager
    async def timed_lease(self: IdentityPool) -> AsyncIterator[Identity]:
        started = time.perf_counter()
        async with lease(self) as identity:
            phases["1 lease a uid"].append((time.perf_counter() - started) * 1e3)
            yield identity

    IdentityPool.lease = timed_lease  # type: ignore[method-assign]
    Cgroups.create_run = timed("2 create cgroups", Cgroups.create_run)  # type: ignore[method-assign]
    runner.hand_over = timed("3 hand over mounts/fds", hand_over)  # type: ignore[attr-defined]
    runner.nsjail_argv = timed("4 nsjail argv", jail.nsjail_argv)  # type: ignore[attr-defined]
    RunCgroup.admit_program = timed("7 move into program cgroup", RunCgroup.admit_program)  # type: ignore[method-assign]
    RunCgroup.remove = timed("10 remove cgroups", RunCgroup.remove)  # type: ignore[method-assign]
    spawn = runner.spawn  # type: ignore[attr-defined]

    async def timed_spawn(*args: Any, **kwargs: Any) -> Child:
        mark("spawn")
        proc = await spawn(*args, **kwargs)
        mark("spawned")
        return proc

    runner.spawn = timed_spawn  # type: ignore[attr-defined]
    host_pid = release.host_pid

    def timed_host_pid(candidates: list[int], jail_pid: int) -> int | None:
        mark("ready")
        return host_pid(candidates, jail_pid)

    release.host_pid = timed_host_pid
    watch = runner.RunWatch.watch

    async def timed_watch(self: runner.RunWatch, started: float, interval: float, exited: Any = None) -> None:
        await watch(self, started, interval, exited)
        mark("exited")

    runner.RunWatch.watch = timed_watch  # type: ignore[method-assign]


async def profile_runs(sandbox: Sandbox, runs: int) -> None:
    for _ in range(runs):
        marks.clear()
        started = time.perf_counter()
        result = await sandbox.run(TRUE)
        total = (time.perf_counter() - started) * 1e3
        if result.status is not Status.OK:
            raise SystemExit(f"/bin/true did not run: {result.status} {result.message}")
        phases["0 whole Sandbox.run"].append(total)
        phases["5 spawn the launcher"].append((marks["spawned"] - marks["spawn"]) * 1e3)
        phases["6 launcher + nsjail build the jail, init ready"].append((marks["ready"] - marks["spawned"]) * 1e3)
        phases["8 the program (init's clock)"].append(result.wall_time * 1e3)
        released = sandbox_release_at[-1] if sandbox_release_at else marks["ready"]
        phases["9 end of program to nsjail gone"].append((marks["exited"] - released) * 1e3 - result.wall_time * 1e3)


sandbox_release_at: list[float] = []


def nsjail_variants(sandbox: Sandbox, identity: Identity, static_true: Path) -> dict[str, list[str]]:
    """nsjail command lines for an empty program: whole, and without one part at a time."""

    def argv(request: RunRequest, own_netns: bool = False) -> list[str]:
        # 100 and 101: the numbers run_nsjail gives the status socket and the log pipe. own_netns=False is
        # judged's way (-N, the launcher entering a namespace made ahead); with no launcher here, -N leaves
        # nsjail in this process's namespace, which prices the same.
        return jail.nsjail_argv(
            sandbox.nsjail, sandbox.helper, request, status_fd=100, log_fd=101, identity=identity, own_netns=own_netns
        )

    whole = argv(TRUE)

    def without(pairs: set[tuple[str, str]], argv: list[str] = whole) -> list[str]:
        """`argv` without the (flag, value) pairs listed (before the jailed command)."""
        out, i = [], 0
        while i < len(argv):
            if i + 1 < len(argv) and (argv[i], argv[i + 1]) in pairs and "--" not in argv[:i]:
                i += 2
                continue
            out.append(argv[i])
            i += 1
        return out

    masks = jail.proc_masks()
    mask_pairs = {(masks[i], masks[i + 1]) for i in range(3, len(masks), 2)}  # after --disable_proc -m proc
    seccomp = {("--seccomp_string", whole[whole.index("--seccomp_string") + 1])}
    bare = RunRequest(
        argv=("/prog",), env=ENV, mounts=(Mount(source=str(static_true), target="/prog"),), system_root=False
    )
    return {
        "whole (dynamic /bin/true, default root, -N)": whole,
        "without the seccomp policy": without(seccomp),
        f"without the {len(mask_pairs)} /proc masks": without(mask_pairs),
        "static program, no default root": argv(bare),
        "static, no root, no masks, no seccomp": without(mask_pairs | seccomp, argv(bare)),
        # The fallback where the daemon cannot make namespaces ahead (netns.py): nsjail makes one.
        "nsjail making the network namespace itself": argv(TRUE, own_netns=True),
    }


def run_nsjail(argv: list[str]) -> float:
    """One nsjail run with the init's handshake answered at once; wall ms."""
    ours, theirs = socket.socketpair()
    log_r, log_w = os.pipe()
    os.dup2(theirs.fileno(), 100)  # the numbers the command line names
    os.dup2(log_w, 101)
    theirs.close()
    os.close(log_w)
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            pass_fds=(100, 101))  # fmt: skip
    os.close(100)
    os.close(101)
    line = ours.recv(64)
    if line.startswith(b"ready"):
        ours.sendall(release.GO)
    proc.wait()
    elapsed = (time.perf_counter() - started) * 1e3
    ours.close()
    with contextlib.suppress(OSError):
        os.read(log_r, 65536)
    os.close(log_r)
    return elapsed


def print_table(title: str, rows: Iterator[tuple[str, list[float]]]) -> None:
    print(f"\n{title}")
    for name, values in rows:
        print(f"  {name:<48} {statistics.median(values):8.2f} ms  (p90 {sorted(values)[int(len(values) * 0.9)]:.2f})")


async def main(runs: int) -> None:
    print(f"load average {os.getloadavg()[0]:.2f} (1 min); {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="judged-bench-") as scratch:
        Path(scratch).chmod(0o711)
        sandbox = Sandbox(SandboxConfig(), Path(scratch) / "sandbox")
        await sandbox.start()
        try:
            instrument()
            original = release.release

            async def noting_release(sock: socket.socket, cgroup: RunCgroup, done: release.Release) -> None:
                await original(sock, cgroup, done)
                sandbox_release_at.append(time.perf_counter())

            runner.release = noting_release  # type: ignore[attr-defined]
            await profile_runs(sandbox, 3)  # warm up
            phases.clear()
            await profile_runs(sandbox, runs)
            print_table(
                "Sandbox.run of /bin/true, by phase", iter(sorted(phases.items(), key=lambda kv: int(kv[0].split()[0])))
            )
            static_true = Path(scratch) / "true"
            source = Path(scratch) / "true.c"
            source.write_text("int main(void) { return 0; }\n")
            subprocess.run(["gcc", "-O2", "-static", "-o", str(static_true), str(source)], check=True)
            async with sandbox.identities.lease() as identity:
                variants = nsjail_variants(sandbox, identity, static_true)
                timings: dict[str, list[float]] = defaultdict(list)
                for _ in range(runs):  # interleaved, so drift hits every variant alike
                    for name, argv in variants.items():
                        timings[name].append(run_nsjail(argv))
            print_table("nsjail alone, /bin/true (no launcher, no cgroups)", iter(timings.items()))
        finally:
            await sandbox.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=40)
    asyncio.run(main(parser.parse_args().runs))
