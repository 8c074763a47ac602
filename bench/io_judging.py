"""Judge a 100-test a-plus-b Kattis package with an accepted C++ and Python solution; compare with bare runs.

    .venv/bin/python bench/io_judging.py [--tests 100]

For each language: the whole judging through `Judge.judge_problem` (compile
included: the source carries a fresh comment, so the build cache never
answers), the median wall time per test (between consecutive progress
events), and the median wall time of running the same built program bare on
the same input files (an asyncio subprocess, stdin from the file, stdout
piped). "added" is the difference of the medians.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from judged.judging.progress import Progress
from judged.judging.service import Judge
from judged.judging.verdicts import Verdict
from judged.problems import load_problem
from judged.sandbox import SandboxConfig

PROJECT = Path(__file__).resolve().parents[1]
SOLUTIONS = {
    "cpp": '#include <iostream>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b << "\\n"; }\n',
    "python": "a, b = map(int, input().split())\nprint(a + b)\n",
}


class Clock(Progress):
    def __init__(self) -> None:
        self.marks: list[float] = []

    def running(self, total: int) -> None:  # noqa: ARG002
        self.marks.append(time.perf_counter())

    def test_done(self, index: int, total: int, verdict: Verdict) -> None:  # noqa: ARG002
        self.marks.append(time.perf_counter())


def write_package(root: Path, tests: int) -> Path:
    folder = root / "aplusbbench"
    (folder / "data" / "sample").mkdir(parents=True)
    (folder / "data" / "secret").mkdir(parents=True)
    (folder / "problem_statement").mkdir()
    (folder / "problem.yaml").write_text("name: A Plus B (bench)\n")
    (folder / ".timelimit").write_text("1\n")
    (folder / "problem_statement" / "problem.en.md").write_text("# A Plus B\n\nPrint a+b.\n")
    rng = random.Random(4)
    for index in range(tests):
        a, b = rng.randint(-(10**9), 10**9), rng.randint(-(10**9), 10**9)
        group = "sample" if index == 0 else "secret"
        (folder / "data" / group / f"{index:03d}.in").write_text(f"{a} {b}\n")
        (folder / "data" / group / f"{index:03d}.ans").write_text(f"{a + b}\n")
    return folder


async def bare(argv: list[str], inputs: list[Path]) -> list[float]:
    times = []
    for path in inputs:
        with path.open("rb") as stdin:
            started = time.perf_counter()
            proc = await asyncio.create_subprocess_exec(
                *argv, stdin=stdin, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
            )
            await proc.communicate()
            times.append(time.perf_counter() - started)
    return times


async def main(tests: int) -> None:
    with tempfile.TemporaryDirectory(prefix="judged-bench-") as scratch:
        root = Path(scratch)
        root.chmod(0o711)
        problem = load_problem(write_package(root, tests))
        assert problem.io is not None
        inputs = [test.input for test in problem.io.tests]
        judge = Judge(SandboxConfig(), root / "state", PROJECT / "languages")
        await judge.start(only=set(SOLUTIONS))
        try:
            print(f"{'language':<8} {'total s':>8} {'compile s':>9} {'per test ms':>11} {'bare ms':>8} {'added ms':>9}")
            for language, code in SOLUTIONS.items():
                clock = Clock()
                marker = "//" if language == "cpp" else "#"
                started = time.perf_counter()
                result = await judge.judge_problem(
                    problem, language, f"{code}{marker} {uuid.uuid4()}\n", progress=clock
                )
                total = time.perf_counter() - started
                if result.verdict is not Verdict.AC:
                    raise SystemExit(f"{language}: {result.verdict} {result.message} {result.compile_output}")
                per_test = statistics.median(b - a for a, b in zip(clock.marks, clock.marks[1:], strict=False))
                build = next((judge.builder.cache_dir).glob("*/src/main.py" if language == "python" else "*/out/main"))
                argv = ["/usr/bin/python3", "-I", "-B", str(build)] if language == "python" else [str(build)]
                await bare(argv, inputs[:5])  # warm up
                bare_ms = statistics.median(await bare(argv, inputs)) * 1000
                print(
                    f"{language:<8} {total:>8.2f} {result.compile_time:>9.2f} {per_test * 1000:>11.2f}"
                    f" {bare_ms:>8.2f} {per_test * 1000 - bare_ms:>9.2f}"
                )
        finally:
            await judge.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tests", type=int, default=100)
    asyncio.run(main(parser.parse_args().tests))
