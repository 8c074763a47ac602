"""Competitions: what one is, the state it is in at a given moment, and where it is kept in Redis.

On the wire (HTTP JSON and Redis) `start` is Unix seconds (a number); a TOML file
(`judged competitions create FILE.toml`) may instead give an offset date-time, which
the loader turns into Unix seconds. `duration` is in seconds (default 90 minutes);
`freeze_minutes` and `penalty_minutes` in minutes. Problems are ordered; a problem
without a label gets the letter of its position (A, B, ...).

A submission that names a competition is `admit`ted only while the competition runs
(frozen included) and only for one of its problems; it counts by its time of arrival.

A competition's problems are not ordinary problems while it matters (`ProblemLocks`):
before the start, with `hide_problems` (the default), only admins see or use them; while
it runs (frozen included) nobody submits them for practice and runs of them get no
reference outputs for custom inputs. Once it ends they are ordinary problems again.
"""

from __future__ import annotations

import datetime
import enum
import math
import string
import time
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
import redis.asyncio as aioredis

from judged.problems.judged_format import MAX_SLUG_LENGTH
from judged.store.keys import Keys

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
MAX_PROBLEMS = 26
MAX_DURATION = 7 * 24 * 3600  # seconds; the score packing relies on it (docs/leaderboard.md)
MAX_PENALTY_MINUTES = 240
DEFAULT_DURATION = 90 * 60

Rule = Literal["solved-then-time", "icpc"]


class CompetitionState(enum.StrEnum):
    SCHEDULED = "scheduled"
    RUNNING = "running"
    FROZEN = "frozen"  # running, the public board no longer shows new results
    ENDED = "ended"
    FINALIZED = "finalized"  # results are final and the public board is the live one


class CompetitionInvalid(ValueError):
    """The competition breaks a rule no field limit can express (duplicate labels, freeze too long)."""


class CompetitionNotFound(LookupError):
    """No competition has this id."""


class CompetitionExists(Exception):
    """A competition with this id exists already and replacing it was not asked for."""


class NotAdmitted(Exception):
    """A submission cannot count for this competition: it is not running, or the problem is not in it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code  # "competition_not_running" or "problem_not_in_competition"


class CompetitionProblem(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One problem of a competition, with the label the board shows for it."""

    problem: Annotated[str, msgspec.Meta(pattern=rf"^[A-Za-z0-9_.-]{{1,{MAX_SLUG_LENGTH}}}$")]
    label: Annotated[str, msgspec.Meta(pattern=r"^([A-Za-z0-9]{1,8})?$")] = ""


