"""Median wall time of a tiny program bare and in the sandbox; prints a table.

    .venv/bin/python bench/sandbox_overhead.py [--runs N]

Both sides are launched the same way (an asyncio subprocess with stdout and
stderr piped, waited for); the sandboxed side is Sandbox.run with the default
root, limits, cgroups, seccomp and the helper init, so the difference is
what judged adds per run. "in jail" is the program's own time as the init
inside the jail measured it (fork to reap).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from judged.sandbox import Limits, RunRequest, Sandbox, SandboxConfig, Status

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


async def main(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="judged-bench-") as scratch:
        Path(scratch).chmod(0o711)
        sandbox = Sandbox(SandboxConfig(), Path(scratch) / "sandbox")
        await sandbox.start()
        try:
            print(
                f"{'program':<18} {'bare ms':>9} {'jailed ms':>10} {'added ms':>9} {'ratio':>7} {'in jail ms':>11}"
                f"   ({runs} runs each)"
            )
            for name, argv in PROGRAMS.items():
                await bare(argv)
                await jailed(sandbox, argv)  # warm caches on both sides
                bare_times, jail_times, inside = [], [], []
                for _ in range(runs):  # interleaved, so drift hits both sides alike
                    bare_times.append(await bare(argv))
                    total, program = await jailed(sandbox, argv)
                    jail_times.append(total)
                    inside.append(program)
                b, j = statistics.median(bare_times) * 1000, statistics.median(jail_times) * 1000
                i = statistics.median(inside) * 1000
                print(f"{name:<18} {b:>9.2f} {j:>10.2f} {j - b:>9.2f} {j / b:>7.1f} {i:>11.2f}")
        finally:
            await sandbox.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100)
    asyncio.run(main(parser.parse_args().runs))
