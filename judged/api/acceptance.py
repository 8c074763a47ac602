"""GET /v1/acceptance: each problem's submissions, accepted ones, solvers and participants who tried.

For a problem list's "Acceptance" column (judged.store.acceptance); every host answers from its own copy,
read from the submissions database at most once a minute.
"""

from __future__ import annotations

import msgspec
from aiohttp import web

from judged.api.deps import DEPS, ApiError, json_response
from judged.store.acceptance import REFRESH, ProblemAcceptance

__all__ = ["AcceptancePage", "problems_acceptance"]


class AcceptancePage(msgspec.Struct, frozen=True):
    items: list[ProblemAcceptance]
    """Problems with at least one finished submission, by id; a problem not listed has none."""


async def problems_acceptance(request: web.Request) -> web.Response:
    counts = request.app[DEPS].acceptance
    if counts is None:
        raise ApiError(404, "not_found", "this host keeps no submissions database")
    page = AcceptancePage(items=await counts.all())
    return json_response(page, headers={"Cache-Control": f"public, max-age={int(REFRESH)}"})
