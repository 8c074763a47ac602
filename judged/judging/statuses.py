"""Whether each language may be used here: the wire type the self-tests produce and every host shares."""

from __future__ import annotations

import msgspec


class LanguageStatus(msgspec.Struct, frozen=True):
    """Whether a language may be used, and if not, why."""

    id: str
    name: str
    version: str
    enabled: bool
    reason: str = ""
