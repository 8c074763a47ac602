"""The JavaScript harness, end to end: generated programs run on the host exactly as the language's TOML runs them."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judged.harness import lang_javascript
from judged.harness.types import ALL_VALUE_TYPES, Base, Param, Signature, Type, parse_signature
from judged.harness.values import canonical
from tests.harness.hostrun import JAVASCRIPT_COMMAND, HostRun, exact, run_on_host
from tests.harness.strategies import MAX_ITEMS, values_of

SAFE_INTEGER = 2**53  # JavaScript numbers hold every integer up to this exactly; longs beyond it are documented as lost

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_CODE = """
/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
var twoSum = function(nums, target) {
    const seen = new Map();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
        seen.set(nums[i], i);
    }
    throw new RangeError(`no pair sums to ${target}`);
};
"""


def run(signature: Signature, code: str, tests: list[list[object]] | bytes) -> HostRun:
    return run_on_host(JAVASCRIPT_COMMAND, lang_javascript.build(signature, textwrap.dedent(code)), tests)


def javascript_values_of(type_: Type) -> st.SearchStrategy[object]:
    """`values_of`, but a long is a safe integer: what a JavaScript number carries exactly."""
    if type_.base is not Base.LONG:
        return values_of(type_)
    strategy: st.SearchStrategy[object] = st.integers(-SAFE_INTEGER, SAFE_INTEGER)
    for _ in range(type_.depth):
        strategy = st.lists(strategy, max_size=MAX_ITEMS)
    return strategy


def test_build_gives_the_harness_and_the_users_code_unchanged() -> None:
    files = lang_javascript.build(TWO_SUM, TWO_SUM_CODE)
    assert set(files) == {"main.js", "solution.js"}
    assert files["solution.js"] == TWO_SUM_CODE
    assert files["main.js"].endswith('\nrun({"name": "twoSum", "params": ["int[]", "int"], "returns": "int[]"});\n')


def test_two_sum() -> None:
    result = run(TWO_SUM, TWO_SUM_CODE, [[[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[3, 3], 6]])
    assert (result.values, result.status, result.stderr) == ([[0, 1], [1, 2], [0, 1]], 0, "")


@pytest.mark.parametrize(
    "code",
    [
        "function twoSum(nums, target) { return [target, nums.length]; }",
        "const twoSum = (nums, target) => [target, nums.length];",
        "let twoSum = function (nums, target) { return [target, nums.length]; };",
        '"use strict";\nclass Helper { static f(nums, t) { return [t, nums.length]; } }\nvar twoSum = Helper.f;',
    ],
)
def test_every_way_of_defining_the_function_is_found(code: str) -> None:
    result = run(TWO_SUM, code, [[[1, 2], 9]])
    assert (result.values, result.stderr) == ([[9, 2]], "")


def test_a_missing_function_is_the_users_error() -> None:
    result = run(TWO_SUM, "var twoSums = function(nums, target) { return []; };", [[[1, 2], 3]])
    assert result.status == 1
    [error] = result.results
    assert str(error["e"]).startswith("ReferenceError: twoSum is not defined")


def test_time_is_the_cpu_time_of_the_call() -> None:
    code = """
    const wait = Date.now() + 300;
    while (Date.now() < wait) {}  // loading the solution is not part of any call
    var spin = function(seconds) {
        const start = process.cpuUsage();
        for (;;) {
            const used = process.cpuUsage(start);
            if ((used.user + used.system) / 1e6 >= seconds) return true;
        }
    };
    """
    result = run(parse_signature("spin", [("x", "double")], "bool"), code, [[0.2], [0]])
    assert result.values == [True, True]
    first, second = (line["t"] for line in result.results)
    assert isinstance(first, float)
    assert isinstance(second, int | float)
    assert 0.2 <= first < 5
    assert second < 0.2


def test_void_reverses_an_array_in_place() -> None:
    code = "var reverseString = function(s) { s.reverse(); };"
    signature = parse_signature("reverseString", [("s", "char[]")], "void")
    result = run(signature, code, [[["h", "e", "l", "l", "o"]], [[]]])
    assert result.values == [["o", "l", "l", "e", "h"], []]


def test_void_flattens_a_tree_in_place() -> None:
    code = """
    var flatten = function(root) {
        for (let node = root; node; node = node.right) {
            if (node.left) {
                let last = node.left;
                while (last.right) last = last.right;
                [last.right, node.right, node.left] = [node.right, node.left, null];
            }
        }
    };
    """
    signature = parse_signature("flatten", [("root", "TreeNode")], "void")
    result = run(signature, code, [[[1, 2, 5, 3, 4, None, 6]], [[]], [[0]]])
    assert result.values == [[1, None, 2, None, 3, None, 4, None, 5, None, 6], [], [0]]


def test_list_nodes_in_and_out() -> None:
    code = """
    var reverseList = function(head) {
        let previous = null;
        while (head) [head.next, previous, head] = [previous, head, head.next];
        return previous;
    };
    """
    signature = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    result = run(signature, code, [[[1, 2, 3, 4, 5]], [[]], [[7]]])
    assert result.values == [[5, 4, 3, 2, 1], [], [7]]


def test_tree_nodes_in_and_out() -> None:
    code = """
    var invertTree = function(root) {
        if (root) [root.left, root.right] = [invertTree(root.right), invertTree(root.left)];
        return root;
    };
    """
    signature = parse_signature("invertTree", [("root", "TreeNode")], "TreeNode")
    result = run(signature, code, [[[4, 2, 7, 1, 3, 6, 9]], [[1, None, 2, None, None]], [[]], [[1, 2]]])
    assert result.values == [[4, 7, 2, 9, 6, 3, 1], [1, 2], [], [1, None, 2]]


def test_a_solution_pasted_from_leetcode_runs_unchanged() -> None:
    code = """\
