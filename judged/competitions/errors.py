"""What the competitions domain raises; `judged.api.errors` maps each to an HTTP status once.

The store's exceptions (a competition missing, existing, invalid, a submission not admitted) are
part of the domain and re-exported here, so the edges import every competition error from one place.
"""

from __future__ import annotations

from judged.store.competitions import CompetitionExists, CompetitionInvalid, CompetitionNotFound, NotAdmitted

__all__ = [
    "CompetitionExists",
    "CompetitionInvalid",
    "CompetitionNotFound",
    "NotAdmitted",
    "NotOnBoard",
    "UnknownProblems",
]


class UnknownProblems(LookupError):
    """A new competition names problems this host's problem index does not know."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"no such problem(s): {', '.join(problems)}")
        self.problems = problems


class NotOnBoard(LookupError):
    """A participant has no row on a competition's board (yet)."""

    def __init__(self, user_id: str) -> None:
        super().__init__(f"{user_id!r} has no row on this leaderboard yet")
        self.user_id = user_id
