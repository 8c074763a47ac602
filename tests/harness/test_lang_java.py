"""The Java harness, compiled with javac and run on the host's JVM as languages/java.toml runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judged.harness.lang_java import build
from judged.harness.typenames import type_name
from judged.harness.types import ALL_VALUE_TYPES, Param, Signature, Type, parse_signature
from judged.harness.values import canonical, validate
from tests.harness.hostrun_jvm_go_rust import CompileError, build_and_run, compile_many, run_program
from tests.harness.strategies import values_of

BOXED = {"int": "Integer", "long": "Long", "double": "Double", "boolean": "Boolean", "char": "Character"}
GRID_TYPES = [type_ for type_ in ALL_VALUE_TYPES if type_.depth == 2]  # List<List<T>> covers List<T> too

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_ARRAYS = """\
import java.util.HashMap;

class Solution {
    public int[] twoSum(int[] nums, int target) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) return new int[] {j, i};
            seen.put(nums[i], i);
        }
        return new int[0];
    }
}"""
TWO_SUM_LISTS = """\
class Solution {
    public List<Integer> twoSum(List<Integer> nums, int target) {
        for (int i = 0; i < nums.size(); i++)
            for (int j = i + 1; j < nums.size(); j++)
                if (nums.get(i) + nums.get(j) == target) return Arrays.asList(i, j);
        return new ArrayList<>();
    }
}"""
TWO_SUM_TESTS = [[[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[3, 3], 6]]


def identity(type_: Type, *, lists: bool = False) -> tuple[Signature, str]:
    """`x -> x` for `type_`, declared with Java arrays, or with `List<...>` for every array level."""
    name = _list_name(type_) if lists else type_name(type_, "java")
    return Signature("identity", (Param("x", type_),), type_), (
        f"class Solution {{ public {name} identity({name} x) {{ return x; }} }}"
    )


def _list_name(type_: Type) -> str:
    element = type_name(Type(type_.base), "java")
    name = BOXED.get(element, element)
    for _ in range(type_.depth):
        name = f"List<{name}>"
    return name


@pytest.fixture(scope="module")
def identities() -> dict[Type, Path]:
    return dict(zip(ALL_VALUE_TYPES, compile_many("java", [identity(type_) for type_ in ALL_VALUE_TYPES]), strict=True))


@pytest.fixture(scope="module")
def list_identities() -> dict[Type, Path]:
    return dict(
        zip(GRID_TYPES, compile_many("java", [identity(type_, lists=True) for type_ in GRID_TYPES]), strict=True)
    )


def assert_round_trip(build_dir: Path, type_: Type, values: list[object]) -> None:
    run = run_program("java", build_dir, [[value] for value in values])
    assert (run.status, run.stderr) == (0, "")
    for value in run.values:
        validate(value, type_, "v")
    assert [canonical(value, type_) for value in run.values] == [canonical(value, type_) for value in values]


@pytest.mark.parametrize("type_", ALL_VALUE_TYPES, ids=str)
@settings(max_examples=3, deadline=None)
@given(data=st.data())
def test_every_type_round_trips(identities: dict[Type, Path], type_: Type, data: st.DataObject) -> None:
    assert_round_trip(identities[type_], type_, data.draw(st.lists(values_of(type_), min_size=1, max_size=30)))


@pytest.mark.parametrize("type_", GRID_TYPES, ids=str)
@settings(max_examples=3, deadline=None)
@given(data=st.data())
def test_every_grid_type_round_trips_as_lists_of_lists(
    list_identities: dict[Type, Path], type_: Type, data: st.DataObject
) -> None:
    assert_round_trip(list_identities[type_], type_, data.draw(st.lists(values_of(type_), min_size=1, max_size=30)))


@pytest.mark.parametrize("solution", [TWO_SUM_ARRAYS, TWO_SUM_LISTS], ids=["arrays", "lists"])
def test_two_sum_with_arrays_or_lists(solution: str) -> None:
    run = build_and_run("java", TWO_SUM, solution, TWO_SUM_TESTS)
    assert (run.status, run.stderr) == (0, "")
    assert run.values == [[0, 1], [1, 2], [0, 1]]
    assert all(isinstance(result["t"], float) and result["t"] >= 0 for result in run.results)


def test_the_user_s_imports_are_hoisted_and_lines_kept() -> None:
    main = build(TWO_SUM, "// my solution\n" + TWO_SUM_ARRAYS)["Main.java"]
    lines = main.split("\n")
    assert lines[0] == "import java.util.*; import java.util.HashMap; // my solution"
    assert lines[1] == ""
    assert lines[3] == "class Solution {"
    assert "class ListNode" not in main
    assert "class TreeNode" not in main


def test_grid_declared_as_arrays_or_lists() -> None:
    signature = parse_signature("transpose", [("matrix", "int[][]")], "int[][]")
    arrays = """class Solution {
    public int[][] transpose(int[][] matrix) {
        int[][] t = new int[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) for (int j = 0; j < matrix[0].length; j++) t[j][i] = matrix[i][j];
        return t;
    }
}"""
    lists = """import java.util.stream.*;
