"""Design problems in the native format: `[design]` in problem.toml, tests as LeetCode's operation lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness import Base, Type
from judged.harness.design import Design, parse_design
from judged.harness.types import SignatureError
from judged.problems import DesignProblem, ProblemError, check_problem, load_problem
from tests.problems.folders import write_problem

DESIGN_TOML = """\
title = "Counter"
difficulty = "easy"
time_limit = 2
memory_limit = 256

[design]
class = "Counter"
constructor = [{ name = "start", type = "int" }]
methods = [
    { name = "add", params = [{ name = "amount", type = "long" }] },
    { name = "get", returns = "long" },
    { name = "history", returns = "long[]" },
]
"""
SAMPLE = (
    '{"input": {"operations": ["Counter", "add", "get", "history"], "arguments": [[1], [2], [], []]},'
    ' "output": [null, null, 3, [1, 3]]}\n'
)
SOLUTION = """class Counter:
    def __init__(self, start: int):
        self.values = [start]

    def add(self, amount: int) -> None:
        self.values.append(self.values[-1] + amount)

    def get(self) -> int:
        return self.values[-1]

    def history(self) -> List[int]:
        return self.values
"""


def design_folder(tmp_path: Path, **files: str) -> Path:
    return write_problem(
        tmp_path,
        "counter",
        {
            "problem.toml": DESIGN_TOML,
            "tests/sample.jsonl": SAMPLE,
            "tests/secret.jsonl": SAMPLE.replace("[[1], [2]", "[[5], [-5]").replace("3, [1, 3]", "0, [5, 0]"),
            "solutions/accepted/add.py": SOLUTION,
            **files,
        },
    )


def errors(folder: Path) -> list[str]:
    return [str(d).replace(f"{folder.parent}/", "") for d in check_problem(folder) if d.severity.value == "error"]


def test_a_design_folder_loads_as_a_design_problem_with_canonical_tests(tmp_path: Path) -> None:
    folder = design_folder(tmp_path)
    problem = load_problem(folder)
    assert isinstance(problem, DesignProblem)
    assert check_problem(folder) == []
    design = problem.design
    assert (design.class_name, [p.name for p in design.constructor]) == ("Counter", ["start"])
    assert [(m.name, str(m.returns)) for m in design.methods] == [
        ("add", "void"),
        ("get", "long"),
        ("history", "long[]"),
    ]
    (sample,) = problem.samples
    assert sample.input == {"operations": ["Counter", "add", "get", "history"], "arguments": [[1], [2], [], []]}
    assert sample.output == [None, None, 3, [1, 3]]
    assert design.result_of("history", 3) == Type(Base.LONG, 1)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"input": {"operations": ["Counter", "add"], "arguments": [[1], ["x"]]}, "output": [null, null]}',
            'input.arguments[1][0]: expected long (64-bit), got "x"',
        ),
        (
            '{"input": {"operations": ["Counter", "jump"], "arguments": [[1], []]}, "output": [null, null]}',
            "input.operations[1]: 'jump' is no method of Counter (add, get, history)",
        ),
        (
            '{"input": {"operations": ["Count", "get"], "arguments": [[1], []]}, "output": [null, 1]}',
            "input.operations[0]: the first operation constructs Counter",
        ),
        (
            '{"input": {"operations": ["Counter", "get"], "arguments": [[1], []]}, "output": [null]}',
            "output: 1 returns for 2 operations",
        ),
        (
            '{"input": {"operations": ["Counter", "add"], "arguments": [[1], [1]]}, "output": [null, 1]}',
            "output[1]: add (void) returns null, not 1",
        ),
        (
            '{"input": {"operations": ["Counter", "get"], "arguments": [[1]]}, "output": [null, 1]}',
            "input.arguments: expected a list of 2 argument lists",
        ),
        (
            '{"input": {"operations": ["Counter", "get"], "arguments": [[1], [7]]}, "output": [null, 1]}',
            "input.arguments[1]: get takes 0 arguments, got [7]",
        ),
    ],
)
def test_a_bad_design_test_line_names_file_line_and_place(tmp_path: Path, line: str, message: str) -> None:
    folder = design_folder(tmp_path, **{"tests/secret.jsonl": line + "\n"})
    assert errors(folder) == [f"counter/tests/secret.jsonl:1: error: {message}"]
    with pytest.raises(ProblemError):
        load_problem(folder)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (DESIGN_TOML.replace('class = "Counter"', 'class = "counter"'), "is not a PascalCase identifier"),
        (DESIGN_TOML.replace('"start", type = "int"', '"start", type = "TreeNode"'), "scalars and arrays of them"),
        (DESIGN_TOML.replace('name = "get", returns', 'name = "add", returns'), "the name is taken"),
        (DESIGN_TOML.replace('name = "get", returns', 'name = "class", returns'), "is reserved"),
        (DESIGN_TOML.replace('returns = "long[]"', 'returns = "lng"'), "unknown type 'lng'"),
        (
            DESIGN_TOML + '\n[function]\nname = "f"\nparams = []\nreturns = "int"\n',
            "exactly one of [function] and [design]",
        ),
        (DESIGN_TOML.replace("[design]", "[desing]"), "desing: unknown key"),
    ],
)
def test_a_bad_design_table_is_one_clear_error(tmp_path: Path, toml: str, message: str) -> None:
    folder = design_folder(tmp_path, **{"problem.toml": toml})
    found = errors(folder)
    assert len(found) == 1, found
    assert found[0].startswith("counter/problem.toml"), found
    assert message in found[0]


def test_methods_may_be_called_by_python_and_go_builtins_but_not_keywords() -> None:
    with pytest.raises(SignatureError, match="has no methods"):
        Design(class_name="TimeMap", constructor=(), methods=())
    design = parse_design("TimeMap", [], [("set", [("key", "string")], "void"), ("get", [], "string")])
    assert [method.name for method in design.methods] == ["set", "get"]
    with pytest.raises(SignatureError, match="is reserved"):
        parse_design("TimeMap", [], [("delete", [], "void")])
