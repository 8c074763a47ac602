"""The harness conformance table: every behaviour a function-problem harness must show, as data.

Each case names a signature, the test lines fed on stdin and what must
come back (`Expect`: the values, an error line, the exit status, what the
program printed). Each language's solutions are in
`tests/harness/solutions/<language>.py`, keyed by these names; a key
`name:variant` is one more solution to the same case (Java's `List<...>`
form, Go's import styles). A case a language has no solution for is not
run in that language: the cases only some languages have are about that
language's own ways (Java's reflection, Go's imports, C's sizes).
"""

from __future__ import annotations

from judged.harness.types import parse_signature
from judged.harness.values import INT_MAX, INT_MIN, LONG_MAX, LONG_MIN
from tests.harness.conformance import Case, Expect, Outcome

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_TESTS = ([[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[3, 3], 6], [[1], 5])
TWO_SUM_VALUES = [[0, 1], [1, 2], [0, 1], []]
DESCRIBE = parse_signature(
    "describe",
    [("word", "string"), ("letter", "char"), ("flag", "bool"), ("ratio", "double"), ("big", "long")],
    "string",
)
FLATTENED = [1, None, 2, None, 3, None, 4, None, 5, None, 6]
CYCLE = parse_signature("makeCycle", [("head", "ListNode")], "ListNode")
GREET = parse_signature("greet", [("name", "string")], "string")
EXPLODE = parse_signature("explode", [("n", "int")], "int[]")
RISKY = parse_signature("risky", [("nums", "int[]"), ("k", "int")], "int")
F_INT = parse_signature("f", [("x", "int")], "int")
MAX_DEPTH = parse_signature("maxDepth", [("root", "TreeNode")], "int")
DEEP = 200_000


def _chain(depth: int) -> list[int | None]:
    """A tree of `depth` nodes, each the right child of the one before: as deep as a tree of that size gets."""
    chain: list[int | None] = [1]
    for value in range(2, depth + 1):
        chain += [None, value]
    return chain


def _cpu_time_of_the_call(outcome: Outcome) -> None:
    """The first call spins 0.2 s of CPU; loading the solution (which sleeps) is not part of any call."""
    first, second = (result["t"] for result in outcome.results)
    assert isinstance(first, float)
    assert isinstance(second, int | float)
    assert 0.2 <= first < 5
    assert second < 0.2


def _bad_line(line: bytes, stderr_has: str) -> Case:
    """A test line the harness cannot decode, between two good ones: status 3, nothing after the first result."""
    return Case(
        TWO_SUM,
        b"[[1,2],3]\n" + line + b"[[1,2],3]\n",
        Expect(values=[[0, 1]], status=3, stderr=None, stderr_has=(stderr_has,)),
    )


def _risky(k: int, message: str) -> Case:
    return Case(RISKY, ([[7], 0], [[7], k], [[7], 0]), Expect(values=[0], error=message))


def _explode(message: str) -> Case:
    return Case(EXPLODE, ([1], [5], [2]), Expect(values=[[1]], error=message, stdout="exploding\nexploding\n"))


def _twice(type_text: str, tests: tuple[list[object], ...], values: list[object]) -> Case:
    return Case(parse_signature("twice", [("x", type_text)], type_text), tests, Expect(values=values, typed=True))


CASES: dict[str, Case] = {
    # Calls, arguments and results of every kind.
    "two-sum": Case(TWO_SUM, TWO_SUM_TESTS, Expect(values=TWO_SUM_VALUES)),
    "no-tests-no-results": Case(TWO_SUM, b"", Expect(values=[])),
    "describe-scalars": Case(DESCRIBE, (), Expect()),  # every language's own tests and words
    "reverse-string-in-place": Case(
        parse_signature("reverseString", [("s", "char[]")], "void"),
        ([["h", "e", "l", "l", "o"]], [[]]),
        Expect(values=[["o", "l", "l", "e", "h"], []]),
    ),
    "reverse-array-in-place": Case(
        parse_signature("reverseArray", [("nums", "int[]")], "void"),
        ([[1, 2, 3]], [[]], [[5, -4]]),
        Expect(values=[[3, 2, 1], [], [-4, 5]]),
    ),
    "rotate-in-place": Case(
        parse_signature("rotate", [("nums", "int[]"), ("k", "int")], "void"),
        ([[1, 2, 3, 4, 5, 6, 7], 3], [[-1, -100, 3, 99], 2]),
        Expect(values=[[5, 6, 7, 1, 2, 3, 4], [3, 99, -1, -100]]),
    ),
    "flatten-tree-in-place": Case(
        parse_signature("flatten", [("root", "TreeNode")], "void"),
        ([[1, 2, 5, 3, 4, None, 6]], [[]], [[0]]),
        Expect(values=[FLATTENED, [], [0]]),
    ),
    "reverse-list": Case(
        parse_signature("reverseList", [("head", "ListNode")], "ListNode"),
        ([[1, 2, 3, 4, 5]], [[]], [[7]]),
        Expect(values=[[5, 4, 3, 2, 1], [], [7]]),
    ),
    "remove-list-elements": Case(
        parse_signature("removeElements", [("head", "ListNode"), ("val", "int")], "ListNode"),
        ([[1, 2, 6, 3, 4, 5, 6], 6], [[], 1], [[7, 7, 7], 7], [[INT_MIN, INT_MAX], 0], [[1, 2, 6, 3, 6], 6]),
        Expect(values=[[1, 2, 3, 4, 5], [], [], [INT_MIN, INT_MAX], [1, 2, 3]]),
    ),
    "invert-tree": Case(
        parse_signature("invertTree", [("root", "TreeNode")], "TreeNode"),
        ([[4, 2, 7, 1, 3, 6, 9]], [[1, None, 2, None, None]], [[]], [[1, 2]], [[2, 1, None, None, None]]),
        Expect(values=[[4, 7, 2, 9, 6, 3, 1], [1, 2], [], [1, None, 2], [2, None, 1]]),
    ),
    "mirror-or-build-tree": Case(
        parse_signature("mirrorAndBuild", [("root", "TreeNode"), ("nums", "int[]")], "TreeNode"),
        ([[4, 2, 7, 1, 3, 6, 9], []], [[], [-10, -3, 0, 5, 9]], [[], []]),
        Expect(values=[[4, 7, 2, 9, 6, 3, 1], [0, -10, 5, None, -3, None, 9], []]),
    ),
    "tree-from-array": Case(
        parse_signature("sortedArrayToBST", [("nums", "int[]")], "TreeNode"),
        ([[-10, -3, 0, 5, 9]], [[1, 3]]),
        Expect(values=[[0, -10, 5, None, -3, None, 9], [1, None, 3]]),
    ),
    "tree-depth": Case(MAX_DEPTH, ([[3, 9, 20, None, None, 15, 7]], [[]], [[1, None, 2]]), Expect(values=[3, 0, 2])),
    "deep-tree": Case(MAX_DEPTH, ([_chain(DEEP)],), Expect(values=[DEEP])),
    "clone-graph": Case(
        parse_signature("cloneGraph", [("node", "Node")], "Node"),
        ([[[2, 4], [1, 3], [2, 4], [1, 3]]], [[[]]], [[]], [[[2], [1]]], [[[3, 2], [3, 1], [1, 2]]]),
        Expect(values=[[[2, 4], [1, 3], [2, 4], [1, 3]], [[]], [], [[2], [1]], [[3, 2], [3, 1], [1, 2]]]),
    ),
    # Each integer and its depth in order, then what LeetCode's other NestedInteger methods give: a new empty one
    # with one added (isInteger false, a list of 1), then set to 9 (getInteger 9, isInteger true).
    "nested-integer": Case(
        parse_signature("flattenDepths", [("nestedList", "NestedInteger[]")], "int[]"),
        ([[1, [4, [6]]]], [[[], [[]], -3]], [[INT_MAX, [[INT_MIN]]]], [[]]),
        Expect(
            values=[
                [1, 1, 4, 2, 6, 3, 0, 1, 9, 1],
                [-3, 1, 0, 1, 9, 1],
                [INT_MAX, 1, INT_MIN, 3, 0, 1, 9, 1],
                [0, 1, 9, 1],
            ]
        ),
    ),
    "graph-values-not-1-to-n": Case(
        parse_signature("relabel", [("node", "Node"), ("by", "int")], "Node"),
        ([[[2], [1]], 0], [[[2], [1]], 5], [[[2], [1]], -1]),
        Expect(values=[[[2], [1]], None, None]),
    ),
    "level-order": Case(
        parse_signature("levelOrder", [("root", "TreeNode")], "int[][]"),
        ([[3, 9, 20, None, None, 15, 7]], [[]]),
        Expect(values=[[[3], [9, 20], [15, 7]], []]),
    ),
    "transpose-matrix": Case(
        parse_signature("transpose", [("matrix", "int[][]")], "int[][]"),
        ([[[1, 2, 3], [4, 5, 6]]], [[]], [[[7]]]),
        Expect(values=[[[1, 4], [2, 5], [3, 6]], [], [[7]]]),
    ),
    "ragged-rows": Case(
        parse_signature("generate", [("numRows", "int")], "int[][]"),
        ([4], [0]),
        Expect(values=[[[1], [1, 1], [1, 2, 1], [1, 3, 3, 1]], []]),
    ),
    "char-board-in-place": Case(
        parse_signature("fill", [("board", "char[][]")], "void"),
        ([[[".", "1"], ["2", "."]]],),
        Expect(values=[[["x", "1"], ["2", "x"]]]),
    ),
    "strings-and-a-char": Case(
        parse_signature("shout", [("words", "string[]"), ("mark", "char")], "string[]"),
        ([["hi", "", 'a"b\\'], "!"],),
        Expect(values=[["HI!", "!", 'A"B\\!']]),
    ),
    "grids-chars-strings-bools": Case(
        parse_signature(
            "mixed",
            [("grid", "int[][]"), ("board", "char[][]"), ("words", "string[]"), ("flags", "bool[]")],
            "string[][]",
        ),
        ([[[1, -2], [], [3]], [["a", "."], ["\n"]], ["x", "", 'q"'], [True, False]],),
        Expect(values=[[["1", "-2"], [], ["3"], ["a."], ["\n"], ["x", "", 'q"'], ["10"]]]),
    ),
    "doubles-from-every-scalar": Case(
        parse_signature("twice", [("x", "long"), ("d", "double"), ("b", "bool"), ("c", "char")], "double[]"),
        ([2**40, 0.05, True, "a"],),
        Expect(values=[[2.0**41, 0.1, 0.0, 98.0, -0.0, "Infinity", 0.1]]),
    ),
    "twice-long": _twice("long", ([2**61], [-(2**62)]), [2**62, LONG_MIN]),
    "twice-double": _twice("double", ([0.05], [1e308], [3]), [0.1, "Infinity", 6.0]),
    "twice-bool": _twice("bool", ([True], [False]), [False, True]),
    "twice-char": _twice("char", (["a"], ["~"]), ["b", "\x7f"]),
    "twice-int": _twice("int", ([-(2**30)],), [INT_MIN]),
    "cpu-time-of-the-call": Case(
        parse_signature("spin", [("x", "double")], "bool"),
        ([0.2], [0]),
        Expect(values=[True, True], check=_cpu_time_of_the_call),
    ),
    "wrong-type-int": Case(F_INT, tuple([i] for i in range(10)), Expect()),
    "wrong-type-long": Case(parse_signature("f", [("x", "long")], "long"), tuple([i] for i in range(12)), Expect()),
    "wrong-type-bool-array": Case(
        parse_signature("g", [("x", "int")], "bool[]"), ([0], [1], [3]), Expect(values=[[True, True], None, None])
    ),
    "wrong-type-double-array": Case(
        parse_signature("g", [("x", "int")], "double[]"),
        ([1], [2], [0]),
        Expect(values=[[1.0, 2.5], [2.0, "Infinity"], None]),
    ),
    "wrong-type-int-array": Case(
        parse_signature("g", [("x", "int")], "int[]"), ([1], [2], [0]), Expect(values=[[1, 2], None, None])
    ),
    "wrong-type-list-node": Case(parse_signature("g", [("x", "int")], "ListNode"), ([0],), Expect(values=[None])),
    "longs-exact": Case(
        parse_signature("f", [("x", "long")], "long"),
        ([LONG_MAX], [LONG_MIN], [2**53 + 1]),
        Expect(values=[LONG_MAX, LONG_MIN, 2**53 + 1]),
    ),
    "non-finite-doubles": Case(
        parse_signature("f", [("x", "double")], "double"),
        tuple([i] for i in range(5)),
        Expect(values=["Infinity", "-Infinity", "NaN", -0.0, 0.1]),
    ),
    "a-million-numbers": Case(
        parse_signature("total", [("nums", "int[]")], "long"),
        ([list(range(-500_000, 500_000))], [list(range(499_999, -500_001, -1))]),
        Expect(values=[-500_000, -500_000]),
    ),
    "deep-list": Case(
        parse_signature("walk", [("head", "ListNode")], "ListNode"),
        ([list(range(DEEP))],),
        Expect(values=[list(range(DEEP))]),
    ),
    # Errors in the user's code: one error line, then exit status 1.
    "list-cycle": Case(CYCLE, ([[]], [[1, 2]], [[3]]), Expect(values=[[]], error="ListNode has a cycle")),
    "divide-by-zero": Case(
        parse_signature("divide", [("a", "int"), ("b", "int")], "int"),
        ([6, 3], [1, 0], [4, 2]),
        Expect(values=[2], stdout="dividing\ndividing\n"),
    ),
    "two-sum-raises": Case(TWO_SUM, ([[1, 2], 3], [[1, 2], 4], [[1, 2], 3]), Expect(values=[[0, 1]], stderr=None)),
    "cpp-out-of-range": _risky(
        1, "std::out_of_range: vector::_M_range_check: __n (which is 10) >= this->size() (which is 1)"
    ),
    "cpp-throws-int": _risky(2, "int"),
    "cpp-throws-custom": _risky(3, 'Oops: custom "quoted"\n'),
    "cpp-throws-c-string": _risky(4, "char const*: a C string"),
    "cpp-throws-string": _risky(5, "std::string: a std::string"),
    "go-index-panic": _explode("panic: runtime error: slice bounds out of range [5:1]"),
    "go-explicit-panic": _explode("panic: boom"),
    "go-nil-panic": _explode("panic: runtime error: invalid memory address or nil pointer dereference"),
    "crash-is-a-signal": Case(parse_signature("crash", [("k", "int")], "int"), ([1], [2], [3]), Expect(values=[1])),
    "endless-recursion": Case(F_INT, ([1],), Expect(values=[], stderr=None)),
    "out-of-memory": Case(parse_signature("deep", [("n", "int")], "int"), ([0],), Expect(values=[], stderr=None)),
    "missing-function": Case(F_INT, ([1],), Expect(values=[], stderr=None)),
    "syntax-error": Case(F_INT, ([1],), Expect(values=[], stderr=None)),
    "thrown-non-error": Case(TWO_SUM, ([[1, 2], 3],), Expect(values=[], error="Uncaught 'nope'", stderr=None)),
    # What the user prints is theirs; results go to fd 3 only.
    "prints-never-reach-results": Case(GREET, (["a"], ["b"]), Expect(values=["hi a", "hi b"])),
    "prints-of-a-count": Case(
        parse_signature("noisy", [("nums", "int[]")], "int"),
        ([[1, 2]], [[]]),
        Expect(values=[2, 0], stdout=None, stderr="to stderrto stderr"),
    ),
    "prints-around-calls": Case(F_INT, ([1], [2]), Expect(values=[2, 3], stdout=None, stderr=None)),
    "new-solution-per-test": Case(
        parse_signature("countCalls", [("k", "int")], "int"),
        ([1], [1], [2]),
        Expect(values=[11, 11, 11], stdout=None, stderr=None),
    ),
    # The user's text as LeetCode has it: pasted definitions, imports, names in scope, line numbers.
    "compile-error-line": Case(TWO_SUM, (), Expect(compile_error=("",))),
    "pasted-from-leetcode": Case(
        parse_signature("addTwoNumbers", [("l1", "ListNode"), ("l2", "ListNode")], "ListNode"),
        ([[2, 4, 3], [5, 6, 4]], [[9, 9], [1]]),
        Expect(values=[[7, 0, 8], [0, 0, 1]]),
    ),
    "pasted-merge-lists": Case(
        parse_signature("mergeTwoLists", [("list1", "ListNode"), ("list2", "ListNode")], "ListNode"),
        ([[1, 2, 4], [1, 3, 4]], [[], []], [[], [0]]),
        Expect(values=[[1, 1, 2, 3, 4, 4], [], [0]]),
    ),
    "pasted-list-to-tree": Case(
        parse_signature("sortedListToBST", [("head", "ListNode")], "TreeNode"),
        ([[-10, -3, 0, 5, 9]], [[]]),
        Expect(values=[[0, -10, 5, None, -3, None, 9], []]),
    ),
    "pasted-middle-node": Case(
        parse_signature("middleNode", [("head", "ListNode")], "ListNode"),
        ([[1, 2, 3, 4, 5]], [[1, 2]], [[]]),
        Expect(values=[[3, 4, 5], [2], []]),
    ),
    "names-in-scope": Case(
        parse_signature("names", [("n", "long")], "long[]"),
        ([7],),
        Expect(values=[[7, 2, 0, 1, 4, 10, 6, 1, 4, 1, 2, 1, 26, 2, 1, 1, 1, 2, 1, 23416728348467685]]),
    ),
    "user-defines-tree-node": Case(
        parse_signature("countNodes", [("values", "int[]")], "int"), ([[1, 2]],), Expect(values=[28])
    ),
    "global-named-time": Case(parse_signature("stamp", [("k", "int")], "int"), ([0], [10]), Expect(values=[5, 16])),
    # Test lines the harness cannot decode: the judge's fault, status 3.
    "bad-line-type": _bad_line(b'[[1,2],"x"]\n', "cannot decode test 2"),
    "bad-line-too-few": _bad_line(b"[[1,2]]\n", "cannot decode test 2"),
    "bad-line-too-many": _bad_line(b"[[1,2],3,4]\n", "cannot decode test 2"),
    "bad-line-trailing": _bad_line(b"[[1,2],3] x\n", "cannot decode test 2"),
    "bad-line-overflow": _bad_line(b"[[1,2],2147483648]\n", "cannot decode test 2"),
    "bad-line-empty": _bad_line(b"\n", "cannot decode test 2"),
    "bad-line-not-array": _bad_line(b"3\n", "cannot decode test 2"),
    "bad-line-element": _bad_line(b'[[1, "x"], 3]\n', "cannot decode test 2"),
    "bad-line-not-json": _bad_line(b"[1, 2\n", "not JSON"),
    "bad-line-count": _bad_line(b"[1]\n", "expected an array of 2 arguments"),
    "bad-line-integer": _bad_line(b'[[1, "2"], 3]\n', "expected an integer"),
    "blank-lines-are-skipped": Case(
        TWO_SUM,
        b"[[1, 2], 3]\n\n[1, 2\n[[1, 2], 3]\n",
        Expect(values=[[0, 1]], status=3, stderr=None, stderr_has=("cannot decode test 2",)),
    ),
    "deep-nesting": Case(
        parse_signature("count", [("grid", "int[][]")], "int"),
        b"[" + b"[" * 200_000 + b"]" * 200_000 + b"]\n",
        Expect(values=[], status=3, stderr=None),
    ),
}
"""Every case, by name."""
