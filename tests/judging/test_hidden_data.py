"""Nothing of a hidden test reaches a participant; stored texts are capped; verdicts come from measurements.

Real sandbox, real harnesses. Each test judges a submission built to leak or forge, then looks at what the
participant would be sent (`participant_result`) and what is stored (`capped_result`): the admin's view.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import msgspec
import pytest

from judged.harness.types import parse_signature
from judged.judging.caps import TEXT_KEPT, capped_result
from judged.judging.function import Case, FunctionTask
from judged.judging.service import Judge
from judged.judging.verdicts import JudgeResult, Verdict
from judged.judging.visibility import PRINTS_HIDDEN, participant_result
from judged.problems import Problem, load_problem
from judged.sandbox import Sandbox, SandboxConfig

PROJECT = Path(__file__).resolve().parents[2]
APLUSB = PROJECT / "problems" / "aplusb"
GUESS = Path(__file__).parent / "packages" / "guess"
HIDDEN_ANSWER = "4000000000"  # problems/aplusb/data/secret/02.ans: its second hidden test
# Right on both samples (1 2 and -7 10) and on the first hidden test (0 0); 0 everywhere else.
APLUSB_SAMPLES_ONLY = "a, b = map(int, input().split())\nprint(a + b if abs(a) < 100 else 0)\n"

ADD = parse_signature("add", [("a", "int"), ("b", "int")], "long")
SAMPLES = [Case(args=[1, 2], output=3, sample=True), Case(args=[-7, 10], output=3, sample=True)]
HIDDEN = [Case(args=[123456789, 987654321], output=1111111110), Case(args=[555555555, 444444444], output=999999999)]
ADD_TASK = FunctionTask(signature=ADD, cases=[*SAMPLES, *HIDDEN], time_limit=5, memory_mib=256)


@pytest.fixture(scope="module")
async def judge(sandbox: Sandbox, state_dir: Path) -> AsyncIterator[Judge]:
    service = Judge(SandboxConfig(), state_dir, PROJECT / "languages")
    await service.start(only={"python", "c", "java"})
    yield service
    await service.close()


@pytest.fixture
def scratch(jail_tmp: Path) -> Path:
    """A folder of problem copies the jails can mount from."""
    folder = Path(tempfile.mkdtemp(dir=jail_tmp, prefix="hidden-"))
    folder.chmod(0o755)
    return folder


def seen(result: JudgeResult) -> str:
    """Everything a participant receives of `result`, as text."""
    return msgspec.json.encode(participant_result(capped_result(result))).decode()


def kept(result: JudgeResult) -> str:
    """Everything stored of `result` (what an admin sees), as text."""
    return msgspec.json.encode(capped_result(result)).decode()


async def judge_add(judge: Judge, code: str, language: str = "python") -> JudgeResult:
    return await judge.judge_function(ADD_TASK, language, code)


# Function problems: what the program writes while it holds a hidden test never reaches the participant.

PY_LEAK = """
class Solution:
    def add(self, a, b):
        print("input", a, b)
        if a > 1000:
            raise ValueError(f"leak {a} {b}")
        return a + b
"""
C_LEAK = r"""
#include <stdio.h>
#include <string.h>
#include <unistd.h>
long long add(int a, int b) {
    fprintf(stderr, "input %d %d\n", a, b);
    if (a > 1000) {
        static char line[120000];
        int n = sprintf(line, "{\"e\":\"leak %d %d", a, b);
        memset(line + n, 'x', 99000);  /* a long error text of its own, as in the review */
        n += 99000;
        n += sprintf(line + n, "\",\"t\":0}\n");
        write(3, line, n);
        _exit(1);
    }
    return (long long)a + b;
}
"""
JAVA_LEAK = """
class Solution {
    public long add(int a, int b) {
        System.out.println("input " + a + " " + b);
        if (a > 1000) throw new IllegalStateException("leak " + a + " " + b);
        return (long) a + b;
    }
}
"""


@pytest.mark.parametrize(("language", "code"), [("python", PY_LEAK), ("c", C_LEAK), ("java", JAVA_LEAK)])
async def test_an_error_on_a_hidden_test_shows_neither_its_input_nor_the_programs_text(
    judge: Judge, language: str, code: str
) -> None:
    result = await judge_add(judge, code, language)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert result.failure.index == 2
    assert "123456789" in kept(result)  # the admin still sees it
    shown = seen(result)
    assert "123456789" not in shown
    assert "leak" not in shown
    view = participant_result(capped_result(result))
    assert view.message == "runtime error on test 3 (hidden test: input not shown)"
    assert [test.verdict for test in view.tests] == [Verdict.AC, Verdict.AC, Verdict.RE]
    assert view.stdout in ("", PRINTS_HIDDEN)
    assert view.stderr in ("", PRINTS_HIDDEN)
    assert len(kept(result)) < 4 * TEXT_KEPT  # C's 99,000-character error text is not kept whole


async def test_a_failing_sample_cannot_quote_the_hidden_tests_it_was_never_given(judge: Judge) -> None:
    # The program reads whatever its stdin holds at its first call and raises with it: before, that was every
    # test (all hidden inputs in a sample's message); now the harness has been given the first test only.
    code = """
