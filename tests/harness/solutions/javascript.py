"""JavaScript solutions to the conformance cases, in LeetCode's form (`var name = function(...) {...};`)."""

from __future__ import annotations

from hypothesis import strategies as st

from judged.harness import stub
from judged.harness.types import Base, Type
from judged.harness.values import LONG_MIN
from tests.harness import strategies
from tests.harness.conformance import Outcome, Solution
from tests.harness.conformance_cases import CASES

EXAMPLES = 4
SAFE_INTEGER = 2**53  # JavaScript numbers hold every integer up to this exactly; longs beyond it are documented as lost

TWO_SUM = """
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
TWO_SUM_OR_NONE = TWO_SUM.replace("throw new RangeError(`no pair sums to ${target}`);", "return [];")
WRONG_TYPE_ARRAYS = (
    "var g = function(x) { return [[true, 1 === 1], new Int32Array([1, 2]), [1, undefined], 'ab'][x]; };"
)


def identity(type_: Type) -> str:
    return "var identity = function(x) { return x; };"


def values_of(type_: Type) -> st.SearchStrategy[object]:
    """`values_of`, but a long is a safe integer: what a JavaScript number carries exactly."""
    if type_.base is not Base.LONG:
        return strategies.values_of(type_)
    strategy: st.SearchStrategy[object] = st.integers(-SAFE_INTEGER, SAFE_INTEGER)
    for _ in range(type_.depth):
        strategy = st.lists(strategy, max_size=strategies.MAX_ITEMS)
    return strategy


def _files_are_the_harness_and_the_users_code(outcome: Outcome) -> None:
    assert set(outcome.files) == {"main.js", "solution.js"}
    assert outcome.files["solution.js"] == TWO_SUM_OR_NONE
    assert outcome.files["main.js"].endswith(
        '\nrun({"name": "twoSum", "params": ["int[]", "int"], "returns": "int[]"});\n'
    )


def _prints_stay_on_stdout(outcome: Outcome) -> None:
    assert outcome.stdout.count('"v": "stdout"') == 2
    assert outcome.stdout.count("raw") == 2
    assert outcome.stderr == "to stderr\nto stderr\n"


def _function_form(code: str) -> Solution:
    return Solution(code, tests=([[1, 2], 9],), expect={"values": [[9, 2]]})


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": Solution(TWO_SUM_OR_NONE, expect={"check": _files_are_the_harness_and_the_users_code}),
    "two-sum:function-declaration": _function_form("function twoSum(nums, target) { return [target, nums.length]; }"),
    "two-sum:arrow": _function_form("const twoSum = (nums, target) => [target, nums.length];"),
    "two-sum:let": _function_form("let twoSum = function (nums, target) { return [target, nums.length]; };"),
    "two-sum:static-method": _function_form(
        '"use strict";\nclass Helper { static f(nums, t) { return [t, nums.length]; } }\nvar twoSum = Helper.f;'
    ),
    "no-tests-no-results": TWO_SUM,
    "two-sum-raises": Solution(
        TWO_SUM,
        expect={
            "error": "RangeError: no pair sums to 4",
            "stderr_has": ("solution.js:13:",),
            "stderr_lacks": ("main.js",),
        },
    ),
    "thrown-non-error": "var twoSum = function() { throw 'nope'; };",
    "missing-function": Solution(
        "var twoSums = function(nums, target) { return []; };",
        expect={"error_prefix": "ReferenceError: f is not defined"},
    ),
    "cpu-time-of-the-call": """
const wait = Date.now() + 300;
while (Date.now() < wait) {}  // loading the solution is not part of any call
var spin = function(seconds) {
    const start = process.cpuUsage();
    for (;;) {
        const used = process.cpuUsage(start);
        if ((used.user + used.system) / 1e6 >= seconds) return true;
    }
};
""",
    "reverse-string-in-place": "var reverseString = function(s) { s.reverse(); };",
    "flatten-tree-in-place": """
var flatten = function(root) {
    for (let node = root; node; node = node.right) {
        if (node.left) {
            let last = node.left;
            while (last.right) last = last.right;
            [last.right, node.right, node.left] = [node.right, node.left, null];
        }
    }
};
""",
    "nested-integer": """
