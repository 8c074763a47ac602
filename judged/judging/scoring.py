"""The Kattis default grader: a group's verdict and score from its items' (tests and subgroups).

Pure functions; `judged.judging.io` walks the test groups and calls them.
"""

from __future__ import annotations

import math
import statistics

import msgspec

from judged.judging.verdicts import Verdict
from judged.problems.io_model import Grading, ScoreMode, TestGroup, VerdictMode

# The default grader's "worst" error first (Kattis: JE, IF, RTE, MLE, TLE, OLE, WA).
WORST_FIRST = (Verdict.IE, Verdict.RE, Verdict.MLE, Verdict.TLE, Verdict.OLE, Verdict.WA)


class Graded(msgspec.Struct, frozen=True):
    """The result of a test or a group: its verdict and score, and for a group its name."""

    verdict: Verdict
    score: float
    name: str = ""


def test_score(grading: Grading, verdict: Verdict, validator_score: float | None) -> float:
    """A test's score: the validator's `score.txt` when it gives one and the test passed, else the group's."""
    if verdict is not Verdict.AC:
        return grading.reject_score
    return grading.accept_score if validator_score is None else validator_score


def grade(grading: Grading, items: list[Graded], *, root: bool = False) -> Graded:
    """The group's result from its items' results, in judging order."""
    if root and grading.ignore_sample and items and items[0].name == "sample":
        items = items[1:]
    if not items:
        return Graded(Verdict.AC, 0.0)
    return Graded(_verdict(grading, items), _score(grading, [item.score for item in items]))


def best_score(group: TestGroup, *, root: bool = True) -> float:
    """The score a submission gets when every test passes (with `accept_score`s: the problem's maximum)."""
    graded = [
        Graded(Verdict.AC, best_score(item, root=False) if isinstance(item, TestGroup) else group.grading.accept_score,
               item.name)
        for item in group.items
    ]  # fmt: skip
    return grade(group.grading, graded, root=root).score


def _verdict(grading: Grading, items: list[Graded]) -> Verdict:
    errors = [item.verdict for item in items if item.verdict is not Verdict.AC]
    if not errors or grading.verdict_mode is VerdictMode.ALWAYS_ACCEPT:
        return Verdict.AC
    if grading.accept_if_any_accepted and len(errors) < len(items):
        return Verdict.AC
    if grading.verdict_mode is VerdictMode.FIRST_ERROR:
        return errors[0]
    return next((verdict for verdict in WORST_FIRST if verdict in errors), errors[0])


def _score(grading: Grading, scores: list[float]) -> float:
    mode = grading.score_mode
    if mode is ScoreMode.SUM:
        total = math.fsum(scores)
    elif mode is ScoreMode.AVG:
        total = statistics.fmean(scores)
    elif mode is ScoreMode.MIN:
        total = min(scores)
    else:
        total = max(scores)
    if grading.score_range is not None:
        low, high = grading.score_range
        total = min(max(total, low), high)
    return total
