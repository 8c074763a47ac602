"""The submissions database: archive writes per second, and a user's history page with many rows archived.

    .venv/bin/python bench/archive.py [--engine sqlite|postgresql|both] [--writes 20000] [--slots 8]
                                      [--rows 1000000] [--users 20000] [--pages 2000]

For each engine (SQLite in a fresh folder, the embedded default; PostgreSQL in a private cluster that
this script starts with initdb/pg_ctl as the `postgres` user, fsync on, as a real one would run):

  writes   `--writes` finished submissions written the way worker slots write them: `--slots` writers
           calling SubmissionArchive.put at once (each put waits for its commit; puts that arrive while
           a commit is in flight share the next one). Printed: puts per second, and the same with one
           writer (no grouping possible).
  history  the table filled to `--rows` submissions over `--users` users (bulk inserts) and settled
           (ANALYZE; on PostgreSQL VACUUM ANALYZE, as autovacuum would), then `--pages`
           history pages of a random user (GET /v1/submissions?user_id=U, 20 a page): the first page and
           the page after it (through the cursor), each timed alone. Printed: p50, p99, max in ms.

Target (issue 12): writes >= 2,000/s on both engines; a user's page p99 <= 20 ms at 1,000,000 rows.
The queries run in this process, without HTTP: the HTTP layer's cost is the same for every route
(bench/serving.py measures it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import pwd
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]
import sqlalchemy as sa

from judged.judging.verdicts import JudgeResult, TestResult, Verdict
from judged.store.archive import HistoryQuery, SubmissionArchive
from judged.store.database import Database, database_url
from judged.store.submissions import Submission, SubmissionStatus

FILL_BATCH = 5000
VERDICTS = (Verdict.AC, Verdict.WA, Verdict.TLE, Verdict.RE, Verdict.CE)


def submission(number: int, user: int, created: float) -> Submission:
    verdict = VERDICTS[number % len(VERDICTS)]
    tests = [TestResult(index=i, verdict=Verdict.AC, time=0.002, sample=i == 0) for i in range(10)]
    result = JudgeResult(verdict=verdict, tests=tests, time=0.05, memory=12 << 20)
    return Submission(
        id=f"{number:012d}",
        problem=f"problem-{number % 4000}",
        language="python",
        code="class Solution:\n    def solve(self, xs):\n        return sorted(xs)\n",
        user_id=f"user-{user}",
        status=SubmissionStatus.FINISHED,
        attempts=1,
        created=created,
        started=created + 0.1,
        finished=created + 0.4,
        finished_attempt=1,
        passed=10,
        total=10,
        result=result,
    )


async def writes(archive: SubmissionArchive, count: int, slots: int, start: int) -> float:
    """Puts per second with `slots` concurrent writers."""
    numbers = iter(range(start, start + count))
    now = time.time()

    async def slot() -> None:
        for number in numbers:
            await archive.put(submission(number, number % 1000, now + number * 1e-3))

    began = time.perf_counter()
    await asyncio.gather(*(slot() for _ in range(slots)))
    return count / (time.perf_counter() - began)


async def fill(archive: SubmissionArchive, rows: int, users: int, start: int) -> float:
    """Bulk inserts up to `rows`; rows per second."""
    began = time.perf_counter()
    base = time.time() - rows
    for first in range(start, rows, FILL_BATCH):
        batch = [submission(n, random.randrange(users), base + n) for n in range(first, min(first + FILL_BATCH, rows))]
        await archive.put_many(batch)
    return (rows - start) / (time.perf_counter() - began)


async def pages(archive: SubmissionArchive, users: int, count: int) -> list[float]:
    """Milliseconds per history page: a user's first page and the one after it."""
    timings: list[float] = []
    for _ in range(count):
        user = f"user-{random.randrange(users)}"
        began = time.perf_counter()
        first = await archive.history(HistoryQuery(user_id=user, limit=20))
        timings.append((time.perf_counter() - began) * 1000)
        if first.next_cursor is not None:
            began = time.perf_counter()
            await archive.history(HistoryQuery(user_id=user, limit=20, cursor=first.next_cursor))
            timings.append((time.perf_counter() - began) * 1000)
    return timings


async def settle(archive: SubmissionArchive) -> None:
    """What a database that has been running reaches by itself: statistics, and on PostgreSQL a vacuumed table.

    Right after a bulk load PostgreSQL's first reads also set every row's hint bits (writes) and its
    planner has no statistics; autovacuum does this in the background of a running site.
    """
    database = archive.database
    statement = "VACUUM ANALYZE submissions" if database.dialect == "postgresql" else "ANALYZE"
    async with database.engine.connect() as plain:
        connection = await plain.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(sa.text(statement))


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """A private PostgreSQL (unix socket only) in a temporary folder; its URL."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
    if not found:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql)")
    binaries = found[-1].parent
    user = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="judged-bench-pg-"))
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data = folder / "data"

    def run(*argv: str) -> None:
        subprocess.run(argv, user=user, cwd=folder, check=True, capture_output=True)

    run(str(binaries / "initdb"), "-D", str(data), "--auth=trust", "-U", "postgres", "-E", "UTF8")
    options = f"-k {folder} -c listen_addresses='' -c shared_buffers=512MB"
    run(str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
    try:
        asyncio.run(_create_database(folder))
        yield f"postgresql://postgres@/bench?host={folder}"
    finally:
        subprocess.run(
            [str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            user=user,
            capture_output=True,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


async def _create_database(folder: Path) -> None:
    connection = await asyncpg.connect(host=str(folder), user="postgres", database="postgres")
    await connection.execute("CREATE DATABASE bench")
    await connection.close()


@contextlib.asynccontextmanager
async def opened(url: str) -> AsyncIterator[SubmissionArchive]:
    database = Database(url)
    await database.open()
    try:
        yield SubmissionArchive(database)
    finally:
        await database.close()


async def measure(engine: str, url: str, args: argparse.Namespace) -> None:
    async with opened(url) as archive:
        grouped = await writes(archive, args.writes, args.slots, 0)
        single = await writes(archive, max(1, args.writes // 10), 1, args.writes)
        print(f"{engine}: writes {grouped:,.0f}/s with {args.slots} writers; {single:,.0f}/s with one")
        filled = await fill(archive, args.rows, args.users, args.writes + args.writes // 10)
        print(f"{engine}: filled to {await archive.count():,} rows ({filled:,.0f} rows/s in batches)")
        await settle(archive)
        timings = sorted(await pages(archive, args.users, args.pages))
        p50 = statistics.median(timings)
        p99 = timings[int(len(timings) * 0.99) - 1]
        worst = timings[-1]
        print(f"{engine}: history page p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {worst:.2f} ms ({len(timings)} pages)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--writes", type=int, default=20_000)
    parser.add_argument("--slots", type=int, default=8)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    random.seed(12)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.engine in ("sqlite", "both"):
        folder = Path(tempfile.mkdtemp(prefix="judged-bench-sqlite-"))
        try:
            asyncio.run(measure("sqlite", database_url("", folder), args))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if args.engine in ("postgresql", "both"):
        with postgres_cluster() as url:
            asyncio.run(measure("postgresql", database_url(url, Path()), args))


if __name__ == "__main__":
    main()
