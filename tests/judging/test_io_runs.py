"""Run mode for I/O problems end to end: real sandbox, one jail per input, what a participant sees of each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from judged.judging.build import Builder
from judged.judging.io_runs import NOT_INTERACTIVE, custom_inputs, run_io, sample_inputs
from judged.judging.languages import load_languages
from judged.judging.runs import CallStatus, RunOutcome, RunStatus, reference_solution
from judged.judging.sources import read_program
from judged.judging.verdicts import Verdict
from judged.sandbox import Sandbox
from tests.kinds import io_problem

PROJECT = Path(__file__).resolve().parents[2]
PACKAGES = Path(__file__).parent / "packages"
LANGUAGES = load_languages(PROJECT / "languages")
APLUSB = io_problem(PACKAGES / "aplusb")
SUM_PY = "import sys\na, b = map(int, input().split())\nprint(a + b)\nprint('summed', file=sys.stderr)\n"


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def run(
    code: str | dict[str, str], inputs: list[str], builder: Builder, language: str = "python",
    time_limit: float | None = None,
) -> RunOutcome:  # fmt: skip
    return await run_io(
        APLUSB, LANGUAGES[language], code, inputs, sandbox=builder.sandbox, builder=builder, time_limit=time_limit
    )


async def test_the_samples_give_their_answers(builder: Builder) -> None:
    inputs, answers = sample_inputs(APLUSB)
    assert (inputs, answers) == (["1 2\n"], ["3\n"])
    outcome = await run(SUM_PY, inputs, builder)
    assert outcome.status is RunStatus.OK
    assert [(o.status, o.value, o.message) for o in outcome.outputs] == [(CallStatus.OK, "3\n", "")]
    assert (outcome.verdict, outcome.message) == (None, "")
    assert outcome.stderr == "summed\n"
    assert outcome.memory > 0


async def test_each_input_runs_on_its_own_and_a_crash_stops_only_its_own(builder: Builder) -> None:
    outcome = await run(SUM_PY, ["40 2\n", "oops\n", "-5 5"], builder)
    assert outcome.status is RunStatus.ERROR
    assert outcome.verdict is Verdict.RE
    assert outcome.message.endswith("on input 2")
    first, second, third = outcome.outputs
    assert (first.status, first.value) == (CallStatus.OK, "42\n")
    assert second.status is CallStatus.ERROR
    assert second.message.startswith("RE: ")
    assert (third.status, third.value) == (CallStatus.OK, "0\n")
    assert "ValueError" in outcome.stderr
    assert outcome.stderr.startswith("[input 1]\nsummed\n")


async def test_several_inputs_share_one_jail_and_none_sees_what_another_left(builder: Builder) -> None:
    leaves_a_mark = (
        "import os\n"
        "a, b = map(int, input().split())\n"
        "seen = os.path.exists('/tmp/mark')\n"
        "open('/tmp/mark', 'w').close()\n"
        "print(a + b + seen)\n"
    )
    await run(leaves_a_mark, ["0 0\n"], builder)  # built (and cached) outside the count
    before = builder.sandbox.jails_started
    outcome = await run(leaves_a_mark, ["1 2\n", "3 4\n", "5 6\n"], builder)
    assert [o.value for o in outcome.outputs] == ["3\n", "7\n", "11\n"]
    assert builder.sandbox.jails_started - before == 1  # one jail for the three inputs


async def test_an_input_over_the_time_limit_is_tle_and_the_others_still_run(builder: Builder) -> None:
    code = "a, b = map(int, input().split())\nprint('started', flush=True)\nwhile a == 0: pass\nprint(a + b)\n"
    outcome = await run(code, ["1 1\n", "0 1\n", "2 2\n"], builder, time_limit=0.5)
    assert outcome.status is RunStatus.ERROR
    assert outcome.verdict is Verdict.TLE
    # CPU or, on a loaded core, the wall limit (2 s here) stops it first: a TLE either way.
    assert re.fullmatch(r".*(time|wall-clock) limit.* on input 2", outcome.message), outcome.message
    shown = [(o.status, o.value) for o in outcome.outputs]
    assert shown == [(CallStatus.OK, "started\n2\n"), (CallStatus.ERROR, "started\n"), (CallStatus.OK, "started\n4\n")]
    assert outcome.outputs[1].message.startswith("TLE: ")
    assert outcome.outputs[1].time >= 0.4


async def test_a_compile_error_is_reported_and_nothing_runs(builder: Builder) -> None:
    outcome = await run("int main(void) { return x; }\n", ["1 2\n"], builder, "c")
    assert outcome.status is RunStatus.COMPILE_ERROR
    assert outcome.outputs == []
    assert "x" in outcome.compile_output


async def test_a_long_output_is_cut_and_says_so(builder: Builder) -> None:
    outcome = await run("import sys\nsys.stdout.write('x' * 100_000)\n", [""], builder)
    assert outcome.status is RunStatus.OK
    (output,) = outcome.outputs
    assert output.value == "x" * 64 * 1024
    assert output.message == "output truncated: the first 64 KiB of 100,000 bytes shown"


async def test_the_reference_solution_gives_the_expected_outputs_even_as_a_folder(builder: Builder) -> None:
    reference = reference_solution(APLUSB)
    assert reference is not None
    assert reference.language == "cpp"
    inputs = ["2000000000 2000000000\n", "-3 1\n"]
    expected = await run(read_program(reference.path), inputs, builder, "cpp")
    assert [o.value for o in expected.outputs] == ["4000000000\n", "-2\n"]
    folder = PACKAGES / "aplusb" / "submissions" / "accepted" / "multi"
    mine = await run(read_program(folder), inputs, builder)
    assert [o.value for o in mine.outputs] == [o.value for o in expected.outputs]


async def test_an_interactive_problem_refuses_runs(builder: Builder) -> None:
    guess = io_problem(PACKAGES / "guess")
    assert guess.io.interactive
    outcome = await run_io(guess, LANGUAGES["python"], "print(1)\n", ["5\n"], sandbox=builder.sandbox, builder=builder)
    assert (outcome.status, outcome.message, outcome.outputs) == (RunStatus.ERROR, NOT_INTERACTIVE, [])


def test_custom_inputs_are_strings_of_at_most_64_kib() -> None:
    assert custom_inputs(["1 2\n", ""]) == ["1 2\n", ""]
    with pytest.raises(ValueError, match=r"^input 2: expected a string \(the program's stdin\), got an array$"):
        custom_inputs(["1 2\n", [1, 2]])
    with pytest.raises(ValueError, match=r"^input 1: 65,537 bytes; at most 64 KiB$"):
        custom_inputs(["x" * (64 * 1024 + 1)])
