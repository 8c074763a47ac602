"""The function judge end to end: real sandbox, real harness, the verdicts a participant sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness.types import parse_signature
from judged.judging.build import Builder
from judged.judging.function import Case, FunctionTask, judge_function
from judged.judging.languages import Language, load_languages
from judged.judging.progress import NO_PROGRESS, Progress
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems.model import Compare, CompareMode
from judged.sandbox import Sandbox

LANGUAGES = load_languages(Path(__file__).resolve().parents[2] / "languages")

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
CASES = [
    Case(args=[[2, 7, 11, 15], 9], output=[0, 1], sample=True),
    Case(args=[[3, 2, 4], 6], output=[1, 2], sample=True),
    *[Case(args=[list(range(n)), 2 * n - 3], output=[n - 2, n - 1]) for n in range(2, 60)],
]
TASK = FunctionTask(signature=TWO_SUM, cases=CASES, time_limit=5.0, memory_mib=256)

PY_AC = """
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
"""


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def judge(
    code: str,
    builder: Builder,
    language: str = "python",
    task: FunctionTask = TASK,
    progress: Progress = NO_PROGRESS,
) -> JudgeResult:
    lang: Language = LANGUAGES[language]
    return await judge_function(task, lang, code, sandbox=builder.sandbox, builder=builder, progress=progress)


async def test_a_right_solution_is_accepted_with_every_test(builder: Builder) -> None:
    result = await judge(PY_AC, builder)
    assert result.verdict is Verdict.AC
    assert [t.index for t in result.tests] == list(range(len(CASES)))
    assert all(t.verdict is Verdict.AC for t in result.tests)
    assert result.failure is None
    assert result.memory > 0


async def test_a_wrong_sample_shows_input_expected_and_actual(builder: Builder) -> None:
    code = "class Solution:\n    def twoSum(self, nums, target):\n        return [1, 0]\n"
    result = await judge(code, builder)
    assert result.verdict is Verdict.WA
    assert result.failure is not None
    assert result.failure.index == 0
    assert result.failure.sample
    assert result.failure.input == {"nums": [2, 7, 11, 15], "target": 9}
    assert (result.failure.expected, result.failure.actual) == ([0, 1], [1, 0])


async def test_a_wrong_hidden_test_reveals_nothing(builder: Builder) -> None:
    code = PY_AC.replace("return [seen[target - x], i]", "return [seen[target - x], i] if len(nums) < 20 else [0, 0]")
    result = await judge(code, builder)
    assert result.verdict is Verdict.WA
    assert result.failure is not None
    assert not result.failure.sample
    assert result.failure.input is None
    assert result.failure.actual is None
    assert result.tests[-1].verdict is Verdict.WA
    assert len(result.tests) == result.failure.index + 1


async def test_judging_stops_at_the_first_failure(builder: Builder) -> None:
    # Test 0 is wrong; each call prints and sleeps 0.5 s: unstopped, the run would go on to its wall limit.
    code = (
        "import time\nclass Solution:\n    def twoSum(self, nums, target):\n"
        "        print('call', flush=True)\n        time.sleep(0.5)\n        return [9, 9]\n"
    )
    result = await judge(code, builder)
    assert result.verdict is Verdict.WA
    assert len(result.tests) == 1
    assert result.stdout.count("call") <= 2


async def test_an_exception_is_re_with_its_test_and_text(builder: Builder) -> None:
    code = PY_AC.replace("seen = {}", "seen = {}\n        if len(nums) == 3: raise KeyError('boom')")
    result = await judge(code, builder)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert result.failure.index == 1
    assert "KeyError" in result.failure.message
    assert "boom" in result.failure.message


async def test_prints_are_captured_and_do_not_corrupt_results(builder: Builder) -> None:
    code = PY_AC.replace("seen = {}", "seen = {}\n        print('debug', nums)")
    result = await judge(code, builder)
    assert result.verdict is Verdict.AC
    assert result.stdout.startswith("debug [2, 7, 11, 15]\n")


async def test_an_endless_loop_is_tle(builder: Builder) -> None:
    code = "class Solution:\n    def twoSum(self, nums, target):\n        while True: pass\n"
    task = FunctionTask(signature=TWO_SUM, cases=CASES, time_limit=0.5, memory_mib=256)
    result = await judge(code, builder, task=task)
    assert result.verdict is Verdict.TLE
    assert result.failure is not None
    assert result.failure.index == 0


async def test_too_much_memory_is_mle(builder: Builder) -> None:
    code = (
        "class Solution:\n    def twoSum(self, nums, target):\n        x = bytearray(400 << 20)\n        return [0, 1]"
    )
    result = await judge(code, builder)
    assert result.verdict is Verdict.MLE


async def test_a_syntax_error_is_ce_with_its_line(builder: Builder) -> None:
    result = await judge("class Solution:\n    def twoSum(self, nums, target)\n        return []\n", builder)
    assert result.verdict is Verdict.CE
    assert 'solution.py", line 2' in result.compile_output


async def test_exiting_early_is_re(builder: Builder) -> None:
    code = "import os\nclass Solution:\n    def twoSum(self, nums, target):\n        os._exit(0)\n"
    result = await judge(code, builder)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert "before answering test 1" in result.failure.message


async def test_float_and_unordered_compare(builder: Builder) -> None:
    mean = parse_signature("mean", [("nums", "int[]")], "double")
    cases = [Case(args=[[1, 2]], output=1.5), Case(args=[[1, 1, 2]], output=1.3333333333)]
    code = "class Solution:\n    def mean(self, nums):\n        return sum(nums) / len(nums)\n"
    exact = FunctionTask(signature=mean, cases=cases, time_limit=5, memory_mib=256)
    assert (await judge(code, builder, task=exact)).verdict is Verdict.WA
    tolerant = FunctionTask(
        signature=mean, cases=cases, time_limit=5, memory_mib=256, compare=Compare(CompareMode.FLOAT, 1e-6)
    )
    assert (await judge(code, builder, task=tolerant)).verdict is Verdict.AC
    any_order = FunctionTask(
        signature=TWO_SUM, cases=CASES[:2], time_limit=5, memory_mib=256, compare=Compare(CompareMode.UNORDERED)
    )
    flipped = "class Solution:\n    def twoSum(self, nums, target):\n        return [1, 0] if target == 9 else [2, 1]\n"
    assert (await judge(flipped, builder, task=any_order)).verdict is Verdict.AC


async def test_javascript_is_judged_the_same_way(builder: Builder) -> None:
    code = """
