"""The OpenAPI operations of the history routes (judged.api.history), served where the submissions database is."""

from __future__ import annotations

from judged.api.deps import MAX_QUERY
from judged.api.history import DEFAULT_HISTORY_LIMIT, PersonalPage
from judged.api.openapi import LIST_PROBLEMS, Operation, error_response, json_body, query_param, ref
from judged.judging.verdicts import Verdict
from judged.store.archive import MAX_HISTORY_PAGE, HistoryPage, ProblemStatus, SubmissionSummary
from judged.store.competition_archive import MAX_COMPETITION_PAGE, CompetitionListing, CompetitionPage, ListedState

__all__ = ["LIST_COMPETITIONS", "LIST_PROBLEMS_PERSONAL", "LIST_SUBMISSIONS", "USER_PROBLEMS", "WIRE_TYPES"]

WIRE_TYPES: tuple[type, ...] = (
    HistoryPage,
    SubmissionSummary,
    ProblemStatus,
    PersonalPage,
    CompetitionPage,
    CompetitionListing,
)

_TEXT = {"type": "string", "maxLength": MAX_QUERY}
_PRIVATE = {"Cache-Control": {"description": "private, no-store: per user", "schema": {"type": "string"}}}
_AUTH = {"401": error_response("no or an unknown bearer token (when tokens are configured)")}


def _limit(largest: int) -> dict[str, object]:
    return query_param(
        "limit",
        "items per page",
        {"type": "integer", "minimum": 1, "maximum": largest, "default": DEFAULT_HISTORY_LIMIT},
    )


LIST_SUBMISSIONS: Operation = {
    "operationId": "listSubmissions",
    "summary": "Finished submissions, newest first: a user's history, a problem's, a competition's",
    "parameters": [
        query_param("user_id", "only this participant's", _TEXT),
        query_param("problem", "only this problem's", _TEXT),
        query_param("competition_id", "only this competition's", _TEXT),
        query_param("verdict", "only this verdict", {"enum": [verdict.value for verdict in Verdict]}),
        query_param("language", "only this language", _TEXT),
        _limit(MAX_HISTORY_PAGE),
        query_param("cursor", "the next_cursor of the previous page", _TEXT),
    ],
    "responses": {
        "200": {
            **json_body("summaries; GET /v1/submissions/{id} for a full result", ref("HistoryPage")),
            "headers": _PRIVATE,
        },
        "400": error_response("a bad limit, cursor, verdict or an over-long parameter"),
        **_AUTH,
    },
}

USER_PROBLEMS: Operation = {
    "operationId": "userProblems",
    "summary": "A participant's standing on every problem they submitted to: solved, attempts, last verdict",
    "parameters": [{"name": "user_id", "in": "path", "required": True, "schema": {"type": "string", "maxLength": 64}}],
    "responses": {
        "200": {
            **json_body("by problem id", {"type": "array", "items": ref("ProblemStatus")}),
            "headers": _PRIVATE,
        },
        "400": error_response("an over-long user id"),
        **_AUTH,
    },
}

LIST_COMPETITIONS: Operation = {
    "operationId": "listCompetitions",
    "summary": "Competitions, newest start first: scheduled, running (frozen too) or ended (finalized too)",
    "parameters": [
        query_param("state", "only competitions in this state", {"enum": [state.value for state in ListedState]}),
        _limit(MAX_COMPETITION_PAGE),
        query_param("cursor", "the next_cursor of the previous page", _TEXT),
    ],
    "responses": {
        "200": json_body("the page; next_cursor is null on the last one", ref("CompetitionPage")),
        "400": error_response("a bad state, limit or cursor"),
        **_AUTH,
    },
}

LIST_PROBLEMS_PERSONAL: Operation = {
    **LIST_PROBLEMS,
    "parameters": [
        *LIST_PROBLEMS["parameters"],
        query_param("user_id", "add this participant's standing on each problem (a PersonalPage, never cached)", _TEXT),
    ],
    "responses": {
        **LIST_PROBLEMS["responses"],
        "200": {
            **json_body(
                "the page (with user_id: each problem with the participant's standing)",
                {"anyOf": [ref("Page"), ref("PersonalPage")]},
            ),
        },
    },
}
