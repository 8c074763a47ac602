"""POST to verdict through the whole daemon: latency unsaturated, throughput saturated; prints a table.

    .venv/bin/python bench/end_to_end.py [--problem balance-point] [--latency 40] [--saturate 60] [--clients 32]

It starts `judged serve` (embedded Redis, a fresh state folder, one slot per usable core) and
drives it over HTTP from concurrent clients, each submission an accepted solution made unique
by a comment (so every one is compiled, as real submissions are).

  latency   one client at a time submits and long-polls (?wait=) for the verdict: the queue is
            never saturated. p50 / p99 of POST-to-verdict wall time, as the client sees it.
  saturate  `--saturate` submissions posted at once by `--clients` clients; throughput is
            submissions per second until the last verdict, and per core.
  jail ms   sandboxed CPU per submission as the jails' cgroups count it (the compile's plus the
            run's CPU), mean over the saturated batch.
  judge ms  the machine's CPU per submission when the same submissions are judged with no daemon
            at all (judged.judging.Judge called in this process, one at a time): the jails as the
            cgroups count them, plus what the kernel spends making and tearing down their
            namespaces and cgroups, plus the harness generation and result comparison.
  bound     cores / judge ms: what a daemon with no cost of its own would reach; `of bound` is
            the saturated throughput over it. `of jail` is the same against cores / jail ms.
  client    the CPU this load generator itself used during the saturated batch, in cores (it
            shares the machine).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import time
from pathlib import Path
from typing import Any

import aiohttp
import psutil
from serving import judged_serve, state_folder  # bench/serving.py, beside this script

from judged.judging.service import Judge
from judged.problems import load_problem
from judged.sandbox import SandboxConfig

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = {"python": "solution.py", "cpp": "solution.cpp"}
COMMENT = {"python": "#", "cpp": "//"}
PORT = 8731


class Finished:
    def __init__(self, latency: float, body: dict[str, Any]) -> None:
        self.latency = latency
        self.verdict = body.get("verdict")
        self.cpu = float(body.get("time") or 0.0)
        self.compile = float(body.get("compile_time") or 0.0)


async def judge_one(session: aiohttp.ClientSession, base: str, body: dict[str, str]) -> Finished:
    started = time.perf_counter()
    async with session.post(f"{base}/v1/submissions", json=body) as response:
        if response.status != 202:
            raise RuntimeError(f"POST answered {response.status}: {await response.text()}")
        url = (await response.json())["url"]
    while True:
        async with session.get(f"{base}{url}?wait=30") as response:
            view = await response.json()
        if view["status"] == "finished":
            return Finished(time.perf_counter() - started, view)


def bodies(problem: str, language: str, count: int, tag: str) -> list[dict[str, str]]:
    code = (ROOT / "problems" / problem / "solutions" / "accepted" / LANGUAGES[language]).read_text()
    return [
        {
            "problem": problem,
            "language": language,
            "code": f"{code}\n{COMMENT[language]} {tag} {number}\n",
            "user_id": f"bench-{number % 50}",
        }
        for number in range(count)
    ]


async def latency(base: str, problem: str, language: str, count: int) -> list[Finished]:
    async with aiohttp.ClientSession() as session:
        await judge_one(session, base, bodies(problem, language, 1, "warm-up")[0])
        return [await judge_one(session, base, body) for body in bodies(problem, language, count, "latency")]


async def saturate(base: str, problem: str, language: str, count: int, clients: int) -> tuple[float, list[Finished]]:
    pending = bodies(problem, language, count, f"saturate-{time.time()}")
    done: list[Finished] = []

    async def client(session: aiohttp.ClientSession) -> None:
        while pending:
            done.append(await judge_one(session, base, pending.pop()))

    connector = aiohttp.TCPConnector(limit=clients * 2)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(*(client(session) for _ in range(clients)))
        return time.perf_counter() - started, done


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def judge_bare(problem_name: str, language: str, count: int, state: Path) -> float:
    """Machine CPU seconds per submission judged in this process with no daemon (sequentially)."""
    judge = Judge(SandboxConfig(), state, ROOT / "languages")
    await judge.start(only={language})
    try:
        problem = load_problem(ROOT / "problems" / problem_name)
        submissions = bodies(problem_name, language, count + 1, f"bare-{time.time()}")
        await judge.judge_problem(problem, language, submissions[0]["code"])  # warm: caches, page cache
        before = machine_cpu()
        for body in submissions[1:]:
            result = await judge.judge_problem(problem, language, body["code"])
            if result.verdict != "AC":
                raise RuntimeError(f"{language}: bare judging gave {result.verdict}: {result.message}")
        return (machine_cpu() - before) / count
    finally:
        await judge.close()


def machine_cpu() -> float:
    times = psutil.cpu_times()
    return times.user + times.nice + times.system + times.irq + times.softirq


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problem", default="balance-point")
    parser.add_argument("--latency", type=int, default=40, help="sequential submissions per language")
    parser.add_argument("--saturate", type=int, default=60, help="submissions posted at once per language")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--bare", type=int, default=30, help="submissions judged without the daemon per language")
    parser.add_argument("--slots", type=int, default=0, help="worker slots (default: the daemon's, one per core)")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    state = state_folder("judged-bench-")
    bare = {language: await judge_bare(args.problem, language, args.bare, state) for language in LANGUAGES}
    limits = {"JUDGED_SUBMISSIONS_MAX_ACTIVE_PER_USER": "100000", "JUDGED_SUBMISSIONS_MAX_PER_MINUTE": "100000"}
    async with judged_serve(state, PORT, JUDGED_WORKER_SLOTS=str(args.slots), **limits) as base:
        slots = args.slots or cores
        print(f"judged serve: {cores} cores, {slots} slots, problem {args.problem}, state {state}")
        header = f"{'language':<9} {'p50 ms':>7} {'p99 ms':>7} {'sat/s':>6} {'per core':>8} {'jail ms':>8} "
        print(header + f"{'judge ms':>8} {'bound/s':>8} {'of bound':>8} {'of jail':>8} {'client':>7}")
        for language in LANGUAGES:
            sequential = await latency(base, args.problem, language, args.latency)
            client_before = own_cpu()
            wall, batch = await saturate(base, args.problem, language, args.saturate, args.clients)
            client = (own_cpu() - client_before) / wall
            verdicts = {finished.verdict for finished in sequential + batch}
            if verdicts != {"AC"}:
                raise RuntimeError(f"{language}: verdicts {verdicts}, expected only AC")
            times = [finished.latency for finished in sequential]
            throughput = len(batch) / wall
            jail = statistics.mean(finished.cpu + finished.compile for finished in batch)
            bound = cores / bare[language]
            print(
                f"{language:<9} {statistics.median(times) * 1000:>7.0f} {percentile(times, 0.99) * 1000:>7.0f} "
                f"{throughput:>6.2f} {throughput / cores:>8.2f} {jail * 1000:>8.0f} {bare[language] * 1000:>8.0f} "
                f"{bound:>8.2f} {throughput / bound:>8.0%} {throughput / (cores / jail):>8.0%} {client:>7.2f}"
            )


if __name__ == "__main__":
    asyncio.run(main())
