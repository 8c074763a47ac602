"""Two real `judged serve` hosts sharing one Redis and one PostgreSQL: one judges, the other serves the history.

The worker host (`--role worker`) writes each finished submission to the shared database;
with `submissions.hot_seconds=1` the Redis copies expire at once, so what the API host
(`--role api`) then answers about them, one by one and as a history, comes from the database.
"""

from __future__ import annotations

from typing import Any

import aiohttp

from tests.daemon_process import Daemons, daemons_fixture, session_fixture
from tests.store.postgres import Cluster, fresh_postgres_database, postgres_cluster_fixture
from tests.test_daemon_processes import (
    ACCEPTED,
    KEYS,
    PROBLEM,
    PROBLEMS,
    eventually,
    finished,
    get_submission,
    redis_at,
    submit,
)

__all__ = ["daemons_fixture", "postgres_cluster_fixture", "session_fixture"]

WRONG = (PROBLEMS / PROBLEM / "solutions" / "wrong_answer" / "last_point.py").read_text()


async def test_one_host_judges_and_the_other_serves_the_history_from_the_shared_database(
    daemons: Daemons, session: aiohttp.ClientSession, postgres_cluster: Cluster
) -> None:
    server = daemons.redis_server()
    async with fresh_postgres_database(postgres_cluster) as database_url:
        env = {
            "JUDGED_REDIS_URL": server.url,
            "JUDGED_DATABASE_URL": database_url,
            "JUDGED_PROBLEM_ROOTS": str(PROBLEMS),
            "JUDGED_WORKER_SLOTS": "1",
            "JUDGED_SUBMISSIONS_HOT_SECONDS": "1",
            "JUDGED_SUBMISSIONS_MAX_ACTIVE_PER_USER": "20",
        }
        try:
            worker = daemons.start("worker", "worker", env)
            api = daemons.start("api", "api", env)
            await worker.wait_ready(session)
            await api.wait_ready(session)
            user = "two-hosts"
            ids = [await submit(session, api, code, user) for code in (WRONG, ACCEPTED, WRONG)]
            for sid in ids:
                await finished(session, api, sid, daemons)

            async def cold() -> bool | None:  # every Redis copy expired: from now on only the database has them
                async with redis_at(server.url) as redis:
                    return None if any([await redis.exists(KEYS.submission(sid)) for sid in ids]) else True

            await eventually(cold, "the hot copies expired", daemons)
            verdicts = [(await get_submission(session, api, sid))["verdict"] for sid in ids]
            assert verdicts == ["WA", "AC", "WA"], daemons.tails()

            async def page(url: str) -> Any:
                async with session.get(f"{api.url}{url}") as response:
                    assert response.status == 200, f"{url}: {await response.text()}\n{daemons.tails()}"
                    return await response.json()

            history = await page(f"/v1/submissions?user_id={user}")
            assert [item["id"] for item in history["items"]] == list(reversed(ids))
            assert [item["verdict"] for item in history["items"]] == ["WA", "AC", "WA"]
            standing = await page(f"/v1/users/{user}/problems")
            assert standing == [
                {
                    "problem": PROBLEM,
                    "solved": True,
                    "attempts": 3,
                    "last_verdict": "WA",
                    "last_submitted": standing[0]["last_submitted"],
                }
            ]
            assert "submissions database ready" in worker.log()
        finally:
            daemons.close()  # before the database is dropped
