"""The OpenAPI operations of the competition and leaderboard routes (judged.api.competitions)."""

from __future__ import annotations

from typing import Any

import msgspec

from judged.api.openapi import Operation, error_response, json_body, query_param, ref
from judged.store.competitions import Competition, CompetitionState
from judged.store.leaderboard import MAX_LIMIT, Around, LeaderboardPage

__all__ = [
    "CREATE_COMPETITION",
    "EVENTS",
    "FINALIZE",
    "GET_COMPETITION",
    "LEADERBOARD",
    "LEADERBOARD_ROW",
    "SCHEMAS",
    "SCOREBOARD_CSV",
    "SCOREBOARD_JSON",
    "WIRE_TYPES",
]


WIRE_TYPES: tuple[type, ...] = (Competition, LeaderboardPage, Around)


def competition_view_schema() -> dict[str, Any]:
    """A competition as the API shows it (`Competition.to_wire`): its fields, then its state now, its end
    and its freeze time. One object schema (an allOf with Competition's closed schema would reject the
    three added fields). Every field is required: a response carries them all."""
    _, components = msgspec.json.schema_components((Competition,), ref_template="#/components/schemas/{name}")
    schema: dict[str, Any] = dict(components["Competition"])
    schema["title"] = "CompetitionView"
    schema["properties"] = {
        **schema["properties"],
        "state": {"enum": [state.value for state in CompetitionState]},
        "end": {"type": "number"},
        "freeze_at": {"anyOf": [{"type": "number"}, {"type": "null"}]},
    }
    problem = components["CompetitionProblem"]
    schema["properties"]["problems"] = {
        "type": "array",
        "items": {**problem, "required": list(problem["properties"])},  # labelled by now (Competition.__post_init__)
    }
    schema["required"] = list(schema["properties"])  # to_wire sends every field
    return schema


_ID = {"name": "competition_id", "in": "path", "required": True, "schema": {"type": "string", "maxLength": 64}}
_USER = {"name": "user_id", "in": "path", "required": True, "schema": {"type": "string", "maxLength": 64}}
_VIEW = query_param(
    "view", "public (default; the freeze applies) or live (admins)", {"enum": ["public", "live"], "default": "public"}
)
_CACHED = {
    "ETag": {"description": "send it back in If-None-Match", "schema": {"type": "string"}},
    "Cache-Control": {
        "description": "max-age=1: each host reads the board at most once per refresh interval (a second)",
        "schema": {"type": "string"},
    },
}
_NOT_MODIFIED = {"description": "the copy named by If-None-Match is current", "headers": _CACHED}
_AUTH: dict[str, Any] = {"401": error_response("no or an unknown bearer token (when tokens are configured)")}
_LIVE = {"403": error_response("view=live without an admin token")}
_MISSING = {"404": error_response("no such competition")}
_WIRE_COMPETITION = ref("CompetitionView")
SCHEMAS: dict[str, object] = {"CompetitionView": competition_view_schema()}
"""Schemas of no Struct of their own, named so a generated client has a type for them."""

CREATE_COMPETITION: Operation = {
    "operationId": "createCompetition",
    "summary": "Create a competition (admin): problems with labels, start (Unix seconds), duration, rule, freeze",
    "requestBody": {"required": True, "content": {"application/json": {"schema": ref("Competition")}}},
    "responses": {
        "201": json_body("created", _WIRE_COMPETITION),
        "400": error_response("malformed or invalid"),
        **_AUTH,
        "403": error_response("a frontend token; this needs an admin token"),
        "409": error_response("the id is taken"),
        "422": error_response("a problem that does not exist"),
    },
}

GET_COMPETITION: Operation = {
    "operationId": "getCompetition",
    "summary": "A competition and its state",
    "parameters": [_ID],
    "responses": {"200": json_body("the competition", _WIRE_COMPETITION), **_AUTH, **_MISSING},
}

FINALIZE: Operation = {
    "operationId": "finalizeCompetition",
    "summary": "Finalize an ended competition (admin): the public board becomes the live one",
    "parameters": [_ID],
    "responses": {
        "200": json_body("finalized", _WIRE_COMPETITION),
        **_AUTH,
        "403": error_response("a frontend token; this needs an admin token"),
        **_MISSING,
        "409": error_response("it has not ended"),
    },
}

LEADERBOARD: Operation = {
    "operationId": "getLeaderboard",
    "summary": "A page of the leaderboard; equal scores share a rank",
    "parameters": [
        _ID,
        query_param("offset", "rows to skip", {"type": "integer", "minimum": 0, "maximum": 10_000_000, "default": 0}),
        query_param("limit", "rows", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 100}),
        _VIEW,
    ],
    "responses": {
        "200": {**json_body("the page", ref("LeaderboardPage")), "headers": _CACHED},
        "304": _NOT_MODIFIED,
        "400": error_response("a bad offset, limit or view"),
        **_AUTH,
        **_LIVE,
        **_MISSING,
    },
}

LEADERBOARD_ROW: Operation = {
    "operationId": "getLeaderboardRow",
    "summary": "One participant's row and the rows around it",
    "parameters": [
        _ID,
        _USER,
        query_param("neighbours", "rows above and below", {"type": "integer", "minimum": 0, "maximum": 50}),
        _VIEW,
    ],
    "responses": {
        "200": {**json_body("the row and its neighbours", ref("Around")), "headers": _CACHED},
        "304": {
            "description": "the rows named by If-None-Match are unchanged (the same ETag on every host)",
            "headers": _CACHED,
        },
        "400": error_response("a bad neighbours or view"),
        **_AUTH,
        **_LIVE,
        "404": error_response("no such competition, or the participant has no row yet"),
    },
}

EVENTS: Operation = {
    "operationId": "leaderboardEvents",
    "summary": "Server-sent events: snapshot (the top page), then changes (rows that changed) as they happen",
    "parameters": [
        _ID,
        query_param("limit", "rows of the top followed", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}),
        _VIEW,
    ],
    "responses": {
        "200": {
            "description": "event: snapshot (a LeaderboardPage) | changes ({rows: [...]})",
            "content": {
                "text/event-stream": {"schema": {"type": "object", "properties": {"data": {"type": "string"}}}}
            },
        },
        "400": error_response("a bad limit or view"),
        **_AUTH,
        **_LIVE,
        **_MISSING,
    },
}

SCOREBOARD_JSON: Operation = {
    "operationId": "getScoreboard",
    "summary": "The public board in the ICPC CLICS Contest API (2023-06) scoreboard shape",
    "parameters": [_ID],
    "responses": {
        "200": {**json_body("the CLICS scoreboard", {"type": "object"}), "headers": _CACHED},
        "304": _NOT_MODIFIED,
        **_AUTH,
        **_MISSING,
    },
}

SCOREBOARD_CSV: Operation = {
    "operationId": "getScoreboardCsv",
    "summary": "The public board as CSV",
    "parameters": [_ID],
    "responses": {
        "200": {
            "description": "rank, user, solved, time, penalty, then per problem",
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "headers": _CACHED,
        },
        "304": _NOT_MODIFIED,
        **_AUTH,
        **_MISSING,
    },
}
