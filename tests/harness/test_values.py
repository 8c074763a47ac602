"""Test values: what a problem's tests may hold, and the error a problem setter sees when one is wrong."""

from __future__ import annotations

import math

import msgspec
import pytest

from judged.harness.types import Base, Type, parse_signature, parse_type
from judged.harness.values import InvalidValue, canonical, validate, validate_test

INT_MAX = 2**31 - 1
LONG_MAX = 2**63 - 1


def error(value: object, type_text: str, path: str = "x") -> str:
    """The message `validate` raises, or "" when the value is valid."""
    try:
        validate(value, parse_type(type_text), path)
    except InvalidValue as invalid:
        return str(invalid)
    return ""


@pytest.mark.parametrize(
    ("value", "type_text"),
    [
        (INT_MAX, "int"),
        (-INT_MAX - 1, "int"),
        (0, "int"),
        (LONG_MAX, "long"),
        (-LONG_MAX - 1, "long"),
        (1, "double"),
        (1.5, "double"),
        (-0.0, "double"),
        (1.7976931348623157e308, "double"),
        (2**1023, "double"),
        (True, "bool"),
        (False, "bool"),
        ("", "string"),
        ("hello, world ~\t\n", "string"),
        ("a", "char"),
        (".", "char"),
        ([], "int[]"),
        ([1, 2, 3], "int[]"),
        ([[1], [1, 2, 3], []], "int[][]"),
        ([["5", "3", "."], [".", "9"]], "char[][]"),
        ([["a", "b"], []], "string[][]"),
        ([1, 2.5], "double[]"),
        ([True, False], "bool[]"),
        ([], "ListNode"),
        ([1, 2, 3], "ListNode"),
    ],
)
def test_valid_values(value: object, type_text: str) -> None:
    assert error(value, type_text) == ""


@pytest.mark.parametrize(
    ("value", "type_text", "message"),
    [
        (INT_MAX + 1, "int", "x: 2147483648 does not fit int (32-bit)"),
        (-INT_MAX - 2, "int", "x: -2147483649 does not fit int (32-bit)"),
        (LONG_MAX + 1, "long", "x: 9223372036854775808 does not fit long (64-bit)"),
        (True, "int", "x: expected int (32-bit), got true"),
        (False, "long", "x: expected long (64-bit), got false"),
        (True, "double", "x: expected double, got true"),
        (1.0, "int", "x: expected int (32-bit), got 1.0"),
        ("1", "int", 'x: expected int (32-bit), got "1"'),
        (None, "int", "x: expected int (32-bit), got null"),
        (math.nan, "double", "x: NaN is not a finite double"),
        (math.inf, "double", "x: Infinity is not a finite double"),
        (-math.inf, "double", "x: -Infinity is not a finite double"),
        (10**400, "double", "is not a finite double"),
        (1, "bool", "x: expected bool, got 1"),
        (1, "string", "x: expected string, got 1"),
        ("héllo", "string", "x: character 1 is 'é'; strings hold ASCII 1-127 only"),
        ("a\x00b", "string", "character 1 is '\\x00'"),
        ("ab", "char", 'x: expected char (a string of one character), got "ab"'),
        ("", "char", "expected char"),
        (97, "char", "expected char"),
        ("é", "char", "x: 'é' is not a char; chars are ASCII 1-127 only"),
        ("\x00", "char", "is not a char"),
        (5, "int[]", "x: expected an array for int[], got 5"),
        ({"a": 1}, "int[]", "x: expected an array for int[], got an object"),
        ([1, 2], "int[][]", "x[0]: expected an array for int[], got 1"),
        ([[1], 2], "int[][]", "x[1]: expected an array for int[], got 2"),
        ([[1, 2], [3, INT_MAX + 1]], "int[][]", "x[1][1]: 2147483648 does not fit int (32-bit)"),
        ([["ab"]], "char[][]", "x[0][0]: expected char"),
        ([1, None], "ListNode", "x[1]: expected int (32-bit), got null"),
        ([INT_MAX + 1], "ListNode", "x[0]: 2147483648 does not fit int (32-bit)"),
        (1, "ListNode", "x: expected ListNode (an array of int), got 1"),
        ("x" * 100, "int", 'got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'),
    ],
)
def test_invalid_values_name_the_path(value: object, type_text: str, message: str) -> None:
    assert message in error(value, type_text)


