"""The aiohttp app factory: `build_app(deps)` wires the v1 routes, auth, the error middleware and OpenAPI.

The daemon's `create_app(settings)` (judged.daemon) opens what the routes need
and calls this; tests call it with dependencies of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from aiohttp import web
from aiohttp.typedefs import Handler

from judged.api import (
    openapi,
    openapi_announcements,
    openapi_competitions,
    openapi_history,
    openapi_submissions,
)
from judged.api.acceptance import problems_acceptance
from judged.api.announcements import list_announcements, post_announcement
from judged.api.auth import ACCESS, Access, auth_middleware
from judged.api.competition_stats import competition_stats
from judged.api.competitions import (
    competition_events,
    create_competition,
    finalize_competition,
    get_competition,
    leaderboard_page,
    leaderboard_row,
    scoreboard_csv,
    scoreboard_json,
)
from judged.api.deps import DEPS, ApiDeps, encode
from judged.api.errors import error_middleware
from judged.api.history import list_competitions, list_submissions, user_problems
from judged.api.problems import get_problem, get_statement_pdf, list_problems
from judged.api.status import healthz, languages, metrics, readyz
from judged.api.submissions import (
    create_run,
    create_submission,
    get_run,
    get_submission,
    rejudge_submission,
    submission_events,
)
from judged.api.web import mount as mount_web_client

__all__ = ["OPENAPI_DOCUMENT", "Route", "build_app", "full_document", "routes", "wire_types"]


class Route(NamedTuple):
    method: str
    path: str
    handler: Handler
    operation: openapi.Operation
    access: Access = "frontend"


OPENAPI_DOCUMENT = web.AppKey("openapi_document", bytes)


async def get_openapi(request: web.Request) -> web.Response:
    return web.Response(body=request.app[OPENAPI_DOCUMENT], content_type="application/json")


STATUS_ROUTES: tuple[Route, ...] = (
    Route("GET", "/healthz", healthz, openapi.HEALTHZ, "public"),
    Route("GET", "/readyz", readyz, openapi.READYZ, "public"),
    Route("GET", "/v1/openapi.json", get_openapi, openapi.GET_OPENAPI, "public"),
)
METRICS_ROUTE = Route("GET", "/metrics", metrics, openapi.METRICS, "admin")
PROBLEM_ROUTES: tuple[Route, ...] = (
    Route("GET", "/v1/problems", list_problems, openapi.LIST_PROBLEMS),
    Route("GET", "/v1/problems/{slug}", get_problem, openapi.GET_PROBLEM),
    Route("GET", "/v1/problems/{slug}/statement.pdf", get_statement_pdf, openapi.GET_STATEMENT_PDF),
    Route("GET", "/v1/languages", languages, openapi.LANGUAGES),
)
SUBMISSION_ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/submissions", create_submission, openapi_submissions.CREATE_SUBMISSION),
    Route("GET", "/v1/submissions/{submission_id}", get_submission, openapi_submissions.GET_SUBMISSION),
    Route("GET", "/v1/submissions/{submission_id}/events", submission_events, openapi_submissions.EVENTS),
    Route("POST", "/v1/submissions/{submission_id}/rejudge", rejudge_submission, openapi_submissions.REJUDGE, "admin"),
    Route("POST", "/v1/runs", create_run, openapi_submissions.CREATE_RUN),
    Route("GET", "/v1/runs/{run_id}", get_run, openapi_submissions.GET_RUN),
)

_C = "/v1/competitions/{competition_id}"
COMPETITION_ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/competitions", create_competition, openapi_competitions.CREATE_COMPETITION, "admin"),
    Route("GET", _C, get_competition, openapi_competitions.GET_COMPETITION),
    Route("POST", f"{_C}/finalize", finalize_competition, openapi_competitions.FINALIZE, "admin"),
    Route("GET", f"{_C}/leaderboard", leaderboard_page, openapi_competitions.LEADERBOARD),
    Route("GET", f"{_C}/leaderboard/events", competition_events, openapi_competitions.EVENTS),
    Route("GET", f"{_C}/leaderboard/{{user_id}}", leaderboard_row, openapi_competitions.LEADERBOARD_ROW),
    Route("GET", f"{_C}/scoreboard.json", scoreboard_json, openapi_competitions.SCOREBOARD_JSON),
    Route("GET", f"{_C}/scoreboard.csv", scoreboard_csv, openapi_competitions.SCOREBOARD_CSV),
)

ANNOUNCEMENT_ROUTES: tuple[Route, ...] = (
    Route("POST", f"{_C}/announcements", post_announcement, openapi_announcements.POST_ANNOUNCEMENT, "admin"),
    Route("GET", f"{_C}/announcements", list_announcements, openapi_announcements.LIST_ANNOUNCEMENTS),
)
STATS_ROUTE = Route("GET", f"{_C}/stats", competition_stats, openapi_announcements.STATS)
ACCEPTANCE_ROUTE = Route("GET", "/v1/acceptance", problems_acceptance, openapi_announcements.ACCEPTANCE)


HISTORY_ROUTES: tuple[Route, ...] = (
    Route("GET", "/v1/submissions", list_submissions, openapi_history.LIST_SUBMISSIONS),
    Route("GET", "/v1/users/{user_id}/problems", user_problems, openapi_history.USER_PROBLEMS),
    Route("GET", "/v1/competitions", list_competitions, openapi_history.LIST_COMPETITIONS),
)


def routes(deps: ApiDeps, extra: Iterable[Route] = ()) -> list[Route]:
    """The routes a host with `deps` serves: status always; problems unless API-less; submissions with a store."""
    found = list(STATUS_ROUTES)
    if deps.metrics is not None:
        found.append(METRICS_ROUTE)
    if deps.serve_api:
        found += PROBLEM_ROUTES
        if deps.history is not None:  # the problem list also takes ?user_id=
            found[found.index(PROBLEM_ROUTES[0])] = PROBLEM_ROUTES[0]._replace(
                operation=openapi_history.LIST_PROBLEMS_PERSONAL
            )
            found += HISTORY_ROUTES
            if deps.acceptance is not None:
                found.append(ACCEPTANCE_ROUTE)
        if deps.submissions is not None:
            found += SUBMISSION_ROUTES
        if deps.competitions is not None:
            found += COMPETITION_ROUTES
            if deps.announcements is not None:
                found += ANNOUNCEMENT_ROUTES
            if deps.stats is not None:
                found.append(STATS_ROUTE)
        found += extra
    return found


def wire_types(deps: ApiDeps) -> tuple[type, ...]:
    """The Structs the document of a host with `deps` describes beside its routes' own."""
    found = openapi_submissions.WIRE_TYPES if deps.submissions is not None else ()
    if deps.competitions is not None:
        found += openapi_competitions.WIRE_TYPES
    if deps.history is not None:
        found += openapi_history.WIRE_TYPES
        if deps.acceptance is not None:
            found += openapi_announcements.ACCEPTANCE_TYPES
    if deps.competitions is not None and (deps.announcements is not None or deps.stats is not None):
        found += openapi_announcements.WIRE_TYPES
    return found


