"""`judged competitions create FILE.toml` and `judged competitions rebuild ID`: the same stores the API uses.

Both open Redis and the submissions database as `judged serve` does. A competition is
written to both; a rebuild reads the finished submissions from the database and, unless
`--from-database`, the ones Redis holds (queued, being judged, or rejudged: Redis wins).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import msgspec
import redis.asyncio as aioredis
from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError

from judged.settings import Settings
from judged.store.archive import SubmissionArchive
from judged.store.client import open_redis
from judged.store.competition_archive import CompetitionArchive, DurableCompetitionStore
from judged.store.competitions import CompetitionExists, load_competition
from judged.store.database import Database, DatabaseError, database_url
from judged.store.embedded import EmbeddedRedis
from judged.store.keys import Keys
from judged.store.leaderboard import Leaderboard, result_of, stored_results
from judged.store.scoreboard import Result
from judged.store.submissions import SubmissionStore

EXIT_FAILED = 1
_UNREACHABLE = (RedisError, OSError, DBAPIError, DatabaseError)


def redis_url(settings: Settings) -> str:
    """The configured Redis, or the embedded one a running `judged serve` supervises in the state folder."""
    if settings.redis.sentinel:
        return f"the primary {settings.redis.sentinel_service!r} of Sentinel {','.join(settings.redis.sentinel)}"
    return settings.redis.url or EmbeddedRedis(Path(settings.state_dir)).url


async def create(settings: Settings, path: Path, replace: bool) -> int:
    try:
        competition = load_competition(path)
    except (OSError, ValueError, msgspec.ValidationError) as exc:
        print(f"judged: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        async with _stores(settings) as (_redis, competitions, _archive):
            await competitions.create(competition, replace=replace)
    except CompetitionExists:
        print(f"judged: competition {competition.id!r} exists already (--replace overwrites it)", file=sys.stderr)
        return EXIT_FAILED
    except _UNREACHABLE as exc:
        print(_unreachable(settings, exc), file=sys.stderr)
        return EXIT_FAILED
    labels = ", ".join(f"{entry.label} {entry.problem}" for entry in competition.problems)
    print(f"competition {competition.id} created: {competition.title!r}, {labels}")
    return 0


async def rebuild(settings: Settings, competition_id: str, dry_run: bool, from_database: bool = False) -> int:
    """Recompute the board from the stored submissions; print every difference from the live board.

    `from_database`: only the database's (finished) submissions, no scan of Redis: what to run
    when Redis has lost its data (the competition itself is read back from the database too).
    """
    keys = Keys(settings.redis.prefix)
    try:
        async with _stores(settings) as (redis, competitions, archive):
            competition = await competitions.get(competition_id)
            if competition is None:
                print(f"judged: no competition {competition_id!r}", file=sys.stderr)
                return EXIT_FAILED
            results: dict[str, Result] = {}
            async for submission in archive.of_competition(competition_id):
                result = result_of(competition, submission)
                if result is not None:
                    results[result.submission_id] = result
            archived = len(results)
            if not from_database:
                async for result in stored_results(redis, SubmissionStore(redis, keys), competition):
                    results[result.submission_id] = result  # what Redis holds is the newer (a rejudge)
            report = await Leaderboard(redis, keys).rebuild(competition, results.values(), apply=not dry_run)
    except _UNREACHABLE as exc:
        print(_unreachable(settings, exc), file=sys.stderr)
        return EXIT_FAILED
    print(f"{archived} results from the submissions database, {len(results) - archived} more from Redis")
    for difference in report.differences:
        print(
            f"differs: {difference.user_id} {difference.what}: board {difference.stored}, results {difference.expected}"
        )
    action = "rewritten" if report.applied else "not changed (--dry-run)"
    print(
        f"competition {competition_id}: {report.participants} participants from {report.results} results; "
        f"{len(report.differences)} differences; board {action}"
    )
    return 0


@contextlib.asynccontextmanager
async def _stores(
    settings: Settings,
) -> AsyncIterator[tuple[aioredis.Redis, DurableCompetitionStore, SubmissionArchive]]:
    """Redis and the submissions database, as `judged serve` opens them; closed when the block ends."""
    redis = open_redis(redis_url(settings), settings.redis.sentinel, settings.redis.sentinel_service)
    database = Database(database_url(settings.database.url, Path(settings.state_dir)))
    try:
        await database.open()
        keys = Keys(settings.redis.prefix)
        yield redis, DurableCompetitionStore(redis, CompetitionArchive(database), keys), SubmissionArchive(database)
    finally:
        await database.close()
        await redis.aclose()


def _unreachable(settings: Settings, exc: BaseException) -> str:
    if isinstance(exc, (DBAPIError, DatabaseError)):
        return f"judged: the submissions database cannot be used: {exc}"
    return f"judged: cannot reach Redis at {redis_url(settings)} (is judged serve running?): {exc}"
