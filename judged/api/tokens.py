"""Participant tokens: HS256 JWTs a frontend signs with its shared secret to say who the participant is.

A token carries `sub` (the user id, as in request bodies) and `exp`; its header may name the
frontend in `kid`. Without `kid` every configured secret is tried (each check is PyJWT's
constant-time HMAC comparison). Algorithms are pinned to HS256: a token naming `none`, RS256 or
anything else is refused before any key is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import jwt

__all__ = ["ALGORITHM", "Frontend", "InvalidParticipantToken", "ParticipantToken", "looks_like_jwt", "verify"]

ALGORITHM = "HS256"
LEEWAY = 30.0
"""Seconds of clock difference allowed between a frontend and judged when checking `exp`."""
USER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,63}$")
"""What a `sub` may be: the same as a body's `user_id`."""


@dataclass(frozen=True, slots=True)
class Frontend:
    """A frontend that signs participant tokens: its name (the `kid`) and its shared secret."""

    name: str
    secret: str


@dataclass(frozen=True, slots=True)
class ParticipantToken:
    """A verified token: which frontend signed it, and for whom."""

    frontend: str
    participant: str


class InvalidParticipantToken(Exception):
    """The token is malformed, expired, or not signed by a configured frontend (the message says which)."""


def looks_like_jwt(token: str) -> bool:
    """Three dot-separated parts: a JWT in compact form (a static token never is one, by convention)."""
    return token.count(".") == 2


def verify(token: str, frontends: Sequence[Frontend]) -> ParticipantToken:
    """The participant a token names, once its signature, `exp` and `sub` check out; raises otherwise."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.InvalidTokenError as exc:
        raise InvalidParticipantToken(f"malformed token: {exc}") from exc
    kid = header.get("kid")
    if kid is not None and not isinstance(kid, str):
        raise InvalidParticipantToken("the token's kid is not a string")
    candidates = [frontend for frontend in frontends if kid is None or frontend.name == kid]
    if not candidates:
        raise InvalidParticipantToken(f"no frontend is named {kid[:64]!r}" if kid else "no frontend is configured")
    for frontend in candidates:
        try:
            claims = jwt.decode(
                token,
                frontend.secret,
                algorithms=[ALGORITHM],
                options={"require": ["exp", "sub"], "verify_signature": True},
                leeway=LEEWAY,
            )
        except jwt.InvalidSignatureError:
            continue
        except jwt.ExpiredSignatureError as exc:
            raise InvalidParticipantToken("the token has expired") from exc
        except jwt.InvalidTokenError as exc:
            raise InvalidParticipantToken(f"invalid token: {exc}") from exc
        subject = claims["sub"]
        if not isinstance(subject, str) or not USER_ID.match(subject):
            raise InvalidParticipantToken("the token's sub is not a valid user id")
        return ParticipantToken(frontend=frontend.name, participant=subject)
    raise InvalidParticipantToken("the token is not signed by any configured frontend")
