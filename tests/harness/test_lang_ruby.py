"""The Ruby harness, end to end in the jail: LeetCode's Ruby form (a snake_case top-level method).

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

RUBY = load_languages(Path(__file__).resolve().parents[2] / "languages")["ruby"]

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_CODE = """
# @param {Integer[]} nums
# @param {Integer} target
# @return {Integer[]}
def two_sum(nums, target)
    seen = {}
    nums.each_with_index do |x, i|
        return [seen[target - x], i] if seen.key?(target - x)
        seen[x] = i
    end
    []
end
"""
TWO_SUM_CASES = [Case(args=[[2, 7, 11, 15], 9], output=[0, 1], sample=True), Case(args=[[3, 2, 4], 6], output=[1, 2])]


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def judge(builder: Builder, signature: Signature, code: str, cases: list[Case]) -> JudgeResult:
    task = FunctionTask(signature=signature, cases=cases, time_limit=10.0, memory_mib=256)
    return await judge_function(task, RUBY, code, sandbox=builder.sandbox, builder=builder)


async def test_the_self_test_passes_and_the_version_is_rubys(builder: Builder) -> None:
    status = await self_test(RUBY, builder.sandbox, builder)
    assert status.enabled, status.reason
    assert status.version.startswith("ruby 3.")


async def test_two_sum_is_accepted_and_a_wrong_answer_is_not(builder: Builder) -> None:
    result = await judge(builder, TWO_SUM, TWO_SUM_CODE, TWO_SUM_CASES)
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    wrong = await judge(builder, TWO_SUM, TWO_SUM_CODE.replace("[seen[target - x], i]", "[i, i]"), TWO_SUM_CASES)
    assert wrong.verdict is Verdict.WA


async def test_a_syntax_error_is_a_compile_error_with_its_line(builder: Builder) -> None:
    code = TWO_SUM_CODE.replace("seen[x] = i", "seen[x] = = i")
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.CE
    assert "solution.rb:9: syntax error" in result.compile_output  # the line of `= =`


async def test_the_stub_is_leetcodes_and_a_keyword_parameter_is_renamed(builder: Builder) -> None:
    signature = parse_signature("countBlocks", [("end", "int"), ("blockSizes", "int[]")], "int")
    text = stub(signature, "ruby")
    assert "# @param {Integer} end_\n# @param {Integer[]} block_sizes\n" in text
    assert "def count_blocks(end_, block_sizes)\n" in text
    code = text.replace("\n    \n", "\n    block_sizes.count { |size| size <= end_ }\n")
    result = await judge(builder, signature, code, [Case(args=[3, [1, 4, 3]], output=2)])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_nodes_in_and_out_with_leetcodes_classes(builder: Builder) -> None:
    signature = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    code = stub(signature, "ruby").replace(
        "\n    \n",
        "\n    prev = nil\n    until head.nil?\n        head.next, prev, head = prev, head, head.next\n"
        "    end\n    prev\n",
    )
    assert "# class ListNode\n" in code
    cases = [Case(args=[[1, 2, 3]], output=[3, 2, 1]), Case(args=[[]], output=[])]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_trees_and_a_new_node(builder: Builder) -> None:
    signature = parse_signature("mirror", [("root", "TreeNode")], "TreeNode")
    code = """
def mirror(root)
    return nil if root.nil?
    TreeNode.new(root.val, mirror(root.right), mirror(root.left))
end
"""
    result = await judge(builder, signature, code, [Case(args=[[1, 2, 3, None, 4]], output=[1, 3, 2, None, None, 4])])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_values_of_every_base_type_round_trip(builder: Builder) -> None:
    signature = parse_signature(
        "echo", [("a", "long"), ("b", "double"), ("c", "bool"), ("d", "string"), ("e", "char")], "string[]"
    )
    code = "def echo(a, b, c, d, e)\n    [a.to_s, b.to_s, c.to_s, d, e]\nend\n"
    case = Case(args=[-(2**63), 0.5, True, 'a"\\\n', "x"], output=[str(-(2**63)), "0.5", "true", 'a"\\\n', "x"])
    result = await judge(builder, signature, code, [case])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    big = parse_signature("big", [("n", "long")], "long")
    overflow = await judge(builder, big, "def big(n)\n    n * 4\nend\n", [Case(args=[2**62], output=2**62)])
    assert overflow.verdict is Verdict.WA  # 2^64 is no long: written as null


async def test_void_modifies_in_place(builder: Builder) -> None:
    signature = parse_signature("reverseArray", [("nums", "int[]")], "void")
    code = stub(signature, "ruby").replace("\n    \n", "\n    nums.reverse!\n")
    result = await judge(builder, signature, code, [Case(args=[[1, 2, 3]], output=[3, 2, 1])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_deep_recursion_works(builder: Builder) -> None:
    signature = parse_signature("length", [("head", "ListNode")], "int")
    code = "def length(head)\n    head.nil? ? 0 : 1 + length(head.next)\nend\n"
    result = await judge(builder, signature, code, [Case(args=[list(range(100_000))], output=100_000)])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_a_raised_error_is_a_runtime_error_with_its_message(builder: Builder) -> None:
    code = "def two_sum(nums, target)\n    raise ArgumentError, 'no pair'\nend\n"
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert result.failure.message == "ArgumentError: no pair"


async def test_a_missing_method_is_a_runtime_error_naming_it(builder: Builder) -> None:
    result = await judge(builder, TWO_SUM, "def twoSum(nums, target)\n    []\nend\n", TWO_SUM_CASES)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert "two_sum" in result.failure.message


async def test_a_graph_is_cloned_with_leetcodes_node(builder: Builder) -> None:
    signature = parse_signature("cloneGraph", [("node", "Node")], "Node")
    code = stub(signature, "ruby").replace(
        "\n    \n",
        "\n    copies = {}\n    copy = lambda do |n|\n        return nil if n.nil?\n"
        "        return copies[n] if copies.key?(n)\n        copies[n] = Node.new(n.val)\n"
        "        n.neighbors.each { |m| copies[n].neighbors << copy.call(m) }\n        copies[n]\n    end\n"
        "    copy.call(node)\n",
    )
    assert "# class Node\n" in code
    cases = [Case(args=[[[2, 4], [1, 3], [2, 4], [1, 3]]], output=[[2, 4], [1, 3], [2, 4], [1, 3]])]
    result = await judge(builder, signature, code, [*cases, Case(args=[[]], output=[]), Case(args=[[[]]], output=[[]])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_nested_integers_with_leetcodes_interface(builder: Builder) -> None:
    signature = parse_signature("flattenDepths", [("nestedList", "NestedInteger[]")], "int[]")
    code = stub(signature, "ruby").replace(
        "\n    \n",
        "\n    out = []\n    walk = lambda do |items, depth|\n        items.each do |item|\n"
        "            item.is_integer ? out.push(item.get_integer, depth) : walk.call(item.get_list, depth + 1)\n"
        "        end\n    end\n    walk.call(nested_list, 1)\n"
        "    built = NestedInteger.new\n    built.add(NestedInteger.new(5))\n"
        "    out.push(built.is_integer ? 1 : 0, built.get_list.length)\n"
        "    built.set_integer(9)\n    out.push(built.get_integer, built.is_integer ? 1 : 0)\n",
    )
    assert "#class NestedInteger\n" in code
    cases = [
        Case(args=[[1, [4, [6]]]], output=[1, 1, 4, 2, 6, 3, 0, 1, 9, 1]),
        Case(args=[[[], [[]]]], output=[0, 1, 9, 1]),
    ]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)