/**
 * Definition for singly-linked list.
 * function ListNode(val, next) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.next = (next===undefined ? null : next)
 * }
 */
/**
 * Definition for a binary tree node.
 * function TreeNode(val, left, right) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.left = (left===undefined ? null : left)
 *     this.right = (right===undefined ? null : right)
 * }
 */
/**
 * @param {ListNode} head
 * @return {TreeNode}
 */
var sortedListToBST = function(head) {
    const values = [];
    for (; head !== null; head = head.next) values.push(head.val);
    const build = (lo, hi) => {
        if (lo > hi) return null;
        const mid = (lo + hi) >> 1;
        return new TreeNode(values[mid], build(lo, mid - 1), build(mid + 1, hi));
    };
    return build(0, values.length - 1);
};"""
    signature = parse_signature("sortedListToBST", [("head", "ListNode")], "TreeNode")
    result = run(signature, code, [[[-10, -3, 0, 5, 9]], [[]]])
    assert (result.values, result.stderr) == ([[0, -10, 5, None, -3, None, 9], []], "")


def test_an_exception_gives_one_error_line_and_exit_status_1() -> None:
    result = run(TWO_SUM, TWO_SUM_CODE, [[[1, 2], 3], [[1, 2], 4], [[1, 2], 3]])
    assert result.results[0]["v"] == [0, 1]
    assert result.results[1]["e"] == "RangeError: no pair sums to 4"
    assert (len(result.results), result.status) == (2, 1)
    assert "solution.js:13:" in result.stderr
    assert "main.js" not in result.stderr


def test_a_thrown_non_error_is_described() -> None:
    result = run(TWO_SUM, "var twoSum = function() { throw 'nope'; };", [[[1, 2], 3]])
    assert (result.results, result.status) == ([{"e": "Uncaught 'nope'", "t": result.results[0]["t"]}], 1)


def test_user_prints_never_reach_the_results() -> None:
    code = """
    console.log('{"v": 1, "t": 0}');
    var f = function(x) {
        console.log('{"v": "stdout", "t": 0}');
        console.error("to stderr");
        process.stdout.write("raw\\n");
        return x + 1;
    };
    """
    result = run(parse_signature("f", [("x", "int")], "int"), code, [[1], [2]])
    assert (result.values, result.status) == ([2, 3], 0)
    assert result.stdout.count('"v": "stdout"') == 2
    assert result.stdout.count("raw") == 2
    assert result.stderr == "to stderr\nto stderr\n"


def test_a_syntax_error_shows_the_users_line() -> None:
    code = "// one\nvar f = function(x) {\n    return x +;\n};\n"
    result = run(parse_signature("f", [("x", "int")], "int"), code, [[1]])
    assert result.status == 1
    assert "solution.js:3\n" in result.stderr
    assert "SyntaxError" in result.stderr
    [error] = result.results
    assert error["e"] == "SyntaxError: Unexpected token ';' (solution.js, line 3)"


def test_results_of_the_wrong_type_are_null_and_integers_are_exact() -> None:
    code = """
    var f = function(x) {
        return [undefined, true, null, "5", 2.5, 2 ** 60, -(2 ** 63), 2n ** 63n - 1n, -0,
                2 ** 63, -(2n ** 63n) - 1n, 1e300][x];
    };
    """
    result = run(parse_signature("f", [("x", "long")], "long"), code, [[i] for i in range(12)])
    assert result.values == [None, None, None, None, None, 2**60, -(2**63), 2**63 - 1, 0, None, None, None]
    code = "var g = function(x) { return [[true, 1 === 1], new Int32Array([1, 2]), [1, undefined], 'ab'][x]; };"
    result = run(parse_signature("g", [("x", "int")], "bool[]"), code, [[0], [1], [3]])
    assert result.values == [[True, True], None, None]
    result = run(parse_signature("g", [("x", "int")], "int[]"), code, [[1], [2], [0]])
    assert result.values == [[1, 2], None, None]
    result = run(parse_signature("g", [("x", "int")], "ListNode"), code, [[0]])
    assert result.values == [None]


def test_non_finite_doubles_are_strings() -> None:
    code = "var f = function(x) { return [Infinity, -Infinity, NaN, -0, 0.1, 1e21][x]; };"
    result = run(parse_signature("f", [("x", "double")], "double"), code, [[i] for i in range(6)])
    assert [exact(value, Type(Base.DOUBLE)) for value in result.values] == [
        "Infinity",
        "-Infinity",
        "NaN",
        "-0.0",
        "0.1",
        "1e+21",
    ]


def test_a_list_with_a_cycle_is_an_error() -> None:
    code = "var f = function(head) { if (head) head.next = head; return head; };"
    signature = parse_signature("f", [("head", "ListNode")], "ListNode")
    result = run(signature, code, [[[]], [[1, 2]], [[3]]])
    assert result.results[0]["v"] == []
    assert result.results[1]["e"] == "ListNode has a cycle"
    assert (len(result.results), result.status) == (2, 1)


def test_deep_recursion_and_long_lists() -> None:
    code = """
    const length = (head) => head ? 1 + length(head.next) : 0;
    var walk = function(head) { length(head); return head; };
    """
    signature = parse_signature("walk", [("head", "ListNode")], "ListNode")
    nodes = list(range(200_000))
    result = run(signature, code, [[nodes]])
    assert (result.values, result.stderr) == ([nodes], "")


def test_endless_recursion_is_a_range_error() -> None:
    result = run(parse_signature("f", [("x", "int")], "int"), "var f = function(x) { return f(x + 1); };", [[1]])
    assert result.status == 1
    assert result.results[0]["e"] == "RangeError: Maximum call stack size exceeded"
    assert "solution.js:1:" in result.stderr


@pytest.mark.parametrize(
    ("stdin", "problem"),
    [
        (b"[1, 2\n", "not JSON"),
        (b"[1]\n", "expected an array of 2 arguments"),
        (b'[[1, "2"], 3]\n', "expected an integer"),
    ],
)
def test_a_test_the_harness_cannot_decode_exits_3(stdin: bytes, problem: str) -> None:
    result = run(TWO_SUM, TWO_SUM_CODE, b"[[1, 2], 3]\n\n" + stdin + b"[[1, 2], 3]\n")
    assert (result.values, result.status) == ([[0, 1]], 3)
    assert "cannot decode test 2" in result.stderr
    assert problem in result.stderr


@pytest.mark.parametrize("type_", ALL_VALUE_TYPES, ids=str)
@settings(max_examples=4, deadline=None)
@given(data=st.data())
def test_every_type_survives_an_identity_function(type_: Type, data: st.DataObject) -> None:
    values = data.draw(st.lists(javascript_values_of(type_), min_size=1, max_size=40))
    signature = Signature("identity", (Param("x", type_),), type_)
    result = run(signature, "var identity = function(x) { return x; };", [[value] for value in values])
    assert (result.status, result.stderr) == (0, "")
    assert [exact(value, type_) for value in result.values] == [
        exact(canonical(value, type_), type_) for value in values
    ]
