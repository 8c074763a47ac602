"""Compare a function's result with the expected one: exact, float tolerance, or any order."""

from __future__ import annotations

import math

import msgspec

from judged.harness.types import Type
from judged.harness.values import InvalidValue, canonical, validate
from judged.problems.model import Compare, CompareMode


def mismatch(actual: object, expected: object, type_: Type, spec: Compare) -> str | None:
    """Why `actual` is not an acceptable answer, or None when it is."""
    try:
        validate(actual, type_, "result")
    except InvalidValue as exc:
        return f"returned a value that is not {type_}: {exc.problem}"
    if spec.mode is CompareMode.CUSTOM:
        return None  # well-typed; the problem's checker decides after the run (judging/custom.py)
    got, want = canonical(actual, type_), canonical(expected, type_)
    if spec.mode is CompareMode.UNORDERED:
        got, want = _sorted(got, spec.unordered_depth), _sorted(want, spec.unordered_depth)
    if spec.mode is CompareMode.FLOAT:
        return None if _close(got, want, spec.tolerance) else "wrong answer (outside the tolerance)"
    return None if got == want else "wrong answer"


def _sorted(value: object, depth: int) -> object:
    if depth <= 0 or not isinstance(value, list):
        return value
    inner = [_sorted(item, depth - 1) for item in value]
    return sorted(inner, key=msgspec.json.encode)


def _close(got: object, want: object, tolerance: float) -> bool:
    if isinstance(got, list) and isinstance(want, list):
        return len(got) == len(want) and all(_close(g, w, tolerance) for g, w in zip(got, want, strict=True))
    if isinstance(want, float) and isinstance(got, int | float) and not isinstance(got, bool):
        diff = abs(float(got) - want)
        return diff <= tolerance or diff <= tolerance * abs(want) or (math.isinf(want) and got == want)
    return got == want
