"""The Kotlin harness, end to end in the jail: LeetCode's Kotlin form (`class Solution`, `IntArray`, `ListNode?`).

Few programs, each checking several things: kotlinc takes seconds per compile.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness import parse_signature, stub
from judged.harness.types import Signature
from judged.judging.build import Builder
from judged.judging.function import Case, FunctionTask, judge_function
from judged.judging.languages import load_languages
from judged.judging.selftest import self_test
from judged.judging.verdicts import JudgeResult, Verdict
from judged.sandbox import Sandbox

KOTLIN = load_languages(Path(__file__).resolve().parents[2] / "languages")["kotlin"]

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_CODE = """\
class Solution {
    fun twoSum(nums: IntArray, target: Int): IntArray {
        val seen = HashMap<Int, Int>()
        for ((i, x) in nums.withIndex()) {
            seen[target - x]?.let { return intArrayOf(it, i) }
            seen[x] = i
        }
        return intArrayOf()
    }
}
"""
TWO_SUM_CASES = [Case(args=[[2, 7, 11, 15], 9], output=[0, 1], sample=True), Case(args=[[3, 2, 4], 6], output=[1, 2])]


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def judge(builder: Builder, signature: Signature, code: str, cases: list[Case]) -> JudgeResult:
    task = FunctionTask(signature=signature, cases=cases, time_limit=10.0, memory_mib=256)
    return await judge_function(task, KOTLIN, code, sandbox=builder.sandbox, builder=builder)


async def test_the_self_test_passes_and_the_version_is_kotlin_2(builder: Builder) -> None:
    status = await self_test(KOTLIN, builder.sandbox, builder)
    assert status.enabled, status.reason
    assert "kotlinc-jvm 2." in status.version


async def test_two_sum_is_accepted_and_a_wrong_answer_is_not(builder: Builder) -> None:
    result = await judge(builder, TWO_SUM, TWO_SUM_CODE, TWO_SUM_CASES)
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    wrong = await judge(builder, TWO_SUM, TWO_SUM_CODE.replace("intArrayOf(it, i)", "intArrayOf(i, i)"), TWO_SUM_CASES)
    assert wrong.verdict is Verdict.WA


async def test_a_type_error_is_a_compile_error_with_the_users_line(builder: Builder) -> None:
    code = TWO_SUM_CODE.replace("seen[x] = i", 'seen[x] = "i"')
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.CE
    assert "Main.kt:6:" in result.compile_output, result.compile_output  # the line of `seen[x] = "i"`


async def test_nodes_in_and_out_and_a_keyword_parameter_renamed(builder: Builder) -> None:
    """LeetCode's stub (ListNode in, TreeNode out, `val` renamed), filled in, with LeetCode's classes supplied."""
    signature = parse_signature("grow", [("head", "ListNode"), ("val", "int")], "TreeNode")
    text = stub(signature, "kotlin")
    assert "    fun grow(head: ListNode?, val_: Int): TreeNode? {" in text.splitlines()
    assert " * class ListNode(var `val`: Int) {" in text.splitlines()
    body = """
        var root: TreeNode? = null
        var node = head
        while (node != null) {
            val tree = TreeNode(node.`val` + val_)
            tree.left = root
            root = tree
            node = node.next
        }
        return root
"""
    code = text.replace("\n        \n", body)
    cases = [Case(args=[[1, 2, 3], 10], output=[13, 12, None, 11]), Case(args=[[], 1], output=[])]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_every_base_type_in_lists_and_void_in_place(builder: Builder) -> None:
    """A void method fills its `Array<CharArray>` from a long, a double, a bool, a string, a char and a
    `List<List<String>>` (the harness passes whatever the user declares, as LeetCode's Kotlin stubs vary)."""
    signature = parse_signature(
        "stamp",
        [("grid", "char[][]"), ("a", "long"), ("b", "double"), ("c", "bool"), ("d", "string"), ("e", "char"),
         ("f", "string[][]")],
        "void",
    )  # fmt: skip
    code = """\
class Solution {
    fun stamp(grid: Array<CharArray>, a: Long, b: Double, c: Boolean, d: String, e: Char, f: List<List<String>>) {
        val text = "$a|$b|$c|$d|$e|${f.joinToString("/") { it.joinToString(",") }}"
        for (i in grid[0].indices) grid[0][i] = text.getOrElse(i) { '.' }
    }
}
"""
    text = f'{-(2**63)}|0.5|true|q"|x|p,q/'
    grid = [list(" " * len(text)), ["z"]]
    case = Case(args=[grid, -(2**63), 0.5, True, 'q"', "x", [["p", "q"], []]], output=[list(text), ["z"]])
    result = await judge(builder, signature, code, [case])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_a_thrown_exception_is_a_runtime_error_with_its_message(builder: Builder) -> None:
    code = 'class Solution {\n    fun twoSum(nums: IntArray, target: Int): IntArray = error("no pair")\n}\n'
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert result.failure.message == "java.lang.IllegalStateException: no pair"


async def test_a_graph_is_cloned_with_leetcodes_node_and_deep_recursion_works(builder: Builder) -> None:
    signature = parse_signature("cloneGraph", [("node", "Node")], "Node")
    body = """
        val copies = HashMap<Node, Node>()
        fun copy(n: Node?): Node? {
            if (n == null) return null
            copies[n]?.let { return it }
            val c = Node(n.`val`)
            copies[n] = c
            for (m in n.neighbors) c.neighbors.add(copy(m))
            return c
        }
        return copy(node)
"""
    code = stub(signature, "kotlin").replace("\n        \n", body)
    ring = [[i - 1 if i > 1 else 20_000, i + 1 if i < 20_000 else 1] for i in range(1, 20_001)]
    cases = [
        Case(args=[[[2, 4], [1, 3], [2, 4], [1, 3]]], output=[[2, 4], [1, 3], [2, 4], [1, 3]]),
        Case(args=[[]], output=[]),
        Case(args=[ring], output=ring),  # 20,000 nested calls deep
    ]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_too_much_memory_is_mle_and_an_endless_loop_tle(builder: Builder) -> None:
    code = "class Solution {\n    fun twoSum(nums: IntArray, target: Int): IntArray {\n        %s\n    }\n}\n"
    hog = "val keep = ArrayList<LongArray>()\n        while (true) keep.add(LongArray(1 shl 20))"
    task = FunctionTask(signature=TWO_SUM, cases=TWO_SUM_CASES, time_limit=1.0, memory_mib=64)
    memory = await judge_function(task, KOTLIN, code % hog, sandbox=builder.sandbox, builder=builder)
    assert memory.verdict is Verdict.MLE, (memory.compile_output, memory.failure)
    loop = await judge_function(task, KOTLIN, code % "while (true) {}", sandbox=builder.sandbox, builder=builder)
    assert loop.verdict is Verdict.TLE, (loop.compile_output, loop.failure)