def test_the_briefs_example_message() -> None:
    with pytest.raises(InvalidValue) as caught:
        validate([1, 2, 3, 2**31], parse_type("int[]"), "nums")
    assert str(caught.value) == "nums[3]: 2147483648 does not fit int (32-bit)"
    assert caught.value.path == "nums[3]"
    assert caught.value.problem == "2147483648 does not fit int (32-bit)"


@pytest.mark.parametrize(
    "tree",
    [
        [],
        [1],
        [1, 2],
        [1, None, 2],
        [1, None, 2, 3],
        [1, 2, 3, None, None, 4, 5],
        [1, None, 2, None, None],  # trailing nulls without a parent are harmless
        [1, None, None, None],
        [5, 4, 8, 11, None, 13, 4, 7, 2, None, None, None, 1],  # LeetCode 112's example
        [-(2**31), INT_MAX],
    ],
)
def test_valid_trees(tree: list[int | None]) -> None:
    assert error(tree, "TreeNode", "root") == ""


@pytest.mark.parametrize(
    ("tree", "message"),
    [
        ([None], "root[0]: the root is null; the empty tree is []"),
        ([None, 1], "root[0]: the root is null"),
        ([1, None, None, 2], "root[3]: 2 has no parent: every earlier slot is taken"),
        ([1, 2, None, None, None, 3], "root[5]: 3 has no parent"),
        ([1, None, 2, None, None, None, 3], "root[6]: 3 has no parent"),
        ([1, "a"], 'root[1]: expected int (32-bit), got "a"'),
        ([1, True], "root[1]: expected int (32-bit), got true"),
        ([1, [2]], "root[1]: expected int (32-bit), got an array of 1"),
        ([1, INT_MAX + 1], "root[1]: 2147483648 does not fit int (32-bit)"),
        ({"val": 1}, "root: expected TreeNode (a level-order array of int or null), got an object"),
    ],
)
def test_invalid_trees(tree: object, message: str) -> None:
    assert message in error(tree, "TreeNode", "root")


@pytest.mark.parametrize(
    "graph",
    [
        [],
        [[]],
        [[2, 4], [1, 3], [2, 4], [1, 3]],  # LeetCode 133's example
        [[2], [1]],
        [[3, 2], [3, 1], [1, 2]],
        [[2], [3], []],  # directed: each item lists where its node leads
    ],
)
def test_valid_graphs(graph: list[list[int]]) -> None:
    assert error(graph, "Node", "node") == ""


@pytest.mark.parametrize(
    ("graph", "message"),
    [
        ([[2], [1], []], "node: node 3 cannot be reached from node 1"),
        ([[2], [3]], "node[1][0]: 3 is not a node (1..2)"),
        ([[0]], "node[0][0]: 0 is not a node (1..1)"),
        ([[True]], "node[0][0]: true is not a node (1..1)"),
        ([[1], 2], "node[1]: expected the neighbours of node 2, got 2"),
        ([None], "node[0]: expected the neighbours of node 1, got null"),
        ({"val": 1}, "node: expected Node (an adjacency list of neighbour values 1..n), got an object"),
    ],
)
def test_invalid_graphs(graph: object, message: str) -> None:
    assert message in error(graph, "Node", "node")


def _nested(depth: int) -> list[object]:
    value: list[object] = [1]
    for _ in range(depth - 1):
        value = [value]
    return value


