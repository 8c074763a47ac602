"""Java solutions pasted as LeetCode takes them: its Pair class, streams and big numbers without imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness.types import parse_signature
from judged.judging.build import Builder
from judged.judging.function import Case, FunctionTask, judge_function
from judged.judging.languages import load_languages
from judged.judging.verdicts import Verdict
from judged.sandbox import Sandbox

LANGUAGES = load_languages(Path(__file__).resolve().parents[2] / "languages")
TASK = FunctionTask(
    signature=parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]"),
    cases=[Case(args=[[2, 7, 11, 15], 9], output=[0, 1], sample=True), Case(args=[[3, 2, 4], 6], output=[1, 2])],
    time_limit=5.0,
    memory_mib=256,
)

BODY = """
    public int[] twoSum(int[] nums, int target) {
        Map<Integer, Pair<Integer, Integer>> seen = new HashMap<>();
        List<Integer> all = Arrays.stream(nums).boxed().collect(Collectors.toList());
        BigInteger check = BigInteger.valueOf(all.size());
        Function<Integer, Integer> need = x -> target - x;
        for (int i = 0; i < nums.length; i++) {
            Pair<Integer, Integer> p = seen.get(need.apply(nums[i]));
            if (p != null && check.signum() > 0) return new int[] {p.getValue(), i};
            seen.put(nums[i], new Pair<>(nums[i], i));
        }
        return new int[0];
    }
"""
PAIR_NO_IMPORT = "class Solution {" + BODY + "}\n"
PAIR_JAVAFX_IMPORT = "import javafx.util.Pair;\nimport java.util.stream.Collectors;\n\nclass Solution {" + BODY + "}\n"
OWN_PAIR = (
    "class Pair<A, B> {\n    final A a; final B b;\n    Pair(A a, B b) { this.a = a; this.b = b; }\n"
    "    B getValue() { return b; }\n}\n\nclass Solution {" + BODY + "}\n"
)


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "java-environment-builds")


@pytest.mark.parametrize(
    "code", [PAIR_NO_IMPORT, PAIR_JAVAFX_IMPORT, OWN_PAIR], ids=["no-import", "javafx-import", "own-pair"]
)
async def test_leetcode_java_environment(builder: Builder, code: str) -> None:
    result = await judge_function(TASK, LANGUAGES["java"], code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.AC, result.compile_output or result.message


async def test_compile_errors_keep_the_users_line_numbers(builder: Builder) -> None:
    code = "import javafx.util.Pair;\n\nclass Solution {\n    public int[] twoSum(int[] nums, int target) {\n"
    code += "        return missing;\n    }\n}\n"
    result = await judge_function(TASK, LANGUAGES["java"], code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.CE
    assert "Main.java:5: error: cannot find symbol" in result.compile_output
