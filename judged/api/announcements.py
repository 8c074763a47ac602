"""The organisers' announcements of a competition: an admin posts one, participants read them and wait for more.

`POST /v1/competitions/{id}/announcements` (admin) stores `{"text": ...}`;
`GET /v1/competitions/{id}/announcements?after=&wait=` answers the kept ones newer than `after`
(every kept one without it), oldest first, waiting up to `wait` seconds for one to come when there
is none yet (a long-poll: a page asks again with the last id it holds). Storage and the per-host
copy are judged.store.announcements.
"""

from __future__ import annotations

import logging

import msgspec
from aiohttp import web

from judged.api.auth import caller
from judged.api.deps import DEPS, ApiError, json_response, read_body, wait_seconds
from judged.store.announcements import Announcement, AnnouncementFeed, InvalidAfter, NewAnnouncement, check_after

__all__ = ["MAX_WAIT", "AnnouncementPage", "list_announcements", "post_announcement"]

log = logging.getLogger(__name__)

MAX_WAIT = 30.0
"""The longest `wait` a reader may ask for, in seconds."""


class AnnouncementPage(msgspec.Struct, frozen=True):
    """Announcements newer than the `after` asked for, oldest first; `last` is the id to ask after next."""

    items: list[Announcement]
    last: str | None


def _feed(request: web.Request) -> AnnouncementFeed:
    feed = request.app[DEPS].announcements
    if feed is None:
        raise ApiError(404, "not_found", "this host does not serve announcements")
    return feed


async def _competition_id(request: web.Request) -> str:
    competitions = request.app[DEPS].competitions
    if competitions is None:
        raise ApiError(404, "not_found", "this host does not serve competitions")
    competition_id = request.match_info["competition_id"]
    await competitions.require(competition_id)  # CompetitionNotFound: 404
    return competition_id


async def post_announcement(request: web.Request) -> web.Response:
    feed = _feed(request)
    competition_id = await _competition_id(request)
    try:
        body = msgspec.json.decode(await read_body(request), type=NewAnnouncement)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise ApiError(400, "bad_request", f"invalid announcement: {exc}") from exc
    if not body.text.strip():
        raise ApiError(400, "bad_request", "invalid announcement: the text is blank")
    announcement = await feed.post(competition_id, body.text)
    log.info("competition %s: announcement %s posted by %s", competition_id, announcement.id, caller(request).name)
    return json_response(announcement, status=201)


async def list_announcements(request: web.Request) -> web.Response:
    feed = _feed(request)
    competition_id = await _competition_id(request)
    after = request.query.get("after") or None
    try:
        after = None if after is None else check_after(after)
    except InvalidAfter as exc:
        raise ApiError(400, "bad_request", str(exc)) from None
    items = await feed.wait(competition_id, after, wait_seconds(request, MAX_WAIT))
    last = items[-1].id if items else after
    return json_response(AnnouncementPage(items=items, last=last), headers={"Cache-Control": "no-store"})
