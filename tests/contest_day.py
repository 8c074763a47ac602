"""A compressed competition day against a real deployment (tests/contest_stack.py), with faults at set times.

The contest: `Plan.duration` seconds, ten problems (nine function problems and the I/O one),
a freeze for its last `freeze_minutes`. Load, sent only to loopback, through nginx:

- submissions: Poisson arrivals at `submit_rate` per second, `burst` times that in the first and
  the last tenth of the contest; each by a random one of `participants`, on a random problem, in
  a language drawn from `LANGUAGES`; about one in three is the problem's accepted solution, the
  rest its rejected ones (wrong answer, run-time error, compile error) or another problem's
  accepted code (which fails here). Every source is made unique, so every one is compiled. A
  participant whose POST is refused (503, 502, 504 or no answer) tries again after Retry-After,
  as a browser would, until the contest ends; then long-polls for the verdict.
- the public board: `poll_rate` requests per second of its top pages (open loop, in separate
  processes), what `participants` polling every 5 s would send (or less, with the ratio reported);
- board staleness: after each first accept of a problem before the freeze, the participant's
  own row is read through nginx until it shows the problem solved.

Faults (`FaultAt`): a worker daemon SIGKILLed (and a new one started), Redis's primary SIGKILLed
and restarted from its append-only file (the sentinel held off), the API daemon SIGSTOPped, the
database stopped, and a Sentinel failover (the primary SIGKILLed, the replica promoted).

At the end: every 202 must have a verdict in the database (lost = 0), the live board read from
judged must equal, row by row, the board recomputed from the database's submissions
(judged.store.scoreboard), and no cell may count more attempts than the database has (double = 0).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from typing import Any

import aiohttp
import msgspec

from judged.judging.verdicts import Verdict
from judged.store.competitions import Competition
from judged.store.scoreboard import Result, ranked, standings
from tests.contest_load import CONTEST_PROBLEMS, pollers, submissions
from tests.contest_plan import Day, Fault, Plan, Window
from tests.contest_stack import VISIBILITY_TIMEOUT, ContestStack

__all__ = ["run_day"]

# The faults.


async def faults(stack: ContestStack, day: Day) -> None:
    for planned in sorted(day.plan.faults, key=lambda fault: fault.at):
        await asyncio.sleep(max(0.0, planned.at - day.now()))
        window = Window(planned.fault, day.now())
        day.windows.append(window)
        await FAULTS[planned.fault](stack, planned.hold)
        window.end = day.now()


async def _worker_kill(stack: ContestStack, hold: float) -> None:
    await asyncio.to_thread(stack.kill_worker, 0)
    await asyncio.sleep(hold)
    await asyncio.to_thread(stack.restart_worker, 0)
    await stack.workers[0].wait_serving(timeout=300)
    await asyncio.sleep(VISIBILITY_TIMEOUT)  # what the dead worker held is taken over by now


async def _redis_restart(stack: ContestStack, hold: float) -> None:
    assert stack.redis is not None
    redis = stack.redis
    await asyncio.to_thread(redis.set_down_after, 600_000)  # restart in place: no failover meanwhile
    primary = await asyncio.to_thread(redis.kill_primary)
    await asyncio.sleep(hold)
    await asyncio.to_thread(redis.restart, primary)
    await asyncio.sleep(2)  # the replica reconnects and resyncs
    await asyncio.to_thread(redis.set_down_after, 1000)


async def _api_stop(stack: ContestStack, hold: float) -> None:
    stack.stop_api()
    try:
        await asyncio.sleep(hold)
    finally:
        stack.continue_api()


async def _database_down(stack: ContestStack, hold: float) -> None:
    assert stack.postgres is not None
    await asyncio.to_thread(stack.postgres.stop)
    try:
        await asyncio.sleep(hold)
    finally:
        await asyncio.to_thread(stack.postgres.start)


async def _failover(stack: ContestStack, hold: float) -> None:
    assert stack.redis is not None
    redis = stack.redis
    old = await asyncio.to_thread(redis.kill_primary)
    await asyncio.to_thread(redis.wait_failover, old)
    await asyncio.sleep(hold)
    await asyncio.to_thread(redis.restart, old)  # comes back as a replica of the new primary


FAULTS = {
    Fault.WORKER_KILL: _worker_kill,
    Fault.REDIS_RESTART: _redis_restart,
    Fault.API_STOP: _api_stop,
    Fault.DATABASE_DOWN: _database_down,
    Fault.FAILOVER: _failover,
}


# The day.


async def run_day(stack: ContestStack, http: aiohttp.ClientSession, plan: Plan) -> Day:
    """Create the competition, run load and faults until it ends, wait for every verdict, then check."""
    rng = random.Random(plan.seed)
    start = time.time() + 2
    body = {
        "id": f"day-{int(start)}",
        "title": "Competition day",
        "start": start,
        "duration": plan.duration,
        "freeze_minutes": plan.freeze_minutes,
        "problems": [{"problem": problem} for problem in CONTEST_PROBLEMS],
    }
    async with http.post(f"{stack.url}/v1/competitions", json=body) as response:
        assert response.status == 201, f"creating the competition: {response.status} {await response.text()}"
    competition = msgspec.convert(body, Competition)  # labels A, B, ... in order, as judged gives them
    day = Day(plan, competition, started=start)
    await asyncio.sleep(max(0.0, start - time.time()))
    await asyncio.gather(submissions(http, stack.url, day, rng), pollers(stack.url, day), faults(stack, day))
    await check(stack, http, day)
    return day


async def drained(stack: ContestStack, http: aiohttp.ClientSession, timeout: float = 300) -> None:
    """Until /metrics says the contest stream is empty: every submission judged and in the database."""
    assert stack.api is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(aiohttp.ClientError, TimeoutError):
            async with http.get(f"{stack.api.url}/metrics") as response:
                text = await response.text()
            if 'judged_queue_depth{queue="contest"} 0.0' in text and "judged_redis_up 1.0" in text:
                return
        await asyncio.sleep(0.5)
    raise AssertionError(f"the contest queue did not drain in {timeout:.0f} s\n{stack.daemons.tails()}")


async def check(stack: ContestStack, http: aiohttp.ClientSession, day: Day) -> None:
    """Lost, double and the board against the database's recomputation."""
    assert stack.postgres is not None
    await drained(stack, http)
    connection = await stack.postgres.connect()
    try:
        stored = await connection.fetch(
            "SELECT id, user_id, problem, language, verdict, created, started, finished FROM submissions"
            " WHERE competition_id = $1",
            day.competition.id,
        )
    finally:
        await connection.close()
    in_database = {row["id"]: row for row in stored}
    for row in stored:
        if row["started"] is not None and row["verdict"] != Verdict.IE.value:
            day.slot_seconds.setdefault(row["language"], []).append(row["finished"] - row["started"])
    accepted = [sent for sent in day.sent if sent.sid]
    day.lost = [sent.sid for sent in accepted if sent.sid not in in_database]
    day.orphans = len(set(in_database) - {sent.sid for sent in accepted})
    competition = day.competition
    results = [
        Result(row["id"], row["user_id"], competition.label_of(row["problem"]) or "?", row["created"],
               Verdict(row["verdict"]))
        for row in stored
    ]  # fmt: skip
    expected = [msgspec.to_builtins(row) for row in ranked(competition, standings(competition, results, "live"))]
    live = await board(http, stack, competition.id)
    day.board_rows = len(live)
    day.board_differences = differences(expected, live)
    attempts = {(row["user_id"], cell["label"]): cell["attempts"] + cell["pending"]
                for row in expected for cell in row["problems"]}  # fmt: skip
    day.double = [
        f"{row['user_id']} {cell['label']}: {cell['attempts'] + cell['pending']} on the board, "
        f"{attempts.get((row['user_id'], cell['label']), 0)} from the database"
        for row in live
        for cell in row["problems"]
        if cell["attempts"] + cell["pending"] > attempts.get((row["user_id"], cell["label"]), 0)
    ]


async def board(http: aiohttp.ClientSession, stack: ContestStack, competition_id: str) -> list[dict[str, Any]]:
    """Every row of the live board, read from the API daemon itself (not nginx's cache), page by page."""
    assert stack.api is not None
    rows: list[dict[str, Any]] = []
    while True:
        url = f"{stack.api.url}/v1/competitions/{competition_id}/leaderboard?view=live&offset={len(rows)}&limit=1000"
        async with http.get(url) as response:
            assert response.status == 200, f"{url}: {response.status} {await response.text()}"
            page = msgspec.json.decode(await response.read())
        rows += page["rows"]
        if len(rows) >= page["participants"] or not page["rows"]:
            return rows


def differences(expected: list[dict[str, Any]], live: list[dict[str, Any]]) -> list[str]:
    found = []
    if len(expected) != len(live):
        found.append(f"{len(live)} rows on the board, {len(expected)} recomputed")
    for number, (want, have) in enumerate(zip(expected, live, strict=False)):
        if want != have:
            found.append(f"row {number + 1}: board {have} != recomputed {want}")
    return found
