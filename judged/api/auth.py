"""Bearer tokens: frontends send one of `server.tokens`, admin calls one of `server.admin_tokens`.

Each route says who may call it (`public`, `frontend`, `admin`). With no token
configured at all, every call is allowed: the daemon then listens on loopback
only, so only the host itself can reach it.
"""

from __future__ import annotations

import hmac
from typing import Literal

from aiohttp import web
from aiohttp.typedefs import Handler

from judged.api.deps import DEPS, ApiError, Auth

__all__ = ["ACCESS", "ADMIN", "Access", "auth_middleware"]

ADMIN = web.RequestKey("admin", bool)
"""Whether the caller holds an admin token (always true when auth is off)."""

Access = Literal["public", "frontend", "admin"]
ACCESS = web.AppKey("access", dict[tuple[str, str], Access])
"""(method, path template) -> who may call it; a route not listed (aiohttp's 404/405) is public."""


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    auth = request.app[DEPS].auth
    if not auth.enabled:
        request[ADMIN] = True  # loopback only: whoever can reach the daemon runs it
        return await handler(request)
    token = _bearer(request)
    request[ADMIN] = token is not None and _known(token, auth.admin_tokens)
    resource = request.match_info.route.resource
    template = resource.canonical if resource is not None else ""
    access = request.app[ACCESS].get((request.method, template), "public")
    if request.method == "HEAD":
        access = request.app[ACCESS].get(("GET", template), access)
    if access != "public":
        _authorize(auth, access, token)
    return await handler(request)


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _authorize(auth: Auth, access: Access, token: str | None) -> None:
    challenge = {"WWW-Authenticate": 'Bearer realm="judged"'}
    if token is None:
        raise ApiError(401, "unauthorized", "send Authorization: Bearer <token>", headers=challenge)
    if _known(token, auth.admin_tokens):
        return
    if access == "admin":
        if _known(token, auth.tokens):
            raise ApiError(403, "forbidden", "this call needs an admin token")
        raise ApiError(401, "unauthorized", "unknown token", headers=challenge)
    if not _known(token, auth.tokens):
        raise ApiError(401, "unauthorized", "unknown token", headers=challenge)


def _known(token: str, tokens: frozenset[str]) -> bool:
    """Whether `token` is one of `tokens`, comparing each in constant time."""
    found = False
    for candidate in tokens:
        found |= hmac.compare_digest(token.encode(), candidate.encode())
    return found
