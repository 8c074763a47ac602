"""The Python harness: the `main.py` that runs a user's `solution.py` on the judge's tests.

`judged.harness.lang_python.build` copies this text into `main.py` and
appends one line, `raise SystemExit(run("twoSum", ["int[]", "int"], "int[]"))`.
It runs as `python3 -I -B main.py` with only the standard library, and
speaks docs/harness-protocol.md: a JSON array of arguments per line on stdin,
one `{"v": ..., "t": ...}` or `{"e": ..., "t": ...}` line per test on fd 3.

The user's code is compiled under its own file name, so tracebacks and
syntax errors show the user's lines, in a module `solution` that already
holds what LeetCode's Python 3 has in scope: `typing`, `collections`,
`heapq`, `bisect`, `itertools`, `functools` and `math` names (all but
math's `pow`, which would hide the builtin), the common modules by name,
and `ListNode`, `TreeNode`, the graph `Node` and `NestedInteger`. A result of the wrong type is encoded as
`null`, which no valid expected value equals; so is an integer outside
64 bits, which no JSON reader need accept.
"""

from __future__ import annotations

import builtins
import json
import math
import os
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable
from types import ModuleType, TracebackType

RESULTS_FD = 3
EXIT_USER_ERROR = 1
EXIT_BAD_TEST = 3
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1  # an integer result outside 64 bits is no valid answer: null
MAX_NODES = 1_000_000  # a ListNode or TreeNode result with more nodes than this has a cycle
RECURSION_LIMIT = 1_000_000  # the sandbox's stack may grow up to the memory limit
SOLUTION_FILE = "solution.py"
TRACEBACK_FRAMES = 50  # the innermost frames of a user's traceback shown on stderr
CASE_MARK = os.environ.pop("JUDGED_CASE_MARK", "").encode()  # run mode's per-run boundary (harness-protocol.md)

PRELUDE = """\
from typing import *
from collections import *
from heapq import *
from bisect import *
from itertools import *
from functools import *
from math import *
import array, bisect, collections, copy, functools, heapq, itertools, math, operator, random, re, string, sys
"""
HIDDEN_BY_PRELUDE = ("pow",)  # math.pow has no modulus: the builtin pow stays visible


class ListNode:
    """LeetCode's singly-linked list node."""

    def __init__(self, val: int = 0, next: ListNode | None = None) -> None:
        self.val = val
        self.next = next


class TreeNode:
    """LeetCode's binary tree node."""

    def __init__(self, val: int = 0, left: TreeNode | None = None, right: TreeNode | None = None) -> None:
        self.val = val
        self.left = left
        self.right = right


class Node:
    """LeetCode's graph node (the clone-graph family): a value and its neighbours."""

    def __init__(self, val: int = 0, neighbors: list[Node] | None = None) -> None:
        self.val = val
        self.neighbors = neighbors if neighbors is not None else []


class NestedInteger:
    """LeetCode's nested list item: a single integer, or a list of NestedIntegers."""

    def __init__(self, value: int | None = None) -> None:
        self._integer = value
        self._list: list[NestedInteger] | None = None if value is not None else []

    def isInteger(self) -> bool:
        return self._list is None

    def getInteger(self) -> int | None:
        return self._integer

    def setInteger(self, value: int) -> None:
        self._integer, self._list = value, None

    def add(self, elem: NestedInteger) -> None:
        if self._list is None:
            self._integer, self._list = None, []
        self._list.append(elem)

    def getList(self) -> list[NestedInteger] | None:
        return self._list


class BadTest(Exception):
    """A test line the harness cannot decode: the judge's bug, never the user's."""


class Mismatch(Exception):
    """A result that is not a value of the signature's type; it is encoded as null."""


class Cycle(Exception):
    """A ListNode or TreeNode result too long to be anything but a cycle."""


Kind = tuple[str, int]  # a signature type as (base, array depth): "int[][]" is ("int", 2)


def parse_kind(text: str) -> Kind:
    base = text.rstrip("[]")
    return base, (len(text) - len(base)) // 2


# Decoding the judge's arguments.


def decode(value: object, kind: Kind) -> object:
    base, depth = kind
    if not depth:
        return DECODERS[base](value)
    if not isinstance(value, list):
        raise BadTest(f"expected an array, got {value!r:.40}")
    return [decode(item, (base, depth - 1)) for item in value]