import os, sys
class Solution:
    def add(self, a, b):
        os.set_blocking(0, False)
        try:
            rest = os.read(0, 1 << 20)
        except BlockingIOError:
            rest = b""
        raise ValueError(f"rest of stdin: {rest!r}")
"""
    result = await judge_add(judge, code)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert result.failure.sample
    assert "rest of stdin" in result.failure.message  # a sample keeps its message
    assert "123456789" not in kept(result)


async def test_prints_are_shown_when_the_program_was_given_samples_only(judge: Judge) -> None:
    code = 'class Solution:\n    def add(self, a, b):\n        print("got", a, b, flush=True)\n        return 0\n'
    result = await judge_add(judge, code)
    assert result.verdict is Verdict.WA
    view = participant_result(result)
    assert view.stdout == "got 1 2\n"
    assert view.failure is not None
    assert (view.failure.input, view.failure.expected, view.failure.actual) == ({"a": 1, "b": 2}, 3, 0)


async def test_prints_after_a_hidden_test_are_hidden(judge: Judge) -> None:
    code = 'class Solution:\n    def add(self, a, b):\n        print("got", a, b)\n        return a + b\n'
    result = await judge_add(judge, code)
    assert result.verdict is Verdict.AC
    assert "123456789" in result.stdout
    assert participant_result(result).stdout == PRINTS_HIDDEN


async def test_a_huge_error_message_is_cut_as_it_is_read(judge: Judge) -> None:
    code = 'class Solution:\n    def add(self, a, b):\n        raise ValueError("A" * (60 << 20))\n'
    result = await judge_add(judge, code)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert result.failure.index == 0
    assert "too long" in result.failure.message
    assert len(msgspec.json.encode(capped_result(result))) < 16 * 1024


# Verdicts from measurements.


async def test_a_memory_error_text_alone_is_re(judge: Judge) -> None:
    raised = 'class Solution:\n    def add(self, a, b):\n        raise MemoryError("OutOfMemoryError")\n'
    assert (await judge_add(judge, raised)).verdict is Verdict.RE
    printed = """
#include <stdio.h>
#include <stdlib.h>
long long add(int a, int b) {
    fprintf(stderr, "java.lang.OutOfMemoryError: Java heap space\\nMemoryError\\nstd::bad_alloc\\n");
    exit(1);
}
"""
    assert (await judge_add(judge, printed, "c")).verdict is Verdict.RE


async def test_running_out_of_memory_for_real_is_still_mle(judge: Judge) -> None:
    java = """
class Solution {
    public long add(int a, int b) {
        java.util.List<long[]> hoard = new java.util.ArrayList<>();
        while (true) hoard.add(new long[1 << 20]);
    }
}
"""
    assert (await judge_add(judge, java, "java")).verdict is Verdict.MLE
    python = "class Solution:\n    def add(self, a, b):\n        hoard = [bytearray(1 << 20) for _ in range(4096)]\n"
    assert (await judge_add(judge, python)).verdict is Verdict.MLE


async def test_times_a_program_reports_are_clamped_to_the_limit(judge: Judge) -> None:
    # The program answers every test itself on fd 3, with times of its choosing, and leaves.
    code = """
import os
class Solution:
    def add(self, a, b):
        os.write(3, b'{"v":3,"t":-5}\\n{"v":3,"t":1e300}\\n')
        os._exit(0)
