"""The OpenAPI operations of the submission and run routes (judged.api.submissions)."""

from __future__ import annotations

from judged.api.openapi import Operation, error_response, json_body, query_param, ref
from judged.api.submissions import Accepted, RunModeRequest, RunView, SubmissionRequest, SubmissionView

__all__ = ["CREATE_RUN", "CREATE_SUBMISSION", "EVENTS", "GET_RUN", "GET_SUBMISSION", "REJUDGE", "WIRE_TYPES"]

WIRE_TYPES: tuple[type, ...] = (SubmissionRequest, RunModeRequest, Accepted, SubmissionView, RunView)

_RETRY_AFTER = {"Retry-After": {"description": "seconds to wait before trying again", "schema": {"type": "integer"}}}
_BUSY = {**error_response("a fairness limit: too many queued or this minute"), "headers": _RETRY_AFTER}
_AWAY = {**error_response("Redis is unreachable, or the judge is still starting"), "headers": _RETRY_AFTER}
_AUTH = {
    "401": error_response("no, an unknown, an expired or a badly signed bearer token (when auth is configured)"),
}
_IDENTITY = {
    "403": error_response("`user_id` differs from the `sub` of the participant token"),
    "408": error_response("the body took longer than server.header_timeout to arrive"),
}


_SSE_EVENT = {
    "description": "one event (OpenAPI 3.2's form: each event as an object)",
    "type": "object",
    "properties": {
        "event": {"enum": ["status", "test", "finished"]},
        "data": {"type": "string", "contentMediaType": "application/json"},
    },
    "required": ["data"],
}


def _body(name: str) -> dict[str, object]:
    return {"required": True, "content": {"application/json": {"schema": ref(name)}}}


def _id(name: str) -> dict[str, object]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string", "maxLength": 64}}


CREATE_SUBMISSION: Operation = {
    "operationId": "createSubmission",
    "summary": "Submit a solution; judged in the background, contest submissions first",
    "requestBody": _body("SubmissionRequest"),
    "responses": {
        "202": json_body("queued; poll `url` (with ?wait=) or follow `events_url`", ref("Accepted")),
        "400": error_response("malformed JSON, a field out of its pattern, or no user_id with a service token"),
        **_AUTH,
        **_IDENTITY,
        "404": error_response("no such problem or competition, or a problem a scheduled competition hides"),
        "409": error_response(
            "the competition is not running, the problem is not in it, or (no competition_id) the problem is in a "
            "running competition: `problem_in_competition`"
        ),
        "413": error_response("the code (or the body) is over its size limit"),
        "422": error_response("an unknown or disabled language"),
        "429": _BUSY,
        "503": _AWAY,
    },
}

GET_SUBMISSION: Operation = {
    "operationId": "getSubmission",
    "summary": "A submission's status, and its verdict with per-test results once finished",
    "parameters": [
        _id("submission_id"),
        query_param(
            "wait",
            "long-poll: answer as soon as it is finished, or after this many seconds (at most server.max_wait)",
            {"type": "number", "minimum": 0, "maximum": 300},
        ),
    ],
    "responses": {
        "200": json_body("the submission", ref("SubmissionView")),
        "400": error_response("a bad wait"),
        **_AUTH,
        "404": error_response("no such submission"),
        "503": _AWAY,
    },
}

EVENTS: Operation = {
    "operationId": "submissionEvents",
    "summary": "Server-sent events: status, then test k of N as judged, then finished with the whole result",
    "parameters": [_id("submission_id")],
    "responses": {
        "200": {
            "description": "event: status|test|finished; data: JSON (SubmissionView for status and finished)",
            "content": {"text/event-stream": {"schema": _SSE_EVENT}},
        },
        **_AUTH,
        "404": error_response("no such submission"),
        "503": _AWAY,
    },
}

CREATE_RUN: Operation = {
    "operationId": "createRun",
    "summary": "Run code on the samples or on custom inputs; outputs shown beside the expected ones, nothing scored",
    "requestBody": _body("RunModeRequest"),
    "responses": {
        "200": json_body("the finished run", ref("RunView")),
        "202": json_body("still running; GET the Location", ref("RunView")),
        "400": error_response("malformed JSON, a field out of its pattern, or no user_id with a service token"),
        **_AUTH,
        **_IDENTITY,
        "404": error_response("no such problem, or one a scheduled competition hides"),
        "413": error_response("the code (or the body) is over its size limit"),
        "422": error_response("an unknown or disabled language"),
        "429": _BUSY,
        "503": _AWAY,
    },
}

GET_RUN: Operation = {
    "operationId": "getRun",
    "summary": "A run (kept for an hour)",
    "parameters": [_id("run_id")],
    "responses": {
        "200": json_body("the run", ref("RunView")),
        **_AUTH,
        "404": error_response("no such run"),
        "503": _AWAY,
    },
}

REJUDGE: Operation = {
    "operationId": "rejudgeSubmission",
    "summary": "Judge a finished submission again (admin); the new verdict replaces the old, on the leaderboard too",
    "parameters": [_id("submission_id")],
    "responses": {
        "202": json_body("queued again", ref("Accepted")),
        **_AUTH,
        "403": error_response("a frontend token; this needs an admin token"),
        "404": error_response("no such submission"),
        "409": error_response("it is still queued or being judged"),
        "503": _AWAY,
    },
}
