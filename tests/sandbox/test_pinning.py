"""Runs of a worker slot are held to that slot's core; runs outside a slot are not pinned."""

from __future__ import annotations

import asyncio
import os

import pytest

from judged.sandbox import Limits, RunRequest, RunResult, Sandbox, Status, pin_slot
from judged.sandbox.cgroups import parse_cpu_list
from judged.sandbox.pinning import core_of_slot
from tests.conftest import cannot_test
from tests.sandbox.programs import ENV, python

ALLOWED = RunRequest(argv=("/bin/sh", "-c", "grep Cpus_allowed_list /proc/self/status"), env=ENV)


async def in_slot(sandbox: Sandbox, slot: int | None, request: RunRequest) -> RunResult:
    """Run `request` from a task of its own that says it is slot `slot` (as a worker slot's task does)."""

    async def slot_task() -> RunResult:
        pin_slot(slot)
        return await sandbox.run(request)

    return await asyncio.create_task(slot_task())


def allowed_cores(result: RunResult) -> set[int]:
    assert result.status is Status.OK, result
    return parse_cpu_list(result.stdout.decode().split(":")[1])


@pytest.fixture
def cores(sandbox: Sandbox) -> tuple[int, ...]:
    if not sandbox.cores:
        cannot_test("this host gives judged no cpuset (v1 hierarchy or v2 controller): runs cannot be pinned")
    return sandbox.cores


async def test_each_slot_runs_on_its_own_core(sandbox: Sandbox, cores: tuple[int, ...]) -> None:
    for slot in range(len(cores) + 1):
        result = await in_slot(sandbox, slot, ALLOWED)
        assert allowed_cores(result) == {cores[slot % len(cores)]}


async def test_a_run_outside_any_slot_is_not_pinned(sandbox: Sandbox, cores: tuple[int, ...]) -> None:
    result = await in_slot(sandbox, None, ALLOWED)
    assert allowed_cores(result) == os.sched_getaffinity(0)


async def test_the_program_cannot_widen_its_cores(sandbox: Sandbox, cores: tuple[int, ...]) -> None:
    code = (
        "import os\n"
        "try: os.sched_setaffinity(0, range(os.cpu_count()))\n"
        "except OSError: pass\n"
        "print(os.sched_getaffinity(0))"
    )
    result = await in_slot(sandbox, 0, python(code, Limits()))
    assert result.status is Status.OK, result
    assert result.stdout.decode().strip() == str({cores[0]})


async def test_slots_and_tasks_they_start_keep_their_core(sandbox: Sandbox, cores: tuple[int, ...]) -> None:
    async def slot_task(slot: int) -> list[RunResult]:
        pin_slot(slot)  # then two runs at once, from tasks the slot starts (a read-ahead, an interactor)
        return list(await asyncio.gather(sandbox.run(ALLOWED), sandbox.run(ALLOWED)))

    first, second = await asyncio.gather(slot_task(0), slot_task(1))
    assert [allowed_cores(r) for r in first] == [{cores[0]}] * 2
    assert [allowed_cores(r) for r in second] == [{cores[1 % len(cores)]}] * 2


def test_slot_i_takes_core_i_mod_the_usable_cores() -> None:
    assert [core_of_slot(slot, (2, 5, 7)) for slot in range(5)] == [2, 5, 7, 2, 5]
    assert core_of_slot(None, (0, 1)) is None
    assert core_of_slot(3, ()) is None


def test_cpu_lists_parse_as_the_kernel_writes_them() -> None:
    assert parse_cpu_list("0-2,5\n") == {0, 1, 2, 5}
    assert parse_cpu_list("3") == {3}
    assert parse_cpu_list("\n") == set()
