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
import enum
import math
import random
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import aiohttp
import msgspec

from judged.judging.verdicts import Verdict
from judged.store.competitions import Competition
from judged.store.scoreboard import Result, ranked, standings
from tests.contest_stack import VISIBILITY_TIMEOUT, ContestStack
from tests.daemon_process import REPO

PROBLEMS = REPO / "problems"
CONTEST_PROBLEMS = (
    "aplusb", "balance-point", "best-average", "largest-plateau", "letter-sets",
    "level-sums", "loudest-letter", "rotate-grid", "sign-sort", "weave-lists",
)  # fmt: skip
"""Ten problems: the I/O one and nine function problems, none whose rejected solutions need a time limit's wait."""
LANGUAGES = {"python": 0.45, "cpp": 0.25, "c": 0.1, "javascript": 0.1, "java": 0.1}
"""The language mix: the share of submissions in each."""
EXTENSIONS = {"python": ".py", "cpp": ".cpp", "c": ".c", "javascript": ".js", "java": ".java"}
ACCEPTED_SHARE = 0.35
REJECTED_FOLDERS = ("wrong_answer", "run_time_error", "compile_error")
BOARD_PAGE = 50
POLLED_PAGES = 10
"""Pollers read the top POLLED_PAGES pages of BOARD_PAGE rows (what a participant looks at)."""
REFUSED = frozenset({502, 503, 504})


class Fault(enum.StrEnum):
    WORKER_KILL = "worker SIGKILL"
    REDIS_RESTART = "Redis kill -9, AOF restart"
    API_STOP = "API daemon SIGSTOP"
    DATABASE_DOWN = "database unreachable"
    FAILOVER = "Sentinel failover"


@dataclass(frozen=True)
class FaultAt:
    fault: Fault
    at: float
    """Contest seconds at which the fault starts."""
    hold: float
    """Seconds it lasts before the repair starts (API stopped, database down, worker dead)."""


@dataclass(frozen=True)
class Plan:
    participants: int
    duration: int
    """Contest seconds (at least 60: judged's minimum)."""
    freeze_minutes: int
    submit_rate: float
    poll_rate: float
    faults: tuple[FaultAt, ...]
    burst: float = 2.0
    poll_processes: int = 1
    seed: int = 18


@dataclass
class Window:
    fault: Fault
    start: float
    end: float = math.inf
    """Contest seconds: from the fault until the system is whole again."""


@dataclass
class Sent:
    user: str
    label: str
    problem: str
    language: str
    expected: str
    submitted: float = math.nan
    """Contest seconds of the POST that was answered 202."""
    sid: str = ""
    verdict: str = ""
    verdict_at: float = math.nan
    refusals: list[tuple[float, int, str | None]] = field(default_factory=list)
    """(contest seconds, status or 0 for no answer, Retry-After) of each refused POST."""
    given_up: str = ""


@dataclass
class Day:
    """What one run saw."""

    plan: Plan
    competition: Competition
    started: float = 0.0
    """Unix seconds of the contest start."""
    sent: list[Sent] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    staleness: list[float] = field(default_factory=list)
    polls: dict[str, Any] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    double: list[str] = field(default_factory=list)
    board_differences: list[str] = field(default_factory=list)
    board_rows: int = 0
    orphans: int = 0
    """Submissions in the database that no participant heard a 202 for (the answer was lost, not the submission)."""

    def now(self) -> float:
        return time.time() - self.started


# The submission mix.


