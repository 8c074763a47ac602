"""Competitions and their live leaderboard over HTTP.

Leaderboard pages are rendered at most once per refresh interval per host
(`PageCache`) and served from memory with an ETag, so a poll storm costs Redis
almost nothing. The public view hides results of submissions made after the
freeze; `?view=live` (admins only) shows everything.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

import msgspec
from aiohttp import web

from judged.api.auth import ADMIN, caller
from judged.api.deps import DEPS, ApiError, encode, json_response, read_body
from judged.store.competitions import (
    Competition,
    CompetitionExists,
    CompetitionInvalid,
    CompetitionNotFound,
    CompetitionStore,
    NotAdmitted,
    ProblemLocks,
    admit,
    decode_competition,
    problem_locks,
)
from judged.store.leaderboard import MAX_LIMIT, Leaderboard
from judged.store.page_cache import CachedPage, PageCache
from judged.store.scoreboard import Row, View, clics_scoreboard, csv_export, top_changes
from judged.store.submissions import Kind, Submission

__all__ = [
    "Competitions",
    "competition_events",
    "create_competition",
    "current_locks",
    "finalize_competition",
    "get_competition",
    "leaderboard_page",
    "leaderboard_row",
    "scoreboard_csv",
    "scoreboard_json",
]

log = logging.getLogger(__name__)

DEFAULT_PAGE = 100
COMPETITION_TTL = 1.0
"""Seconds a host keeps a competition read from Redis (the submit path reads it for every submission)."""
EVENTS_KEEPALIVE = 15.0


@dataclass
class Competitions:
    """The competition store, the leaderboard and this host's caches of both."""

    store: CompetitionStore
    leaderboard: Leaderboard
    pages: PageCache = field(default_factory=PageCache)
    _cached: dict[str, tuple[float, Competition | None]] = field(default_factory=dict)
    _reading: dict[str, asyncio.Future[Competition | None]] = field(default_factory=dict)
    _current: tuple[float, list[Competition]] | None = None
    _reading_current: asyncio.Future[list[Competition]] | None = None
    _indexed: bool = False

    async def locks(self) -> ProblemLocks:
        """Which problems competitions hide or lock now, from the competitions read at most once a second per host.

        Once read, the last known competitions answer at once while a fresh read runs in the background
        (states are computed for now, so a start or an end is exact; only a new competition waits for the
        read). Before the first read succeeds, a Redis error propagates (the API's 503).
        """
        current = self._current
        if current is None or time.monotonic() - current[0] >= COMPETITION_TTL:
            if self._reading_current is None:
                self._reading_current = asyncio.ensure_future(self._read_current())
                self._reading_current.add_done_callback(self._read_current_done)
            if current is None:
                await asyncio.shield(self._reading_current)
                current = self._current
                assert current is not None
        return problem_locks(current[1])

    def _read_current_done(self, future: asyncio.Future[list[Competition]]) -> None:
        self._reading_current = None
        if not future.cancelled():
            future.exception()  # retrieved: a failed first read is raised to its awaiters, later ones are logged

    async def _read_current(self) -> list[Competition]:
        """Read the current competitions; on a failure keep the last known ones for another interval."""
        try:
            if not self._indexed:
                added = await self.store.index_existing()
                if added:
                    log.info("%d competition(s) stored before the end index were added to it", added)
                self._indexed = True
            competitions = await self.store.current()
        except Exception as exc:
            if self._current is None:
                raise
            log.warning("competitions cannot be read (%s); using the last known ones for a second", exc)
            competitions = self._current[1]
        self._current = (time.monotonic(), competitions)
        return competitions

    def forget(self, competition_id: str) -> None:
        """Read a competition (and the current ones) from Redis again at the next use: this host changed it."""
        self._cached.pop(competition_id, None)
        self._current = None

    async def get(self, competition_id: str) -> Competition | None:
        """The competition, read from Redis at most once a second per host (concurrent readers share one read)."""
        cached = self._cached.get(competition_id)
        if cached is not None and time.monotonic() - cached[0] < COMPETITION_TTL:
            return cached[1]
        reading = self._reading.get(competition_id)
        if reading is None:
            reading = asyncio.ensure_future(self._read(competition_id))
            self._reading[competition_id] = reading
            reading.add_done_callback(lambda _: self._reading.pop(competition_id, None))
        return await asyncio.shield(reading)

    async def _read(self, competition_id: str) -> Competition | None:
        competition = await self.store.get(competition_id)
        if len(self._cached) > 10_000:
            self._cached.clear()
        self._cached[competition_id] = (time.monotonic(), competition)
        return competition

    async def require(self, competition_id: str) -> Competition:
        competition = await self.get(competition_id)
        if competition is None:
            raise ApiError(404, "not_found", f"no competition {competition_id!r}")
        return competition

    async def check(self, competition_id: str, problem: str) -> None:
        """Raise ApiError unless a submission to `problem` is accepted by the competition now."""
        competition = await self.require(competition_id)
        try:
            admit(competition, problem)
        except NotAdmitted as refused:
            raise ApiError(409, refused.code, str(refused)) from refused

    async def created(self, submission: Submission) -> None:
        """Show a new competition submission as pending; the worker records its verdict later."""
        if submission.competition_id is None or submission.kind is not Kind.SUBMISSION:
            return
        try:
            competition = await self.get(submission.competition_id)
            if competition is not None:
                await self.leaderboard.submitted(competition, submission)
        except Exception:  # the submission is queued; its verdict will put it on the board
            log.warning("submission %s: not shown as pending on the board", submission.id, exc_info=True)


