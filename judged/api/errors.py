"""The one middleware that turns every failure into the JSON error shape `{"error": {"code", "message"}}`."""

from __future__ import annotations

import logging

from aiohttp import web
from aiohttp.typedefs import Handler
from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError

from judged.api.deps import ApiError, json_response
from judged.competitions.errors import (
    CompetitionExists,
    CompetitionInvalid,
    CompetitionNotFound,
    NotAdmitted,
    NotOnBoard,
    UnknownProblems,
)
from judged.store.events import EventsUnavailable

__all__ = ["CODES", "domain_error", "error_body", "error_middleware"]

log = logging.getLogger(__name__)

RETRY_AFTER_REDIS = "5"

CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    408: "request_timeout",
    409: "conflict",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "unprocessable_entity",
    429: "too_many_requests",
    500: "internal",
    501: "not_implemented",
    503: "unavailable",
}


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


DomainError = CompetitionNotFound | CompetitionExists | CompetitionInvalid | NotAdmitted | NotOnBoard | UnknownProblems
DOMAIN_ERRORS = (CompetitionNotFound, CompetitionExists, CompetitionInvalid, NotAdmitted, NotOnBoard, UnknownProblems)


def domain_error(error: DomainError) -> ApiError:
    """The one place a domain exception becomes an HTTP status, code and message."""
    match error:
        case CompetitionNotFound():
            return ApiError(404, "not_found", f"no competition {str(error)!r}")
        case CompetitionExists():
            return ApiError(409, "conflict", f"competition {str(error)!r} exists already")
        case CompetitionInvalid():
            return ApiError(409, "conflict", str(error))
        case NotAdmitted():
            return ApiError(409, error.code, str(error))
        case NotOnBoard():
            return ApiError(404, "not_found", str(error))
        case UnknownProblems():
            return ApiError(422, "unknown_problem", str(error))


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """ApiError and HTTP errors keep their status, domain errors get theirs (`domain_error`); the rest is a 500."""
    try:
        return await handler(request)
    except (ApiError, *DOMAIN_ERRORS) as caught:
        error = caught if isinstance(caught, ApiError) else domain_error(caught)
        return json_response(error_body(error.code, error.message), status=error.status, headers=error.headers)
    except (RedisError, EventsUnavailable, ConnectionError, TimeoutError) as error:
        # Redis is away (or too slow): the client may try again; browsing keeps working from the SQLite index.
        log.warning("%s %s: Redis unavailable: %s", request.method, request.path, error)
        body = error_body("unavailable", "the submission store is unreachable; try again shortly")
        return json_response(body, status=503, headers={"Retry-After": RETRY_AFTER_REDIS})
    except DBAPIError as error:
        # The submissions database is away: history and cold submissions wait for it; the rest keeps working.
        log.warning("%s %s: the submissions database is unavailable: %s", request.method, request.path, error)
        body = error_body("unavailable", "the submissions database is unreachable; try again shortly")
        return json_response(body, status=503, headers={"Retry-After": RETRY_AFTER_REDIS})
    except web.HTTPException as error:
        if error.status < 400:
            raise  # redirects and 304s are not errors
        return _http_error(error)
    except Exception:
        log.exception("unhandled error in %s %s", request.method, request.path)
        return json_response(error_body("internal", "internal error"), status=500)


def _http_error(error: web.HTTPException) -> web.Response:
    code = CODES.get(error.status) or error.reason.lower().replace(" ", "_")
    default_text = f"{error.status}: {error.reason}"
    message = error.text if error.text and error.text != default_text else error.reason
    headers = {"Allow": error.headers["Allow"]} if "Allow" in error.headers else None
    return json_response(error_body(code, message), status=error.status, headers=headers)
