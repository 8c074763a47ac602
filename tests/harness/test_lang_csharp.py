"""The C# harness, end to end in the jail: LeetCode's C# form (`public class Solution`, PascalCase methods) on
Mono. (A new language's tests, in the pattern of test_lang_ruby.py.)
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

CSHARP = load_languages(Path(__file__).resolve().parents[2] / "languages")["csharp"]

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_CODE = """public class Solution {
    public int[] TwoSum(int[] nums, int target) {
        var seen = new Dictionary<int, int>();
        for (int i = 0; i < nums.Length; i++) {
            if (seen.ContainsKey(target - nums[i])) return new[] { seen[target - nums[i]], i };
            seen[nums[i]] = i;
        }
        return new int[0];
    }
}
"""
TWO_SUM_CASES = [Case(args=[[2, 7, 11, 15], 9], output=[0, 1], sample=True), Case(args=[[3, 2, 4], 6], output=[1, 2])]


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def judge(
    builder: Builder, signature: Signature, code: str, cases: list[Case], memory_mib: int = 256
) -> JudgeResult:
    task = FunctionTask(signature=signature, cases=cases, time_limit=10.0, memory_mib=memory_mib)
    return await judge_function(task, CSHARP, code, sandbox=builder.sandbox, builder=builder)


async def test_the_self_test_passes_and_the_version_is_monos(builder: Builder) -> None:
    status = await self_test(CSHARP, builder.sandbox, builder)
    assert status.enabled, status.reason
    assert status.version.startswith("Mono C# compiler version 6.")


async def test_two_sum_is_accepted_and_a_wrong_answer_is_not(builder: Builder) -> None:
    result = await judge(builder, TWO_SUM, TWO_SUM_CODE, TWO_SUM_CASES)
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    wrong = await judge(builder, TWO_SUM, TWO_SUM_CODE.replace("seen[target - nums[i]], i }", "i, i }"), TWO_SUM_CASES)
    assert wrong.verdict is Verdict.WA


async def test_a_syntax_error_is_a_compile_error_with_its_line(builder: Builder) -> None:
    code = TWO_SUM_CODE.replace("seen[nums[i]] = i;", "seen[nums[i]] = = i;")
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.CE
    assert "Main.cs(6," in result.compile_output, result.compile_output


async def test_the_stub_is_leetcodes_and_a_keyword_parameter_is_renamed(builder: Builder) -> None:
    signature = parse_signature("groupBlocks", [("params", "int"), ("blockSizes", "int[]")], "int[][]")
    text = stub(signature, "csharp")
    assert text == (
        "public class Solution {\n    public IList<IList<int>> GroupBlocks(int params_, int[] blockSizes) {\n"
        "        \n    }\n}"
    )
    body = "return new List<IList<int>> { blockSizes.Where(size => size <= params_).ToList() };"
    result = await judge(
        builder, signature, text.replace("        \n", body), [Case(args=[3, [1, 4, 3]], output=[[1, 3]])]
    )
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    as_arrays = (
        "public class Solution { public int[][] GroupBlocks(int p, IList<int> b) { return new[] { b.ToArray() }; } }"
    )
    result = await judge(builder, signature, as_arrays, [Case(args=[3, [1, 4]], output=[[1, 4]])])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_lists_and_trees_with_leetcodes_classes_or_pasted_ones(builder: Builder) -> None:
    signature = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    body = "ListNode prev = null;\n        while (head != null) {"
    body += " var n = head.next; head.next = prev; prev = head; head = n; }\n"
    code = stub(signature, "csharp").replace("        \n", "        " + body + "        return prev;\n")
    assert " * public class ListNode {\n" in code
    cases = [Case(args=[[1, 2, 3]], output=[3, 2, 1]), Case(args=[[]], output=[])]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)
    pasted = (
        code.replace(" * Definition for singly-linked list.\n", "")
        .replace("/**", "")
        .replace(" */", "")
        .replace(" * ", "")
    )  # LeetCode's class, uncommented
    result = await judge(builder, signature, pasted, cases)
    assert result.verdict is Verdict.AC, (pasted, result.compile_output, result.failure)
    mirror = parse_signature("mirror", [("root", "TreeNode")], "TreeNode")
    code = """public class Solution {
    public TreeNode Mirror(TreeNode root) {
        return root == null ? null : new TreeNode(root.val, Mirror(root.right), Mirror(root.left));
    }
}"""
    result = await judge(builder, mirror, code, [Case(args=[[1, 2, 3, None, 4]], output=[1, 3, 2, None, None, 4])])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_values_of_every_base_type_round_trip(builder: Builder) -> None:
    signature = parse_signature(
        "echo", [("a", "long"), ("b", "double"), ("c", "bool"), ("d", "string"), ("e", "char")], "string[]"
    )
    code = """public class Solution {
    public IList<string> Echo(long a, double b, bool c, string d, char e) {
        return new List<string> { a.ToString(), b.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                  c ? "true" : "false", d, e.ToString() };
    }
}"""
    case = Case(args=[-(2**63), 0.5, True, 'a"\\\n', "x"], output=[str(-(2**63)), "0.5", "true", 'a"\\\n', "x"])
    result = await judge(builder, signature, code, [case])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    doubles = parse_signature("half", [("x", "double")], "double")
    code = "public class Solution { public double Half(double x) { return x / 2; } }"
    result = await judge(builder, doubles, code, [Case(args=[0.2], output=0.1), Case(args=[-0.0], output=-0.0)])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_void_modifies_in_place(builder: Builder) -> None:
    signature = parse_signature("reverseArray", [("nums", "int[]")], "void")
    code = stub(signature, "csharp").replace("        \n", "        Array.Reverse(nums);\n")
    assert "public void ReverseArray(int[] nums) {" in code
    result = await judge(builder, signature, code, [Case(args=[[1, 2, 3]], output=[3, 2, 1])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_a_thrown_exception_is_a_runtime_error_with_its_message(builder: Builder) -> None:
    code = 'public class Solution { public int[] TwoSum(int[] n, int t) { throw new ArgumentException("no pair"); } }'
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert result.failure.message == "System.ArgumentException: no pair"


async def test_a_graph_is_cloned_with_leetcodes_node(builder: Builder) -> None:
    signature = parse_signature("cloneGraph", [("node", "Node")], "Node")
    body = """var copies = new Dictionary<Node, Node>();
        Func<Node, Node> copy = null;
        copy = n => {
            if (n == null) return null;
            if (copies.ContainsKey(n)) return copies[n];
            copies[n] = new Node(n.val);
            foreach (var m in n.neighbors) copies[n].neighbors.Add(copy(m));
            return copies[n];
        };
        return copy(node);
