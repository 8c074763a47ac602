"""The PHP harness, end to end in the jail: LeetCode's PHP form (`class Solution`, no `<?php` tag needed).

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

PHP = load_languages(Path(__file__).resolve().parents[2] / "languages")["php"]

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_CODE = """class Solution {

    /**
     * @param Integer[] $nums
     * @param Integer $target
     * @return Integer[]
     */
    function twoSum($nums, $target) {
        $seen = [];
        foreach ($nums as $i => $x) {
            if (isset($seen[$target - $x])) return [$seen[$target - $x], $i];
            $seen[$x] = $i;
        }
        return [];
    }
}
"""
TWO_SUM_CASES = [Case(args=[[2, 7, 11, 15], 9], output=[0, 1], sample=True), Case(args=[[3, 2, 4], 6], output=[1, 2])]


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def judge(builder: Builder, signature: Signature, code: str, cases: list[Case]) -> JudgeResult:
    task = FunctionTask(signature=signature, cases=cases, time_limit=10.0, memory_mib=256)
    return await judge_function(task, PHP, code, sandbox=builder.sandbox, builder=builder)


async def test_the_self_test_passes_and_the_version_is_phps(builder: Builder) -> None:
    status = await self_test(PHP, builder.sandbox, builder)
    assert status.enabled, status.reason
    assert status.version.startswith("PHP 8.")


async def test_two_sum_is_accepted_with_or_without_the_open_tag(builder: Builder) -> None:
    for code in (TWO_SUM_CODE, "<?php\n" + TWO_SUM_CODE):
        result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
        assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    wrong = await judge(builder, TWO_SUM, TWO_SUM_CODE.replace("[$seen[$target - $x], $i]", "[$i, $i]"), TWO_SUM_CASES)
    assert wrong.verdict is Verdict.WA


async def test_a_parse_error_is_a_compile_error_with_the_users_line(builder: Builder) -> None:
    code = TWO_SUM_CODE.replace("$seen[$x] = $i;", "$seen[$x] = = $i;")
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.CE
    assert "on line 12" in result.compile_output  # the line of `= =`, though judged put `<?php` before line 1


async def test_void_takes_its_first_parameter_by_reference(builder: Builder) -> None:
    signature = parse_signature("reverseArray", [("nums", "int[]")], "void")
    text = stub(signature, "php")
    assert "     * @return NULL\n     */\n    function reverseArray(&$nums) {\n" in text
    code = text.replace("\n        \n", "\n        $nums = array_reverse($nums);\n")
    result = await judge(builder, signature, code, [Case(args=[[1, 2, 3]], output=[3, 2, 1])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_nodes_in_and_out_with_leetcodes_classes(builder: Builder) -> None:
    signature = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    code = stub(signature, "php").replace(
        "\n        \n",
        "\n        $prev = null;\n        while ($head) { $next = $head->next; $head->next = $prev; $prev = $head;"
        " $head = $next; }\n        return $prev;\n",
    )
    assert " * class ListNode {\n" in code
    cases = [Case(args=[[1, 2, 3]], output=[3, 2, 1]), Case(args=[[]], output=[])]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_trees_and_a_new_node(builder: Builder) -> None:
    signature = parse_signature("mirror", [("root", "TreeNode")], "TreeNode")
    code = """class Solution {
    function mirror($root) {
        if ($root === null) return null;
        return new TreeNode($root->val, $this->mirror($root->right), $this->mirror($root->left));
    }
}
"""
    result = await judge(builder, signature, code, [Case(args=[[1, 2, 3, None, 4]], output=[1, 3, 2, None, None, 4])])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_values_of_every_base_type_round_trip(builder: Builder) -> None:
    signature = parse_signature(
        "echo", [("a", "long"), ("b", "double"), ("c", "bool"), ("d", "string"), ("e", "char")], "string[]"
    )
    code = (
        "class Solution { function echo($a, $b, $c, $d, $e) {\n"
        "    return [(string) $a, (string) $b, $c ? 'y' : 'n', $d, $e];\n} }"
    )
    case = Case(args=[-(2**63), 0.5, True, 'a"\\\n', "x"], output=[str(-(2**63)), "0.5", "y", 'a"\\\n', "x"])
    result = await judge(builder, signature, code, [case])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    big = parse_signature("big", [("n", "long")], "long")
    code = "class Solution { function big($n) { return $n * 4; } }"
    overflow = await judge(builder, big, code, [Case(args=[2**62], output=2**62)])
    assert overflow.verdict is Verdict.WA  # PHP's overflow is a float: no long, written as null


async def test_leetcodes_extensions_are_loaded(builder: Builder) -> None:
    signature = parse_signature("shout", [("s", "string")], "string")
    code = (
        "class Solution { function shout($s) {\n"
        "    return mb_strtoupper($s) . bcadd('1', '2') . (ctype_digit('7') ? 'd' : '');\n} }"
    )
    result = await judge(builder, signature, code, [Case(args=["ab"], output="AB3d")])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_a_thrown_exception_is_a_runtime_error_with_its_message(builder: Builder) -> None:
    code = "class Solution { function twoSum($nums, $target) { throw new InvalidArgumentException('no pair'); } }"
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert result.failure.message == "InvalidArgumentException: no pair"


async def test_a_graph_is_cloned_with_leetcodes_node(builder: Builder) -> None:
    signature = parse_signature("cloneGraph", [("node", "Node")], "Node")
    code = stub(signature, "php").replace(
        "\n        \n",
        "\n        $copies = new SplObjectStorage();\n"
        "        $copy = function ($n) use (&$copy, $copies) {\n"
        "            if ($n === null) return null;\n            if ($copies->contains($n)) return $copies[$n];\n"
        "            $copies[$n] = new Node($n->val);\n"
        "            foreach ($n->neighbors as $m) $copies[$n]->neighbors[] = $copy($m);\n"
        "            return $copies[$n];\n        };\n        return $copy($node);\n",
    )
    assert " * class Node {\n" in code
    cases = [Case(args=[[[2, 4], [1, 3], [2, 4], [1, 3]]], output=[[2, 4], [1, 3], [2, 4], [1, 3]])]
    result = await judge(builder, signature, code, [*cases, Case(args=[[]], output=[]), Case(args=[[[]]], output=[[]])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_nested_integers_with_leetcodes_interface(builder: Builder) -> None:
    signature = parse_signature("flattenDepths", [("nestedList", "NestedInteger[]")], "int[]")
    code = stub(signature, "php").replace(
        "\n        \n",
        "\n        $out = [];\n        $walk = function ($items, $depth) use (&$walk, &$out) {\n"
        "            foreach ($items as $item) {\n"
        "                if ($item->isInteger()) array_push($out, $item->getInteger(), $depth);\n"
        "                else $walk($item->getList(), $depth + 1);\n            }\n        };\n"
        "        $walk($nestedList, 1);\n"
        "        $built = new NestedInteger();\n        $built->add(new NestedInteger(5));\n"
        "        array_push($out, $built->isInteger() ? 1 : 0, count($built->getList()));\n"
        "        $built->setInteger(9);\n        array_push($out, $built->getInteger(), $built->isInteger() ? 1 : 0);\n"
        "        return $out;\n",
    )
    assert " * class NestedInteger {\n" in code
    cases = [
        Case(args=[[1, [4, [6]]]], output=[1, 1, 4, 2, 6, 3, 0, 1, 9, 1]),
        Case(args=[[[], [[]]]], output=[0, 1, 9, 1]),
    ]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)