EVERY_ROUTE: tuple[Route, ...] = (
    *STATUS_ROUTES,
    METRICS_ROUTE,
    PROBLEM_ROUTES[0]._replace(operation=openapi_history.LIST_PROBLEMS_PERSONAL),
    *PROBLEM_ROUTES[1:],
    *HISTORY_ROUTES,
    ACCEPTANCE_ROUTE,
    *SUBMISSION_ROUTES,
    *COMPETITION_ROUTES,
    *ANNOUNCEMENT_ROUTES,
    STATS_ROUTE,
)
EVERY_WIRE_TYPE: tuple[type, ...] = (
    *openapi_submissions.WIRE_TYPES,
    *openapi_competitions.WIRE_TYPES,
    *openapi_history.WIRE_TYPES,
    *openapi_announcements.ACCEPTANCE_TYPES,
    *openapi_announcements.WIRE_TYPES,
)


def full_document() -> dict[str, object]:
    """The document of a host that serves every route (a contest host with history): what the web client
    is typed against (web/src/wire.ts, generated by scripts/wire_types.py), made without a running daemon."""
    return openapi.document(
        ((route.method, route.path, route.operation) for route in EVERY_ROUTE),
        EVERY_WIRE_TYPE,
        openapi_competitions.SCHEMAS,
    )


def build_app(deps: ApiDeps, extra_routes: Iterable[Route] = ()) -> web.Application:
    """The API application. It reads `deps` and owns none of them: the caller opens and closes them."""
    app = web.Application(middlewares=[error_middleware, auth_middleware], client_max_size=deps.max_body_size)
    served = routes(deps, extra_routes)
    app[DEPS] = deps
    app[ACCESS] = {(route.method, route.path): route.access for route in served}
    schemas = openapi_competitions.SCHEMAS if deps.competitions is not None else None
    document = openapi.document(
        ((route.method, route.path, route.operation) for route in served), wire_types(deps), schemas
    )
    app[OPENAPI_DOCUMENT] = encode(document)
    for route in served:
        app.router.add_route(route.method, route.path, route.handler)
    if deps.web is not None and deps.serve_api:  # the bundled client (/, /assets/...): public, outside OpenAPI
        app[ACCESS].update(mount_web_client(app, deps.web))
    return app
