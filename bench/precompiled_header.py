"""C++ compile time through the Builder with and without the precompiled <bits/stdc++.h>; prints a table.

    .venv/bin/python bench/precompiled_header.py [--runs 7]

Each compile is a fresh build (a comment with the attempt's number makes a new build key), in the sandbox as
judged compiles a submission. Rows: problems/balance-point's accepted C++ solution in LeetCode's form (the harness's
prelude includes <bits/stdc++.h>) and a plain I/O program that includes it, each compiled by a Builder that
never precompiled ("plain header") and by one that did ("precompiled"). Columns (over the runs):
  wall ms      Builder.build from call to return (writing sources, the jail, sealing the cache entry)
  cpu ms       the compile's own CPU time (user + system of the jail)
The line above the table is the one-time build of the precompiled header itself (a cold cache).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from judged.judging.build import Builder
from judged.judging.callee import harness_files
from judged.judging.languages import Language, load_languages
from judged.judging.selftest import probe_version
from judged.judging.tasks import function_task
from judged.problems import FunctionProblem, load_problem
from judged.sandbox import Sandbox, SandboxConfig

ROOT = Path(__file__).resolve().parents[1]
PROBLEM = ROOT / "problems" / "balance-point"
IO_PROGRAM = """#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    long long a, b;
    cin >> a >> b;
    cout << a + b << '\\n';
}
"""


async def compile_times(builder: Builder, language: Language, files: dict[str, str], runs: int) -> list[str]:
    walls, cpus = [], []
    for attempt in range(runs):
        fresh = {name: f"{text}\n// attempt {attempt} {id(builder)}\n" for name, text in files.items()}
        started = time.perf_counter()
        build = await builder.build(language, fresh)
        walls.append(time.perf_counter() - started)
        cpus.append(build.compile_time)
        if not build.ok:
            raise SystemExit(f"the build failed: {(build.compile_output or build.internal_error)[:300]}")
    med = statistics.median
    return [f"{med(walls) * 1e3:.0f}", f"{min(walls) * 1e3:.0f}", f"{max(walls) * 1e3:.0f}", f"{med(cpus) * 1e3:.0f}"]


async def main(runs: int) -> None:
    problem = load_problem(PROBLEM)
    assert isinstance(problem, FunctionProblem), "the bench judges a function problem"
    task = function_task(problem)
    cpp = load_languages(ROOT / "languages")["cpp"]
    accepted = next(s.path for s in problem.solutions if s.verdict.code == "AC" and s.language == "cpp")
    sources = {
        "leetcode form": harness_files(task.signature, cpp.id, accepted.read_text()),
        "plain I/O": {"main.cpp": IO_PROGRAM},
    }
    with tempfile.TemporaryDirectory(prefix="judged-bench-") as tmp:
        scratch = Path(tmp)
        scratch.chmod(0o711)
        sandbox = Sandbox(SandboxConfig(), scratch / "sandbox")
        await sandbox.start()
        try:
            plain = Builder(sandbox, scratch / "plain")
            precompiled = Builder(sandbox, scratch / "precompiled")
            started = time.perf_counter()
            assert await precompiled.precompile(cpp, await probe_version(cpp, sandbox)), "the precompile failed"
            built = time.perf_counter() - started
            print(f"{problem.slug}, {runs} runs each; the precompiled header built in {built:.1f} s")
            header = ["source", "header", "wall ms (median)", "min", "max", "cpu ms (median)"]
            print("  ".join(f"{h:>16}" for h in header))
            for name, files in sources.items():
                for label, builder in (("plain header", plain), ("precompiled", precompiled)):
                    row = [name, label, *await compile_times(builder, cpp, files, runs)]
                    print("  ".join(f"{cell:>16}" for cell in row), flush=True)
        finally:
            await sandbox.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="compiles of each source with each header")
    asyncio.run(main(parser.parse_args().runs))