async def current_locks(request: web.Request) -> ProblemLocks:
    """The problem locks now; none on a host that serves no competitions."""
    competitions = request.app[DEPS].competitions
    return ProblemLocks() if competitions is None else await competitions.locks()


def _competitions(request: web.Request) -> Competitions:
    competitions = request.app[DEPS].competitions
    if competitions is None:
        raise ApiError(404, "not_found", "this host does not serve competitions")
    return competitions


def _is_admin(request: web.Request) -> bool:
    return bool(request.get(ADMIN, False))


async def create_competition(request: web.Request) -> web.Response:
    competitions = _competitions(request)
    try:
        competition = decode_competition(await read_body(request))
    except (CompetitionInvalid, msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise ApiError(400, "bad_request", f"invalid competition: {exc}") from exc
    index = request.app[DEPS].index
    missing = [entry.problem for entry in competition.problems if await index.get(entry.problem) is None]
    if missing:
        raise ApiError(422, "unknown_problem", f"no such problem(s): {', '.join(missing)}")
    try:
        await competitions.store.create(competition)
    except CompetitionExists as exc:
        raise ApiError(409, "conflict", f"competition {competition.id!r} exists already") from exc
    competitions.forget(competition.id)
    log.info(
        "competition %s created by %s: %d problems, start %s, problems hidden until then: %s",
        competition.id,
        caller(request).name,
        len(competition.problems),
        competition.start,
        competition.hide_problems,
    )
    url = f"/v1/competitions/{competition.id}"
    return json_response(competition.to_wire(), status=201, headers={"Location": url})


async def get_competition(request: web.Request) -> web.Response:
    competition = await _competitions(request).require(request.match_info["competition_id"])
    return json_response(competition.to_wire(), headers={"Cache-Control": "public, max-age=1"})


async def finalize_competition(request: web.Request) -> web.Response:
    competitions = _competitions(request)
    competition_id = request.match_info["competition_id"]
    try:
        competition = await competitions.store.finalize(competition_id)
    except CompetitionNotFound as exc:
        raise ApiError(404, "not_found", f"no competition {competition_id!r}") from exc
    except CompetitionInvalid as exc:
        raise ApiError(409, "conflict", str(exc)) from exc
    competitions.forget(competition_id)
    competitions.pages.clear()
    log.info("competition %s finalized by %s", competition_id, caller(request).name)
    return json_response(competition.to_wire())


def _int(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ApiError(400, "bad_request", f"{name} must be an integer within {low}..{high}")
    return int(raw)


def _view(request: web.Request) -> View:
    raw = request.query.get("view", "public")
    if raw not in ("public", "live"):
        raise ApiError(400, "bad_request", "view must be public or live")
    if raw == "live" and not _is_admin(request):
        raise ApiError(403, "forbidden", "the live view (during a freeze) needs an admin token")
    return "live" if raw == "live" else "public"


def _cached(request: web.Request, page: CachedPage, content_type: str, view: View) -> web.Response:
    scope = "public" if view == "public" else "private"
    headers = {"ETag": page.etag, "Cache-Control": f"{scope}, max-age=1"}
    tags = [tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")]
    if page.etag in tags or "*" in tags:
        return web.Response(status=304, headers=headers)
    return web.Response(body=page.body, content_type=content_type, headers=headers)


async def leaderboard_page(request: web.Request) -> web.Response:
    competitions = _competitions(request)
    competition = await competitions.require(request.match_info["competition_id"])
    offset = _int(request, "offset", 0, 0, 10_000_000)
    limit = _int(request, "limit", DEFAULT_PAGE, 1, MAX_LIMIT)
    view = _view(request)

    async def render() -> bytes:
        board = await competitions.leaderboard.page(competition, offset=offset, limit=limit, view=view)
        return encode(board)

    page = await competitions.pages.get(("page", competition.id, competition.finalized, view, offset, limit), render)
    return _cached(request, page, "application/json", view)


async def leaderboard_row(request: web.Request) -> web.Response:
    competitions = _competitions(request)
    competition = await competitions.require(request.match_info["competition_id"])
    user_id = request.match_info["user_id"]
    neighbours = _int(request, "neighbours", 5, 0, 50)
    view = _view(request)
    around = await competitions.leaderboard.around(competition, user_id, neighbours=neighbours, view=view)
    if around is None:
        raise ApiError(404, "not_found", f"{user_id!r} has no row on this leaderboard yet")
    return json_response(around, headers={"Cache-Control": "private, max-age=1"})


async def scoreboard_json(request: web.Request) -> web.Response:
    competitions = _competitions(request)
    competition = await competitions.require(request.match_info["competition_id"])

    async def render() -> bytes:
        rows = await competitions.leaderboard.rows(competition, view="public")
        return encode(clics_scoreboard(competition, rows, time.time()))

    page = await competitions.pages.get(("clics", competition.id, competition.finalized), render)
    return _cached(request, page, "application/json", "public")


async def scoreboard_csv(request: web.Request) -> web.Response:
    competitions = _competitions(request)
    competition = await competitions.require(request.match_info["competition_id"])

    async def render() -> bytes:
        rows = await competitions.leaderboard.rows(competition, view="public")
        return csv_export(competition, rows).encode()

    page = await competitions.pages.get(("csv", competition.id, competition.finalized), render)
    return _cached(request, page, "text/csv", "public")


async def competition_events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: `snapshot` (the top page), then `changes` (rows that changed) once per refresh."""
    competitions = _competitions(request)
    competition = await competitions.require(request.match_info["competition_id"])
    limit = _int(request, "limit", DEFAULT_PAGE, 1, MAX_LIMIT)
    view = _view(request)
    decoder = msgspec.json.Decoder(_Rows)

    async def render() -> bytes:
        board = await competitions.leaderboard.page(competition, offset=0, limit=limit, view=view)
        return encode(board)

    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )
    key = ("page", competition.id, competition.finalized, view, 0, limit)
    page = await competitions.pages.get(key, render)
    await response.prepare(request)
    await _event(response, "snapshot", page.body)
    sent, rows, quiet = page.etag, decoder.decode(page.body).rows, 0.0
    while True:
        await asyncio.sleep(competitions.pages.interval)
        page = await competitions.pages.get(key, render)
        if page.etag == sent:
            quiet += competitions.pages.interval
            if quiet >= EVENTS_KEEPALIVE:
                await response.write(b": keep-alive\n\n")
                quiet = 0.0
            continue
        latest = decoder.decode(page.body).rows
        await _event(response, "changes", encode({"rows": top_changes(rows, latest)}))
        sent, rows, quiet = page.etag, latest, 0.0


class _Rows(msgspec.Struct):
    rows: list[Row]


async def _event(response: web.StreamResponse, name: str, data: bytes) -> None:
    await response.write(b"event: " + name.encode() + b"\ndata: " + data + b"\n\n")
