"""A poll storm on a 100,000-participant leaderboard: judged alone, then nginx (etc/nginx/judged.conf) in front.

    .venv/bin/python bench/leaderboard_poll.py [--duration 15] [--connections 200] [--generator auto|wrk|aiohttp]

It starts `judged serve --role api` (embedded Redis, a fresh state folder; `--api-processes N` API processes,
0: judged's default of one per core), seeds a competition of
`--participants` through the leaderboard's batched replay (`Leaderboard.rebuild`, as
tests/store/test_leaderboard.py does), then for each target (judged directly; nginx with the shipped conf,
its three `# site:` lines pointed at this judged, a temporary cache and a free port) runs two storms of
`--connections` keep-alive connections for `--duration` seconds:

  pages   GET /v1/competitions/poll/leaderboard?offset=O&limit=100 for several offsets O
  mixed   the same, with one request in five a participant's own row (/leaderboard/USER) over 1,000 users
  own     every request a participant's own row, over every participant (100,000 distinct users)

With `--staleness S` it then prints one host's snapshot memory (both views) and samples, for S seconds
with a second `judged serve --role api` on the same Redis, how long a result recorded in Redis takes to
show on both hosts' own-row answers (idle, then during an own storm on the first host).

It prints requests/s, p50 / p99 latency, non-2xx answers, the Redis commands judged issued per second
(INFO total_commands_processed, delta over the storm) and the CPU each process used (cores busy). The load
generator is `wrk` when installed (apt-get install wrk), else aiohttp clients in `--processes` processes; it
runs on the same cores as judged, Redis and nginx, and its share is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import multiprocessing.pool
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import psutil

from judged.competitions.board import Boards
from judged.judging.verdicts import Verdict
from judged.settings import load_settings
from judged.store.client import connect
from judged.store.competitions import Competition, CompetitionProblem, CompetitionStore
from judged.store.keys import Keys
from judged.store.leaderboard import Leaderboard
from judged.store.leaderboard_snapshot import BoardReads
from judged.store.scoreboard import Result

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "etc" / "nginx" / "judged.conf"
COMPETITION = "poll"
OFFSETS = (0, 100, 1_000, 25_000, 50_000, 99_900)
OWN_ROW_USERS = 1_000
WARM_SECONDS = 5.0
"""Seconds given to every API process to render its rows after its first read, before the storms."""


# The competition ---------------------------------------------------------------------------------


def seeded_results(competition: Competition, participants: int) -> list[Result]:
    """As tests/store/test_leaderboard.py: one or two submissions each, many equal scores."""
    rng = random.Random(6)
    results = []
    labels = competition.labels
    for index in range(participants):
        user = f"u{index:06d}"
        verdict = rng.choice([Verdict.AC, Verdict.AC, Verdict.WA])
        at = competition.start + rng.randrange(0, 5400)
        results.append(Result(f"s{index}", user, labels[index % len(labels)], at, verdict))
        if index % 7 == 0:
            at = competition.start + rng.randrange(0, 5400)
            results.append(Result(f"t{index}", user, labels[(index + 3) % len(labels)], at, Verdict.AC))
    return results


async def seed(redis_url: str, participants: int) -> None:
    slugs = sorted(path.parent.name for path in (ROOT / "problems").glob("*/problem.toml"))[:10]
    problems = [CompetitionProblem(slug) for slug in slugs]
    competition = Competition(
        id=COMPETITION, title="Poll storm", start=time.time() - 3 * 3600, duration=4 * 3600, problems=problems
    )
    redis = connect(redis_url)
    try:
        keys = Keys(load_settings(None).redis.prefix)
        await CompetitionStore(redis, keys).create(competition, replace=True)
        started = time.perf_counter()
        report = await Leaderboard(redis, keys).rebuild(competition, seeded_results(competition, participants))
        took = time.perf_counter() - started
        print(f"seeded {report.participants} participants ({report.results} results) in {took:.1f} s")
    finally:
        await redis.aclose()


def paths(storm: str, participants: int = 100_000) -> list[str]:
    """The request paths a storm cycles through: `pages`, `mixed` (one in five an own row) or `own`."""
    pages = [f"/v1/competitions/{COMPETITION}/leaderboard?offset={offset}&limit=100" for offset in OFFSETS]
    if storm == "pages":
        return pages
    if storm == "own":  # every participant once, in a shuffled order
        users = [f"u{index:06d}" for index in range(participants)]
        random.Random(8).shuffle(users)
        return [f"/v1/competitions/{COMPETITION}/leaderboard/{user}" for user in users]
    rng = random.Random(7)
    users = [f"u{rng.randrange(0, participants):06d}" for _ in range(OWN_ROW_USERS)]
    own = [f"/v1/competitions/{COMPETITION}/leaderboard/{user}" for user in users]
    # One request in five is an own row: four pages, then the next user.
    mix = []
    for index, user_path in enumerate(own):
        mix += [pages[(4 * index + step) % len(pages)] for step in range(4)]
        mix.append(user_path)
    return mix


# Processes -----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_listening(port: int, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args!r} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port} after {seconds:.0f} s")


@contextmanager
def judged(
    state: Path, port: int, redis_url: str | None = None, processes: int = 0
) -> Iterator[subprocess.Popen[bytes]]:
    """`judged serve --role api` (`processes` API processes, 0: judged's default): with its embedded Redis, or
    (a second host) on `redis_url`."""
    argv = [str(Path(sys.executable).parent / "judged"), "serve", "--role", "api"]
    argv += ["--state-dir", str(state), "--listen", f"127.0.0.1:{port}"]
    env = {**os.environ, "JUDGED_LOG_LEVEL": "warning", "JUDGED_SERVER_PROCESSES": str(processes)}
    if redis_url is not None:
        env["JUDGED_REDIS_URL"] = redis_url
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        wait_listening(port, process, 300)  # a loaded machine takes minutes to start 3 processes
        yield process
    finally:
        process.terminate()
        process.wait(60)


def nginx_conf(prefix: Path, upstream: str, listen: str) -> Path:
    """The shipped conf with its `# site:` lines replaced (as tests/test_nginx_conf.py does), no access log."""
    values = {"judged host 1": upstream, "the cache folder": str(prefix / "cache"), "where clients reach nginx": listen}
    lines = []
    for line in CONF.read_text().splitlines():
        directive, marker, name = line.partition("# site: ")
        if marker and not directive.lstrip().startswith("#"):
            words = directive.split()
            words[1] = values[name.strip()] + (";" if words[1].endswith(";") else "")
            lines.append("    " + " ".join(words))
        else:
            lines.append(line)
    (prefix / "judged.conf").write_text("\n".join(lines) + "\n")
    temp = "\n".join(
        f"    {kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (prefix / "nginx.conf").write_text(
        f"daemon off;\nworker_processes auto;\nworker_rlimit_nofile 16384;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\nevents {{ worker_connections 8192; }}\n"
        f"http {{\n    access_log off;\n{temp}\n    include {prefix / 'judged.conf'};\n}}\n"
    )
    return prefix / "nginx.conf"


@contextmanager
def nginx(upstream_port: int, port: int) -> Iterator[subprocess.Popen[bytes]]:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    prefix = Path(tempfile.mkdtemp(prefix="judged-bench-nginx-"))
    prefix.chmod(0o711)  # the workers (nobody) reach the cache nginx creates for them
    conf = nginx_conf(prefix, f"127.0.0.1:{upstream_port}", f"127.0.0.1:{port}")
    argv = [binary, "-p", f"{prefix}/", "-e", str(prefix / "error.log"), "-c", str(conf)]
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL)
    try:
        wait_listening(port, process, 10)
        yield process
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(prefix, ignore_errors=True)


# Load generators -----------------------------------------------------------------------------------


@dataclass
class Storm:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    failed: int
    megabytes: float
    """Responses received (wrk: with headers; aiohttp: bodies), in MB."""


def wrk_storm(base: str, targets: Sequence[str], connections: int, seconds: float) -> Storm:
    folder = Path(tempfile.mkdtemp(prefix="judged-bench-wrk-"))
    script = folder / "paths.lua"
    listed = ",\n".join(f'  "{path}"' for path in targets)
    script.write_text(
        f"local paths = {{\n{listed}\n}}\nlocal i = math.random(#paths)\n"
        'request = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n'
    )
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds:.0f}s", "--latency", "-s", str(script), base]
    try:
        output = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return parse_wrk(output, seconds)


def parse_wrk(output: str, seconds: float) -> Storm:
    def latency(percent: str) -> float:
        found = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        assert found, output
        return float(found[1]) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[found[2]]

    total = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)", output)
    assert total, output
    elapsed = float(total[2]) * {"ms": 0.001, "s": 1.0, "m": 60.0}[total[3]]
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failures = int(failed[1]) if failed else 0
    failures += sum(int(count) for count in errors.groups()) if errors else 0
    read = re.search(r"requests in [\d.]+\w+, ([\d.]+)(KB|MB|GB) read", output)
    assert read, output
    megabytes = float(read[1]) * {"KB": 0.001, "MB": 1.0, "GB": 1000.0}[read[2]]
    return Storm(int(total[1]), elapsed or seconds, latency("50"), latency("99"), failures, megabytes)


def aiohttp_worker(base: str, targets: Sequence[str], connections: int, seconds: float) -> tuple[list[float], int, int]:
    async def main() -> tuple[list[float], int, int]:
        latencies: list[float] = []
        failed = received = 0
        end = time.perf_counter() + seconds
        connector = aiohttp.TCPConnector(limit=connections)
        async with aiohttp.ClientSession(base, connector=connector) as session:

            async def client(start: int) -> None:
                nonlocal failed, received
                index = start
                while (now := time.perf_counter()) < end:
                    index = (index + 1) % len(targets)
                    async with session.get(targets[index]) as response:
                        received += len(await response.read())
                        failed += response.status >= 400
                    latencies.append(time.perf_counter() - now)

            await asyncio.gather(*(client(start * 7) for start in range(connections)))
        return latencies, failed, received

    return asyncio.run(main())


def aiohttp_storm(base: str, targets: Sequence[str], connections: int, seconds: float, processes: int) -> Storm:
    share = max(1, connections // processes)
    started = time.perf_counter()
    with multiprocessing.Pool(processes) as pool:
        parts = pool.starmap(aiohttp_worker, [(base, targets, share, seconds)] * processes)
    elapsed = time.perf_counter() - started
    latencies = sorted(latency for part, _, _ in parts for latency in part)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    failed = sum(part[1] for part in parts)
    megabytes = sum(part[2] for part in parts) / 1e6
    p50 = statistics.median(latencies)
    return Storm(len(latencies), min(elapsed, seconds), p50 * 1000, p99 * 1000, failed, megabytes)


# Measuring -----------------------------------------------------------------------------------------


def cpu_seconds(pids: Sequence[int]) -> dict[int, float]:
    found = {}
    for pid in pids:
        try:
            times = psutil.Process(pid).cpu_times()
        except psutil.NoSuchProcess:
            continue
        found[pid] = times.user + times.system + times.children_user + times.children_system
    return found


def family(pid: int) -> list[int]:
    process = psutil.Process(pid)
    return [pid, *(child.pid for child in process.children(recursive=True))]


def judged_and_redis(pid: int) -> dict[str, list[int]]:
    """judged's processes (the first and its API processes) and the embedded redis-server, by pid."""
    children = psutil.Process(pid).children()
    redis = [child.pid for child in children if child.name() == "redis-server"]
    return {"judged": [pid, *(child.pid for child in children if child.pid not in redis)], "redis": redis}


async def commands_processed(redis_url: str) -> int:
    redis = connect(redis_url)
    try:
        stats = await redis.info("stats")
        return int(stats["total_commands_processed"])
    finally:
        await redis.aclose()


def measure(
    label: str, storm: Callable[[], Storm], redis_url: str, groups: dict[str, list[int]], generator: str
) -> None:
    before_cpu = {name: cpu_seconds(pids) for name, pids in groups.items()}
    before_commands = asyncio.run(commands_processed(redis_url))
    started_cpu = psutil.cpu_times()
    result = storm()
    commands = asyncio.run(commands_processed(redis_url)) - before_commands
    after_cpu = {name: cpu_seconds(pids) for name, pids in groups.items()}
    machine = psutil.cpu_times()
    busy = sum(getattr(machine, f) - getattr(started_cpu, f) for f in ("user", "system", "softirq", "irq"))
    rate = result.requests / result.seconds
    used = {name: sum(after_cpu[name].get(pid, 0) - cpu for pid, cpu in before_cpu[name].items()) for name in groups}
    cores = ", ".join(f"{name} {seconds / result.seconds:.2f}" for name, seconds in used.items())
    print(
        f"| {label} | {generator} | {rate:,.0f} | {result.megabytes / result.seconds:,.0f} | {result.p50_ms:.1f} "
        f"| {result.p99_ms:.1f} | {result.failed} | {commands / result.seconds:,.0f} "
        f"| {cores}; all {busy / result.seconds:.2f} |",
        flush=True,
    )


# Snapshot memory and board staleness -------------------------------------------------------------


async def snapshot_memory(redis_url: str) -> None:
    """What one host's snapshot of the seeded board (both views) holds in memory, and how long a whole read takes."""
    redis = connect(redis_url)
    try:
        keys = Keys(load_settings(None).redis.prefix)
        competition = await CompetitionStore(redis, keys).get(COMPETITION)
        assert competition is not None
        started = time.perf_counter()
        await Boards(BoardReads(redis, keys), 1.0).snapshot(competition)
        took = time.perf_counter() - started
        boards = Boards(BoardReads(redis, keys), 1.0)
        tracemalloc.start()
        snapshot = await boards.snapshot(competition)
        kept = tracemalloc.get_traced_memory()[0]
        rows = len(snapshot.boards["live"])
        print(
            f"snapshot: {rows:,} participants, {kept / 1e6:.1f} MB ({kept / rows:.0f} B each); whole read {took:.1f} s"
        )
        for index in range(rows):  # every own row answered once: each row's JSON is then kept (public view)
            own = await boards.own_row(competition, f"u{index:06d}", neighbours=0, view="public")
            assert own is not None
            own.body()
        rendered = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        print(f"with every row rendered once: {rendered / 1e6:.1f} MB ({rendered / rows:.0f} B each)")
    finally:
        await redis.aclose()


async def staleness(bases: Sequence[str], redis_url: str, seconds: float, participants: int) -> list[float]:
    """Seconds from a result recorded in Redis (as a worker records it) to its row showing it on every host.

    A new sample starts every 0.1 s: a participant's unsolved problem is accepted by `Leaderboard.record`,
    then every host's own-row answer for that participant is polled every 20 ms until it counts it.
    """
    redis = connect(redis_url)
    rng = random.Random(9)
    keys = Keys(load_settings(None).redis.prefix)
    competition = await CompetitionStore(redis, keys).get(COMPETITION)
    assert competition is not None
    board = Leaderboard(redis, keys)
    async with aiohttp.ClientSession() as session:

        async def solved(base: str, user: str) -> tuple[int, list[str]]:
            url = f"{base}/v1/competitions/{COMPETITION}/leaderboard/{user}?neighbours=0"
            async with session.get(url) as response:
                row = (await response.json())["row"]
            return row["solved"], [problem["label"] for problem in row["problems"] if not problem["solved"]]

        async def seen(base: str, user: str, count: int, recorded: float) -> float:
            while (await solved(base, user))[0] < count:
                await asyncio.sleep(0.02)
            return time.perf_counter() - recorded

        async def sample(index: int) -> float | None:
            user = f"u{rng.randrange(participants):06d}"
            count, unsolved = await solved(bases[0], user)
            if not unsolved:
                return None
            sid = f"stale-{index}-{user}"
            await board.record(
                competition, sid, user_id=user, problem_label=unsolved[0], submitted_at=time.time(), verdict=Verdict.AC
            )
            recorded = time.perf_counter()
            return max(await asyncio.gather(*(seen(base, user, count + 1, recorded) for base in bases)))

        for base in bases:  # a host's first request reads the board whole: not what staleness is about
            await solved(base, "u000000")
        tasks: list[asyncio.Task[float | None]] = []
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            tasks.append(asyncio.create_task(sample(len(tasks))))
            await asyncio.sleep(0.1)
        found = [value for value in await asyncio.gather(*tasks) if value is not None]
    await redis.aclose()
    return found


def print_staleness(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"staleness, {label}: {len(ordered)} results, p50 {p50:.2f} s, p99 {p99:.2f} s, max {ordered[-1]:.2f} s")


def two_hosts(
    direct: str, redis_url: str, seconds: float, participants: int, load: Callable[[], Storm], *, processes: int
) -> None:
    """Staleness with a second API host on the same Redis: idle, then with `load` on the first host."""
    state = Path(tempfile.mkdtemp(prefix="judged-bench-poll-2-"))
    port = free_port()
    try:
        with judged(state, port, redis_url, processes):
            bases = [direct, f"http://127.0.0.1:{port}"]
            warm_up(bases[1])
            print_staleness("two hosts, idle", asyncio.run(staleness(bases, redis_url, seconds, participants)))
            with multiprocessing.pool.ThreadPool(1) as pool:
                running = pool.apply_async(load)
                found = asyncio.run(staleness(bases, redis_url, seconds, participants))
                running.get()
            print_staleness("two hosts, the first under an own storm", found)
    finally:
        shutil.rmtree(state, ignore_errors=True)


# Main ----------------------------------------------------------------------------------------------


def page_size(base: str) -> int:
    async def fetch() -> int:
        url = f"{base}/v1/competitions/{COMPETITION}/leaderboard?offset=0&limit=100"
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            if response.status != 200:
                raise SystemExit(f"the leaderboard answered {response.status}: {await response.text()}")
            return len(await response.read())

    return asyncio.run(fetch())


def warm_up(base: str, connections: int = 32) -> None:
    """Every API process reads the board whole before the storms (a host's first read is not what they measure).

    Each request comes on a new connection, which the kernel gives to one of the processes sharing the port:
    32 of them reach every one of two processes but with odds of 1 in 2^31. Then a few seconds for each to
    render its rows in the background (docs/leaderboard.md).
    """

    async def one(session: aiohttp.ClientSession) -> None:
        url = f"{base}/v1/competitions/{COMPETITION}/leaderboard?offset=0&limit=1"
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=600)) as response:
            if response.status != 200:
                raise SystemExit(f"the leaderboard answered {response.status}: {await response.text()}")

    async def every() -> None:
        connector = aiohttp.TCPConnector(force_close=True, limit=0)
        async with aiohttp.ClientSession(connector=connector) as session:
            await asyncio.gather(*(one(session) for _ in range(connections)))

    started = time.perf_counter()
    asyncio.run(every())
    print(f"every API process read the board in {time.perf_counter() - started:.1f} s", flush=True)
    time.sleep(WARM_SECONDS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per storm")
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--generator", choices=("auto", "wrk", "aiohttp"), default="auto")
    parser.add_argument("--processes", type=int, default=2, help="aiohttp generator processes")
    parser.add_argument(
        "--api-processes", type=int, default=0, help="judged's server.processes (0: its default, one per core)"
    )
    parser.add_argument("--no-nginx", action="store_true", help="judged directly only")
    parser.add_argument(
        "--staleness", type=float, default=0.0, help="seconds of staleness sampling with two hosts (0: none)"
    )
    parser.add_argument(
        "--storms", nargs="+", choices=("pages", "mixed", "own"), default=["pages", "mixed", "own"], help="which storms"
    )
    args = parser.parse_args()
    generator = args.generator if args.generator != "auto" else ("wrk" if shutil.which("wrk") else "aiohttp")

    def storm(base: str, targets: list[str]) -> Callable[[], Storm]:
        if generator == "wrk":
            return lambda: wrk_storm(base, targets, args.connections, args.duration)
        return lambda: aiohttp_storm(base, targets, args.connections, args.duration, args.processes)

    state = Path(tempfile.mkdtemp(prefix="judged-bench-poll-"))
    state.chmod(0o711)
    port = free_port()
    try:
        with judged(state, port, processes=args.api_processes) as daemon:
            redis_url = f"unix://{state / 'redis' / 'redis.sock'}"
            asyncio.run(seed(redis_url, args.participants))
            direct = f"http://127.0.0.1:{port}"
            warm_up(direct)
            size = page_size(direct)
            print(f"a page of 100 rows: {size:,} bytes; {args.connections} connections, {args.duration:.0f} s")
            print(f"load generator: {generator}; {os.cpu_count()} cores shared by all; load {os.getloadavg()[0]:.1f}")
            print("| target, storm | tool | requests/s | MB/s | p50 ms | p99 ms | failed | Redis cmd/s | cores busy |")
            print("|---|---|---:|---:|---:|---:|---:|---:|---|")
            groups = judged_and_redis(daemon.pid)
            print(f"judged: {len(groups['judged'])} processes (the first and {len(groups['judged']) - 1} serving)")
            for name in args.storms:
                measure(f"judged, {name}", storm(direct, paths(name, args.participants)), redis_url, groups, generator)
            if args.staleness:
                asyncio.run(snapshot_memory(redis_url))
                own = storm(direct, paths("own", args.participants))
                two_hosts(direct, redis_url, args.staleness, args.participants, own, processes=args.api_processes)
            if args.no_nginx:
                return
            front = free_port()
            with nginx(port, front) as proxy:
                groups["nginx"] = family(proxy.pid)
                for name in args.storms:
                    targets = paths(name, args.participants)
                    measure(f"nginx, {name}", storm(f"http://127.0.0.1:{front}", targets), redis_url, groups, generator)
    finally:
        shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    main()
