"""Run mode end to end: real sandbox, real harness, the outputs a participant sees for their inputs."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest

from judged.harness.types import parse_signature
from judged.judging.build import Builder
from judged.judging.languages import load_languages
from judged.judging.runs import (
    CallStatus,
    RunOutcome,
    RunStatus,
    custom_arguments,
    reference_solution,
    run_function,
)
from judged.judging.tasks import function_task
from judged.judging.verdicts import Verdict
from judged.problems.model import Problem, Shape
from judged.sandbox import Sandbox
from tests.kinds import function_problem

PROJECT = Path(__file__).resolve().parents[2]
LANGUAGES = load_languages(PROJECT / "languages")
ROTATE = function_problem(PROJECT / "problems" / "rotate-grid")
TASK = function_task(ROTATE)

PY_ROTATE = """
class Solution:
    def rotateGrid(self, grid: List[List[int]]) -> List[List[int]]:
        print("rows", len(grid))
        return [list(column) for column in zip(*reversed(grid))]
"""


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def run(code: str, inputs: list[list[object]], builder: Builder, language: str = "python") -> RunOutcome:
    return await run_function(TASK, LANGUAGES[language], code, inputs, sandbox=builder.sandbox, builder=builder)


async def test_an_accepted_solution_gives_the_expected_outputs_of_the_samples(builder: Builder) -> None:
    samples = ROTATE.samples
    outcome = await run(PY_ROTATE, [case.arguments for case in samples], builder)
    assert outcome.status is RunStatus.OK
    assert [o.status for o in outcome.outputs] == [CallStatus.OK] * len(samples)
    assert [o.value for o in outcome.outputs] == [case.output for case in samples]
    assert outcome.stdout.startswith("rows 2\nrows 1\n")
    assert outcome.message == ""
    assert outcome.memory > 0


async def test_a_raising_call_shows_its_error_and_the_inputs_after_it_are_not_run(builder: Builder) -> None:
    code = PY_ROTATE.replace('print("rows", len(grid))', "if len(grid) == 1: raise ValueError('one row')")
    outcome = await run(code, [[[[1, 2]] * 2], [[[1, 2]]], [[[3]] * 3]], builder)
    assert outcome.status is RunStatus.OK
    first, second, third = outcome.outputs
    assert (first.status, first.value) == (CallStatus.OK, [[1, 1], [2, 2]])
    assert second.status is CallStatus.ERROR
    assert "ValueError" in second.message
    assert "one row" in second.message
    assert third.status is CallStatus.NOT_RUN
    assert third.message == "not run: input 2 raised"


async def test_a_compile_error_is_reported_with_its_line(builder: Builder) -> None:
    outcome = await run("class Solution:\n    def rotateGrid(self, grid)\n        return grid\n", [[[[1]]]], builder)
    assert outcome.status is RunStatus.COMPILE_ERROR
    assert outcome.outputs == []
    assert 'solution.py", line 2' in outcome.compile_output


async def test_a_run_over_its_time_limit_says_which_input_was_running(builder: Builder) -> None:
    code = "class Solution:\n    def rotateGrid(self, grid):\n        while len(grid) > 1: pass\n        return grid\n"
    task = msgspec.structs.replace(TASK, time_limit=0.5)
    language = LANGUAGES["python"]
    inputs: list[list[object]] = [[[[1]]], [[[1], [2]]], [[[3]]]]
    outcome = await run_function(task, language, code, inputs, sandbox=builder.sandbox, builder=builder)
    assert outcome.status is RunStatus.ERROR
    assert outcome.verdict is Verdict.TLE
    assert "during input 2" in outcome.message
    assert [o.status for o in outcome.outputs] == [CallStatus.OK, CallStatus.ERROR, CallStatus.NOT_RUN]
    assert outcome.outputs[0].value == [[1]]


async def test_custom_inputs_run_in_cpp_beside_the_reference_solutions_expected_outputs(builder: Builder) -> None:
    reference = reference_solution(ROTATE)
    assert reference is not None
    assert reference.language == "cpp"
    inputs = custom_arguments([{"grid": [[1, 2, 3]]}, {"grid": [[1], [2]]}], ROTATE.signature, ROTATE.shape)
    expected = await run(reference.path.read_text(), inputs, builder, "cpp")
    assert expected.status is RunStatus.OK
    assert [o.value for o in expected.outputs] == [[[1], [2], [3]], [[2, 1]]]
    mine = await run(PY_ROTATE, inputs, builder)
    assert [o.value for o in mine.outputs] == [o.value for o in expected.outputs]


def test_custom_inputs_become_canonical_argument_lists() -> None:
    signature = parse_signature("f", [("root", "TreeNode"), ("scale", "double"), ("k", "int")], "int")
    arguments = custom_arguments([{"k": 3, "scale": 2, "root": [1, None, 2, None, None]}], signature)
    assert arguments == [[[1, None, 2], 2.0, 3]]
    assert isinstance(arguments[0][1], float)


@pytest.mark.parametrize(
    ("custom", "message"),
    [
        ({"nums": [1, "x"], "k": 1}, 'input 1: nums[1]: expected int (32-bit), got "x"'),
        ({"nums": [1], "k": 2**40}, "input 1: k: 1099511627776 does not fit int (32-bit)"),
        ({"nums": [1]}, "input 1: missing parameter 'k'"),
        ({"nums": [1], "k": 1, "K": 2}, "input 1: unknown parameter 'K' (expected nums, k)"),
        ([[1], 1], "input 1: expected an object of arguments (nums, k)"),
    ],
)
def test_a_bad_custom_input_names_its_parameter(custom: object, message: str) -> None:
    signature = parse_signature("f", [("nums", "int[]"), ("k", "int")], "int")
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        custom_arguments([custom], signature)


def test_a_ragged_grid_is_refused_where_the_problem_wants_a_rectangle() -> None:
    with pytest.raises(ValueError, match=r"^input 2: grid\[1\]: a row of 1, but row 0 has 2"):
        custom_arguments([{"grid": [[1]]}, {"grid": [[1, 2], [3]]}], ROTATE.signature, ROTATE.shape)
    assert custom_arguments([{"grid": [[1, 2], [3]]}], ROTATE.signature, Shape()) == [[[[1, 2], [3]]]]


def test_the_reference_solution_is_a_fast_accepted_one_in_an_enabled_language() -> None:
    assert [s.language for s in ROTATE.solutions if s.verdict.code == "AC"]  # the bundle has them all
    picked = reference_solution(ROTATE, {"python", "java", "javascript"})
    assert picked is not None
    assert (picked.language, picked.verdict.code) == ("java", "AC")
    assert reference_solution(ROTATE, {"javascript"}) is not None
    none_enabled: set[str] = set()
    assert reference_solution(ROTATE, none_enabled) is None
    without: Problem = msgspec.structs.replace(
        ROTATE, solutions=tuple(s for s in ROTATE.solutions if s.verdict.code != "AC")
    )
    assert reference_solution(without) is None


async def test_writing_to_the_result_pipe_is_an_error_of_the_run(builder: Builder) -> None:
    code = "import os\nclass Solution:\n    def rotateGrid(self, grid):\n        os.write(3, b'junk\\n')\n"
    outcome = await run(code, [[[[1]]], [[[2]]]], builder)
    assert outcome.status is RunStatus.ERROR
    assert outcome.verdict is Verdict.WA
    assert [o.status for o in outcome.outputs] == [CallStatus.ERROR, CallStatus.NOT_RUN]
    assert "malformed result line" in outcome.outputs[0].message
