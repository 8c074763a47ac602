"""Problem folders: load them into typed problems, and check them for everything a problem setter should fix.

This package imports nothing of judged but the harness's types.
"""

from judged.problems.diagnostics import Diagnostic, ProblemError, Severity
from judged.problems.model import (
    Compare,
    CompareMode,
    Difficulty,
    ExpectedVerdict,
    Problem,
    ReferenceSolution,
    TestCase,
    TestFile,
)
from judged.problems.native import check_problem, load_problem, load_problems
from judged.problems.solutions import LANGUAGE_BY_EXTENSION

__all__ = [
    "LANGUAGE_BY_EXTENSION",
    "Compare",
    "CompareMode",
    "Diagnostic",
    "Difficulty",
    "ExpectedVerdict",
    "Problem",
    "ProblemError",
    "ReferenceSolution",
    "Severity",
    "TestCase",
    "TestFile",
    "check_problem",
    "load_problem",
    "load_problems",
]
