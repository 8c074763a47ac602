"""The plan of a compressed competition day and what one run of it saw (tests/contest_day.py runs it)."""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from judged.store.competitions import Competition


class Fault(enum.StrEnum):
    WORKER_KILL = "worker SIGKILL"
    REDIS_RESTART = "Redis kill -9, AOF restart"
    API_STOP = "API daemon SIGSTOP"
    DATABASE_DOWN = "database unreachable"
    FAILOVER = "Sentinel failover"


@dataclass(frozen=True)
class FaultAt:
    fault: Fault
    at: float
    """Contest seconds at which the fault starts."""
    hold: float
    """Seconds it lasts before the repair starts (API stopped, database down, worker dead)."""


@dataclass(frozen=True)
class Plan:
    participants: int
    duration: int
    """Contest seconds (at least 60: judged's minimum)."""
    freeze_minutes: int
    submit_rate: float
    poll_rate: float
    faults: tuple[FaultAt, ...]
    burst: float = 2.0
    poll_processes: int = 1
    seed: int = 18
    languages: dict[str, float] = field(default_factory=lambda: {"python": 0.6, "c": 0.2, "javascript": 0.2})
    """The share of submissions in each language; the deployment offers only these."""


@dataclass
class Window:
    fault: Fault
    start: float
    end: float = math.inf
    """Contest seconds: from the fault until the system is whole again."""


@dataclass
class Sent:
    user: str
    label: str
    problem: str
    language: str
    expected: str
    submitted: float = math.nan
    """Contest seconds of the POST that was answered 202."""
    sid: str = ""
    verdict: str = ""
    verdict_at: float = math.nan
    refusals: list[tuple[float, int, str | None]] = field(default_factory=list)
    """(contest seconds, status or 0 for no answer, Retry-After) of each refused POST."""
    given_up: str = ""


@dataclass
class Day:
    """What one run saw."""

    plan: Plan
    competition: Competition
    started: float = 0.0
    """Unix seconds of the contest start."""
    sent: list[Sent] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    staleness: list[float] = field(default_factory=list)
    polls: dict[str, Any] = field(default_factory=dict)
    board_samples: list[tuple[float, float]] = field(default_factory=list)
    """The board's answered requests: (contest second it was sent, latency in seconds)."""
    lost: list[str] = field(default_factory=list)
    double: list[str] = field(default_factory=list)
    board_differences: list[str] = field(default_factory=list)
    board_rows: int = 0
    slot_seconds: dict[str, list[float]] = field(default_factory=dict)
    """Per language, the seconds a slot spent on each submission (claim to verdict, compile included)."""
    orphans: int = 0
    """Submissions in the database that no participant heard a 202 for (the answer was lost, not the submission)."""

    def now(self) -> float:
        return time.time() - self.started


def quantile(values: Sequence[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]
