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

import msgspec
from aiohttp import web

from judged.api.auth import ADMIN, caller
from judged.api.deps import DEPS, ApiError, encode, json_response, read_body
from judged.competitions import Competitions
from judged.competitions.errors import CompetitionInvalid, NotOnBoard
from judged.store.competitions import ProblemLocks, decode_competition
from judged.store.leaderboard import MAX_LIMIT
from judged.store.page_cache import CachedPage
from judged.store.scoreboard import Row, View, clics_scoreboard, csv_export, top_changes

__all__ = [
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
EVENTS_KEEPALIVE = 15.0


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

    async def known(problem: str) -> bool:
        return await index.get(problem) is not None

    await competitions.create(competition, known)
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
    competition_id = request.match_info["competition_id"]
    competition = await _competitions(request).finalize(competition_id)
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
        raise NotOnBoard(user_id)
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