def decode_integer(value: object) -> int:
    if type(value) is not int:
        raise BadTest(f"expected an integer, got {value!r:.40}")
    return value


def decode_double(value: object) -> float:
    if type(value) is not int and type(value) is not float:
        raise BadTest(f"expected a number, got {value!r:.40}")
    return float(value)


def decode_bool(value: object) -> bool:
    if type(value) is not bool:
        raise BadTest(f"expected a bool, got {value!r:.40}")
    return value


def decode_string(value: object) -> str:
    if type(value) is not str:
        raise BadTest(f"expected a string, got {value!r:.40}")
    return value


def decode_char(value: object) -> str:
    if type(value) is not str or len(value) != 1:
        raise BadTest(f"expected a one-character string, got {value!r:.40}")
    return value


def decode_list_node(value: object) -> ListNode | None:
    if not isinstance(value, list):
        raise BadTest(f"expected an array of int, got {value!r:.40}")
    head: ListNode | None = None
    for item in reversed(value):
        head = ListNode(decode_integer(item), head)
    return head


def decode_tree_node(value: object) -> TreeNode | None:
    """The tree a level-order array describes, built without recursion."""
    if not isinstance(value, list):
        raise BadTest(f"expected a level-order array, got {value!r:.40}")
    if not value:
        return None
    root = TreeNode(decode_integer(value[0]))
    parents = deque([root])
    index = 1
    while index < len(value):
        if not parents:
            if any(item is not None for item in value[index:]):
                raise BadTest(f"tree node {index} has no parent")
            break
        parent = parents.popleft()
        parent.left = tree_child(value, index)
        parent.right = tree_child(value, index + 1)
        parents.extend(child for child in (parent.left, parent.right) if child is not None)
        index += 2
    return root


def tree_child(values: list[object], index: int) -> TreeNode | None:
    item = values[index] if index < len(values) else None
    return None if item is None else TreeNode(decode_integer(item))


def decode_graph_node(value: object) -> Node | None:
    """Node 1 of the graph an adjacency list describes (item i: the values of node i+1's neighbours)."""
    if not isinstance(value, list):
        raise BadTest(f"expected an adjacency list, got {value!r:.40}")
    nodes = [Node(index + 1) for index in range(len(value))]
    for node, neighbours in zip(nodes, value, strict=True):
        if not isinstance(neighbours, list):
            raise BadTest(f"expected a list of neighbours, got {neighbours!r:.40}")
        for neighbour in neighbours:
            number = decode_integer(neighbour)
            if not 1 <= number <= len(nodes):
                raise BadTest(f"no node {number} in a graph of {len(nodes)}")
            node.neighbors.append(nodes[number - 1])
    return nodes[0] if nodes else None


def decode_nested_integer(value: object) -> NestedInteger:
    """An int, or a list of ints and such lists, as LeetCode's NestedInteger."""
    if isinstance(value, list):
        nested = NestedInteger()
        for item in value:
            nested.add(decode_nested_integer(item))
        return nested
    return NestedInteger(decode_integer(value))


DECODERS: dict[str, Callable[[object], object]] = {
    "int": decode_integer,
    "long": decode_integer,
    "double": decode_double,
    "bool": decode_bool,
    "string": decode_string,
    "char": decode_char,
    "ListNode": decode_list_node,
    "TreeNode": decode_tree_node,
    "Node": decode_graph_node,
    "NestedInteger": decode_nested_integer,
}


def decode_test(line: bytes, kinds: list[Kind]) -> list[object]:
    try:
        arguments = json.loads(line)
    except ValueError as error:
        raise BadTest(f"not JSON: {error}") from None
    if not isinstance(arguments, list) or len(arguments) != len(kinds):
        raise BadTest(f"expected an array of {len(kinds)} arguments")
    return [decode(argument, kind) for argument, kind in zip(arguments, kinds, strict=True)]


# Encoding results.


def encode(value: object, kind: Kind) -> str:
    base, depth = kind
    if not depth:
        return ENCODERS[base](value)
    if not isinstance(value, list | tuple | deque):
        raise Mismatch
    return "[" + ",".join([encode(item, (base, depth - 1)) for item in value]) + "]"


