"""What a participant is told: the verdict of a submission and of each test."""

from __future__ import annotations

import enum

import msgspec


class Verdict(enum.StrEnum):
    AC = "AC"  # accepted
    WA = "WA"  # wrong answer
    TLE = "TLE"  # time limit exceeded
    MLE = "MLE"  # memory limit exceeded
    OLE = "OLE"  # output limit exceeded
    RE = "RE"  # runtime error (exception, crash, non-zero exit, forbidden system call)
    CE = "CE"  # compile error
    IE = "IE"  # internal error: the judge's fault, never the participant's


class TestResult(msgspec.Struct, frozen=True):
    """One test as judged: its verdict and the CPU time the call took (I/O problems: the run's CPU time)."""

    index: int
    verdict: Verdict
    time: float
    sample: bool = False
    memory: int = 0
    """I/O problems: the run's peak bytes (function problems share one run: see JudgeResult.memory)."""
    group: str = ""
    """I/O problems: the test's name below data/ (`secret/group1/03`)."""
    score: float | None = None
    """Scoring problems: the test's score."""


class GroupScore(msgspec.Struct, frozen=True):
    """A test group of a scoring problem as graded: `secret/group1`, its verdict and score."""

    name: str
    verdict: Verdict
    score: float


class Failure(msgspec.Struct, frozen=True):
    """The first failing test. Input, expected and actual only for a visible (sample) test."""

    index: int
    verdict: Verdict
    message: str
    sample: bool
    input: dict[str, object] | None = None
    expected: object | None = None
    actual: object | None = None


class JudgeResult(msgspec.Struct, frozen=True):
    """The verdict of one submission, with what a participant needs to see why."""

    verdict: Verdict
    tests: list[TestResult]
    time: float  # CPU seconds of the whole run
    memory: int  # peak bytes
    compile_output: str = ""
    message: str = ""
    failure: Failure | None = None
    stdout: str = ""  # what the program printed (capped)
    stderr: str = ""
    prints_hidden: bool = True
    """Whether `stdout`/`stderr` were printed by a program that had been given a hidden test (they may quote it):
    participants then do not see them (judged.judging.visibility). Only a judge that knows better says False."""
    compile_time: float = 0.0
    score: float | None = None
    """Scoring problems: the total score (partial acceptance: AC with less than `max_score`)."""
    max_score: float | None = None
    groups: list[GroupScore] = []