class Mix:
    """Sources to submit, per problem and language: accepted ones and rejected ones."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.accepted: dict[tuple[str, str], str] = {}
        self.rejected: dict[str, list[tuple[str, str, str]]] = {}
        for problem in CONTEST_PROBLEMS:
            folder = PROBLEMS / problem
            solutions = folder / "solutions" if (folder / "solutions").is_dir() else folder / "submissions"
            for path in sorted(solutions.rglob("*")):
                language = _language_of(path)
                if language is None:
                    continue
                if path.parent.name == "accepted":
                    self.accepted[(problem, language)] = path.read_text()
                elif path.parent.name in REJECTED_FOLDERS:
                    self.rejected.setdefault(problem, []).append((language, path.parent.name, path.read_text()))

    def pick(self, problem: str) -> tuple[str, str, str]:
        """(language, expected outcome, source made unique) for one submission to `problem`."""
        rng = self.rng
        language = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()))[0]
        if rng.random() < ACCEPTED_SHARE:
            expected, code = "accepted", self.accepted[(problem, language)]
        elif self.rejected.get(problem) and rng.random() < 0.5:
            language, expected, code = rng.choice(self.rejected[problem])
        else:
            other = rng.choice([name for name in CONTEST_PROBLEMS if name != problem])
            expected, code = "another problem's code", self.accepted[(other, language)]
        marker = "#" if language == "python" else "//"
        return language, expected, f"{code}\n{marker} {rng.getrandbits(64):016x}\n"


def _language_of(path: Path) -> str | None:
    for language, extension in EXTENSIONS.items():
        if path.is_file() and path.suffix == extension:
            return language
    return None


# Submissions.


def submit_rate_at(plan: Plan, seconds: float) -> float:
    """The arrival rate at contest second `seconds`: bursts in the first and the last tenth."""
    tenth = plan.duration / 10
    return plan.submit_rate * (plan.burst if seconds < tenth or seconds > plan.duration - tenth else 1.0)


async def one_submission(http: aiohttp.ClientSession, base: str, day: Day, sent: Sent, code: str) -> None:
    body = {"problem": sent.problem, "language": sent.language, "code": code, "user_id": sent.user,
            "competition_id": day.competition.id}  # fmt: skip
    while not sent.sid:
        if day.now() >= day.plan.duration - 1:
            sent.given_up = "the contest ended before a POST was taken"
            return
        status, retry_after, reply = 0, None, dict[str, Any]()
        posted = day.now()
        with contextlib.suppress(aiohttp.ClientError, TimeoutError, msgspec.DecodeError):
            async with http.post(f"{base}/v1/submissions", json=body) as response:
                status, retry_after = response.status, response.headers.get("Retry-After")
                reply = msgspec.json.decode(await response.read()) if status == 202 else {}
        if status == 202:
            sent.sid, sent.submitted = str(reply["id"]), posted
        elif status in REFUSED or status == 0:
            sent.refusals.append((posted, status, retry_after))
            await asyncio.sleep(min(float(retry_after or 1), 3.0))
        else:
            sent.given_up = f"POST answered {status}"
            return
    await _verdict(http, base, day, sent)


async def _verdict(http: aiohttp.ClientSession, base: str, day: Day, sent: Sent) -> None:
    while not sent.verdict:
        with contextlib.suppress(aiohttp.ClientError, TimeoutError, msgspec.DecodeError):
            async with http.get(f"{base}/v1/submissions/{sent.sid}?wait=20") as response:
                if response.status == 200:
                    found = msgspec.json.decode(await response.read())
                    if found["status"] == "finished":
                        sent.verdict, sent.verdict_at = str(found["verdict"]), day.now()
                        break
                    continue
        await asyncio.sleep(0.5)
    freeze = day.plan.duration - day.plan.freeze_minutes * 60
    if sent.verdict == Verdict.AC.value and sent.submitted < freeze:
        await _until_on_board(http, base, day, sent)


async def _until_on_board(http: aiohttp.ClientSession, base: str, day: Day, sent: Sent) -> None:
    """Read the participant's own public row through nginx until it shows the problem solved."""
    url = f"{base}/v1/competitions/{day.competition.id}/leaderboard/{sent.user}"
    while day.now() - sent.verdict_at < 60:
        with contextlib.suppress(aiohttp.ClientError, TimeoutError, msgspec.DecodeError, KeyError):
            async with http.get(url) as response:
                if response.status == 200:
                    row = msgspec.json.decode(await response.read())["row"]
                    if any(cell["label"] == sent.label and cell["solved"] for cell in row["problems"]):
                        day.staleness.append(day.now() - sent.verdict_at)
                        return
        await asyncio.sleep(0.2)


async def submissions(http: aiohttp.ClientSession, base: str, day: Day, rng: random.Random) -> None:
    """Open-loop arrivals until the contest ends; then every participant's wait for its verdict."""
    mix = Mix(rng)
    labels = {problem.problem: problem.label for problem in day.competition.problems}
    weights = [1.0 / (rank + 1) for rank in range(len(CONTEST_PROBLEMS))]  # easier problems are tried more
    tasks: list[asyncio.Task[None]] = []
    while (now := day.now()) < day.plan.duration - 1:
        await asyncio.sleep(rng.expovariate(submit_rate_at(day.plan, now)))
        problem = rng.choices(CONTEST_PROBLEMS, weights=weights)[0]
        language, expected, code = mix.pick(problem)
        user = f"p{rng.randrange(day.plan.participants):06d}"
        sent = Sent(user=user, label=labels[problem], problem=problem, language=language, expected=expected)
        day.sent.append(sent)
        tasks.append(asyncio.create_task(one_submission(http, base, day, sent, code)))
    await asyncio.gather(*tasks)


# The board pollers, in processes of their own.


def poll_board(base: str, competition_id: str, rate: float, seconds: float) -> dict[str, Any]:
    """In a child process: `rate` GETs per second of the top board pages for `seconds`, open loop."""
    return asyncio.run(_poll(base, competition_id, rate, seconds))