def encode_integer(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int) or not LONG_MIN <= value <= LONG_MAX:
        raise Mismatch
    return str(int(value))


def encode_double(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Mismatch
    try:
        number = float(value)
    except OverflowError:
        number = math.inf if value > 0 else -math.inf
    if math.isnan(number):
        return '"NaN"'
    if math.isinf(number):
        return '"Infinity"' if number > 0 else '"-Infinity"'
    return repr(number)


def encode_bool(value: object) -> str:
    if not isinstance(value, bool):
        raise Mismatch
    return "true" if value else "false"


def encode_string(value: object) -> str:
    if not isinstance(value, str):
        raise Mismatch
    return json.dumps(value, ensure_ascii=False)


def encode_char(value: object) -> str:
    if not isinstance(value, str) or len(value) != 1:
        raise Mismatch
    return json.dumps(value, ensure_ascii=False)


def is_node(value: object) -> bool:
    return hasattr(value, "val")


def encode_list_node(head: object) -> str:
    items: list[str] = []
    node = head
    while node is not None:
        if not is_node(node):
            raise Mismatch
        if len(items) == MAX_NODES:
            raise Cycle("ListNode has a cycle")
        items.append(encode_integer(getattr(node, "val", None)))
        node = getattr(node, "next", None)
    return "[" + ",".join(items) + "]"


def encode_tree_node(root: object) -> str:
    """The level-order array of a tree, trailing nulls removed, built without recursion."""
    items: list[str] = []
    queue: deque[object] = deque([root])
    nodes = 0
    while queue:
        node = queue.popleft()
        if node is None:
            items.append("null")
            continue
        if not is_node(node):
            raise Mismatch
        nodes += 1
        if nodes > MAX_NODES:
            raise Cycle("TreeNode has a cycle")
        items.append(encode_integer(getattr(node, "val", None)))
        queue.append(getattr(node, "left", None))
        queue.append(getattr(node, "right", None))
    while items and items[-1] == "null":
        items.pop()
    return "[" + ",".join(items) + "]"


def encode_graph_node(start: object) -> str:
    """The adjacency list of the graph reachable from `start`, by value: its values must be 1..n, once each."""
    if start is None:
        return "[]"
    neighbours_of: dict[int, list[object]] = {}
    value_of: dict[int, int] = {}  # by id(node): each node's value, read once
    seen = {id(start)}
    queue: deque[object] = deque([start])
    while queue:
        node = queue.popleft()
        value, neighbours = getattr(node, "val", None), getattr(node, "neighbors", None)
        if type(value) is not int or value in neighbours_of or not isinstance(neighbours, list | tuple | deque):
            raise Mismatch
        neighbours_of[value] = list(neighbours)
        value_of[id(node)] = value
        for neighbour in neighbours:
            if id(neighbour) not in seen:
                seen.add(id(neighbour))
                queue.append(neighbour)
    if sorted(neighbours_of) != list(range(1, len(neighbours_of) + 1)):
        raise Mismatch
    rows = (",".join(str(value_of[id(node)]) for node in neighbours_of[value]) for value in sorted(neighbours_of))
    return "[" + ",".join(f"[{row}]" for row in rows) + "]"


ENCODERS: dict[str, Callable[[object], str]] = {
    "int": encode_integer,
    "long": encode_integer,
    "double": encode_double,
    "bool": encode_bool,
    "string": encode_string,
    "char": encode_char,
    "ListNode": encode_list_node,
    "TreeNode": encode_tree_node,
    "Node": encode_graph_node,
}


# Talking to the judge.


def write_result(line: str) -> None:
    """Write one whole line to fd 3 now, whatever the pipe's mode."""
    data = memoryview(line.encode("utf-8", "replace"))
    while data:
        try:
            data = data[os.write(RESULTS_FD, data) :]
        except BlockingIOError:
            time.sleep(0.001)


def mark_case() -> None:
    """Run mode: end what the previous test printed and mark where this one's prints begin (nothing when judging).

    The user's buffered prints go out first, so the marker on fd 1 falls exactly between two tests' prints.
    """
    if not CASE_MARK:
        return
    for stream in (sys.stdout, sys.__stdout__):
        try:
            if stream is not None:
                stream.flush()
        except Exception:  # a stream the user replaced or closed
            pass
    data = memoryview(CASE_MARK)
    while data:
        try:
            data = data[os.write(1, data) :]
        except BlockingIOError:
            time.sleep(0.001)
        except OSError:  # stdout closed by the user: nothing of theirs to split either
            return


def describe(error: BaseException) -> str:
    """`Type: message`, as the last line of a Python traceback shows it."""
    name = type(error).__qualname__
    try:
        message = str(error)
    except Exception:  # a user exception whose __str__ fails
        message = ""
    return f"{name}: {message}" if message else name


def report_error(error: BaseException, seconds: float, solution_path: str) -> int:
    """Send the error line, then show the user's traceback on stderr; the exit status."""
    write_result(json.dumps({"e": describe(error), "t": seconds}, ensure_ascii=False) + "\n")
    tb: TracebackType | None = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != solution_path:
        tb = tb.tb_next  # the harness's own frames are not the user's business
    frames: deque[TracebackType] = deque(maxlen=TRACEBACK_FRAMES)
    calls = 0
    while tb is not None:
        frames.append(tb)
        calls += 1
        tb = tb.tb_next
    if calls > len(frames):  # deep recursion: formatting every frame would take longer than the run
        print(f"({calls - len(frames)} earlier calls not shown)", file=sys.stderr)
    traceback.print_exception(type(error), error, frames[0] if frames else None, file=sys.stderr)
    return EXIT_USER_ERROR


def load_class(solution_path: str, class_name: str, names: dict[str, type]) -> Callable[..., object]:
    """Run the user's file in a fresh module `solution` with LeetCode's `names`; its class `class_name`."""
    module = ModuleType("solution")
    module.__file__ = solution_path
    namespace = module.__dict__
    namespace["__builtins__"] = builtins
    exec(PRELUDE, namespace)
    for name in HIDDEN_BY_PRELUDE:
        namespace.pop(name, None)
    namespace.update(names)
    sys.modules["solution"] = module
    with open(solution_path, "rb") as file:
        source = file.read()
    exec(compile(source, solution_path, "exec", dont_inherit=True), namespace)
    if class_name not in namespace:
        raise NameError(f"name {class_name!r} is not defined: the solution must define class {class_name}")
    found: Callable[..., object] = namespace[class_name]
    return found


def load_solution(solution_path: str) -> Callable[[], object]:
    """The user's `Solution` class, with every node type of LeetCode's in scope."""
    names = {"ListNode": ListNode, "TreeNode": TreeNode, "Node": Node, "NestedInteger": NestedInteger}
    return load_class(solution_path, "Solution", names)


def nonblank_lines(stream: Iterable[bytes]) -> Iterable[bytes]:
    return (line for line in stream if line.strip())


def run(name: str, param_types: list[str], returns: str) -> int:
    """Run every test on stdin through `Solution().<name>`; the process's exit status."""
    sys.setrecursionlimit(RECURSION_LIMIT)
    sys.set_int_max_str_digits(0)
    kinds = [parse_kind(text) for text in param_types]
    in_place = returns == "void"
    result_kind = kinds[0] if in_place else parse_kind(returns)
    solution_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), SOLUTION_FILE)
    tests = sys.stdin.buffer  # taken before the user's code can replace sys.stdin
    try:
        solution_class = load_solution(solution_path)
    except BaseException as error:
        return report_error(error, 0.0, solution_path)
    for number, line in enumerate(nonblank_lines(tests), 1):
        try:
            arguments = decode_test(line, kinds)
        except BadTest as error:
            print(f"judged harness: cannot decode test {number}: {error}", file=sys.stderr)
            return EXIT_BAD_TEST
        mark_case()
        start = time.process_time()
        try:
            returned = getattr(solution_class(), name)(*arguments)
        except BaseException as error:
            return report_error(error, time.process_time() - start, solution_path)
        seconds = time.process_time() - start
        try:
            text = encode(arguments[0] if in_place else returned, result_kind)
        except Mismatch:
            text = "null"
        except Cycle as error:
            write_result(json.dumps({"e": str(error), "t": seconds}) + "\n")
            return EXIT_USER_ERROR
        except BaseException as error:  # the user's node raised
            return report_error(error, seconds, solution_path)
        write_result(f'{{"v":{text},"t":{seconds!r}}}\n')
    return 0
