"""Median wall time of a tiny program bare, in a jail of its own and in a warm jail; prints a table.

    .venv/bin/python bench/sandbox_overhead.py [--runs N]

Every side is launched the same way (an asyncio subprocess with stdout and
stderr piped, waited for); "jailed" is Sandbox.run with the default root,
limits, cgroups, seccomp and the helper init (a jail per run: functions,
validators, compiles), "warm" is one run of WarmJail.run in a jail set up
once (I/O tests, runs with several inputs: a cgroup per run, the jail
emptied after it). "added" is what each adds per run over the bare program.
"in jail" is the program's own time as the init measured it (fork to reap).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from judged.sandbox import Limits, RunRequest, Sandbox, SandboxConfig, Status, WarmJail

PROGRAMS = {
    "/usr/bin/true": ("/usr/bin/true",),
    "python3 -c pass": ("/usr/bin/python3", "-c", "pass"),
}
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


async def bare(argv: tuple[str, ...]) -> float:
    started = time.perf_counter()
    proc = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=ENV
    )
    await proc.communicate()
    return time.perf_counter() - started


async def jailed(sandbox: Sandbox, argv: tuple[str, ...]) -> tuple[float, float]:
    """Wall seconds of the whole Sandbox.run, and of the program alone (the init's own clock)."""
    started = time.perf_counter()
    result = await sandbox.run(RunRequest(argv=argv, env=ENV, limits=Limits()))
    elapsed = time.perf_counter() - started
    if result.status is not Status.OK:
        raise SystemExit(f"sandboxed {argv} did not run: {result.status} {result.message}")
    return elapsed, result.wall_time


async def warm(jail: WarmJail, argv: tuple[str, ...]) -> float:
    """Wall seconds of one run in a warm jail, emptying the jail after it included."""
    started = time.perf_counter()
    result = await jail.run(b"")
    elapsed = time.perf_counter() - started
    if result.status is not Status.OK:
        raise SystemExit(f"{argv} did not run in a warm jail: {result.status} {result.message}")
    return elapsed


async def main(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="judged-bench-") as scratch:
        Path(scratch).chmod(0o711)
        sandbox = Sandbox(SandboxConfig(), Path(scratch) / "sandbox")
        await sandbox.start()
        try:
            print(
                f"{'program':<18} {'bare ms':>9} {'jailed ms':>10} {'added ms':>9} {'warm ms':>8} {'added ms':>9}"
                f" {'in jail ms':>11}   ({runs} runs each)"
            )
            for name, argv in PROGRAMS.items():
                async with WarmJail(sandbox, RunRequest(argv=argv, env=ENV, limits=Limits())) as jail:
                    await bare(argv)
                    await jailed(sandbox, argv)  # warm caches on every side
                    await warm(jail, argv)
                    bare_times, jail_times, warm_times, inside = [], [], [], []
                    for _ in range(runs):  # interleaved, so drift hits every side alike
                        bare_times.append(await bare(argv))
                        total, program = await jailed(sandbox, argv)
                        jail_times.append(total)
                        inside.append(program)
                        warm_times.append(await warm(jail, argv))
                b, j = statistics.median(bare_times) * 1000, statistics.median(jail_times) * 1000
                w, i = statistics.median(warm_times) * 1000, statistics.median(inside) * 1000
                print(f"{name:<18} {b:>9.2f} {j:>10.2f} {j - b:>9.2f} {w:>8.2f} {w - b:>9.2f} {i:>11.2f}")
        finally:
            await sandbox.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100)
    asyncio.run(main(parser.parse_args().runs))
