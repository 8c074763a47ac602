"""The typed model of a loaded problem: what the judge, the store and the API read.

Everything here is already validated: a `Problem` exists only for a folder
that loaded without errors (`judged.problems.judged_format`, `judged.problems.kattis`).
A problem is one of three kinds, a tagged union dispatched once where the
kind matters: a `FunctionProblem` (a `signature`, tests as JSON values), a
`DesignProblem` (a class: `design`, tests as LeetCode's operation lists) or
an `IoProblem` (`io`: test files read on stdin, answers checked by a
validator).
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import ClassVar

import msgspec

from judged.harness import Signature, registry
from judged.harness.design import Design
from judged.problems.io_model import IoSpec


class Difficulty(enum.StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class CompareMode(enum.StrEnum):
    """How a returned value is compared with a test's expected output."""

    EXACT = "exact"
    FLOAT = "float"
    """Doubles pass when |actual - expected| <= tolerance or <= tolerance * |expected|."""
    UNORDERED = "unordered"
    """The order of the outermost list is ignored (and inside each element list with depth 2)."""
    CUSTOM = "custom"
    """A checker program in the problem folder decides."""


class Compare(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A function problem's compare settings; `tolerance`, `unordered_depth`, `checker` belong to their mode."""

    mode: CompareMode = CompareMode.EXACT
    tolerance: float = 0.0
    unordered_depth: int = 1
    checker: Path | None = None


class Shape(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What the types alone do not say: which `T[][]` parameters, and whether a `T[][]` result, have equal rows."""

    rectangular: tuple[str, ...] = ()
    """The names of the parameters whose rows all have one length (a grid)."""
    rectangular_output: bool = False


class ExpectedVerdict(enum.StrEnum):
    """The verdict a reference solution must get, named as its folder under `solutions/`."""

    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    TIME_LIMIT_EXCEEDED = "time_limit_exceeded"
    RUN_TIME_ERROR = "run_time_error"
    COMPILE_ERROR = "compile_error"
    MEMORY_LIMIT_EXCEEDED = "memory_limit_exceeded"
    PARTIALLY_ACCEPTED = "partially_accepted"
    """Kattis scoring problems: accepted, with less than the full score."""
    SEVERAL = "several"
    """Kattis / DOMjudge packages: any of the verdicts `ReferenceSolution.permitted` names (`slow_accepted`,
    `rejected`, `brute_force`, an `@EXPECTED_RESULTS@:` header, `submissions.yaml`)."""

    @property
    def code(self) -> str:
        """The verdict's short code: AC, WA, TLE, RE, CE, MLE (SEVERAL: `any`)."""
        return _CODES[self]


_CODES = {
    ExpectedVerdict.ACCEPTED: "AC",
    ExpectedVerdict.WRONG_ANSWER: "WA",
    ExpectedVerdict.TIME_LIMIT_EXCEEDED: "TLE",
    ExpectedVerdict.RUN_TIME_ERROR: "RE",
    ExpectedVerdict.COMPILE_ERROR: "CE",
    ExpectedVerdict.MEMORY_LIMIT_EXCEEDED: "MLE",
    ExpectedVerdict.PARTIALLY_ACCEPTED: "AC",
    ExpectedVerdict.SEVERAL: "any",
}


class ProblemKind(enum.StrEnum):
    FUNCTION = "function"
    """LeetCode style: one typed signature, all tests in one run (`FunctionProblem`)."""
    IO = "io"
    """Contest style: stdin/stdout, one run per test file (`IoProblem`)."""
    DESIGN = "design"
    """LeetCode's design problems: a class called through a list of operations, all tests in one run
    (`DesignProblem`)."""


class TestCase(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One test: the arguments by parameter name in parameter order, the expected output, and where it was written.

    Values are in canonical form (`judged.harness.canonical`): doubles are
    floats, trees have no trailing nulls.
    """

    __test__ = False  # not a pytest class

    input: dict[str, object]
    output: object
    file: Path
    line: int
    sample: bool

    @property
    def arguments(self) -> list[object]:
        """The arguments in parameter order, as the harness reads them."""
        return list(self.input.values())


class TestFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One `tests/*.jsonl` file; files whose name starts with `sample` are the visible examples."""

    __test__ = False

    path: Path
    sample: bool
    cases: tuple[TestCase, ...]


class ReferenceSolution(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A solution under `solutions/<verdict>/` (Kattis: `submissions/<verdict>/`), in the language its extension names.

    `path` is a file, or for a Kattis multi-file submission a folder.
    """

    path: Path
    language: str
    verdict: ExpectedVerdict
    permitted: tuple[str, ...] = ()
    """The verdict codes that agree with what the package expects, in its format's mapping (a Kattis
    `run_time_error` also agrees with MLE and OLE, which Kattis reports as RTE); empty: `verdict.code` alone."""

    @property
    def expected(self) -> tuple[str, ...]:
        """The verdict codes `judged problems check` accepts for this solution."""
        return self.permitted or (self.verdict.code,)


class _ProblemBase(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, tag_field="kind"):
    """What every kind of problem has: identity, limits, statement and reference solutions."""

    kind: ClassVar[ProblemKind]
    slug: str
    path: Path
    title: str
    difficulty: Difficulty
    tags: tuple[str, ...]
    time_limit: float
    """Function and design problems: CPU seconds for the whole set of tests in one run. I/O problems: CPU
    seconds per test (when the package carries none, a provisional limit until the judge derives one:
    `io.time_limit_given`)."""
    memory_limit: int
    """MiB."""
    statement: str
    solutions: tuple[ReferenceSolution, ...]
    reference_output: bool = True
    """Whether runs on custom inputs show the reference solution's outputs (`[runs] reference_output`)."""

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages it can be solved in, in reference-rank order (`registry.languages_for`)."""
        return registry.languages_for(self.kind.value)


class _TestedProblem(_ProblemBase, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Function and design problems: tests as JSON values in `tests/*.jsonl`."""

    test_files: tuple[TestFile, ...]

    @property
    def tests(self) -> list[TestCase]:
        """Every test, file by file in name order, line by line."""
        return [case for test_file in self.test_files for case in test_file.cases]

    @property
    def samples(self) -> list[TestCase]:
        """The visible examples."""
        return [case for test_file in self.test_files if test_file.sample for case in test_file.cases]


class FunctionProblem(_TestedProblem, frozen=True, forbid_unknown_fields=True, kw_only=True, tag="function"):
    """LeetCode style: one typed signature, all tests in one run."""

    kind: ClassVar[ProblemKind] = ProblemKind.FUNCTION
    signature: Signature
    compare: Compare = Compare()
    shape: Shape = Shape()

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages that can express its signature (not Erlang's or Elixir's for a void one)."""
        return registry.languages_for(self.kind.value, self.signature)


class DesignProblem(_TestedProblem, frozen=True, forbid_unknown_fields=True, kw_only=True, tag="design"):
    """LeetCode's design problems: a class, its constructor and methods; each test is a list of operations with
    their arguments and the list of what each returned, all tests in one run."""

    kind: ClassVar[ProblemKind] = ProblemKind.DESIGN
    design: Design


class IoProblem(_ProblemBase, frozen=True, forbid_unknown_fields=True, kw_only=True, tag="io"):
    """Contest style: stdin/stdout, one run per test file, a validator decides."""

    kind: ClassVar[ProblemKind] = ProblemKind.IO
    io: IoSpec


Problem = FunctionProblem | DesignProblem | IoProblem
"""A loaded problem, one of its kinds; code that depends on the kind dispatches on it once (a `match`)."""