class Solution {
    public List<List<Integer>> transpose(List<List<Integer>> matrix) {
        return IntStream.range(0, matrix.get(0).size())
            .mapToObj(j -> matrix.stream().map(row -> row.get(j)).collect(Collectors.toList()))
            .collect(Collectors.toList());
    }
}"""
    for solution in (arrays, lists):
        run = build_and_run("java", signature, solution, [[[[1, 2, 3], [4, 5, 6]]], [[[7]]]])
        assert run.values == [[[1, 4], [2, 5], [3, 6]], [[7]]]


def test_void_modifies_an_array_in_place() -> None:
    signature = parse_signature("rotate", [("nums", "int[]"), ("k", "int")], "void")
    solution = """class Solution {
    public void rotate(int[] nums, int k) {
        int[] copy = nums.clone();
        for (int i = 0; i < nums.length; i++) nums[(i + k) % nums.length] = copy[i];
    }
}"""
    run = build_and_run("java", signature, solution, [[[1, 2, 3, 4, 5, 6, 7], 3], [[-1, -100, 3, 99], 2]])
    assert run.values == [[5, 6, 7, 1, 2, 3, 4], [3, 99, -1, -100]]


def test_void_flattens_a_tree_in_place() -> None:
    signature = parse_signature("flatten", [("root", "TreeNode")], "void")
    solution = """class Solution {
    TreeNode last;
    public void flatten(TreeNode root) {
        if (root == null) return;
        TreeNode right = root.right;
        if (last != null) { last.right = root; last.left = null; }
        last = root;
        flatten(root.left);
        flatten(right);
    }
}"""
    run = build_and_run("java", signature, solution, [[[1, 2, 5, 3, 4, None, 6]], [[]], [[0]]])
    assert run.values == [[1, None, 2, None, 3, None, 4, None, 5, None, 6], [], [0]]


def test_lists_and_trees_in_and_out() -> None:
    reverse = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    solution = """class Solution {
    public ListNode reverseList(ListNode head) {
        ListNode previous = null;
        while (head != null) { ListNode next = head.next; head.next = previous; previous = head; head = next; }
        return previous;
    }
}"""
    assert build_and_run("java", reverse, solution, [[[1, 2, 3]], [[]]]).values == [[3, 2, 1], []]
    level_order = parse_signature("levelOrder", [("root", "TreeNode")], "int[][]")
    solution = """class Solution {
    public List<List<Integer>> levelOrder(TreeNode root) {
        List<List<Integer>> levels = new ArrayList<>();
        Queue<TreeNode> queue = new LinkedList<>();
        if (root != null) queue.add(root);
        while (!queue.isEmpty()) {
            List<Integer> level = new ArrayList<>();
            for (int n = queue.size(); n > 0; n--) {
                TreeNode node = queue.poll();
                level.add(node.val);
                if (node.left != null) queue.add(node.left);
                if (node.right != null) queue.add(node.right);
            }
            levels.add(level);
        }
        return levels;
    }
}"""
    run = build_and_run("java", level_order, solution, [[[3, 9, 20, None, None, 15, 7]], [[]]])
    assert run.values == [[[3], [9, 20], [15, 7]], []]


def test_scalars_of_every_kind() -> None:
    signature = parse_signature(
        "describe",
        [("word", "string"), ("letter", "char"), ("flag", "bool"), ("ratio", "double"), ("big", "long")],
        "string",
    )
    solution = """class Solution {
    public String describe(String word, char letter, boolean flag, double ratio, long big) {
        return word + letter + "|" + flag + "|" + (ratio * 2) + "|" + (big - 1) + "|\\t\\"\\u0001\\u00e9\\ud83d\\ude00";
    }
}"""
    run = build_and_run("java", signature, solution, [["ab", "c", True, 1.25, -(2**63) + 1]])
    assert run.values == ['abc|true|2.5|-9223372036854775808|\t"\x01\u00e9\U0001f600']


def test_an_exception_is_the_test_s_error_and_stops_the_run() -> None:
    signature = parse_signature("divide", [("a", "int"), ("b", "int")], "int")
    solution = 'class Solution { public int divide(int a, int b) { System.out.println("dividing"); return a / b; } }'
    run = build_and_run("java", signature, solution, [[6, 3], [1, 0], [4, 2]])
    assert run.status == 1
    assert run.values == [2]
    assert run.results[1]["e"] == "java.lang.ArithmeticException: / by zero"
    assert len(run.results) == 2
    assert run.stdout == "dividing\ndividing\n"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("return deep(n + 1) + 1;", "java.lang.StackOverflowError"),
        ("long[] a = new long[1 << 30]; return a.length;", "java.lang.OutOfMemoryError: Java heap space"),
    ],
    ids=["stack", "memory"],
)
def test_errors_are_reported_as_exceptions_too(body: str, error: str) -> None:
    signature = parse_signature("deep", [("n", "int")], "int")
    run = build_and_run("java", signature, f"class Solution {{ public int deep(int n) {{ {body} }} }}", [[0]])
    assert (run.status, run.results[0]["e"]) == (1, error)


def test_a_cyclic_list_is_an_error() -> None:
    signature = parse_signature("makeCycle", [("head", "ListNode")], "ListNode")
    solution = "class Solution { public ListNode makeCycle(ListNode head) { head.next = head; return head; } }"
    run = build_and_run("java", signature, solution, [[[1, 2]]])
    assert (run.status, run.results[0]["e"]) == (1, "ListNode has a cycle")


def test_user_prints_never_reach_fd_3() -> None:
    signature = parse_signature("greet", [("name", "string")], "string")
    solution = """public class Solution {
    public String greet(String name) {
        System.out.print("{\\"v\\": \\"forged\\"}\\n");
        System.err.println("to stderr");
        return "hi " + name;
    }
}"""
    run = build_and_run("java", signature, solution, [["a"], ["b"]])
    assert run.values == ["hi a", "hi b"]
    assert run.stdout == '{"v": "forged"}\n' * 2
    assert run.stderr == "to stderr\n" * 2


def test_a_method_it_cannot_call_is_an_error() -> None:
    signature = parse_signature("greet", [("name", "string")], "string")
    run = build_and_run(
        "java", signature, "class Solution { public String hello(String name) { return name; } }", [["a"]]
    )
    assert run.status == 1
    assert run.results[0]["e"] == "class Solution has no method greet with 1 parameter(s)"


def test_an_undecodable_test_line_exits_3() -> None:
    run = build_and_run("java", TWO_SUM, TWO_SUM_ARRAYS, b'[[1, 2], 3]\n[[1, "x"], 3]\n')
    assert run.status == 3
    assert run.values == [[0, 1]]
    assert "cannot decode test 2" in run.stderr


def test_compile_errors_point_at_the_user_s_lines() -> None:
    with pytest.raises(CompileError, match=r"Main\.java:3: error"):
        build_and_run(
            "java",
            TWO_SUM,
            "import java.util.*;\nclass Solution {\n  int[] twoSum(int[] a, int t) { return x; }\n}",
            [],
        )


def test_without_the_signature_s_node_types_the_user_may_define_them() -> None:
    signature = parse_signature("countNodes", [("values", "int[]")], "int")
    solution = """class TreeNode { TreeNode[] children = new TreeNode[26]; }
class Solution {
    public int countNodes(int[] values) { TreeNode root = new TreeNode(); return root.children.length + values.length; }
}"""
    assert build_and_run("java", signature, solution, [[[1, 2]]]).values == [28]
    assert build(signature, solution)["Main.java"].count("class TreeNode") == 1


def test_pasted_definitions_and_commented_imports_are_accepted() -> None:
    signature = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    solution = """import java.util.ArrayDeque; // for the stack
public class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}

public class Solution {
    public ListNode reverseList(ListNode head) {
        Deque<ListNode> stack = new ArrayDeque<>();
        for (; head != null; head = head.next) stack.push(head);
        ListNode dummy = new ListNode(), tail = dummy;
        while (!stack.isEmpty()) { tail.next = stack.pop(); tail = tail.next; }
        tail.next = null;
        return dummy.next;
    }
}"""
    assert build(signature, solution)["Main.java"].count("class ListNode") == 1
    assert build_and_run("java", signature, solution, [[[1, 2, 3]], [[]]]).values == [[3, 2, 1], []]
