"""GET /v1/competitions/{id}/stats: each problem's solves, participants who tried, and submissions (public board)."""

from __future__ import annotations

from aiohttp import web

from judged.api.deps import DEPS, ApiError, json_response

__all__ = ["competition_stats"]


async def competition_stats(request: web.Request) -> web.Response:
    deps = request.app[DEPS]
    if deps.competitions is None or deps.stats is None:
        raise ApiError(404, "not_found", "this host does not serve competitions")
    competition = await deps.competitions.require(request.match_info["competition_id"])
    page = await deps.stats.page(competition)
    return json_response(page, headers={"Cache-Control": "public, max-age=5"})