async def _poll(base: str, competition_id: str, rate: float, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    skipped = 0
    inflight: set[asyncio.Task[None]] = set()
    cap = 1024
    connector = aiohttp.TCPConnector(limit=cap)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as http:

        async def one(offset: int) -> None:
            started = time.monotonic()
            status = 0
            with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                url = f"{base}/v1/competitions/{competition_id}/leaderboard?offset={offset}&limit={BOARD_PAGE}"
                async with http.get(url) as response:
                    await response.read()
                    status = response.status
            statuses[status] = statuses.get(status, 0) + 1
            if status == 200:
                latencies.append(time.monotonic() - started)

        begin = time.monotonic()
        sent = 0
        rng = random.Random()
        while (elapsed := time.monotonic() - begin) < seconds:
            due = int(elapsed * rate) - sent
            for _ in range(max(0, due)):
                sent += 1
                if len(inflight) >= cap:
                    skipped += 1
                    continue
                task = asyncio.create_task(one(BOARD_PAGE * min(int(rng.expovariate(0.5)), POLLED_PAGES - 1)))
                inflight.add(task)
                task.add_done_callback(inflight.discard)
            await asyncio.sleep(0.005)
        await asyncio.gather(*inflight)
        elapsed = time.monotonic() - begin
    latencies.sort()
    return {
        "target_rate": rate,
        "seconds": elapsed,
        "answered": len(latencies),
        "statuses": statuses,
        "skipped": skipped,
        "p50": _quantile(latencies, 0.5),
        "p99": _quantile(latencies, 0.99),
    }


def _quantile(values: Sequence[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


async def pollers(base: str, day: Day) -> None:
    plan = day.plan
    if plan.poll_rate <= 0:
        return
    loop = asyncio.get_running_loop()
    seconds = max(0.0, plan.duration - day.now())
    share = plan.poll_rate / plan.poll_processes
    with ProcessPoolExecutor(plan.poll_processes, mp_context=get_context("spawn")) as pool:
        runs = [loop.run_in_executor(pool, poll_board, base, day.competition.id, share, seconds)
                for _ in range(plan.poll_processes)]  # fmt: skip
        found = await asyncio.gather(*runs)
    statuses: dict[int, int] = {}
    for run in found:
        for status, count in run["statuses"].items():
            statuses[status] = statuses.get(status, 0) + count
    answered = sum(run["answered"] for run in found)
    day.polls = {
        "target_rate": plan.poll_rate,
        "served_per_second": answered / max(run["seconds"] for run in found),
        "statuses": statuses,
        "skipped": sum(run["skipped"] for run in found),
        "p50": max(run["p50"] for run in found),
        "p99": max(run["p99"] for run in found),
    }


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
            "SELECT id, user_id, problem, verdict, created FROM submissions WHERE competition_id = $1",
            day.competition.id,
        )
    finally:
        await connection.close()
    in_database = {row["id"]: row for row in stored}
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


# The report.


def in_window(day: Day, seconds: float) -> Window | None:
    return next((window for window in day.windows if window.start <= seconds <= window.end), None)


def latency_table(day: Day) -> dict[str, dict[str, float]]:
    """POST-to-verdict p50/p95/p99 and count, overall, outside every fault window, and in each."""
    groups: dict[str, list[float]] = {"overall": [], "outside faults": []}
    for sent in day.sent:
        if not sent.verdict:
            continue
        latency = sent.verdict_at - sent.submitted
        window = in_window(day, sent.submitted)
        groups["overall"].append(latency)
        groups.setdefault("outside faults" if window is None else f"during {window.fault}", []).append(latency)
    return {
        name: {"count": len(values), "p50": _quantile(values, 0.5), "p95": _quantile(values, 0.95),
               "p99": _quantile(values, 0.99)}
        for name, values in groups.items()
    }  # fmt: skip


def refusals(day: Day) -> dict[str, Any]:
    """Refused POSTs per fault window: how many, the span of seconds they covered, and their statuses."""
    found: dict[str, Any] = {}
    for sent in day.sent:
        for seconds, status, retry_after in sent.refusals:
            window = in_window(day, seconds)
            name = "outside faults" if window is None else str(window.fault)
            entry = found.setdefault(name, {"count": 0, "first": seconds, "last": seconds, "statuses": {},
                                            "without_retry_after": 0})  # fmt: skip
            entry["count"] += 1
            entry["first"], entry["last"] = min(entry["first"], seconds), max(entry["last"], seconds)
            entry["statuses"][status] = entry["statuses"].get(status, 0) + 1
            entry["without_retry_after"] += status == 503 and retry_after is None
    return found


def summary(day: Day) -> dict[str, Any]:
    verdicts: dict[str, int] = {}
    for sent in day.sent:
        if sent.verdict:
            verdicts[sent.verdict] = verdicts.get(sent.verdict, 0) + 1
    accepted = [sent for sent in day.sent if sent.sid]
    return {
        "submissions_posted": len(day.sent),
        "accepted_202": len(accepted),
        "given_up": len([sent for sent in day.sent if sent.given_up]),
        "verdicts": verdicts,
        "latency": latency_table(day),
        "refusals": refusals(day),
        "staleness_p99": _quantile(day.staleness, 0.99),
        "staleness_p50": _quantile(day.staleness, 0.5),
        "staleness_samples": len(day.staleness),
        "board": day.polls,
        "lost": len(day.lost),
        "double": len(day.double),
        "board_rows": day.board_rows,
        "board_equal": not day.board_differences,
        "orphans": day.orphans,
        "windows": [(str(window.fault), round(window.start, 1), round(window.end, 1)) for window in day.windows],
        "submit_rate_mean": len(day.sent) / day.plan.duration,
    }
