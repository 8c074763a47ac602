"""A short competition day (tests/contest_day.py) with one of each fault: nothing lost, nothing counted twice,
and the final board equal, row by row, to its recomputation from the submissions database.

The deployment is real (tests/contest_stack.py): PostgreSQL, a Redis primary with a replica and a
sentinel, an API daemon and two worker daemons, nginx in front. bench/competition_day.py runs the
same harness at full size and reports the numbers; this test asserts only what must hold whatever
the machine's speed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.contest_day import run_day
from tests.contest_plan import Fault, FaultAt, Plan
from tests.contest_report import summary
from tests.contest_stack import ContestStack

pytestmark = pytest.mark.usefixtures("sandbox")  # skips loudly (fails under CI) on a host that cannot sandbox

PLAN = Plan(
    participants=300,
    duration=60,
    freeze_minutes=1,
    submit_rate=0.8,
    poll_rate=40,
    faults=(
        FaultAt(Fault.WORKER_KILL, at=6, hold=1),
        FaultAt(Fault.REDIS_RESTART, at=14, hold=1),
        FaultAt(Fault.API_STOP, at=22, hold=3),
        FaultAt(Fault.DATABASE_DOWN, at=30, hold=5),
        FaultAt(Fault.FAILOVER, at=42, hold=1),
    ),
)


@pytest.fixture
async def stack() -> AsyncIterator[tuple[ContestStack, aiohttp.ClientSession]]:
    deployment = ContestStack()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:
        try:
            await deployment.open(http, list(PLAN.languages))
            yield deployment, http
        finally:
            deployment.close()


async def test_a_short_competition_day_with_every_fault_loses_nothing_and_its_board_adds_up(
    stack: tuple[ContestStack, aiohttp.ClientSession],
) -> None:
    deployment, http = stack
    day = await run_day(deployment, http, PLAN)
    report = summary(day)
    context = f"{report}\n{deployment.daemons.tails()}"
    assert [window.fault for window in day.windows] == [fault.fault for fault in PLAN.faults], context
    assert report["accepted_202"] >= 10, context
    assert day.lost == [], context
    assert day.double == [], context
    assert day.board_differences == [], context
    assert day.board_rows > 0, context
    unanswered = [sent for sent in day.sent if sent.sid and not sent.verdict]
    assert unanswered == [], context
    refused = [(status, retry_after) for sent in day.sent for _at, status, retry_after in sent.refusals]
    assert all(retry_after is not None for status, retry_after in refused if status == 503), context
    after_faults = max(window.end for window in day.windows)
    assert any(sent.submitted > after_faults for sent in day.sent if sent.sid), (
        f"none taken after the faults\n{context}"
    )
    # The public board answered its pollers through nginx, outside the faults and after them.
    board = report["board_latency"]
    assert board["outside faults"]["count"] > 0, context
    assert any(seconds > after_faults for seconds, _latency in day.board_samples), (
        f"no board answer after the faults\n{context}"
    )
