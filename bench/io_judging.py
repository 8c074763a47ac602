"""Judge a 100-test a-plus-b with an accepted C++ and Python solution: against bare runs, and against DMOJ.

    .venv/bin/python bench/io_judging.py [--tests 100] [--repeat 3] [--no-dmoj]

Table 1, in this process: the whole judging through `Judge.judge_problem`
(compile included: the source carries a fresh comment, so the build cache
never answers), the median wall time per test (between consecutive progress
events), and the median wall time of running the same built program bare on
the same input files: the language's own run command and environment, each
run a process started from a small timing loop (stdin from the file, stdout
and stderr piped) inside a private mount namespace where the language's
`hidden` host folders are empty, as the jail shows them. "added" is the
difference of the two medians. Each of --repeat rounds judges once (a fresh
build) and then runs that build bare; the table gives the medians over the
rounds, and the added time of each round. "in jail" is the median of the
program's own wall time in the warm jail (the init's clock, from its exec
to its reaping) and "around" the per-test time less that: what judging
costs around the program, free of the drift between the jailed and the bare
measurements on a machine whose speed moves.

Table 2, side by side through each tool's command line, the build cached on
both sides ("DMOJ's side" below says how DMOJ is installed and driven):
`judged judge PACKAGE SOLUTION` as a whole process (start-up, self-test
cache, sandbox start and judging), after one call that built the program
(and wrote judged's bytecode, as an installed judged has it);
DMOJ (`dmoj-cli` with the same 100 tests in its own problem format, CPP17 and
PY3) as the time of a repeated `submit` in one `dmoj-cli` session, so its
in-memory compile cache answers (its process start and self-tests are not
counted). Medians of --repeat.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from judged.judging.build import PATH_ENV
from judged.judging.languages import expand
from judged.judging.progress import Progress
from judged.judging.service import Judge
from judged.judging.verdicts import Verdict
from judged.problems import IoProblem, load_problem
from judged.sandbox import RunResult, SandboxConfig, WarmJail

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


# Times the runs of one program from inside the bare side's mount namespace (below): stdin from each file,
# stdout and stderr piped and read to the end, as the jail's runs are.
BARE_LOOP = """
import json, subprocess, sys, time
argv, env, inputs = json.loads(sys.argv[1])
times = []
for path in inputs:
    with open(path, "rb") as stdin:
        started = time.perf_counter()
        subprocess.run(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, check=True)
        times.append(time.perf_counter() - started)
print(json.dumps(times))
"""


async def bare(argv: list[str], env: dict[str, str], hidden: list[str], inputs: list[Path]) -> list[float]:
    """Wall times of `argv` run bare on each input, in the language's own environment.

    The jail shows the language's `hidden` host folders empty (Python's site-packages: a host-wide .pth file
    there may import packages at every start), so the bare runs see them empty too: they run in a private
    mount namespace of their own with an empty read-only tmpfs over each, made once before the first run.
    """
    mounts = "".join(f"[ -d {folder} ] && mount -t tmpfs -o ro,size=4k none {folder}; " for folder in hidden)
    payload = json.dumps([argv, env, [str(path) for path in inputs]])
    proc = await asyncio.create_subprocess_exec(
        "unshare", "--mount", "--propagation", "private", "sh", "-c",
        f'{mounts}exec "$0" -I -c "$1" "$2"', sys.executable, BARE_LOOP, payload,
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"the bare runs failed (exit {proc.returncode})")
    times: list[float] = json.loads(out)
    return times


async def main(tests: int, repeat: int, dmoj: bool) -> None:
    print(f"load average {os.getloadavg()[0]:.2f} (1 min); {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="judged-bench-") as scratch:
        root = Path(scratch)
        root.chmod(0o711)
        package = write_package(root, tests)
        await in_process(root, package, repeat)
        side_by_side(root, package, repeat, dmoj)


# DMOJ's side.
#
# DMOJ's judge (the `dmoj` package from PyPI) driven through its own command line.
#
# Installed on first use into a venv of its own (never judged's):
# `~/.cache/judged-bench/dmoj-<DMOJ_VERSION>` (delete the folder to
# reinstall), with `python3 -m venv` and
# `pip install dmoj==DMOJ_VERSION`. Building it needs g++ and libseccomp's
# headers (Debian: `apt-get install libseccomp-dev`); without them this says so
# and stops.
#
# The Kattis package's tests are written again as a DMOJ problem folder
# (`<problem>/init.yml` with `test_cases: [{in, out, points}]`), and a config
# names it (`problem_storage_globs`) and the runtimes judged uses too
# (`/usr/bin/g++` as CPP17, `/usr/bin/python3` as PY3). One `dmoj-cli` session
# gets `submit` commands on its stdin: the first compiles (C++) and warms the
# session, each of the next is timed from the end of the previous one
# ("Done grading") to its own end, so DMOJ's in-memory compile cache answers,
# as judged's build cache does on its side.

DMOJ_VERSION = "4.1.0"
VENV = Path.home() / ".cache" / "judged-bench" / f"dmoj-{DMOJ_VERSION}"
EXECUTORS = {"cpp": "CPP17", "python": "PY3"}
DONE = re.compile(r"Done grading (\S+)")
AC_CASE = re.compile(r"Test case\s+\d+\s+AC\b")


def install(venv: Path = VENV) -> Path:
    """The `dmoj-cli` of a venv holding dmoj==DMOJ_VERSION, installed if missing."""
    cli = venv / "bin" / "dmoj-cli"
    if cli.exists():
        return cli
    if not Path("/usr/include/seccomp.h").exists():
        raise SystemExit("DMOJ needs libseccomp's headers to build: apt-get install libseccomp-dev")
    if shutil.which("g++") is None:
        raise SystemExit("DMOJ needs g++ to build its sandbox (cptbox)")
    print(f"installing dmoj=={DMOJ_VERSION} into {venv} (once; a few minutes)", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", f"dmoj=={DMOJ_VERSION}"], check=True)
    return cli


def write_problem(package: Path, problems: Path) -> str:
    """The Kattis package's tests as a DMOJ problem folder; its id."""
    name = "aplusb"
    folder = problems / name
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["test_cases:"]
    inputs = sorted((package / "data").glob("*/*.in"), key=lambda p: (p.parent.name != "sample", p.name))
    for number, source in enumerate(inputs, 1):
        shutil.copyfile(source, folder / f"{number}.in")
        shutil.copyfile(source.with_suffix(".ans"), folder / f"{number}.out")
        lines.append(f"- {{in: {number}.in, out: {number}.out, points: 1}}")
    (folder / "init.yml").write_text("\n".join(lines) + "\n")
    return name


