"""The composition root: `create_app(settings)` opens Redis, the problem index, the judge and the worker slots.

One cleanup context per resource, started in order and closed in reverse:
Redis (the embedded server when no `redis.url` is set), the submissions
database (SQLite in the state folder unless `database.url` is set; migrated
at start), the host's event subscriptions, the problem index (synced at
start, then watched), and, on
hosts that judge, the sandbox with the worker slots. Language self-tests run
in the background after the sandbox is up, so the API answers at once
(`/readyz` says when judging can start).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
from collections.abc import AsyncIterator, Coroutine, Sequence
from pathlib import Path

import redis.asyncio as aioredis
from aiohttp import web
from sqlalchemy.exc import DBAPIError

from judged.api import ApiDeps, Auth, Submissions, build_app
from judged.api.deps import History
from judged.api.tokens import Frontend
from judged.api.web import web_client
from judged.competitions import Competitions
from judged.competitions.board import Boards
from judged.competitions.stats import CompetitionStats
from judged.judging.service import Judge
from judged.judging.statuses import LanguageStatus
from judged.metrics import Metrics
from judged.problems import Problem, ProblemError, load_problem
from judged.settings import Settings
from judged.store.acceptance import AcceptanceCounts
from judged.store.announcements import AnnouncementFeed, AnnouncementStore
from judged.store.archive import SubmissionArchive
from judged.store.client import open_redis
from judged.store.competition_archive import CompetitionArchive, DurableCompetitionStore
from judged.store.database import Database, DatabaseError, database_url
from judged.store.embedded import EmbeddedRedis
from judged.store.events import Events
from judged.store.index import ProblemIndex
from judged.store.index_sync import fingerprint
from judged.store.keeper import SubmissionKeeper
from judged.store.keys import Keys
from judged.store.languages import LanguageStatuses
from judged.store.leaderboard import Leaderboard
from judged.store.leaderboard_snapshot import BoardReads
from judged.store.page_cache import PageCache
from judged.store.queue import Queue
from judged.store.submissions import Rules, SubmissionStore
from judged.worker import Worker

__all__ = ["DAEMON", "Daemon", "create_app", "usable_cores"]

log = logging.getLogger(__name__)

LANGUAGES_REFRESH = 10.0
"""Seconds between reads (API hosts) and writes (worker hosts) of the language statuses shared in Redis."""
PROBLEM_RECHECK = 1.0
"""Seconds a loaded problem is used without checking its folder for changes."""


def usable_cores() -> int:
    return len(os.sched_getaffinity(0))


class Daemon:
    """Everything one judged process owns, opened and closed by the app's cleanup contexts."""

    def __init__(self, settings: Settings, *, owner: bool = True) -> None:
        self.settings = settings
        # False in an API process the host's first process started: that one syncs and watches the problem
        # index and moves competitions into the database; the others only read.
        self.owner = owner
        self.role = settings.server.role
        self.host = f"{socket.gethostname()}-{os.getpid()}"
        state = Path(settings.state_dir)
        self.state_dir = state
        self.roots = [Path(root) for root in settings.problem_roots]
        self.keys = Keys(settings.redis.prefix)
        redis = settings.redis
        self.embedded = None if redis.url or redis.sentinel else EmbeddedRedis(state)
        self.redis_url = redis.url or (self.embedded.url if self.embedded else "")
        self.redis: aioredis.Redis = open_redis(self.redis_url, redis.sentinel, redis.sentinel_service)
        limits = settings.submissions
        rules = Rules(max_active=limits.max_active_per_user, max_per_minute=limits.max_per_minute)
        self.store = SubmissionStore(
            self.redis, self.keys, rules, replicas=redis.wait_replicas, replica_wait=redis.replica_wait
        )
        self.database = Database(database_url(settings.database.url, state))
        self.keeper = SubmissionKeeper(self.store, SubmissionArchive(self.database), limits.hot_seconds)
        worker = settings.worker
        self.queue = Queue(
            self.redis,
            self.store,
            visibility_timeout_ms=round(worker.visibility_timeout * 1000),
            max_attempts=worker.max_attempts,
            hand_over_finished=True,
        )
        self.events = Events(self.redis, self.keys)
        self.competitions = Competitions(
            store=DurableCompetitionStore(self.redis, CompetitionArchive(self.database), self.keys),
            leaderboard=Leaderboard(self.redis, self.keys),
            boards=Boards(BoardReads(self.redis, self.keys), settings.server.leaderboard_refresh),
            pages=PageCache(settings.server.leaderboard_refresh),
        )
        self.announcements = AnnouncementFeed(AnnouncementStore(self.redis, self.keys))
        self.language_statuses = LanguageStatuses(self.redis, self.keys)
        self.index = ProblemIndex(state / "index.sqlite3")
        server = settings.server
        self.web = web_client(
            settings.web_path,
            settings.web.demo,
            server.tokens,
            server.admin_tokens,
            frontends=bool(server.frontends),
        )
        self.judges = self.role in ("worker", "all")
        self.slots = worker.slots or usable_cores()
        self.judge = Judge(settings.sandbox, state, settings.languages_path, settings.builds) if self.judges else None
        self.metrics = Metrics(self.queue, self.slots if self.judges else 0)
        self.worker: Worker | None = None
        self.synced = False
        self._remote_languages: list[LanguageStatus] = []
        self._problems: dict[Path, tuple[str, Problem]] = {}
        self._recent: dict[str, tuple[float, Problem | None]] = {}
        self._tasks: list[asyncio.Task[None]] = []

    # What the API reads.

    def languages(self) -> Sequence[LanguageStatus]:
        """This host's statuses when it judges; else those the worker hosts published in Redis."""
        if self.judge is not None:
            return list(self.judge.statuses.values())
        return self._remote_languages

    def index_synced(self) -> bool:
        return self.synced

    def api_deps(self) -> ApiDeps:
        server = self.settings.server
        submissions = None
        if self.role != "worker":
            submissions = Submissions(
                store=self.store,
                events=self.events,
                max_code_bytes=self.settings.submissions.max_code_kib * 1024,
                max_wait=server.max_wait,
                competition_check=self.competitions.check,
                on_created=self.competitions.created,
                keeper=self.keeper,
            )
        return ApiDeps(
            index=self.index,
            languages=self.languages,
            index_synced=self.index_synced,
            max_body_size=server.max_body_kib * 1024,
            submissions=submissions,
            auth=Auth(
                tokens=frozenset(server.tokens),
                admin_tokens=frozenset(server.admin_tokens),
                frontends=tuple(Frontend(frontend.name, frontend.secret) for frontend in server.frontends),
            ),
            metrics=self.metrics.render,
            competitions=self.competitions if self.role != "worker" else None,
            serve_api=self.role != "worker",
            redis_ping=self.redis.ping,
            database_ping=self.database.ping,
            history=self.history() if self.role != "worker" else None,
            web=self.web,
            body_timeout=server.header_timeout,
            announcements=self.announcements if self.role != "worker" else None,
            stats=CompetitionStats(self.competitions.boards) if self.role != "worker" else None,
            acceptance=AcceptanceCounts(self.database) if self.role != "worker" else None,
        )

    def history(self) -> History:
        store = self.competitions.store
        assert isinstance(store, DurableCompetitionStore)
        return History(submissions=self.keeper.archive, competitions=store.archive)

    # What the worker reads.

    async def problem(self, slug: str) -> Problem | None:
        """The loaded problem for a slug, from the index's folder; cached until the folder changes.

        A problem checked less than PROBLEM_RECHECK seconds ago is served without looking at the
        index or the folder again (every submission asks; the folders change rarely).
        """
        recent = self._recent.get(slug)
        if recent is not None and time.monotonic() - recent[0] < PROBLEM_RECHECK:
            return recent[1]
        problem = await self._load(slug)
        self._recent[slug] = (time.monotonic(), problem)
        return problem

    async def _load(self, slug: str) -> Problem | None:
        indexed = await self.index.get(slug)
        if indexed is None:
            return None
        folder = indexed.source
        print_ = await asyncio.to_thread(fingerprint, folder)
        cached = self._problems.get(folder)
        if cached is not None and cached[0] == print_:
            return cached[1]
        try:
            problem = await asyncio.to_thread(load_problem, folder)
        except ProblemError as exc:
            log.error("problem %s at %s no longer loads: %s", slug, folder, exc)
            return None
        self._problems[folder] = (print_, problem)
        return problem

    async def after_finish(self, submission_id: str) -> None:
        """A finished competition submission goes on the leaderboard (idempotent: keyed by the submission id)."""
        submission = await self.keeper.get(submission_id)  # archived first: with a short hot_seconds, gone
        if submission is not None:
            await self.competitions.finished(submission)

    # The cleanup contexts, in order.

    async def redis_context(self, _app: web.Application) -> AsyncIterator[None]:
        if self.embedded is not None:
            await self.embedded.start()
            log.info("embedded redis-server running at %s", self.embedded.socket)
        elif self.settings.redis.sentinel:
            sentinels = ", ".join(self.settings.redis.sentinel)
            log.info(
                "using the Redis primary of %r named by Sentinel at %s", self.settings.redis.sentinel_service, sentinels
            )
        else:
            log.info("using Redis at %s", _redacted(self.redis_url))
        try:
            yield
        finally:
            await self.redis.aclose()
            if self.embedded is not None:
                await self.embedded.stop()

    async def database_context(self, _app: web.Application) -> AsyncIterator[None]:
        """The submissions database, migrated before anything reads or writes it; a start refused if it cannot be."""
        try:
            await self.database.open()
        except (DBAPIError, OSError) as exc:
            raise DatabaseError(f"the submissions database {self.database.describe()} cannot be opened: {exc}") from exc
        log.info("submissions database ready: %s", self.database.describe())
        store = self.competitions.store
        if isinstance(store, DurableCompetitionStore) and self.owner:
            try:  # competitions created before the database kept them
                log.info("%d competitions from Redis written to the database", await store.archive_cached())
            except Exception as exc:
                log.warning("competitions in Redis not yet written to the database: %s", exc)
        try:
            yield
        finally:
            await self.database.close()

    async def events_context(self, _app: web.Application) -> AsyncIterator[None]:
        await self.events.start()
        try:
            yield
        finally:
            await self.events.close()

    async def index_context(self, _app: web.Application) -> AsyncIterator[None]:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        await self.index.open()
        try:
            if self.owner:
                report = await self.index.sync(self.roots)
                log.info("problem index ready: %s", report)
                interval = self.settings.problem_reload_interval
                self._start(self.index.watch(self.roots, interval), "problem index watch")
            self.synced = True  # not the owner: started once the owner had synced it
            if not self.judges:
                self._start(self._read_languages(), "language statuses reader")
            yield
        finally:
            await self._stop_tasks()
            await self.index.close()

    async def judge_context(self, _app: web.Application) -> AsyncIterator[None]:
        if self.judge is None:
            yield
            return
        await self.judge.sandbox.start()  # refuses at once, with its reason, on a host that cannot sandbox
        self._start(self._start_judging(self.judge), "language self-tests and worker slots")
        try:
            yield
        finally:
            await self._stop_tasks()
            if self.worker is not None:
                await self.worker.stop()
            await self.judge.close()

    async def _start_judging(self, judge: Judge) -> None:
        await judge.self_test()
        enabled = sorted(status.id for status in judge.statuses.values() if status.enabled)
        disabled = {status.id: status.reason for status in judge.statuses.values() if not status.enabled}
        log.info("languages enabled: %s; disabled: %s", ", ".join(enabled) or "none", disabled or "none")
        self._start(self._publish_languages(judge), "language statuses publisher")
        self._start(self._archive_kept_for_ever(), "archive of submissions from before the database")
        self.worker = Worker(
            self.queue,
            self.store,
            judge,
            self.problem,
            slots=self.slots,
            consumer_prefix=self.host,
            metrics=self.metrics,
            after_finish=self.after_finish,
            archive=self.keeper.archive_finished,
        )
        while True:
            try:
                await self.worker.run()
                return
            except Exception as exc:  # Redis away at start: the slots start once it is back
                log.warning("worker slots cannot start yet (%s); retrying", exc)
                await asyncio.sleep(1.0)

    async def _archive_kept_for_ever(self) -> None:
        """Once per start: what an older judged kept in Redis for ever goes to the database (then expires)."""
        try:
            await self.keeper.archive_kept_for_ever()
        except Exception as exc:  # the next start tries again; nothing is lost meanwhile (Redis still has them)
            log.warning("submissions from before the database not archived yet: %s", exc)

    async def _publish_languages(self, judge: Judge) -> None:
        while True:
            try:
                await self.language_statuses.publish(self.host, list(judge.statuses.values()))
            except Exception as exc:
                log.warning("cannot publish language statuses: %s", exc)
            await asyncio.sleep(LANGUAGES_REFRESH)

    async def _read_languages(self) -> None:
        while True:
            try:
                self._remote_languages = await self.language_statuses.read()
            except Exception as exc:
                log.warning("cannot read language statuses: %s", exc)
            await asyncio.sleep(LANGUAGES_REFRESH)

    def _start(self, coroutine: Coroutine[object, object, None], name: str) -> None:
        self._tasks.append(asyncio.create_task(coroutine, name=name))

    async def _stop_tasks(self) -> None:
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


def _redacted(url: str) -> str:
    """The URL without its password, for logs."""
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    return f"{scheme}{sep}***@{rest.split('@', 1)[1]}"


DAEMON = web.AppKey("daemon", Daemon)


def create_app(settings: Settings, *, owner: bool = True) -> web.Application:
    """The daemon as one aiohttp application; starting it opens everything, cleaning it up closes everything.

    `owner`: False for an API process a first process started (judged.serve): it leaves the index's sync
    to that one."""
    daemon = Daemon(settings, owner=owner)
    app = build_app(daemon.api_deps())
    app[DAEMON] = daemon
    contexts = [daemon.redis_context, daemon.database_context, daemon.events_context, daemon.index_context]
    app.cleanup_ctx.extend([*contexts, daemon.judge_context])
    return app