class Competition(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A competition as created by an admin. `start` is Unix seconds; `duration` seconds."""

    id: Annotated[str, msgspec.Meta(pattern=ID_PATTERN)]
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    start: Annotated[float, msgspec.Meta(ge=0, le=1e11)]
    problems: Annotated[list[CompetitionProblem], msgspec.Meta(min_length=1, max_length=MAX_PROBLEMS)]
    duration: Annotated[int, msgspec.Meta(ge=60, le=MAX_DURATION)] = DEFAULT_DURATION
    rule: Rule = "solved-then-time"
    freeze_minutes: Annotated[int, msgspec.Meta(ge=1)] | None = None
    penalty_minutes: Annotated[int, msgspec.Meta(ge=0, le=MAX_PENALTY_MINUTES)] = 20
    finalized: bool = False
    hide_problems: bool = True
    """Until the start, its problems are absent from the problem list and 404 for everyone but admins."""

    def __post_init__(self) -> None:
        if not math.isfinite(self.start):
            raise CompetitionInvalid("start must be a finite number of Unix seconds")
        labelled = [
            problem if problem.label else CompetitionProblem(problem=problem.problem, label=_letter(index))
            for index, problem in enumerate(self.problems)
        ]
        msgspec.structs.force_setattr(self, "problems", labelled)
        labels = [problem.label for problem in labelled]
        if len(set(labels)) != len(labels):
            raise CompetitionInvalid(f"problem labels must be unique, got {labels}")
        problems = [problem.problem for problem in labelled]
        if len(set(problems)) != len(problems):
            raise CompetitionInvalid(f"a problem may appear once, got {problems}")
        if self.freeze_minutes is not None and self.freeze_minutes * 60 > self.duration:
            raise CompetitionInvalid("freeze_minutes must not exceed the duration")

    @property
    def end(self) -> float:
        return self.start + self.duration

    @property
    def freeze_at(self) -> float | None:
        """When the public board freezes (Unix seconds), or None without a freeze."""
        return None if self.freeze_minutes is None else self.end - self.freeze_minutes * 60

    @property
    def labels(self) -> list[str]:
        return [problem.label for problem in self.problems]

    def label_of(self, problem: str) -> str | None:
        """The label of a problem id in this competition, None if it is not in it."""
        return next((entry.label for entry in self.problems if entry.problem == problem), None)

    def state(self, now: float | None = None) -> CompetitionState:
        now = time.time() if now is None else now
        if self.finalized:
            return CompetitionState.FINALIZED
        if now < self.start:
            return CompetitionState.SCHEDULED
        if now >= self.end:
            return CompetitionState.ENDED
        freeze_at = self.freeze_at
        if freeze_at is not None and now >= freeze_at:
            return CompetitionState.FROZEN
        return CompetitionState.RUNNING

    def contest_seconds(self, at: float) -> float:
        """Seconds since the start, within [0, duration]: the time a submission counts at."""
        return min(max(at - self.start, 0.0), float(self.duration))

    def to_wire(self, now: float | None = None) -> dict[str, Any]:
        """The competition as `GET /v1/competitions/{id}` shows it: its fields plus state, end and freeze time."""
        wire: dict[str, Any] = msgspec.to_builtins(self)
        wire.update(state=self.state(now).value, end=self.end, freeze_at=self.freeze_at)
        return wire


def _letter(index: int) -> str:
    return string.ascii_uppercase[index]


def admit(competition: Competition, problem: str, now: float | None = None) -> str:
    """The label a submission to `problem` arriving `now` counts under; raises `NotAdmitted` otherwise."""
    state = competition.state(now)
    if state not in (CompetitionState.RUNNING, CompetitionState.FROZEN):
        raise NotAdmitted("competition_not_running", f"competition {competition.id} is {state.value}, not running")
    label = competition.label_of(problem)
    if label is None:
        raise NotAdmitted("problem_not_in_competition", f"problem {problem} is not in competition {competition.id}")
    return label


class ProblemLocks(msgspec.Struct, frozen=True):
    """Which problems competitions keep from ordinary use right now (see the module's docstring).

    `hidden`: in a scheduled competition that hides its problems (and in no running one);
    `locked`: in a running (or frozen) competition.
    """

    hidden: frozenset[str] = frozenset()
    locked: frozenset[str] = frozenset()

    def visible(self, problem: str, *, admin: bool) -> bool:
        """Whether the caller may see (read, run, submit) `problem` at all."""
        return admin or problem not in self.hidden

    def practice(self, problem: str) -> bool:
        """Whether a submission naming no competition may be made for `problem`."""
        return problem not in self.locked

    def reference_outputs(self, problem: str) -> bool:
        """Whether a run on custom inputs may show what the reference solution outputs for them."""
        return problem not in self.locked


def problem_locks(competitions: Iterable[Competition], now: float | None = None) -> ProblemLocks:
    """The locks `competitions` put on their problems at `now`."""
    now = time.time() if now is None else now
    hidden: set[str] = set()
    locked: set[str] = set()
    for competition in competitions:
        state = competition.state(now)
        problems = {entry.problem for entry in competition.problems}
        if state in (CompetitionState.RUNNING, CompetitionState.FROZEN):
            locked |= problems
        elif state is CompetitionState.SCHEDULED and competition.hide_problems:
            hidden |= problems
    return ProblemLocks(hidden=frozenset(hidden - locked), locked=frozenset(locked))


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(Competition)


def decode_competition(data: bytes | str) -> Competition:
    """A competition from JSON (a request body); raises msgspec.ValidationError with the path of the fault."""
    return _DECODER.decode(data)


def load_competition(path: Path) -> Competition:
    """A competition from a TOML file; `start` may be an offset date-time or Unix seconds.

    Raises msgspec.ValidationError (with the path of the bad field) or ValueError.
    """
    with path.open("rb") as file:
        data = tomllib.load(file)
    start = data.get("start")
    if isinstance(start, datetime.datetime):
        if start.tzinfo is None:
            raise ValueError(f"{path}: start needs a UTC offset, as in 2025-05-01T14:00:00Z")
        data["start"] = start.timestamp()
    elif isinstance(start, datetime.date | datetime.time):
        raise ValueError(f"{path}: start must be a date and time with a UTC offset, or Unix seconds")
    try:
        return msgspec.convert(data, Competition)
    except msgspec.ValidationError as exc:
        raise msgspec.ValidationError(f"{path}: {exc}") from exc


class CompetitionStore:
    """Competitions in Redis, one JSON string each under the competition's hash tag."""

    def __init__(self, redis: aioredis.Redis, keys: Keys | None = None) -> None:
        self._redis = redis
        self.keys = keys or Keys()

    async def create(self, competition: Competition, *, replace: bool = False) -> None:
        """Store a competition; raises `CompetitionExists` if the id is taken, unless `replace`.

        Replacing the times or the rule of a competition with results needs a rebuild of its board.
        """
        key = self.keys.competition(competition.id)
        stored = await self._redis.set(key, _ENCODER.encode(competition), nx=not replace)
        if not stored:
            raise CompetitionExists(competition.id)
        await self._redis.zadd(self.keys.competitions_by_end(), {competition.id: competition.end})

    async def current(self, now: float | None = None) -> list[Competition]:
        """Every competition that has not ended by `now` (those that can hide or lock problems), by end."""
        now = time.time() if now is None else now
        ids = await self._redis.zrangebyscore(self.keys.competitions_by_end(), f"({now!r}", "+inf")
        if not ids:
            return []
        async with self._redis.pipeline(transaction=False) as pipe:  # one slot per competition: no MGET
            for competition_id in ids:
                pipe.get(self.keys.competition(str(competition_id)))
            raws = await pipe.execute()
        return [_DECODER.decode(raw) for raw in raws if raw is not None]

    async def index_existing(self) -> int:
        """Add competitions stored before the end index existed to it, once per Redis; how many were added."""
        if await self._redis.exists(self.keys.competitions_indexed()):
            return 0
        added = 0
        pattern = self.keys.competition("*")
        async for key in self._redis.scan_iter(match=pattern, count=1000):
            raw = await self._redis.get(key)
            if raw is not None:
                competition = _DECODER.decode(raw)
                new = await self._redis.zadd(self.keys.competitions_by_end(), {competition.id: competition.end})
                added += int(new or 0)
        await self._redis.set(self.keys.competitions_indexed(), "1")
        return added

    async def get(self, competition_id: str) -> Competition | None:
        raw = await self._redis.get(self.keys.competition(competition_id))
        return None if raw is None else _DECODER.decode(raw)

    async def require(self, competition_id: str) -> Competition:
        """The competition, or `CompetitionNotFound`."""
        competition = await self.get(competition_id)
        if competition is None:
            raise CompetitionNotFound(competition_id)
        return competition

    async def finalize(self, competition_id: str, now: float | None = None) -> Competition:
        """Mark the results final: the public board becomes the live one. Only once the competition has ended."""
        competition = await self.require(competition_id)
        if competition.finalized:
            return competition
        if competition.state(now) is not CompetitionState.ENDED:
            raise CompetitionInvalid(f"competition {competition_id} has not ended; it cannot be finalized yet")
        final = msgspec.structs.replace(competition, finalized=True)
        await self._redis.set(self.keys.competition(competition_id), _ENCODER.encode(final), xx=True)
        return final
