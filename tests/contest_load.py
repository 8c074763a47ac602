"""The load of a competition day: the submission mix, the participants who submit, and the board pollers.

Everything is sent to loopback only, through nginx. Submissions arrive open loop (Poisson); the
board pollers run in processes of their own so that their rate does not starve the submitters.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import aiohttp
import msgspec

from judged.judging.verdicts import Verdict
from tests.board_poller import poll
from tests.contest_plan import Day, Plan, Sent
from tests.daemon_process import REPO

PROBLEMS = REPO / "problems"
CONTEST_PROBLEMS = (
    "aplusb", "balance-point", "best-average", "largest-plateau", "letter-sets",
    "level-sums", "loudest-letter", "rotate-grid", "sign-sort", "weave-lists",
)  # fmt: skip
"""Ten problems: the I/O one and nine function problems, none whose rejected solutions need a time limit's wait."""
EXTENSIONS = {"python": ".py", "cpp": ".cpp", "c": ".c", "javascript": ".js", "java": ".java"}
ACCEPTED_SHARE = 0.35
REJECTED_FOLDERS = ("wrong_answer", "run_time_error", "compile_error")
BOARD_PAGE = 50
POLLED_PAGES = 10
"""Pollers read the top POLLED_PAGES pages of BOARD_PAGE rows (what a participant looks at)."""
REFUSED = frozenset({502, 503, 504})


# The submission mix.


class Mix:
    """Sources to submit, per problem and language: accepted ones and rejected ones."""

    def __init__(self, rng: random.Random, languages: dict[str, float]) -> None:
        self.rng = rng
        self.languages = languages
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
        language = rng.choices(list(self.languages), weights=list(self.languages.values()))[0]
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
    mix = Mix(rng, day.plan.languages)
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

    def page(rng: random.Random) -> str:
        offset = BOARD_PAGE * min(int(rng.expovariate(0.5)), POLLED_PAGES - 1)
        return f"/v1/competitions/{competition_id}/leaderboard?offset={offset}&limit={BOARD_PAGE}"

    return asyncio.run(poll(base, page, rate, seconds))


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
    samples = [sample for run in found for sample in run["samples"]]
    statuses: dict[int, int] = {}
    for _, _, status in samples:
        statuses[status] = statuses.get(status, 0) + 1
    day.polls = {
        "target_rate": plan.poll_rate,
        "served_per_second": sum(status == 200 for _, _, status in samples) / max(run["seconds"] for run in found),
        "statuses": statuses,
        "skipped": sum(run["skipped"] for run in found),
    }
    day.board_samples = [(sent_at - day.started, latency) for sent_at, latency, status in samples if status == 200]
