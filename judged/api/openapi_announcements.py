"""The OpenAPI operations of the routes the web client added: announcements (judged.api.announcements), each
competition problem's solves and attempts (judged.api.competition_stats), each problem's acceptance
(judged.api.acceptance)."""

from __future__ import annotations

from typing import Any

from judged.api.acceptance import AcceptancePage
from judged.api.announcements import MAX_WAIT, AnnouncementPage
from judged.api.openapi import Operation, error_response, json_body, query_param, ref
from judged.competitions.stats import REFRESH, ProblemStats, StatsPage
from judged.store.acceptance import REFRESH as ACCEPTANCE_REFRESH
from judged.store.acceptance import ProblemAcceptance
from judged.store.announcements import KEPT, Announcement, NewAnnouncement

__all__ = ["ACCEPTANCE", "ACCEPTANCE_TYPES", "LIST_ANNOUNCEMENTS", "POST_ANNOUNCEMENT", "STATS", "WIRE_TYPES"]

WIRE_TYPES: tuple[type, ...] = (Announcement, NewAnnouncement, AnnouncementPage, ProblemStats, StatsPage)
ACCEPTANCE_TYPES: tuple[type, ...] = (AcceptancePage, ProblemAcceptance)

_ID = {"name": "competition_id", "in": "path", "required": True, "schema": {"type": "string", "maxLength": 64}}
_AUTH: dict[str, Any] = {"401": error_response("no or an unknown bearer token (when tokens are configured)")}
_MISSING = {"404": error_response("no such competition")}

POST_ANNOUNCEMENT: Operation = {
    "operationId": "postAnnouncement",
    "summary": f"Announce something to a competition's participants (admin); the last {KEPT} are kept",
    "parameters": [_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": ref("NewAnnouncement")}}},
    "responses": {
        "201": json_body("posted", ref("Announcement")),
        "400": error_response("malformed, blank or too long"),
        **_AUTH,
        "403": error_response("a frontend token; this needs an admin token"),
        **_MISSING,
    },
}

LIST_ANNOUNCEMENTS: Operation = {
    "operationId": "listAnnouncements",
    "summary": "A competition's announcements newer than `after`, oldest first; with `wait`, a long-poll",
    "parameters": [
        _ID,
        query_param("after", "the `last` of the previous answer (none: every kept one)", {"type": "string"}),
        query_param(
            "wait",
            "seconds to wait for a newer one when there is none yet",
            {"type": "number", "minimum": 0, "maximum": MAX_WAIT, "default": 0},
        ),
    ],
    "responses": {
        "200": json_body("the announcements; ask again with after=last", ref("AnnouncementPage")),
        "400": error_response("a bad after or wait"),
        **_AUTH,
        **_MISSING,
    },
}

STATS: Operation = {
    "operationId": "competitionStats",
    "summary": "Each problem's solves, participants who tried it and submissions, as the public board shows them",
    "description": f"Counted on each host at most every {REFRESH:g} s from the board it serves pages from.",
    "parameters": [_ID],
    "responses": {
        "200": json_body("the counts, in the competition's problem order", ref("StatsPage")),
        **_AUTH,
        **_MISSING,
    },
}

ACCEPTANCE: Operation = {
    "operationId": "problemsAcceptance",
    "summary": "Each problem's finished submissions, accepted ones, solvers and participants who tried",
    "description": f"From the submissions database, read by each host at most every {ACCEPTANCE_REFRESH:g} s.",
    "responses": {"200": json_body("problems with a finished submission, by id", ref("AcceptancePage")), **_AUTH},
}
