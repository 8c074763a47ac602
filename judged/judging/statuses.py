"""Whether each language may be used here: the wire type the self-tests produce and every host shares."""

from __future__ import annotations

import msgspec

from judged.problems.model import ProblemKind


class LanguageStatus(msgspec.Struct, frozen=True):
    """Whether a language may be used, and if not, why; and what it offers (GET /v1/languages)."""

    id: str
    name: str
    version: str
    enabled: bool
    reason: str = ""
    # The kinds of problem it solves: "function" and "design" where it has those harnesses, "io" everywhere.
    problems: tuple[ProblemKind, ...] = ()
    # LeetCode's environment libraries beside the standard library ("sortedcontainers 2.4.0").
    libraries: tuple[str, ...] = ()
    # The file extensions a solution or a Kattis submission in it has.
    extensions: tuple[str, ...] = ()
