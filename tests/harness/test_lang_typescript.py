"""The TypeScript harness, end to end in the jail: LeetCode's TypeScript form, type-checked, judged like JavaScript.

(A new language's conformance tests, in the pattern of test_lang_*.py; they belong in the shared table.)
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

TYPESCRIPT = load_languages(Path(__file__).resolve().parents[2] / "languages")["typescript"]

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_CODE = """
function twoSum(nums: number[], target: number): number[] {
    const seen = new Map<number, number>();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i])!, i];
        seen.set(nums[i], i);
    }
    return [];
};
"""
TWO_SUM_CASES = [Case(args=[[2, 7, 11, 15], 9], output=[0, 1], sample=True), Case(args=[[3, 2, 4], 6], output=[1, 2])]


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def judge(builder: Builder, signature: Signature, code: str, cases: list[Case]) -> JudgeResult:
    task = FunctionTask(signature=signature, cases=cases, time_limit=10.0, memory_mib=256)
    return await judge_function(task, TYPESCRIPT, code, sandbox=builder.sandbox, builder=builder)


async def test_the_self_test_passes_and_the_version_is_the_compilers(builder: Builder) -> None:
    status = await self_test(TYPESCRIPT, builder.sandbox, builder)
    assert status.enabled, status.reason
    assert status.version.startswith("Version 5.")


async def test_two_sum_is_accepted(builder: Builder) -> None:
    result = await judge(builder, TWO_SUM, TWO_SUM_CODE, TWO_SUM_CASES)
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_a_type_error_is_a_compile_error_with_its_line(builder: Builder) -> None:
    code = TWO_SUM_CODE.replace("return [];", 'return "none";')
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.CE
    assert "solution.ts:8:5" in result.compile_output  # the return line
    assert "error TS2322" in result.compile_output


async def test_nodes_in_and_out_with_leetcodes_classes(builder: Builder) -> None:
    signature = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    code = stub(signature, "typescript").replace(
        "\n    \n",
        "\n    let prev: ListNode | null = null;\n"
        "    while (head) { const next = head.next; head.next = prev; prev = head; head = next; }\n"
        "    return prev;\n",
    )
    cases = [Case(args=[[1, 2, 3]], output=[3, 2, 1]), Case(args=[[]], output=[])]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_trees_and_a_new_node(builder: Builder) -> None:
    signature = parse_signature("mirror", [("root", "TreeNode")], "TreeNode")
    code = """
function mirror(root: TreeNode | null): TreeNode | null {
    if (!root) return null;
    return new TreeNode(root.val, mirror(root.right), mirror(root.left));
};
"""
    result = await judge(builder, signature, code, [Case(args=[[1, 2, 3, None, 4]], output=[1, 3, 2, None, None, 4])])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_void_modifies_in_place(builder: Builder) -> None:
    signature = parse_signature("reverseArray", [("nums", "int[]")], "void")
    code = stub(signature, "typescript").replace("\n    \n", "\n    nums.reverse();\n")
    result = await judge(builder, signature, code, [Case(args=[[1, 2, 3]], output=[3, 2, 1])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_leetcodes_libraries_are_typed_globals(builder: Builder) -> None:
    signature = parse_signature("findKthLargest", [("nums", "int[]"), ("k", "int")], "int")
    code = """
function findKthLargest(nums: number[], k: number): number {
    const heap = new MinPriorityQueue<number>();
    for (const x of nums) {
        heap.enqueue(x);
        if (heap.size() > k) heap.dequeue();
    }
    return _.max([heap.front()])!;
};
"""
    result = await judge(builder, signature, code, [Case(args=[[3, 2, 1, 5, 6, 4], 2], output=5)])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_a_thrown_error_is_a_runtime_error(builder: Builder) -> None:
    code = "function twoSum(nums: number[], target: number): number[] {\n    throw new Error('no');\n};\n"
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert "no" in result.failure.message


async def test_a_graph_is_cloned_with_leetcodes_node(builder: Builder) -> None:
    signature = parse_signature("cloneGraph", [("node", "Node")], "Node")
    code = stub(signature, "typescript").replace(
        "\n    \n",
        "\n    const copies = new Map<_Node, _Node>();\n"
        "    const copy = (n: _Node | null): _Node | null => {\n"
        "        if (n === null) return null;\n        if (copies.has(n)) return copies.get(n)!;\n"
        "        const c = new _Node(n.val);\n        copies.set(n, c);\n"
        "        for (const m of n.neighbors) c.neighbors.push(copy(m)!);\n        return c;\n    };\n"
        "    return copy(node);\n",
    )
    assert " * class _Node {\n" in code
    cases = [Case(args=[[[2, 4], [1, 3], [2, 4], [1, 3]]], output=[[2, 4], [1, 3], [2, 4], [1, 3]])]
    result = await judge(builder, signature, code, [*cases, Case(args=[[]], output=[]), Case(args=[[[]]], output=[[]])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_nested_integers_with_leetcodes_interface(builder: Builder) -> None:
    signature = parse_signature("flattenDepths", [("nestedList", "NestedInteger[]")], "int[]")
    code = stub(signature, "typescript").replace(
        "\n    \n",
        "\n    const out: number[] = [];\n    const walk = (items: NestedInteger[], depth: number): void => {\n"
        "        for (const item of items) {\n"
        "            if (item.isInteger()) out.push(item.getInteger(), depth);\n"
        "            else walk(item.getList(), depth + 1);\n        }\n    };\n    walk(nestedList, 1);\n"
        "    const built = new NestedInteger();\n    built.add(new NestedInteger(5));\n"
        "    out.push(built.isInteger() ? 1 : 0, built.getList().length);\n"
        "    built.setInteger(9);\n    out.push(built.getInteger(), built.isInteger() ? 1 : 0);\n    return out;\n",
    )
    assert " * class NestedInteger {\n" in code
    cases = [
        Case(args=[[1, [4, [6]]]], output=[1, 1, 4, 2, 6, 3, 0, 1, 9, 1]),
        Case(args=[[[], [[]]]], output=[0, 1, 9, 1]),
    ]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)
