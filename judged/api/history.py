"""History from the submissions database: a user's submissions, their standing per problem, the competitions.

A participant token reads its own history only (naming another user is 403, naming
none is its own); service and admin tokens read anyone's. A history line is a
summary (problem, language, verdict, time, memory, when): never the code or the
per-test results. The full result of one submission is GET /v1/submissions/{id},
which shows it through the same view as every other route that returns a result.
Pages are newest first with opaque keyset cursors. Per-user answers are never cached
by anyone but the caller (`Cache-Control: private, no-store`).
"""

from __future__ import annotations

from typing import Literal

import msgspec
from aiohttp import web
from multidict import MultiMapping

from judged.api.auth import caller
from judged.api.deps import DEPS, ApiError, History, json_response, query_int, query_text, short_text
from judged.judging.verdicts import Verdict
from judged.problems import Difficulty
from judged.store.archive import MAX_HISTORY_PAGE, HistoryQuery, ProblemStatus
from judged.store.competition_archive import MAX_COMPETITION_PAGE, ListedState
from judged.store.index import InvalidCursor, Page

__all__ = [
    "DEFAULT_HISTORY_LIMIT",
    "PersonalPage",
    "PersonalProblem",
    "list_competitions",
    "list_submissions",
    "personal_problem_page",
    "user_problems",
]

DEFAULT_HISTORY_LIMIT = 20
_PRIVATE = {"Cache-Control": "private, no-store"}


class PersonalProblem(msgspec.Struct, frozen=True):
    """A problem in the list, with the user's standing on it: `status` is solved, attempted or null (never tried)."""

    slug: str
    title: str
    difficulty: Difficulty
    tags: tuple[str, ...]
    status: Literal["solved", "attempted"] | None = None
    attempts: int = 0
    last_verdict: Verdict | None = None


class PersonalPage(msgspec.Struct, frozen=True):
    """GET /v1/problems?user_id=: the page of problems, each with that user's standing."""

    items: list[PersonalProblem]
    next_cursor: str | None
    total: int


def _history(request: web.Request) -> History:
    history = request.app[DEPS].history
    if history is None:
        raise ApiError(404, "not_found", "this host keeps no history")
    return history


def _whose(request: web.Request, named: str | None) -> str | None:
    """Whose history a request may read: a participant token's own only (naming another is 403); else as named."""
    participant = caller(request).participant
    if participant is None:
        return named
    if named is not None and named != participant:
        raise ApiError(403, "forbidden", "a participant token reads its own history only")
    return participant


def _choice(query: MultiMapping[str], name: str, kind: type[Verdict] | type[ListedState]) -> str | None:
    text = query_text(query, name)
    if text is not None and text not in {member.value for member in kind}:
        choices = ", ".join(member.value for member in kind)
        raise ApiError(400, "bad_request", f"unknown {name} {text[:20]!r}: one of {choices}")
    return text


async def list_submissions(request: web.Request) -> web.Response:
    """GET /v1/submissions: finished submissions matching every filter given, newest first."""
    query = request.query
    verdict = _choice(query, "verdict", Verdict)
    wanted = HistoryQuery(
        user_id=_whose(request, query_text(query, "user_id")),
        problem=query_text(query, "problem"),
        competition_id=query_text(query, "competition_id"),
        verdict=Verdict(verdict) if verdict is not None else None,
        language=query_text(query, "language"),
        limit=query_int(query, "limit", DEFAULT_HISTORY_LIMIT, 1, MAX_HISTORY_PAGE),
        cursor=query_text(query, "cursor"),
    )
    try:
        page = await _history(request).submissions.history(wanted)
    except InvalidCursor as error:
        raise ApiError(400, "bad_request", f"{error}: pass back a next_cursor exactly as it was given") from None
    return json_response(page, headers=_PRIVATE)


async def user_problems(request: web.Request) -> web.Response:
    """GET /v1/users/{user_id}/problems: the user's standing on every problem they submitted to."""
    user_id = request.match_info["user_id"]
    _whose(request, short_text("user_id", user_id))
    statuses = await _history(request).submissions.problem_statuses(user_id)
    return json_response(statuses, headers=_PRIVATE)


async def personal_problem_page(request: web.Request, page: Page, user_id: str) -> web.Response:
    """A page of GET /v1/problems with `user_id`'s standing on each of its problems."""
    _whose(request, short_text("user_id", user_id))
    slugs = [item.slug for item in page.items]
    statuses = {
        status.problem: status for status in await _history(request).submissions.problem_statuses(user_id, slugs)
    }
    items = [
        _personal(item.slug, item.title, item.difficulty, item.tags, statuses.get(item.slug)) for item in page.items
    ]
    return json_response(PersonalPage(items=items, next_cursor=page.next_cursor, total=page.total), headers=_PRIVATE)


def _personal(
    slug: str, title: str, difficulty: Difficulty, tags: tuple[str, ...], status: ProblemStatus | None
) -> PersonalProblem:
    if status is None:
        return PersonalProblem(slug=slug, title=title, difficulty=difficulty, tags=tags)
    return PersonalProblem(
        slug=slug,
        title=title,
        difficulty=difficulty,
        tags=tags,
        status="solved" if status.solved else "attempted",
        attempts=status.attempts,
        last_verdict=status.last_verdict,
    )


async def list_competitions(request: web.Request) -> web.Response:
    """GET /v1/competitions?state=: scheduled, running (frozen too) or ended (finalized too), newest start first."""
    query = request.query
    state = _choice(query, "state", ListedState)
    try:
        page = await _history(request).competitions.page(
            ListedState(state) if state is not None else None,
            limit=query_int(query, "limit", DEFAULT_HISTORY_LIMIT, 1, MAX_COMPETITION_PAGE),
            cursor=query_text(query, "cursor"),
        )
    except InvalidCursor as error:
        raise ApiError(400, "bad_request", f"{error}: pass back a next_cursor exactly as it was given") from None
    return json_response(page, headers={"Cache-Control": "public, max-age=1"})