var twoSum = function(nums, target) {
    const seen = new Map();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
        seen.set(nums[i], i);
    }
};
"""
    assert (await judge(code, builder, "javascript")).verdict is Verdict.AC
    broken = await judge("var twoSum = function(nums, target) {\n  return [0, 1;\n};\n", builder, "javascript")
    assert broken.verdict is Verdict.CE
    assert "solution.js:2" in broken.compile_output


async def test_a_second_judging_of_the_same_code_reuses_the_build(builder: Builder) -> None:
    before = set(builder.cache_dir.iterdir())
    first = await judge(PY_AC + "\n# cache probe\n", builder)
    after_first = set(builder.cache_dir.iterdir())
    again = await judge(PY_AC + "\n# cache probe\n", builder)
    assert first.verdict is again.verdict is Verdict.AC
    assert {p.suffix for p in after_first - before} == {"", ".lock"}  # one entry, and the lock beside it
    assert set(builder.cache_dir.iterdir()) == after_first


async def test_a_runtime_out_of_its_heap_is_mle(builder: Builder) -> None:
    # V8 aborts at --max-old-space-size (the problem's memory limit) before the cgroup cap is reached.
    code = "var twoSum = function(nums, target) {\n  const a = [];\n  for (;;) a.push(new Array(1e6).fill(1));\n};\n"
    result = await judge(code, builder, "javascript")
    assert result.verdict is Verdict.MLE


ANY_PAIR = parse_signature("anyPair", [("target", "int")], "int[]")
CHECKER = """
def check(input, expected, actual):
    if len(actual) != 2 or min(actual) < 1:
        return False, "need two positive numbers"
    return sum(actual) == input["target"], "they must add up to target"
