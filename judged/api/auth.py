"""Who is calling: admin tokens, trusted service tokens, and participants' signed tokens from frontends.

Each route says who may call it (`public`, `frontend`, `admin`). A `frontend` route takes a
service token (`server.tokens`: a backend acting server to server for many users, which names
the participant in `user_id`), a participant token (an HS256 JWT signed by one of
`server.frontends`: the request then acts as its `sub` and nobody else), or an admin token.
With no credential configured at all every call is allowed: the daemon then listens on
loopback only, so only the host itself can reach it.

Every request gets a `Caller` (`CALLER`), whose `name` is what logs say did an admin action: an
admin token is named by a fingerprint (the first 12 hex digits of its SHA-256), never itself.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Literal

from aiohttp import web
from aiohttp.typedefs import Handler

from judged.api.deps import DEPS, ApiError, Auth
from judged.api.tokens import InvalidParticipantToken, looks_like_jwt, verify

__all__ = ["ACCESS", "ADMIN", "CALLER", "Access", "Caller", "auth_middleware", "caller", "fingerprint"]


CallerKind = Literal["open", "admin", "service", "participant", "anonymous"]


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent a request: `participant` is set for a participant token, and only then."""

    kind: CallerKind
    name: str
    """For logs: "admin token 3f2a…", "service token 91bc…", "frontend site", "loopback (no auth)"."""
    participant: str | None = None

    @property
    def admin(self) -> bool:
        return self.kind in ("admin", "open")

    @property
    def sees_hidden_tests(self) -> bool:
        """Whether results are shown whole (hidden tests' data too): only to a caller holding an admin token.
        With no auth configured (loopback) the one at the machine runs judged but is also its participant:
        the web client there shows what a participant sees."""
        return self.kind == "admin"


OPEN = Caller("open", "loopback (no auth configured)")
ANONYMOUS = Caller("anonymous", "anonymous")

ADMIN = web.RequestKey("admin", bool)
"""Whether the caller holds an admin token (always true when auth is off)."""
CALLER = web.RequestKey("caller", Caller)

Access = Literal["public", "frontend", "admin"]
ACCESS = web.AppKey("access", dict[tuple[str, str], Access])
"""(method, path template) -> who may call it; a route not listed (aiohttp's 404/405) is public."""

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="judged"'}


def fingerprint(token: str) -> str:
    """What logs call a static token: 12 hex digits of its SHA-256 (never the token)."""
    return hashlib.sha256(token.encode()).hexdigest()[:12]


def caller(request: web.Request) -> Caller:
    """The request's caller (set by the middleware; anonymous outside it)."""
    found: Caller = request.get(CALLER, ANONYMOUS)
    return found


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    auth = request.app[DEPS].auth
    resource = request.match_info.route.resource
    template = resource.canonical if resource is not None else ""
    access = request.app[ACCESS].get((request.method, template), "public")
    if request.method == "HEAD":
        access = request.app[ACCESS].get(("GET", template), access)
    if not auth.enabled:
        who = OPEN  # loopback only: whoever can reach the daemon runs it
    else:
        who = _identify(auth, _bearer(request), strict=access != "public")
        if access != "public":
            _authorize(who, access)
    request[CALLER] = who
    request[ADMIN] = who.admin
    return await handler(request)


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _identify(auth: Auth, token: str | None, *, strict: bool) -> Caller:
    """The caller a token names; a token that names nobody is a 401 when `strict`, else anonymous."""
    if token is None:
        if strict:
            raise ApiError(401, "unauthorized", "send Authorization: Bearer <token>", headers=CHALLENGE)
        return ANONYMOUS
    if _known(token, auth.admin_tokens):
        return Caller("admin", f"admin token {fingerprint(token)}")
    if _known(token, auth.tokens):
        return Caller("service", f"service token {fingerprint(token)}")
    if auth.frontends and looks_like_jwt(token):
        try:
            verified = verify(token, auth.frontends)
        except InvalidParticipantToken as exc:
            if strict:
                raise ApiError(401, "unauthorized", str(exc), headers=CHALLENGE) from exc
            return ANONYMOUS
        return Caller("participant", f"frontend {verified.frontend}", participant=verified.participant)
    if strict:
        raise ApiError(401, "unauthorized", "unknown token", headers=CHALLENGE)
    return ANONYMOUS


def _authorize(who: Caller, access: Access) -> None:
    if access == "admin" and not who.admin:
        raise ApiError(403, "forbidden", "this call needs an admin token")


def _known(token: str, tokens: frozenset[str]) -> bool:
    """Whether `token` is one of `tokens`, comparing each in constant time."""
    found = False
    for candidate in tokens:
        found |= hmac.compare_digest(token.encode(), candidate.encode())
    return found
