"""The model of an I/O problem (contest style, Kattis / ICPC packages): test files, groups, validators, limits.

Test data is a tree of groups (`data/` is the root, `data/sample` and
`data/secret` its children, any folder below them a subgroup); each group
says how its results are graded (the Kattis default grader's settings from
`testdata.yaml`, inherited from the closest ancestor that has one).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from pathlib import Path

import msgspec


class OnReject(enum.StrEnum):
    BREAK = "break"
    CONTINUE = "continue"


class VerdictMode(enum.StrEnum):
    """How a group's verdict follows from its items' (the default grader's verdict modes)."""

    WORST_ERROR = "worst_error"
    FIRST_ERROR = "first_error"
    ALWAYS_ACCEPT = "always_accept"


class ScoreMode(enum.StrEnum):
    SUM = "sum"
    AVG = "avg"
    MIN = "min"
    MAX = "max"


class Grading(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One group's grading: `testdata.yaml`'s `on_reject`, `grader_flags`, scores, range and validator flags."""

    on_reject: OnReject = OnReject.BREAK
    verdict_mode: VerdictMode = VerdictMode.WORST_ERROR
    score_mode: ScoreMode = ScoreMode.SUM
    ignore_sample: bool = False
    accept_if_any_accepted: bool = False
    accept_score: float = 1.0
    reject_score: float = 0.0
    score_range: tuple[float, float] | None = None
    validator_flags: tuple[str, ...] | None = None
    """`output_validator_flags` of the group; None: the problem's `validator_flags`."""
    input_validator_flags: tuple[str, ...] = ()


class IoTest(msgspec.Struct, frozen=True, forbid_unknown_fields=True, tag="test"):
    """One test case: `<name>.in` fed on stdin, `<name>.ans` the judge's answer (never shown to the program)."""

    __test__ = False  # not a pytest class

    name: str
    """The path below `data/` without extension: `secret/group1/03-max`."""
    input: Path
    answer: Path
    sample: bool


class TestGroup(msgspec.Struct, frozen=True, forbid_unknown_fields=True, tag="group"):
    """A folder of test data: its tests and subgroups in name order, and how their results are graded."""

    __test__ = False

    name: str
    """The path below `data/`: "" for the root, `sample`, `secret`, `secret/group1`."""
    grading: Grading
    items: tuple[IoTest | TestGroup, ...]

    def tests(self) -> Iterator[IoTest]:
        """Every test below this group, in judging order."""
        for item in self.items:
            if isinstance(item, IoTest):
                yield item
            else:
                yield from item.tests()


class Validation(enum.StrEnum):
    DEFAULT = "default"
    """The default output validator (`judged.judging.checkers`)."""
    CUSTOM = "custom"
    """The package's output validator program."""


class IoSpec(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What judging an I/O problem needs beyond the common fields of `Problem`."""

    data: TestGroup
    validation: Validation = Validation.DEFAULT
    validator_flags: tuple[str, ...] = ()
    interactive: bool = False
    scoring: bool = False
    score_from_validator: bool = False
    """`validation: custom score`: the validator's `score.txt` is each test's score."""
    output_validators: tuple[Path, ...] = ()
    """Programs: a source file, or a folder holding one program's files."""
    input_validators: tuple[Path, ...] = ()
    time_limit_given: bool = True
    """False when the package carries no time limit: derive it from the accepted submissions."""
    time_multiplier: float = 5.0
    time_safety_margin: float = 2.0
    output_limit: int = 8
    """MiB of output a run may write (the format's default: 8)."""
    format_version: str = "legacy"
    constants: tuple[tuple[str, str], ...] = ()
    """2023-07's `constants` (name, value): see `fill`."""
    includes: tuple[tuple[str, Path], ...] = ()
    """2023-07's `include/<language>/` folders by judged language id (`default`: for every other language):
    their files are added to every submission in that language."""

    def fill(self, text: str) -> str:
        """`{{name}}` of a constant replaced by its value, as the format does in validators, the
        statement and validator arguments (never in submissions or test data)."""
        return fill_constants(text, self.constants)

    @property
    def tests(self) -> list[IoTest]:
        return list(self.data.tests())

    @property
    def samples(self) -> list[IoTest]:
        return [test for test in self.data.tests() if test.sample]


_CONSTANT = re.compile(r"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")


def fill_constants(text: str, constants: tuple[tuple[str, str], ...]) -> str:
    """`{{name}}` replaced by the constant's value; a name that is not a constant stays as it is."""
    if not constants or "{{" not in text:
        return text
    values = dict(constants)
    return _CONSTANT.sub(lambda found: values.get(found.group(1), found.group(0)), text)
