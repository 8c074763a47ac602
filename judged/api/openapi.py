"""The OpenAPI 3.1 document: one operation per route, schemas generated from the wire Structs themselves.

`app.ROUTES` pairs each route with its operation here, and the document is
built from that table, so a route cannot be served without being described.
msgspec writes JSON Schema 2020-12, which is the dialect of OpenAPI 3.1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

import msgspec

from judged.api.openapi_required import require_sent_fields
from judged.api.problems import DEFAULT_LANGUAGE, DEFAULT_LIMIT, MAX_QUERY, ProblemPage
from judged.api.status import Readiness
from judged.harness import LANGUAGE_IDS
from judged.judging.statuses import LanguageStatus
from judged.problems import Difficulty
from judged.store.index import MAX_PAGE, Page

__all__ = [
    "GET_OPENAPI",
    "GET_PROBLEM",
    "GET_STATEMENT_PDF",
    "HEALTHZ",
    "LANGUAGES",
    "LIST_PROBLEMS",
    "METRICS",
    "READYZ",
    "Operation",
    "document",
    "error_response",
    "json_body",
    "query_param",
    "ref",
]

Operation = dict[str, Any]

BEARER = {
    "type": "http",
    "scheme": "bearer",
    "description": (
        "A participant token (an HS256 JWT with `sub` and `exp`, signed by a configured frontend: the request acts "
        "as `sub`), a trusted service token (server to server only; it names `user_id`), or an admin token."
    ),
}
TITLE = "judged"
VERSION = "1"


class ErrorDetail(msgspec.Struct, frozen=True):
    code: str
    message: str


class Error(msgspec.Struct, frozen=True):
    error: ErrorDetail


class Health(msgspec.Struct, frozen=True):
    status: Literal["ok"]


_WIRE_TYPES = (Page, ProblemPage, LanguageStatus, Readiness, Health, Error)


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(description: str, schema: object) -> dict[str, object]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def error_response(description: str) -> dict[str, object]:
    return json_body(description, ref("Error"))


def query_param(name: str, description: str, schema: dict[str, object]) -> dict[str, object]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


_CACHED = {
    "ETag": {
        "description": "a strong validator of the body; send it back in If-None-Match",
        "schema": {"type": "string"},
    },
    "Cache-Control": {"description": "public, max-age=1", "schema": {"type": "string"}},
}
_IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "the ETag of a copy the client holds: 304 when it is still current",
    "schema": {"type": "string"},
}
_NOT_MODIFIED = {"description": "the copy named by If-None-Match is current", "headers": _CACHED}
_TEXT = {"type": "string", "maxLength": MAX_QUERY}

LIST_PROBLEMS: Operation = {
    "operationId": "listProblems",
    "summary": "A page of problems, easiest first then by slug",
    "parameters": [
        query_param(
            "limit",
            "problems per page",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": DEFAULT_LIMIT},
        ),
        query_param("cursor", "the next_cursor of the previous page", _TEXT),
        query_param("difficulty", "only problems of this difficulty", {"enum": [level.value for level in Difficulty]}),
        query_param("tag", "only problems with this tag", _TEXT),
        query_param("q", "words (or word prefixes) that must all occur in the title or statement", _TEXT),
        _IF_NONE_MATCH,
    ],
    "responses": {
        "200": {**json_body("the page; next_cursor is null on the last one", ref("Page")), "headers": _CACHED},
        "304": _NOT_MODIFIED,
        "400": error_response("a bad limit, cursor, difficulty or an over-long parameter"),
    },
}

GET_PROBLEM: Operation = {
    "operationId": "getProblem",
    "summary": "A problem's statement, limits, samples, signature and the stub for one language",
    "parameters": [
        {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
        query_param("language", "the language of the stub", {"enum": list(LANGUAGE_IDS), "default": DEFAULT_LANGUAGE}),
        _IF_NONE_MATCH,
    ],
    "responses": {
        "200": {**json_body("the problem", ref("ProblemPage")), "headers": _CACHED},
        "304": _NOT_MODIFIED,
        "400": error_response("a language the problem has no stub for"),
        "404": error_response("no such problem, or (but for admins) one a scheduled competition hides"),
    },
}

GET_STATEMENT_PDF: Operation = {
    "operationId": "getStatementPdf",
    "summary": "A problem package's PDF statement (its page's statement links here when the PDF is all it has)",
    "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}],
    "responses": {
        "200": {
            "description": "the PDF",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        },
        "404": error_response("no such problem, no PDF statement, or (but for admins) a problem a competition hides"),
    },
}

LANGUAGES: Operation = {
    "operationId": "listLanguages",
    "summary": "Every configured language, its version, and whether it passed its self-test",
    "responses": {"200": json_body("the languages", {"type": "array", "items": ref("LanguageStatus")})},
}

HEALTHZ: Operation = {
    "operationId": "healthz",
    "summary": "Liveness: the process answers",
    "responses": {"200": json_body("alive", ref("Health"))},
}

READYZ: Operation = {
    "operationId": "readyz",
    "summary": "Readiness: every check the daemon needs before it can serve",
    "responses": {
        "200": json_body("every check passed", ref("Readiness")),
        "503": json_body("some check failed; the body says which", ref("Readiness")),
    },
}

METRICS: Operation = {
    "operationId": "metrics",
    "summary": "Prometheus metrics: queue depth, submissions by verdict, judging latency, slots, sandbox failures",
    "responses": {
        "200": {"description": "the Prometheus text format", "content": {"text/plain": {"schema": {"type": "string"}}}},
        "401": error_response("no or an unknown token (when tokens are configured)"),
        "403": error_response("a frontend token; /metrics needs an admin token"),
    },
}

GET_OPENAPI: Operation = {
    "operationId": "getOpenApi",
    "summary": "This document",
    "responses": {"200": json_body("the OpenAPI 3.1 document", {"type": "object"})},
}

_COMMON = {"500": error_response("the judge's fault; logged on the server")}


def _any_json(kind: type) -> dict[str, object]:
    """A test value (`object` in the wire types) is any JSON value: a schema with no constraint."""
    if kind is object:
        return {"description": "any JSON value"}
    raise NotImplementedError(kind)


def document(
    routes: Iterable[tuple[str, str, Operation]],
    wire_types: Iterable[type] = (),
    schemas: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """The OpenAPI document of `routes`, given as (method, path, operation); `wire_types` adds the schemas of
    Structs, `schemas` named schemas written by hand."""
    paths: dict[str, dict[str, object]] = {}
    for method, path, operation in routes:
        responses = {**operation["responses"], **_COMMON}
        paths.setdefault(path, {})[method.lower()] = {**operation, "responses": responses}
    types = (*_WIRE_TYPES, *wire_types)
    _, components = msgspec.json.schema_components(
        types, schema_hook=_any_json, ref_template="#/components/schemas/{name}"
    )
    components = require_sent_fields(paths, components, types)
    return {
        "openapi": "3.1.0",
        "info": {"title": TITLE, "version": VERSION},
        "paths": paths,
        "components": {"schemas": {**components, **(schemas or {})}, "securitySchemes": {"bearer": BEARER}},
    }
