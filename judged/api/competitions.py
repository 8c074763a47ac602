"""Competitions and their live leaderboard over HTTP.

Every read of the board comes from this host's snapshot (`judged.competitions.board`),
refreshed from Redis at most once per refresh interval: pages (rendered once per snapshot
version, `PageCache`), own rows with an ETag from what they show (an unchanged row is a
304), the exports and the event stream. The public view hides results of submissions made after the
freeze; `?view=live` (admins only) shows everything.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

import msgspec
from aiohttp import web

from judged.api.auth import ADMIN, caller
from judged.api.deps import DEPS, ApiError, encode, json_response, query_int, read_body
from judged.competitions import Competitions
from judged.competitions.errors import CompetitionInvalid, NotOnBoard
from judged.store.competitions import Competition, ProblemLocks, decode_competition
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
OWN_CACHE = "private, max-age=1"
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


def _view(request: web.Request) -> View:
    raw = request.query.get("view", "public")
    if raw not in ("public", "live"):
        raise ApiError(400, "bad_request", "view must be public or live")
    if raw == "live" and not _is_admin(request):
        raise ApiError(403, "forbidden", "the live view (during a freeze) needs an admin token")
    return "live" if raw == "live" else "public"


def _not_modified(request: web.Request, etag: str) -> bool:
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return etag in tags or "*" in tags


def _cached(request: web.Request, page: CachedPage, content_type: str, view: View) -> web.Response:
    scope = "public" if view == "public" else "private"
    headers = {"ETag": page.etag, "Cache-Control": f"{scope}, max-age=1"}
    if _not_modified(request, page.etag):
        return web.Response(status=304, headers=headers)
    return web.Response(body=page.body, content_type=content_type, headers=headers)


async def _page(
    competitions: Competitions, competition: Competition, view: View, offset: int, limit: int
) -> CachedPage:
    """A page from this host's board snapshot, rendered once per snapshot version (and refresh interval)."""
    stamp = await competitions.boards.version(competition)

    async def render() -> bytes:
        return encode(await competitions.boards.page(competition, offset=offset, limit=limit, view=view))

    key = ("page", competition.id, competition.finalized, view, offset, limit)
    return await competitions.pages.get(key, render, stamp)


async def leaderboard_page(request: web.Request) -> web.Response:
    competitions = _competitions(request)
    competition = await competitions.require(request.match_info["competition_id"])
    offset = query_int(request.query, "offset", 0, 0, 10_000_000)
    limit = query_int(request.query, "limit", DEFAULT_PAGE, 1, MAX_LIMIT)
    view = _view(request)
    page = await _page(competitions, competition, view, offset, limit)
    return _cached(request, page, "application/json", view)


async def leaderboard_row(request: web.Request) -> web.Response:
    """A participant's own row and neighbours from this host's snapshot; an unchanged window is a 304."""
    competitions = _competitions(request)
    competition = await competitions.require(request.match_info["competition_id"])
    user_id = request.match_info["user_id"]
    neighbours = query_int(request.query, "neighbours", 5, 0, 50)
    view = _view(request)
    own = await competitions.boards.own_row(competition, user_id, neighbours=neighbours, view=view)
    if own is None:
        raise NotOnBoard(user_id)
    if _not_modified(request, own.etag):
        return web.Response(status=304, headers={"ETag": own.etag, "Cache-Control": OWN_CACHE})
    headers = {"ETag": own.etag, "Cache-Control": OWN_CACHE, "Content-Type": "application/json"}
    return web.Response(body=own.body(), headers=headers)


async def _export(
    request: web.Request, kind: str, content_type: str, render_rows: Callable[[Competition, list[Row]], bytes]
) -> web.Response:
    """A whole-board export of the public view, from the snapshot, rendered once per version and interval."""
    competitions = _competitions(request)
    competition = await competitions.require(request.match_info["competition_id"])
    stamp = await competitions.boards.version(competition)

    async def render() -> bytes:
        return render_rows(competition, await competitions.boards.rows(competition, view="public"))

    page = await competitions.pages.get((kind, competition.id, competition.finalized), render, stamp)
    return _cached(request, page, content_type, "public")


async def scoreboard_json(request: web.Request) -> web.Response:
    return await _export(
        request, "clics", "application/json", lambda c, rows: encode(clics_scoreboard(c, rows, time.time()))
    )


async def scoreboard_csv(request: web.Request) -> web.Response:
    return await _export(request, "csv", "text/csv", lambda c, rows: csv_export(c, rows).encode())


async def competition_events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: `snapshot` (the top page), then `changes` (rows that changed) once per refresh.

    The competition is read again every interval, so a finalize switches the stream's view too.
    """
    competitions = _competitions(request)
    competition_id = request.match_info["competition_id"]
    competition = await competitions.require(competition_id)
    limit = query_int(request.query, "limit", DEFAULT_PAGE, 1, MAX_LIMIT)
    view = _view(request)
    decoder = msgspec.json.Decoder(_Rows)
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )
    page = await _page(competitions, competition, view, 0, limit)
    await response.prepare(request)
    await _event(response, "snapshot", page.body)
    sent, rows, quiet = page.etag, decoder.decode(page.body).rows, 0.0
    while True:
        await asyncio.sleep(competitions.boards.interval)
        competition = await competitions.require(competition_id)
        page = await _page(competitions, competition, view, 0, limit)
        if page.etag == sent:
            quiet += competitions.boards.interval
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