"""
    code = stub(signature, "csharp").replace("        \n", "        " + body)
    cases = [Case(args=[[[2, 4], [1, 3], [2, 4], [1, 3]]], output=[[2, 4], [1, 3], [2, 4], [1, 3]])]
    result = await judge(builder, signature, code, [*cases, Case(args=[[]], output=[]), Case(args=[[[]]], output=[[]])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_too_much_memory_is_mle_and_an_endless_loop_tle(builder: Builder) -> None:
    signature = parse_signature("hoard", [("n", "int")], "int")
    code = "public class Solution { public int Hoard(int n) {\n"
    code += "var k = new List<int[]>(); while (true) k.Add(new int[1000]); } }"
    result = await judge(builder, signature, code, [Case(args=[1], output=1)], memory_mib=64)
    assert result.verdict is Verdict.MLE, (result.compile_output, result.failure)
    code = "public class Solution { public int Hoard(int n) { while (true) n++; } }"
    task = FunctionTask(signature=signature, cases=[Case(args=[1], output=1)], time_limit=1.0, memory_mib=64)
    result = await judge_function(task, CSHARP, code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.TLE, (result.compile_output, result.failure)


async def test_dotnets_priority_queue_and_newer_linq_are_supplied(builder: Builder) -> None:
    signature = parse_signature("topKFrequent", [("nums", "int[]"), ("k", "int")], "int[]")
    code = """public class Solution {
    public int[] TopKFrequent(int[] nums, int k) {
        var counts = nums.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var pq = new PriorityQueue<int, int>();
        foreach (var pair in counts) {
            pq.Enqueue(pair.Key, pair.Value);
            if (pq.Count > k) pq.Dequeue();
        }
        var top = new List<int>();
        while (pq.TryDequeue(out var value, out var count)) top.Add(value);
        top.Reverse();
        top.Add(counts.MaxBy(pair => pair.Value).Key);
        return top.ToArray();
    }
}"""
    result = await judge(builder, signature, code, [Case(args=[[1, 1, 1, 2, 2, 3], 2], output=[1, 2, 1])])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