"""


# Right for a target below 50, then a pair with a 0 in it: the checker refuses the third case (target 100).
ZERO_FROM_50 = (
    "class Solution:\n    def anyPair(self, target):\n        return [1, target - 1] if target < 50 else [0, target]\n"
)


def custom_task(jail_tmp: Path, name: str, checker_text: str) -> FunctionTask:
    """Four anyPair cases judged by `checker_text`, written to a folder of its own (`name`) the jail can read."""
    folder = jail_tmp / name
    folder.mkdir(exist_ok=True)
    checker = folder / "checker.py"
    checker.write_text(checker_text)
    checker.chmod(0o644)
    folder.chmod(0o711)
    cases = [Case(args=[t], output=[1, t - 1], sample=t == 5) for t in (5, 9, 100, 7)]
    return FunctionTask(
        signature=ANY_PAIR, cases=cases, time_limit=5, memory_mib=256,
        compare=Compare(CompareMode.CUSTOM, checker=checker),
    )  # fmt: skip


async def test_a_custom_checker_accepts_any_valid_answer(builder: Builder, jail_tmp: Path) -> None:
    task = custom_task(jail_tmp, "custom-ok", CHECKER)
    code = "class Solution:\n    def anyPair(self, target):\n        return [target // 2, target - target // 2]\n"
    result = await judge(code, builder, task=task)
    assert result.verdict is Verdict.AC
    assert len(result.tests) == 4


async def test_a_custom_checker_rejection_is_wa_with_its_message(builder: Builder, jail_tmp: Path) -> None:
    task = custom_task(jail_tmp, "custom-wa", CHECKER)
    result = await judge(ZERO_FROM_50, builder, task=task)
    assert result.verdict is Verdict.WA
    assert result.failure is not None
    assert result.failure.index == 2
    assert result.failure.message == "need two positive numbers"
    assert [t.verdict for t in result.tests] == [Verdict.AC, Verdict.AC, Verdict.WA]


async def test_a_broken_custom_checker_is_ie_not_the_participants_fault(builder: Builder, jail_tmp: Path) -> None:
    task = custom_task(jail_tmp, "custom-broken", "def check(input, expected, actual):\n    return 1 / 0\n")
    code = "class Solution:\n    def anyPair(self, target):\n        return [1, target - 1]\n"
    result = await judge(code, builder, task=task)
    assert result.verdict is Verdict.IE
    assert "ZeroDivisionError" in result.message


class Recorder(Progress):
    """Every progress event, in the order the judge sent them."""

    def __init__(self) -> None:
        self.events: list[tuple[object, ...]] = []

    def running(self, total: int) -> None:
        self.events.append(("running", total))

    def test_done(self, index: int, total: int, verdict: Verdict) -> None:
        self.events.append((index, total, verdict))


def passed_then(failed: int, verdict: Verdict, total: int) -> list[tuple[object, ...]]:
    """The events of a run whose tests 0..failed-1 pass and test `failed` gets `verdict`."""
    return [("running", total), *[(i, total, Verdict.AC) for i in range(failed)], (failed, total, verdict)]


async def test_progress_hears_of_every_test_of_an_accepted_solution(builder: Builder) -> None:
    recorder = Recorder()
    result = await judge(PY_AC, builder, progress=recorder)
    assert result.verdict is Verdict.AC
    total = len(CASES)
    assert recorder.events == [("running", total), *[(i, total, Verdict.AC) for i in range(total)]]


async def test_progress_stops_at_the_failing_test(builder: Builder) -> None:
    recorder = Recorder()
    code = PY_AC.replace("return [seen[target - x], i]", "return [seen[target - x], i] if len(nums) < 20 else [0, 0]")
    result = await judge(code, builder, progress=recorder)
    assert result.failure is not None
    assert recorder.events == passed_then(result.failure.index, Verdict.WA, len(CASES))


async def test_progress_reports_a_test_the_run_ended_during(builder: Builder) -> None:
    recorder = Recorder()
    code = "import os\nclass Solution:\n    def twoSum(self, nums, target):\n        os._exit(0)\n"
    assert (await judge(code, builder, progress=recorder)).verdict is Verdict.RE
    assert recorder.events == passed_then(0, Verdict.RE, len(CASES))


async def test_progress_waits_for_the_custom_checker(builder: Builder, jail_tmp: Path) -> None:
    task = custom_task(jail_tmp, "custom-progress", CHECKER)
    recorder = Recorder()
    result = await judge(ZERO_FROM_50, builder, task=task, progress=recorder)
    assert result.verdict is Verdict.WA
    assert recorder.events == passed_then(2, Verdict.WA, 4)


async def test_progress_hears_nothing_of_tests_when_the_build_fails(builder: Builder) -> None:
    recorder = Recorder()
    result = await judge("class Solution:\n    def twoSum(self, nums, target)\n", builder, progress=recorder)
    assert result.verdict is Verdict.CE
    assert recorder.events == []