@pytest.mark.parametrize("value", [[], [0], [1, [4, [6]]], [[], [[]], -3], [INT_MAX, [[-INT_MAX - 1]]], _nested(100)])
def test_valid_nested_integers(value: list[object]) -> None:
    assert error(value, "NestedInteger[]", "nestedList") == ""
    assert canonical(value, parse_type("NestedInteger[]")) == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (5, "nestedList: expected an array for NestedInteger[], got 5"),
        ([1, [True]], "nestedList[1][0]: expected NestedInteger (an int or an array of them), got true"),
        ([[None]], "nestedList[0][0]: expected NestedInteger (an int or an array of them), got null"),
        ([1.5], "nestedList[0]: expected NestedInteger (an int or an array of them), got 1.5"),
        ([[INT_MAX + 1]], "nestedList[0][0]: 2147483648 does not fit int (32-bit)"),
        (_nested(101), "nested more than 100 deep"),
    ],
)
def test_invalid_nested_integers(value: object, message: str) -> None:
    assert message in error(value, "NestedInteger[]", "nestedList")


def test_canonical_strips_a_trees_trailing_nulls() -> None:
    tree = Type(Base.TREE_NODE)
    assert canonical([1, None, 2, None, None], tree) == [1, None, 2]
    assert canonical([1, None, None], tree) == [1]
    assert canonical([], tree) == []


def test_canonical_makes_doubles_floats() -> None:
    value = canonical([[1, 2.5], [-3]], parse_type("double[][]"))
    assert value == [[1.0, 2.5], [-3.0]]
    assert msgspec.json.encode(value) == b"[[1.0,2.5],[-3.0]]"  # floats, not ints


def test_canonical_keeps_the_rest() -> None:
    assert canonical([[1, 2], []], parse_type("int[][]")) == [[1, 2], []]
    assert canonical("ab", parse_type("string")) == "ab"
    assert canonical([3, 1], parse_type("ListNode")) == [3, 1]
    assert canonical(True, parse_type("bool")) is True


TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
ROTATE = parse_signature("rotate", [("nums", "int[]"), ("k", "int")], "void")


def line_error(test: object, signature_name: str = "twoSum") -> str:
    """The message `validate_test` raises, or "" when the test line is valid."""
    signature = TWO_SUM if signature_name == "twoSum" else ROTATE
    try:
        validate_test(test, signature)
    except InvalidValue as invalid:
        return str(invalid)
    return ""


def test_a_valid_test_line() -> None:
    line = msgspec.json.decode(b'{"input": {"nums": [2, 7, 11, 15], "target": 9}, "output": [0, 1]}')
    assert line_error(line) == ""


def test_a_void_function_compares_its_first_parameter() -> None:
    assert line_error({"input": {"nums": [1, 2, 3], "k": 1}, "output": [3, 1, 2]}, "rotate") == ""
    assert line_error({"input": {"nums": [1, 2, 3], "k": 1}, "output": 3}, "rotate") == (
        "output: expected an array for int[], got 3"
    )
    assert line_error({"input": {"nums": [1, 2, 3], "k": 1}, "output": None}, "rotate") == (
        "output: expected an array for int[], got null"
    )


@pytest.mark.parametrize(
    ("test", "message"),
    [
        ([1, 2], "test: expected an object with input and output, got an array of 2"),
        ({"input": {"nums": [], "target": 1}}, "test: has no output"),
        ({"output": []}, "test: has no input"),
        (
            {"input": {"nums": [], "target": 1}, "output": [], "ouput": []},
            "test: unknown key 'ouput' (a test has only input and output)",
        ),
        ({"input": [[], 1], "output": []}, "input: expected an object of arguments, got an array of 2"),
        ({"input": {"nums": []}, "output": []}, "input: missing parameter 'target'"),
        (
            {"input": {"nums": [], "target": 1, "k": 2}, "output": []},
            "input: unknown parameter 'k' (expected nums, target)",
        ),
        ({"input": {"nums": [1, True], "target": 1}, "output": []}, "nums[1]: expected int (32-bit), got true"),
        ({"input": {"nums": [], "target": 2**31}, "output": []}, "target: 2147483648 does not fit int (32-bit)"),
        ({"input": {"nums": [], "target": 1}, "output": [0, 1.5]}, "output[1]: expected int (32-bit), got 1.5"),
    ],
)
def test_invalid_test_lines(test: object, message: str) -> None:
    assert line_error(test) == message


def test_void_type_has_no_values() -> None:
    with pytest.raises(InvalidValue, match="void has no values"):
        validate(None, parse_type("void"), "output")
