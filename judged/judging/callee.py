"""What one harness run calls: a function problem's `Signature` or a design problem's class (`Design`).

Function and design problems are judged the same way (one sandboxed run for
all tests, one result line per test, compared outside the sandbox); these are
the three places where what is called makes a difference: the harness files
each language builds, the names a failing test's input is shown under, and
how a returned value is compared with the expected one.
"""

from __future__ import annotations

import importlib
import json
import math
from typing import Protocol

from judged.harness import registry
from judged.harness.design import ARGUMENTS, OPERATIONS, Design, check_return
from judged.harness.types import Base, Signature
from judged.harness.values import InvalidValue
from judged.judging.compare import mismatch
from judged.problems.model import Compare

Callee = Signature | Design

DOUBLE_TOLERANCE = 1e-5
"""A design method's double result passes within this absolute or relative error (LeetCode's own rule)."""


class _Generator(Protocol):
    def build(self, callee: Callee, solution: str) -> dict[str, str]: ...


def harness_files(callee: Callee, language_id: str, code: str) -> dict[str, str]:
    """The files a language builds and runs: its function harness (`judged/harness/lang_<id>.py`) or its
    design harness (`judged/harness/design_<id>.py`) around the user's code."""
    if isinstance(callee, Signature):
        return registry.support(language_id).build(callee, code)  # UnknownLanguage for one with no harness
    if "design" not in registry.problem_kinds(language_id):
        raise registry.UnknownLanguage(f"no design-problem harness for language {language_id!r}")
    module: _Generator = importlib.import_module(f"judged.harness.design_{language_id}")
    return module.build(callee, code)


def input_names(callee: Callee) -> list[str]:
    """The names a test's arguments are shown under: the parameters, or a design test's two lists."""
    if isinstance(callee, Design):
        return [OPERATIONS, ARGUMENTS]
    return [param.name for param in callee.params]


def result_mismatch(callee: Callee, actual: object, expected: object, args: list[object], spec: Compare) -> str | None:
    """Why `actual` is not an acceptable result of the test with arguments `args`, or None when it is."""
    if isinstance(callee, Signature):
        return mismatch(actual, expected, callee.result_type, spec)
    return design_mismatch(callee, actual, expected, args)


def design_mismatch(design: Design, actual: object, expected: object, args: list[object]) -> str | None:
    """Compare a design test's list of returns with the expected one, operation by operation."""
    operations = args[0]
    assert isinstance(operations, list)
    assert isinstance(expected, list)
    if not isinstance(actual, list) or len(actual) != len(operations):
        return f"returned {_count(actual)} results for {len(operations)} operations"
    for index, (operation, got, want) in enumerate(zip(operations, actual, expected, strict=True)):
        try:
            value = check_return(design, str(operation), index, got, f"result[{index}]")
        except InvalidValue as exc:
            return f"operation {index} ({operation}) returned a wrong type: {exc.problem}"
        if not _same(value, want, design.result_of(str(operation), index).base):
            return f"operation {index} ({operation}): expected {_text(want)}, got {_text(value)}"
    return None


def _same(got: object, want: object, base: Base) -> bool:
    if base is Base.DOUBLE:
        return _close(got, want)
    return got == want


def _close(got: object, want: object) -> bool:
    if isinstance(got, list) and isinstance(want, list):
        return len(got) == len(want) and all(_close(g, w) for g, w in zip(got, want, strict=True))
    if isinstance(got, float) and isinstance(want, float):
        diff = abs(got - want)
        return diff <= DOUBLE_TOLERANCE or diff <= DOUBLE_TOLERANCE * abs(want) or (math.isinf(want) and got == want)
    return got == want


def _count(value: object) -> str:
    return str(len(value)) if isinstance(value, list) else "no list of"


def _text(value: object) -> str:
    text = json.dumps(value)
    return text if len(text) <= 60 else text[:57] + "..."
