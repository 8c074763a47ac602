"""GET /healthz, /readyz and /v1/languages: is the process up, can it serve, which languages can it judge."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Literal

import msgspec
from aiohttp import web

from judged.api.deps import DEPS, ApiDeps, json_response

__all__ = ["Check", "Readiness", "healthz", "languages", "metrics", "readiness", "readyz"]

REDIS_TIMEOUT = 1.0
"""Seconds the readiness check waits for Redis to answer PING."""
DATABASE_TIMEOUT = 2.0
"""Seconds the readiness check waits for the submissions database to answer."""


class Check(msgspec.Struct, frozen=True):
    """One thing the daemon needs before it can serve: its name, whether it is there, and what is wrong if not."""

    name: str
    ok: bool
    message: str = ""


class Readiness(msgspec.Struct, frozen=True):
    status: Literal["ready", "not_ready"]
    """`ready` or `not_ready`."""
    checks: list[Check]


async def healthz(_request: web.Request) -> web.Response:
    """Liveness: the event loop answers. Nothing else is checked, so a load balancer never restarts a busy host."""
    return json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """200 when every check passes, else 503; the body lists every check either way."""
    report = await readiness(request.app[DEPS])
    return json_response(report, status=200 if report.status == "ready" else 503)


async def languages(request: web.Request) -> web.Response:
    return json_response(list(request.app[DEPS].languages()))


async def metrics(request: web.Request) -> web.Response:
    render = request.app[DEPS].metrics
    if render is None:
        raise web.HTTPNotFound()
    return web.Response(body=await render(), content_type="text/plain", charset="utf-8", headers=_PROMETHEUS)


_PROMETHEUS = {"X-Content-Type-Options": "nosniff"}


async def readiness(deps: ApiDeps) -> Readiness:
    checks = [await check(deps) for check in CHECKS]
    return Readiness(status="ready" if all(check.ok for check in checks) else "not_ready", checks=checks)


async def _problem_index(deps: ApiDeps) -> Check:
    if not deps.index_synced():
        return Check("problem_index", ok=False, message="the problem index has not been synced with the folders yet")
    return Check("problem_index", ok=True)


async def _languages(deps: ApiDeps) -> Check:
    statuses = deps.languages()
    if any(status.enabled for status in statuses):
        return Check("languages", ok=True)
    if not statuses:
        return Check("languages", ok=False, message="no language has finished its self-test yet")
    reasons = "; ".join(f"{status.id}: {status.reason}" for status in statuses)
    return Check("languages", ok=False, message=f"every language is disabled ({reasons})"[:2000])


async def _answers(name: str, ping: Callable[[], Awaitable[object]] | None, seconds: float, what: str) -> Check:
    """Whether `ping` answers within `seconds`; a host that does not use it (None) does not need it."""
    if ping is None:
        return Check(name, ok=True, message="not used by this host")
    try:
        async with asyncio.timeout(seconds):
            await ping()
    except Exception as exc:  # any failure to answer is "not reachable"; the check says what it was
        return Check(name, ok=False, message=f"{what} is unreachable: {type(exc).__name__}: {exc}"[:500])
    return Check(name, ok=True)


async def _redis(deps: ApiDeps) -> Check:
    return await _answers("redis", deps.redis_ping, REDIS_TIMEOUT, "Redis")


async def _database(deps: ApiDeps) -> Check:
    return await _answers("database", deps.database_ping, DATABASE_TIMEOUT, "the submissions database")


CHECKS: tuple[Callable[[ApiDeps], Awaitable[Check]], ...] = (_redis, _problem_index, _languages, _database)
"""Each readiness check, in the order reported."""
