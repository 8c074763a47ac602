"""Run a LeetCode-style Python solution on the host, the way the judge's environment presents it.

The solution's text is executed with the `typing` names and LeetCode's
`ListNode` and `TreeNode` defined; arguments are decoded from the tests' JSON
forms and the result encoded back, then compared as the problem's compare
mode says. A small stand-in for the real harness, for checking the bundled
reference solutions.
"""

from __future__ import annotations

import math
import typing
from collections import deque
from typing import Any

import msgspec

from judged.harness import Base, Type
from judged.problems import CompareMode, DesignProblem, FunctionProblem, Problem, TestCase


class ListNode:
    def __init__(self, val: int = 0, next: ListNode | None = None) -> None:
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


class NestedInteger:
    def __init__(self, value: int | None = None) -> None:
        self.value = value
        self.items: list[NestedInteger] | None = None if value is not None else []

    def isInteger(self) -> bool:
        return self.items is None

    def getInteger(self) -> int | None:
        return self.value

    def getList(self) -> list[NestedInteger] | None:
        return self.items

    def add(self, elem: NestedInteger) -> None:
        self.value, self.items = None, [*(self.items or []), elem]

    def setInteger(self, value: int) -> None:
        self.value, self.items = value, None


def _nested(value: Any) -> NestedInteger:
    if not isinstance(value, list):
        return NestedInteger(value)
    nested = NestedInteger()
    for item in value:
        nested.add(_nested(item))
    return nested


def solution_class(code: str, name: str = "Solution") -> Any:
    """The class `name` the code defines (`Solution`, or a design problem's class), executed with LeetCode's names
    in scope."""
    namespace: dict[str, Any] = {name: getattr(typing, name) for name in typing.__all__}
    namespace |= {"ListNode": ListNode, "TreeNode": TreeNode, "NestedInteger": NestedInteger, "__name__": "solution"}
    exec(
        compile("from collections import *\nfrom heapq import *\nfrom bisect import *\n", "<prelude>", "exec"),
        namespace,
    )
    exec(compile(code, "<solution>", "exec"), namespace)  # the bundled reference solutions, trusted
    return namespace[name]


def class_for(problem: Problem, code: str) -> Any:
    """The class a problem's solutions define: `Solution`, or the design problem's own."""
    return solution_class(code, problem.design.class_name if isinstance(problem, DesignProblem) else "Solution")


def decode(value: Any, type_: Type) -> Any:
    if type_.base is Base.LIST_NODE:
        head: ListNode | None = None
        for item in reversed(value):
            head = ListNode(item, head)
        return head
    if type_.base is Base.TREE_NODE:
        return _tree(value)
    if type_.base is Base.NESTED_INTEGER:
        return [_nested(item) for item in value]
    return msgspec.json.decode(msgspec.json.encode(value))  # a fresh copy: solutions may modify it


def encode(value: Any, type_: Type) -> Any:
    if type_.base is Base.LIST_NODE:
        out = []
        while value is not None:
            out.append(value.val)
            value = value.next
        return out
    if type_.base is Base.TREE_NODE:
        return _level_order(value)
    return value


def run(problem: Problem, solution: Any, case: TestCase) -> Any:
    """The encoded result of one call (for an in-place problem: the first argument after the call); a design
    problem's list of returns (the constructor's and void methods' null)."""
    if isinstance(problem, DesignProblem):
        return run_design(problem, solution, case)
    assert isinstance(problem, FunctionProblem)
    signature = problem.signature
    arguments = [decode(value, param.type) for value, param in zip(case.arguments, signature.params, strict=True)]
    returned = getattr(solution(), signature.name)(*arguments)
    if signature.in_place:
        return encode(arguments[0], signature.params[0].type)
    return encode(returned, signature.returns)


def run_design(problem: DesignProblem, cls: Any, case: TestCase) -> list[Any]:
    operations, arguments = case.input["operations"], case.input["arguments"]
    assert isinstance(operations, list)
    assert isinstance(arguments, list)
    first = arguments[0]
    assert isinstance(first, list)
    obj = cls(*(decode(value, p.type) for value, p in zip(first, problem.design.constructor, strict=True)))
    returns: list[Any] = [None]
    for index in range(1, len(operations)):
        method = problem.design.method(operations[index])
        assert method is not None
        args = [decode(value, p.type) for value, p in zip(arguments[index], method.params, strict=True)]
        returned = getattr(obj, method.name)(*args)
        returns.append(None if method.returns.base is Base.VOID else encode(returned, method.returns))
    return returns


def same(problem: Problem, actual: Any, expected: Any) -> bool:
    """Whether `actual` passes for `expected` under the problem's compare mode."""
    if isinstance(problem, DesignProblem):
        return _strict(actual) == _strict(expected)
    assert isinstance(problem, FunctionProblem)
    compare = problem.compare
    if compare.mode is CompareMode.FLOAT:
        return _close(actual, expected, compare.tolerance)
    if compare.mode is CompareMode.UNORDERED:
        return _unordered(actual, compare.unordered_depth) == _unordered(expected, compare.unordered_depth)
    return _strict(actual) == _strict(expected)


def _close(actual: Any, expected: Any, tolerance: float) -> bool:
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(_close(a, e, tolerance) for a, e in zip(actual, expected, strict=True))
        )
    if isinstance(actual, bool) or not isinstance(actual, int | float):
        return False
    error = abs(actual - expected)
    return math.isfinite(actual) and (error <= tolerance or error <= tolerance * abs(expected))


def _strict(value: Any) -> bytes:
    """A form where True != 1 and 'a' != ['a']: the JSON encoding."""
    return msgspec.json.encode(value)


def _unordered(value: Any, depth: int) -> list[bytes]:
    if depth == 2:
        value = [sorted(_strict(item) for item in element) for element in value]
    return sorted(_strict(element) for element in value)


def _tree(level: list[int | None]) -> TreeNode | None:
    if not level:
        return None
    root = TreeNode(typing.cast(int, level[0]))
    queue = deque([root])
    index = 1
    while queue and index < len(level):
        node = queue.popleft()
        for side in ("left", "right"):
            if index < len(level) and level[index] is not None:
                child = TreeNode(typing.cast(int, level[index]))
                setattr(node, side, child)
                queue.append(child)
            index += 1
    return root


def _level_order(root: TreeNode | None) -> list[int | None]:
    out: list[int | None] = []
    queue: deque[TreeNode | None] = deque([root] if root else [])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        queue.extend((node.left, node.right))
    while out and out[-1] is None:
        out.pop()
    return out
