"""Problem folders: load them into typed problems, and check them for everything a problem setter should fix.

This package imports nothing of judged but the harness's types.
"""

from judged.problems.diagnostics import Diagnostic, ProblemError, Severity
from judged.problems.io_model import IoSpec, IoTest, TestGroup, Validation
from judged.problems.judged_format import check_problem, load_problem, load_problems, problem_id
from judged.problems.kattis import samples_text
from judged.problems.model import (
    Compare,
    CompareMode,
    DesignProblem,
    Difficulty,
    ExpectedVerdict,
    FunctionProblem,
    IoProblem,
    Problem,
    ProblemKind,
    ReferenceSolution,
    TestCase,
    TestFile,
)

__all__ = [
    "Compare",
    "CompareMode",
    "DesignProblem",
    "Diagnostic",
    "Difficulty",
    "ExpectedVerdict",
    "FunctionProblem",
    "IoProblem",
    "IoSpec",
    "IoTest",
    "Problem",
    "ProblemError",
    "ProblemKind",
    "ReferenceSolution",
    "Severity",
    "TestCase",
    "TestFile",
    "TestGroup",
    "Validation",
    "check_problem",
    "load_problem",
    "load_problems",
    "problem_id",
    "samples_text",
]
