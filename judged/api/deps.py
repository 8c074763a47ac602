"""What the API needs from the rest of the daemon, its typed app keys, and the JSON helpers every route shares.

The API owns none of these: the composition root opens the problem index,
starts the judge and passes in what the routes read. The judge is reached only
through `languages`, a callable returning the current language statuses.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
from aiohttp import web
from multidict import MultiMapping

from judged.api.tokens import Frontend
from judged.judging.statuses import LanguageStatus
from judged.store.acceptance import AcceptanceCounts
from judged.store.announcements import AnnouncementFeed
from judged.store.archive import SubmissionArchive
from judged.store.competition_archive import CompetitionArchive
from judged.store.events import Events
from judged.store.index import ProblemIndex
from judged.store.keeper import SubmissionKeeper
from judged.store.submissions import Submission, SubmissionStore

if TYPE_CHECKING:
    from judged.competitions import Competitions
    from judged.competitions.stats import CompetitionStats

__all__ = [
    "DEFAULT_MAX_BODY",
    "DEPS",
    "ApiDeps",
    "ApiError",
    "cached_json",
    "encode",
    "json_response",
    "read_body",
    "wait_seconds",
]

DEFAULT_MAX_BODY = 1024 * 1024
"""The largest request body accepted, in bytes, when the configuration sets none (aiohttp's own default)."""

CACHE_CONTROL = "public, max-age=1"
PRIVATE_CACHE_CONTROL = "private, no-store"


@dataclass(frozen=True, slots=True)
class Auth:
    """Credentials. With none configured every call is allowed (the daemon then listens on loopback only).

    `tokens` are trusted service tokens (a backend acting for many users names `user_id`);
    `frontends` sign participant tokens (judged.api.tokens); `admin_tokens` may do anything.
    """

    tokens: frozenset[str] = frozenset()
    admin_tokens: frozenset[str] = frozenset()
    frontends: tuple[Frontend, ...] = ()

    @property
    def enabled(self) -> bool:
        return bool(self.tokens or self.admin_tokens or self.frontends)


@dataclass(frozen=True, slots=True)
class Submissions:
    """What the submission routes need: the Redis store, the host's event subscriptions and the limits.

    `competition_check(competition_id, problem)`, when set, raises a domain error (`judged.competitions.errors`)
    for a competition that does not accept this submission now.
    """

    store: SubmissionStore
    events: Events
    max_code_bytes: int = 64 * 1024
    max_wait: float = 30.0
    competition_check: Callable[[str, str], Awaitable[None]] | None = None
    on_created: Callable[[Submission], Awaitable[None]] | None = None
    """Called after a submission is queued (the leaderboard shows it as pending); must not raise."""
    keeper: SubmissionKeeper | None = None
    """Redis while hot, the submissions database after; None: Redis only (tests of the API alone)."""

    async def find(self, submission_id: str) -> Submission | None:
        """The submission wherever it is kept now; None if it does not exist."""
        if self.keeper is not None:
            return await self.keeper.get(submission_id)
        return await self.store.get(submission_id)

    async def rejudge(self, submission: Submission) -> bool:
        """Queue a finished submission again (brought back from the database if need be); False if not finished."""
        if self.keeper is not None:
            return await self.keeper.rejudge(submission)
        return await self.store.rejudge(submission)


@dataclass(frozen=True, slots=True)
class History:
    """What the history routes read (judged.api.history): finished submissions and competitions, in the database."""

    submissions: SubmissionArchive
    competitions: CompetitionArchive


@dataclass(frozen=True, slots=True)
class WebClient:
    """The bundled web client (judged.api.web): its built files, and what /web-config.json tells it.

    `demo`: the client lets a participant type any user id and, when frontend tokens are
    configured, `token` (a frontend token) is handed to every browser that asks (docs/web.md).
    """

    dist: Path
    demo: bool = False
    token: str | None = None


@dataclass(frozen=True, slots=True)
class ApiDeps:
    """The API's view of the daemon.

    `index` is an open `ProblemIndex`; `index_synced` says whether it has been
    synced with the problem folders at least once (readiness); `languages`
    returns the judge's current language statuses (empty before its self-tests).
    """

    index: ProblemIndex
    languages: Callable[[], Sequence[LanguageStatus]]
    index_synced: Callable[[], bool]
    max_body_size: int = DEFAULT_MAX_BODY
    submissions: Submissions | None = None
    """None on a host that serves no submissions (role worker): those routes are not mounted."""
    auth: Auth = field(default_factory=Auth)
    metrics: Callable[[], Awaitable[bytes]] | None = None
    """Renders /metrics in the Prometheus text format; None: no /metrics route."""
    competitions: Competitions | None = None
    """The competition store, leaderboard and page cache; None: no competition routes."""
    serve_api: bool = True
    """False on a worker-only host: only /healthz, /readyz and /metrics are served."""
    redis_ping: Callable[[], Awaitable[object]] | None = None
    """Raises when Redis is unreachable (a readiness check); None: this host does not use Redis."""
    database_ping: Callable[[], Awaitable[object]] | None = None
    """Raises when the submissions database is unreachable (a readiness check); None: not used."""
    history: History | None = None
    """The submissions database's history routes; None: not served (tests of the API alone)."""
    web: WebClient | None = None
    """The bundled web client served at /; None: not served (tests of the API alone, worker hosts)."""
    body_timeout: float = 10.0
    """Seconds a request may take to send its body (`read_body`): slower is a 408."""
    announcements: AnnouncementFeed | None = None
    """The organisers' announcements of competitions (judged.api.announcements); None: not served."""
    stats: CompetitionStats | None = None
    """Each competition problem's solves and attempts (judged.api.competition_stats); None: not served."""
    acceptance: AcceptanceCounts | None = None
    """Each problem's acceptance from the submissions database (judged.api.acceptance); None: not served."""


DEPS = web.AppKey("deps", ApiDeps)


class ApiError(Exception):
    """An error the client caused or must know about: the middleware sends it as the JSON error shape."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


MAX_QUERY = 200
"""The longest query parameter (or user id in a path) the API accepts, in characters."""


def short_text(name: str, value: str) -> str:
    """`value` of parameter `name`; 400 when it is longer than `MAX_QUERY`."""
    if len(value) > MAX_QUERY:
        raise ApiError(400, "bad_request", f"{name} is longer than {MAX_QUERY} characters")
    return value


def query_text(query: MultiMapping[str], name: str) -> str | None:
    """A query parameter, None when absent or empty; 400 when it is longer than `MAX_QUERY`."""
    value = query.get(name)
    return short_text(name, value) if value else None


def query_int(query: MultiMapping[str], name: str, default: int, low: int, high: int) -> int:
    """Integer parameter `name` from `low` to `high` (`default` when absent or empty); anything else is a 400.

    Decimal ASCII digits only, leading zeros allowed (`limit=0100` is 100), the same on every route.
    """
    text = query.get(name)
    if not text:
        return default
    # Up to 8 leading zeros beyond the largest value's digits: a longer string is refused unparsed.
    value = int(text) if text.isascii() and text.isdigit() and len(text) <= len(str(high)) + 8 else None
    if value is None or not low <= value <= high:
        raise ApiError(400, "bad_request", f"{name} must be an integer from {low} to {high}, not {text[:20]!r}")
    return value


def wait_seconds(request: web.Request, limit: float) -> float:
    """`?wait=` of a long poll: seconds from 0 to `limit` (0 when absent); anything else is a 400."""
    raw = request.query.get("wait")
    if raw is None:
        return 0.0
    try:
        seconds = float(raw)
    except ValueError:
        raise ApiError(400, "bad_request", f"wait must be a number of seconds, not {raw[:40]!r}") from None
    if not 0 <= seconds <= limit:
        raise ApiError(400, "bad_request", f"wait must be between 0 and {limit:g} seconds")
    return seconds


async def read_body(request: web.Request) -> bytes:
    """The request's body, or a 408 when the client takes longer than `body_timeout` to send it."""
    try:
        async with asyncio.timeout(request.app[DEPS].body_timeout):
            return await request.read()
    except TimeoutError:
        raise ApiError(408, "request_timeout", "the request body took too long to arrive") from None


_ENCODER = msgspec.json.Encoder()


def encode(value: object) -> bytes:
    """`value` as JSON bytes, through the one shared encoder."""
    return _ENCODER.encode(value)


def json_response(value: object, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(body=encode(value), status=status, content_type="application/json", headers=headers)


def cached_json(request: web.Request, value: object, *, private: bool = False) -> web.Response:
    """`value` as JSON, cacheable for a second, with a strong ETag of the body; 304 when `If-None-Match` matches.

    `private`: only the caller's own cache may keep it (an admin's view, which may show hidden problems).
    """
    body = encode(value)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"Cache-Control": PRIVATE_CACHE_CONTROL if private else CACHE_CONTROL, "ETag": etag}
    if _matches(request.headers.get("If-None-Match"), etag):
        return web.Response(status=304, headers=headers)
    return web.Response(body=body, content_type="application/json", headers=headers)


def _matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for this header)."""
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags
