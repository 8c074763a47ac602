"""The command line pins its runs as worker slots do: `judged judge` to one core, `problems check` one per core."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import msgspec

from judged.commands import _in_a_slot
from judged.sandbox import Sandbox
from judged.sandbox.pinning import current_slot
from tests.conftest import cannot_test
from tests.judging.test_selftest_cache import PROBLEM_TOML

PROJECT = Path(__file__).resolve().parents[1]
SOLUTION = """\
import os

class Solution:
    def add(self, a: int, b: int) -> int:
        print("cores", sorted(os.sched_getaffinity(0)))
        return a + b
"""


def test_judge_runs_the_program_on_the_first_usable_core(jail_tmp: Path, sandbox: Sandbox) -> None:
    if not sandbox.cores:
        cannot_test("this host gives judged no cpuset: runs cannot be pinned")
    home = jail_tmp / "cli-pinning"
    (home / "add" / "tests").mkdir(parents=True)
    home.chmod(0o711)
    (home / "add" / "problem.toml").write_text(PROBLEM_TOML)
    (home / "add" / "statement.md").write_text("Add two numbers.\n")
    (home / "add" / "tests" / "sample.jsonl").write_text('{"input": {"a": 1, "b": 2}, "output": 3}\n')
    (home / "add.py").write_text(SOLUTION)
    config = home / "judged.toml"
    config.write_text(f'state_dir = "{home / "state"}"\nlog_level = "warning"\n')
    proc = subprocess.run(
        [sys.executable, "-m", "judged", "--config", str(config), "judge", "--json", str(home / "add"),
         str(home / "add.py")],
        capture_output=True, text=True, cwd=PROJECT, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    doc = msgspec.json.decode(proc.stdout)
    assert doc["verdict"] == "AC"
    assert doc["stdout"].splitlines()[0] == f"cores {[sandbox.cores[0]]}"


async def test_problems_check_judges_one_submission_per_slot_at_a_time() -> None:
    free: asyncio.Queue[int] = asyncio.Queue()
    for slot in range(2):
        free.put_nowait(slot)
    seen: list[int] = []
    inside = asyncio.Event()
    leave = asyncio.Event()

    async def submission() -> None:
        async with _in_a_slot(free):
            slot = current_slot()
            assert slot is not None
            seen.append(slot)
            if len(seen) == 2:
                inside.set()
            await leave.wait()

    tasks = [asyncio.create_task(submission()) for _ in range(3)]
    await inside.wait()
    assert sorted(seen) == [0, 1]  # two at once, each on its own slot; the third waits for one
    await asyncio.sleep(0)
    assert len(seen) == 2
    leave.set()
    await asyncio.gather(*tasks)
    assert seen[2] in (0, 1)
