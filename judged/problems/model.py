"""The typed model of a loaded problem: what the judge, the store and the API read.

Everything here is already validated: a `Problem` exists only for a folder
that loaded without errors (`judged.problems.native`, `judged.problems.kattis`).
A problem is either a function problem (a `signature`, tests as JSON values)
or an I/O problem (`io`: test files read on stdin, answers checked by a
validator), as its `kind` says.
"""

from __future__ import annotations

import enum
from pathlib import Path

import msgspec

from judged.harness import Signature
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
    """LeetCode style: one typed signature, all tests in one run (`Problem.signature`)."""
    IO = "io"
    """Contest style: stdin/stdout, one run per test file (`Problem.io`)."""


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


class Problem(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A problem loaded from its folder: a function problem (`signature`) or an I/O problem (`io`)."""

    slug: str
    path: Path
    title: str
    difficulty: Difficulty
    tags: tuple[str, ...]
    time_limit: float
    """Function problems: CPU seconds for the whole set of tests in one run. I/O problems: CPU seconds per test
    (when the package carries none, a provisional limit until the judge derives one: `io.time_limit_given`)."""
    memory_limit: int
    """MiB."""
    signature: Signature | None
    """Function problems only."""
    compare: Compare
    shape: Shape
    statement: str
    test_files: tuple[TestFile, ...]
    solutions: tuple[ReferenceSolution, ...]
    kind: ProblemKind = ProblemKind.FUNCTION
    io: IoSpec | None = None
    """I/O problems only."""
    reference_output: bool = True
    """Whether runs on custom inputs show the reference solution's outputs (`[runs] reference_output`)."""

    @property
    def tests(self) -> list[TestCase]:
        """Every test, file by file in name order, line by line."""
        return [case for test_file in self.test_files for case in test_file.cases]

    @property
    def samples(self) -> list[TestCase]:
        """The visible examples."""
        return [case for test_file in self.test_files if test_file.sample for case in test_file.cases]
