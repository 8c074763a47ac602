"""`judged competitions create FILE.toml` and `judged competitions rebuild ID`: the same store the API uses."""

from __future__ import annotations

import sys
from pathlib import Path

import msgspec
from redis.exceptions import RedisError

from judged.settings import Settings
from judged.store.client import connect
from judged.store.competitions import CompetitionExists, CompetitionStore, load_competition
from judged.store.embedded import EmbeddedRedis
from judged.store.keys import Keys
from judged.store.leaderboard import Leaderboard, stored_results
from judged.store.submissions import SubmissionStore

EXIT_FAILED = 1


def redis_url(settings: Settings) -> str:
    """The configured Redis, or the embedded one a running `judged serve` supervises in the state folder."""
    return settings.redis.url or EmbeddedRedis(Path(settings.state_dir)).url


async def create(settings: Settings, path: Path, replace: bool) -> int:
    try:
        competition = load_competition(path)
    except (OSError, ValueError, msgspec.ValidationError) as exc:
        print(f"judged: {exc}", file=sys.stderr)
        return EXIT_FAILED
    redis = connect(redis_url(settings))
    try:
        await CompetitionStore(redis, Keys(settings.redis.prefix)).create(competition, replace=replace)
    except CompetitionExists:
        print(f"judged: competition {competition.id!r} exists already (--replace overwrites it)", file=sys.stderr)
        return EXIT_FAILED
    except (RedisError, OSError) as exc:
        print(f"judged: cannot reach Redis at {redis_url(settings)} (is judged serve running?): {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        await redis.aclose()
    labels = ", ".join(f"{entry.label} {entry.problem}" for entry in competition.problems)
    print(f"competition {competition.id} created: {competition.title!r}, {labels}")
    return 0


async def rebuild(settings: Settings, competition_id: str, dry_run: bool) -> int:
    """Recompute the board from the stored submissions; print every difference from the live board."""
    keys = Keys(settings.redis.prefix)
    redis = connect(redis_url(settings))
    try:
        competition = await CompetitionStore(redis, keys).get(competition_id)
        if competition is None:
            print(f"judged: no competition {competition_id!r}", file=sys.stderr)
            return EXIT_FAILED
        results = [result async for result in stored_results(redis, SubmissionStore(redis, keys), competition)]
        report = await Leaderboard(redis, keys).rebuild(competition, results, apply=not dry_run)
    except (RedisError, OSError) as exc:
        print(f"judged: cannot reach Redis at {redis_url(settings)} (is judged serve running?): {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        await redis.aclose()
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
