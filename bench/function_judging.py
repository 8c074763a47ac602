"""Time to judge an accepted solution of a 100-test function problem, per language; prints a table.

    .venv/bin/python bench/function_judging.py [--problem problems/balance-point] [--runs 7]

Columns (medians):
  compile ms   a fresh build in the sandbox (cache cleared each time)
  run ms       the judge's one sandboxed run of all tests (build cached), results compared
  host ms      the same built program run on the host, no sandbox, same stdin
  start ms     that program on the host with no tests (runtime and harness start-up)
  calls us     the solution's own time: the sum of the per-call times the harness reports
  per test us  harness cost per test (decode, call, encode, write), from a host run of the
               tests repeated 50 times: (host50 - start - calls50) / (50 * tests)
  ratio        run / calls: the whole judged run against the bare function calls
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import msgspec

from judged.judging.build import Build, Builder
from judged.judging.callee import harness_files
from judged.judging.function import FunctionTask, judge_function
from judged.judging.languages import LANGUAGE_IDS, Language, expand, load_languages
from judged.judging.tasks import function_task
from judged.judging.verdicts import Verdict
from judged.problems import FunctionProblem, load_problem
from judged.sandbox import Sandbox, SandboxConfig

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 50


def host_argv(language: Language, build: Build, task: FunctionTask) -> list[str]:
    argv = expand(language.run, src=str(build.src), out=str(build.out), memory_mib=task.memory_mib)
    return list(argv)


def run_on_host(argv: list[str], stdin: bytes, env: dict[str, str]) -> tuple[float, bytes]:
    """Wall seconds of one host run, and what it wrote to fd 3.

    fd 3 is a temporary file, not a pipe: nobody reads a pipe while stdin is
    being written, so a full pipe would stall the program and the benchmark.
    """
    with tempfile.TemporaryFile() as results:
        fd = results.fileno()
        started = time.perf_counter()
        # close_fds=False: with pass_fds, Python would close the fd 3 that preexec_fn just made.
        proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False,
            env=env, preexec_fn=lambda: os.dup2(fd, 3),  # noqa: PLW1509 - a single-threaded benchmark
        )  # fmt: skip
        proc.communicate(stdin)
        elapsed = time.perf_counter() - started
        results.seek(0)
        return elapsed, results.read()


async def bench_language(
    language: Language, task: FunctionTask, code: str, *, sandbox: Sandbox, scratch: Path, runs: int
) -> list[str]:
    files = harness_files(task.signature, language.id, code)
    compile_times = []
    for attempt in range(max(3, runs // 2)):
        builder = Builder(sandbox, scratch / f"{language.id}-{attempt}")
        started = time.perf_counter()
        build = await builder.build(language, files)
        compile_times.append(time.perf_counter() - started)
        if not build.ok:
            return [language.id, "build failed: " + (build.compile_output or build.internal_error)[:60]]
        shutil.rmtree(builder.cache_dir)
    builder = Builder(sandbox, scratch / f"{language.id}-warm")
    await builder.build(language, files)
    run_times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = await judge_function(task, language, code, sandbox=sandbox, builder=builder)
        run_times.append(time.perf_counter() - started)
        if result.verdict is not Verdict.AC:
            return [language.id, f"not accepted: {result.verdict} {result.message[:60]}"]
    build = await builder.build(language, files)
    stdin = b"".join(msgspec.json.encode(case.args) + b"\n" for case in task.cases)  # every test at once, on the host
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", **language.env}
    argv = host_argv(language, build, task)
    host, start, calls, host_many, calls_many = [], [], [], [], []
    for _ in range(runs):
        elapsed, lines = run_on_host(argv, stdin, env)
        host.append(elapsed)
        calls.append(sum(msgspec.json.decode(line)["t"] for line in lines.splitlines()))
        start.append(run_on_host(argv, b"", env)[0])
        elapsed, lines = run_on_host(argv, stdin * REPEAT, env)
        host_many.append(elapsed)
        calls_many.append(sum(msgspec.json.decode(line)["t"] for line in lines.splitlines()))
    shutil.rmtree(builder.cache_dir)
    med = statistics.median
    per_test = (med(host_many) - med(start) - med(calls_many)) / (REPEAT * len(task.cases)) * 1e6
    ratio = f"{med(run_times) / med(calls):.0f}" if med(calls) > 0 else "-"
    return [
        language.id, f"{med(compile_times) * 1e3:.0f}", f"{med(run_times) * 1e3:.1f}", f"{med(host) * 1e3:.1f}",
        f"{med(start) * 1e3:.1f}", f"{med(calls) * 1e6:.0f}", f"{per_test:.1f}", ratio,
    ]  # fmt: skip


async def main(problem_dir: Path, runs: int, only: list[str]) -> None:
    problem = load_problem(problem_dir)
    assert isinstance(problem, FunctionProblem), "the bench judges a function problem"
    task = function_task(problem)
    languages = load_languages(ROOT / "languages")
    accepted = {s.language: s.path for s in problem.solutions if s.verdict.code == "AC"}
    with tempfile.TemporaryDirectory(prefix="judged-bench-") as tmp:
        scratch = Path(tmp)
        scratch.chmod(0o711)
        sandbox = Sandbox(SandboxConfig(), scratch / "sandbox")
        await sandbox.start()
        header = ["language", "compile ms", "run ms", "host ms", "start ms", "calls us", "per test us", "ratio"]
        print(f"{problem.slug}: {len(task.cases)} tests, {runs} runs each")
        print("  ".join(f"{h:>11}" for h in header))
        try:
            for language_id in only or LANGUAGE_IDS:
                code = accepted[language_id].read_text()
                row = await bench_language(
                    languages[language_id], task, code, sandbox=sandbox, scratch=scratch, runs=runs
                )
                print("  ".join(f"{cell:>11}" for cell in row), flush=True)
        finally:
            await sandbox.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problem", type=Path, default=ROOT / "problems" / "balance-point")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("languages", nargs="*", help="language ids (default: all seven)")
    args = parser.parse_args()
    asyncio.run(main(args.problem, args.runs, args.languages))