"""
    task = FunctionTask(signature=ADD, cases=SAMPLES, time_limit=2, memory_mib=256)
    result = await judge.judge_function(task, "python", code)
    assert result.verdict is Verdict.AC
    first, second = (test.time for test in result.tests)
    assert first == 0.0
    assert 0.0 <= second < 2.0  # no more than the wall time the judge saw it take, and never above the limit


async def test_a_hidden_tests_time_is_shown_to_the_millisecond(judge: Judge) -> None:
    # The program reports made-up times whose digits could carry its input; a participant sees milliseconds.
    code = """
import os
class Solution:
    def add(self, a, b):
        os.write(3, b'{"v":%d,"t":0.000123456789}\\n' % (a + b))
        os._exit(0)
"""
    task = FunctionTask(signature=ADD, cases=HIDDEN[:1], time_limit=2, memory_mib=256)
    result = await judge.judge_function(task, "python", code)
    assert result.verdict is Verdict.AC
    assert result.tests[0].time == 0.000123456789
    assert participant_result(result).tests[0].time == 0.0


# I/O problems: the default checker, a custom validator, an interactive problem.


async def test_a_hidden_wrong_answer_does_not_show_the_judges_answer(judge: Judge) -> None:
    result = await judge.judge_problem(load_problem(APLUSB), "python", APLUSB_SAMPLES_ONLY)
    assert result.verdict is Verdict.WA
    assert result.failure is not None
    assert not result.failure.sample
    assert HIDDEN_ANSWER in kept(result)  # the checker's own message, for admins
    shown = seen(result)
    assert HIDDEN_ANSWER not in shown
    view = participant_result(result)
    assert view.message.startswith("wrong answer on test 4 (secret/")
    assert view.message.endswith("(hidden test: input not shown)")


async def test_a_wrong_sample_still_shows_everything(judge: Judge) -> None:
    result = await judge.judge_problem(load_problem(APLUSB), "python", "print(42)\n")
    view = participant_result(result)
    assert view.failure is not None
    assert view.failure.sample
    assert (view.failure.expected, view.failure.actual) == ("3\n", "42\n")
    assert 'Judge: "3"' in view.message


def echoing_package(scratch: Path) -> Problem:
    """A plus B with a custom validator that quotes the answer in its feedback to the team."""
    folder = scratch / "aplusb-echo"
    shutil.copytree(APLUSB, folder)
    (folder / "problem.yaml").write_text("name: A Plus B, echoed\nvalidation: custom\nlimits:\n  memory: 256\n")
    validator = folder / "output_validators" / "echo"
    validator.mkdir(parents=True)
    (validator / "echo.py").write_text(
        "import sys\n"
        "answer = open(sys.argv[2]).read().split()\n"
        "given = sys.stdin.read().split()\n"
        "if given == answer:\n    sys.exit(42)\n"
        "open(sys.argv[3] + 'teammessage.txt', 'w').write(f'expected ANSWER-{answer[0]}')\n"
        "sys.exit(43)\n"
    )
    return load_problem(folder)


async def test_a_validator_quoting_the_answer_is_not_shown_for_a_hidden_test(judge: Judge, scratch: Path) -> None:
    result = await judge.judge_problem(echoing_package(scratch), "python", APLUSB_SAMPLES_ONLY)
    assert result.verdict is Verdict.WA
    assert f"ANSWER-{HIDDEN_ANSWER}" in kept(result)
    assert "ANSWER-" not in seen(result)


async def test_an_interactive_validators_message_is_not_shown_for_a_hidden_test(judge: Judge, scratch: Path) -> None:
    folder = scratch / "guess-quoting"
    shutil.copytree(GUESS, folder)
    interactor = folder / "output_validator" / "interactor.py"
    text = interactor.read_text().replace('write_text("no guess")', 'write_text(f"no guess: SECRET-{secret}")')
    assert "SECRET-" in text
    interactor.write_text(text)
    # Guesses 500 once: right on the sample (500), out of guesses on the first hidden test.
    result = await judge.judge_problem(load_problem(folder), "python", "print(500, flush=True)\ninput()\n")
    assert result.verdict is Verdict.WA
    assert result.failure is not None
    assert not result.failure.sample
    assert "SECRET-1" in kept(result)
    assert "SECRET-" not in seen(result)