class Dmoj:
    """One DMOJ set-up (venv, problem folder, config) for timing whole judgings."""

    def __init__(self, root: Path, package: Path) -> None:
        self.cli = install()
        root.mkdir(parents=True, exist_ok=True)
        self.problem = write_problem(package, root / "problems")
        self.tests = len(list((root / "problems" / self.problem).glob("*.in")))
        self.config = root / "config.yml"
        self.config.write_text(
            f"problem_storage_globs:\n  - {root / 'problems'}/*\n"
            "runtime:\n  g++17: /usr/bin/g++\n  python3: /usr/bin/python3\n"
        )

    def judge(self, language: str, source: Path, repeat: int) -> list[float]:
        """Seconds of each of `repeat` whole judgings of `source` after a first one, in one dmoj-cli session."""
        executor = EXECUTORS[language]
        command = f"submit {self.problem} {executor} {source} -tl 1 -ml 262144\n"
        proc = subprocess.Popen(
            [str(self.cli), "-c", str(self.config), "--no-ansi", "-e", executor, "--skip-self-test"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=self.config.parent,
        )
        assert proc.stdin is not None
        assert proc.stdout is not None
        proc.stdin.write(command * (repeat + 1))
        proc.stdin.close()
        ends: list[float] = []
        accepted = 0
        output = []
        for line in proc.stdout:
            output.append(line)
            accepted += bool(AC_CASE.search(line))
            if DONE.search(line):
                ends.append(time.perf_counter())
        proc.wait()
        if len(ends) != repeat + 1 or accepted != self.tests * (repeat + 1):
            tail = "".join(output[-20:])
            raise SystemExit(f"dmoj-cli did not accept every test ({accepted} AC, {len(ends)} done):\n{tail}")
        return [b - a for a, b in itertools.pairwise(ends)]


def side_by_side(root: Path, package: Path, repeat: int, dmoj: bool) -> None:
    """Table 2: whole judgings through each tool's command line, the build cached on both sides."""
    runner = Dmoj(root / "dmoj", package) if dmoj else None
    print(f"\n{'language':<8} {'judged judge s':>14} {'dmoj-cli s':>10} {'ratio':>6}   (median of {repeat})")
    for language, code in SOLUTIONS.items():
        source = root / ("solution.cpp" if language == "cpp" else "solution.py")
        source.write_text(code)
        judged_times = judged_cli(root, package, source, repeat)
        dmoj_times = runner.judge(language, source, repeat) if runner is not None else []
        j = statistics.median(judged_times)
        d = statistics.median(dmoj_times) if dmoj_times else float("nan")
        print(f"{language:<8} {j:>14.2f} {d:>10.2f} {j / d:>6.2f}")


def judged_cli(root: Path, package: Path, source: Path, repeat: int) -> list[float]:
    """Wall seconds of `judged judge` as a whole process, after one call that built and cached the program."""
    # This workplace sets PYTHONDONTWRITEBYTECODE=1, which would make every call compile judged's
    # modules from source (0.4 s here); an installed judged has its bytecode, so the bench keeps
    # it in a folder of its own (written by the first, untimed call), never in the source tree.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"JUDGED_STATE_DIR": str(root / "cli-state"), "PYTHONPYCACHEPREFIX": str(root / "pycache")}
    argv = [str(PROJECT / ".venv" / "bin" / "judged"), "judge", str(package), str(source)]
    times = []
    for attempt in range(repeat + 1):
        started = time.perf_counter()
        proc = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0 or "AC" not in proc.stdout:
            raise SystemExit(f"judged judge {source.name}: exit {proc.returncode}\n{proc.stdout}{proc.stderr}")
        if attempt:  # the first call builds
            times.append(time.perf_counter() - started)
    return times


def _texts(folder: Path) -> str:
    return "".join(path.read_text(errors="replace") for path in folder.iterdir() if path.is_file())


async def in_process(root: Path, package: Path, repeat: int) -> None:
    """Table 1: judging in this process, per test against the same program run bare.

    Each of `repeat` rounds judges once (a fresh build) and then runs that build bare, so judged's and the
    bare side's numbers are taken minutes apart at most; the table gives the medians over the rounds.
    """
    problem = load_problem(package)
    assert isinstance(problem, IoProblem)
    inputs = [test.input for test in problem.io.tests]
    judge = Judge(SandboxConfig(), root / "state", PROJECT / "languages")
    await judge.start(only=set(SOLUTIONS))
    try:
        print(
            f"{'language':<8} {'total s':>8} {'compile s':>9} {'per test ms':>11} {'bare ms':>8} {'added ms':>9}"
            f" {'in jail ms':>10} {'around ms':>9}"
        )
        _record_walls()
        for language, code in SOLUTIONS.items():
            rounds = [await _round(judge, problem, language, code, inputs) for _ in range(repeat)]
            total, compile_s, per_test, bare_ms, in_jail = (statistics.median(c) for c in zip(*rounds, strict=True))
            added = statistics.median(round_[2] - round_[3] for round_ in rounds)
            around = statistics.median(round_[2] - round_[4] for round_ in rounds)
            each = ", ".join(f"{r[2] - r[3]:.2f}" for r in rounds)
            print(
                f"{language:<8} {total:>8.2f} {compile_s:>9.2f} {per_test:>11.2f} {bare_ms:>8.2f} {added:>9.2f}"
                f" {in_jail:>10.2f} {around:>9.2f}   (added per round: {each})"
            )
    finally:
        await judge.close()


PROGRAM_WALLS: list[float] = []  # the program's own wall time of each warm-jail run (the init's clock)


def _record_walls() -> None:
    """Keep the in-jail wall time of every warm-jail run this process makes."""
    run = WarmJail.run

    async def recorded(self: WarmJail, *args: Any, **kwargs: Any) -> RunResult:
        result = await run(self, *args, **kwargs)
        PROGRAM_WALLS.append(result.wall_time)
        return result

    WarmJail.run = recorded  # type: ignore[method-assign]


async def _round(
    judge: Judge, problem: IoProblem, language: str, code: str, inputs: list[Path]
) -> tuple[float, float, float, float, float]:
    """One judging and one bare pass: total s, compile s, per test ms, bare ms, in jail ms."""
    clock = Clock()
    PROGRAM_WALLS.clear()
    marker = "//" if language == "cpp" else "#"
    started = time.perf_counter()
    source = f"{code}{marker} {uuid.uuid4()}\n"
    result = await judge.judge_problem(problem, language, source, progress=clock)
    total = time.perf_counter() - started
    if result.verdict is not Verdict.AC:
        raise SystemExit(f"{language}: {result.verdict} {result.message} {result.compile_output}")
    per_test = statistics.median(b - a for a, b in zip(clock.marks, clock.marks[1:], strict=False))
    # This submission's build (the cache also holds the languages' self-test builds).
    built = next(src for src in judge.builder.cache_dir.glob("*/src") if source in _texts(src))
    spec = judge.languages[language]
    argv = list(expand(spec.run, src=str(built), out=str(built.parent / "out"), memory_mib=256))
    env = {"PATH": PATH_ENV, "HOME": "/tmp", "LANG": "C.UTF-8", **spec.env}  # the jail's (io.py)
    await bare(argv, env, list(spec.hidden), inputs[:5])  # warm up
    bare_ms = statistics.median(await bare(argv, env, list(spec.hidden), inputs)) * 1000
    return total, result.compile_time, per_test * 1000, bare_ms, statistics.median(PROGRAM_WALLS) * 1000


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tests", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-dmoj", action="store_true", help="judged's side only")
    args = parser.parse_args()
    asyncio.run(main(args.tests, args.repeat, not args.no_dmoj))