var flattenDepths = function(nestedList) {
    const out = [];
    const walk = (items, depth) => {
        for (const item of items) {
            if (item.isInteger()) out.push(item.getInteger(), depth);
            else walk(item.getList(), depth + 1);
        }
    };
    walk(nestedList, 1);
    const built = new NestedInteger();
    built.add(new NestedInteger(5));
    out.push(built.isInteger() ? 1 : 0, built.getList().length);
    built.setInteger(9);
    out.push(built.getInteger(), built.isInteger() ? 1 : 0);
    return out;
};
""",
    "clone-graph": stub(CASES["clone-graph"].signature, "javascript").replace(
        "\n    \n};",
        """
    if (node === null) return null;
    const clones = new Map([[node, new _Node(node.val)]]);
    const queue = [node];
    while (queue.length > 0) {
        const current = queue.shift();
        for (const neighbor of current.neighbors) {
            if (!clones.has(neighbor)) {
                clones.set(neighbor, new Node(neighbor.val));
                queue.push(neighbor);
            }
            clones.get(current).neighbors.push(clones.get(neighbor));
        }
    }
    return clones.get(node);
};""",
    ),
    "graph-values-not-1-to-n": """
var relabel = function(node, by) {
    const seen = new Set([node]);
    const stack = [node];
    while (stack.length > 0) {
        for (const neighbor of stack.pop().neighbors) {
            if (!seen.has(neighbor)) { seen.add(neighbor); stack.push(neighbor); }
        }
    }
    for (const each of seen) each.val += by;
    return node;
};
""",
    "reverse-list": """
var reverseList = function(head) {
    let previous = null;
    while (head) [head.next, previous, head] = [previous, head, head.next];
    return previous;
};
""",
    "invert-tree": """
var invertTree = function(root) {
    if (root) [root.left, root.right] = [invertTree(root.right), invertTree(root.left)];
    return root;
};
""",
    "pasted-list-to-tree": """\
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
};""",
    "prints-around-calls": Solution(
        """
console.log('{"v": 1, "t": 0}');
var f = function(x) {
    console.log('{"v": "stdout", "t": 0}');
    console.error("to stderr");
    process.stdout.write("raw\\n");
    return x + 1;
};
""",
        expect={"check": _prints_stay_on_stdout},
    ),
    "syntax-error": Solution(
        "// one\nvar f = function(x) {\n    return x +;\n};\n",
        expect={
            "error": "SyntaxError: Unexpected token ';' (solution.js, line 3)",
            "stderr_has": ("solution.js:3\n", "SyntaxError"),
        },
    ),
    "wrong-type-long": Solution(
        """
var f = function(x) {
    return [undefined, true, null, "5", 2.5, 2 ** 60, -(2 ** 63), 2n ** 63n - 1n, -0,
            2 ** 63, -(2n ** 63n) - 1n, 1e300][x];
};
""",
        expect={"values": [None, None, None, None, None, 2**60, LONG_MIN, 2**63 - 1, 0, None, None, None]},
    ),
    "wrong-type-bool-array": WRONG_TYPE_ARRAYS,
    "wrong-type-int-array": WRONG_TYPE_ARRAYS,
    "wrong-type-list-node": WRONG_TYPE_ARRAYS,
    "non-finite-doubles": Solution(
        "var f = function(x) { return [Infinity, -Infinity, NaN, -0, 0.1, 1e21][x]; };",
        tests=tuple([i] for i in range(6)),
        expect={"values": ["Infinity", "-Infinity", "NaN", -0.0, 0.1, 1e21]},
    ),
    "list-cycle": "var makeCycle = function(head) { if (head) head.next = head; return head; };",
    "deep-list": """
const length = (head) => head ? 1 + length(head.next) : 0;
var walk = function(head) { length(head); return head; };
""",
    "endless-recursion": Solution(
        "var f = function(x) { return f(x + 1); };",
        expect={"error": "RangeError: Maximum call stack size exceeded", "stderr_has": ("solution.js:1:",)},
    ),
    "bad-line-not-json": TWO_SUM,
    "bad-line-count": TWO_SUM,
    "bad-line-integer": TWO_SUM,
    "blank-lines-are-skipped": TWO_SUM,
}
