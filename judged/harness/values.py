"""Test values: check a decoded JSON value against a signature type, and put it in canonical form.

Values come from `msgspec.json.decode` (int, float, bool, str, list, dict,
None). The rules, chosen so that one test means the same in all seven
languages:

- `int` is an integer in [-2^31, 2^31-1], `long` in [-2^63, 2^63-1]; a JSON
  `true` is a bool, never an integer.
- `double` is an integer or a float that is finite as an IEEE double.
- `string` is text of ASCII characters 1-127: C, C++, Go and Rust count
  bytes, Java and JavaScript UTF-16 units and Python code points, so only
  ASCII has one length everywhere; NUL would end a C string.
- `char` is a string of exactly one such character: C's `char` and Go's
  `byte` hold one byte, so LeetCode's chars are ASCII.
- `T[]` is an array of T; `T[][]` an array of arrays of T, rows may differ
  in length.
- `ListNode` is the array of the list's values, each an `int`.
- `TreeNode` is LeetCode's level-order array of `int` or null: `[]` is the
  empty tree, the root is not null, and every node after the root fills a
  child slot of an earlier non-null node (no child hangs off a null).
  Nulls left over at the end are allowed and dropped by `canonical`.
- `Node` (a graph node) is LeetCode's adjacency list: item i lists the
  values of node i+1's neighbours, in order (`[[2,4],[1,3],[2,4],[1,3]]`);
  `[]` is no graph (null). Each neighbour is a node of the list (1..n), and
  every node is reachable from node 1, the one passed or returned: a
  harness sees only what it can reach.
- `NestedInteger[]` is LeetCode's nested list: an array whose items are each
  an `int` or such an array (`[1,[4,[6]],[]]`), nested at most 100 deep.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import cast

import msgspec

from judged.harness.types import Base, Signature, Type

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1

_SHOWN = 40  # characters of a bad value quoted in an error


class InvalidValue(ValueError):
    """A test value that does not fit its type; `path` says where, e.g. `nums[3]` or `output`."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def validate(value: object, type_: Type, path: str) -> None:
    """Raise `InvalidValue` unless `value` is a valid `type_`; `path` names the value in the error."""
    if type_.is_array:
        _validate_array(value, type_, path)
    else:
        _VALIDATORS[type_.base](value, path)


def canonical(value: object, type_: Type) -> object:
    """The form of a value `validate` accepted that the judge compares.

    Doubles become float, trees lose their trailing nulls; the rest is as it was.
    """
    if type_.is_array:
        element = type_.element
        return [canonical(item, element) for item in cast("list[object]", value)]
    if type_.base is Base.DOUBLE:
        return float(cast("int | float", value))
    if type_.base is Base.TREE_NODE:
        return _strip_trailing_nulls(cast("list[object]", value))
    if type_.base is Base.LIST_NODE:
        return list(cast("list[object]", value))
    if type_.base is Base.NODE:
        return [list(cast("list[object]", neighbours)) for neighbours in cast("list[object]", value)]
    return value


def validate_test(test: object, signature: Signature) -> None:
    """Raise `InvalidValue` unless `test` is a valid `{"input": {...}, "output": ...}` line for `signature`.

    Every parameter must be in `input` and nothing else; `output` must fit
    the return type, or the first parameter's type for a void function.
    """
    if not isinstance(test, dict):
        raise InvalidValue("test", f"expected an object with input and output, got {_show(test)}")
    extra = sorted(set(test) - {"input", "output"})
    if extra:
        raise InvalidValue("test", f"unknown key {extra[0]!r} (a test has only input and output)")
    if "input" not in test:
        raise InvalidValue("test", "has no input")
    if "output" not in test:
        raise InvalidValue("test", "has no output")
    arguments = test["input"]
    if not isinstance(arguments, dict):
        raise InvalidValue("input", f"expected an object of arguments, got {_show(arguments)}")
    expected = [param.name for param in signature.params]
    unknown = [name for name in arguments if name not in expected]
    if unknown:
        raise InvalidValue("input", f"unknown parameter {unknown[0]!r} (expected {', '.join(expected)})")
    for param in signature.params:
        if param.name not in arguments:
            raise InvalidValue("input", f"missing parameter {param.name!r}")
        validate(arguments[param.name], param.type, param.name)
    validate(test["output"], signature.result_type, "output")


def _validate_array(value: object, type_: Type, path: str) -> None:
    if not isinstance(value, list):
        raise InvalidValue(path, f"expected an array for {type_}, got {_show(value)}")
    element = type_.element
    for index, item in enumerate(value):
        validate(item, element, f"{path}[{index}]")


def _validate_integer(value: object, path: str, low: int, high: int, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(path, f"expected {name}, got {_show(value)}")
    if not low <= value <= high:
        raise InvalidValue(path, f"{_show(value)} does not fit {name}")


def _validate_int(value: object, path: str) -> None:
    _validate_integer(value, path, INT_MIN, INT_MAX, "int (32-bit)")


def _validate_long(value: object, path: str) -> None:
    _validate_integer(value, path, LONG_MIN, LONG_MAX, "long (64-bit)")


def _validate_double(value: object, path: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidValue(path, f"expected double, got {_show(value)}")
    try:
        finite = math.isfinite(float(value))
    except OverflowError:
        finite = False
    if not finite:
        raise InvalidValue(path, f"{_show(value)} is not a finite double")


def _validate_bool(value: object, path: str) -> None:
    if not isinstance(value, bool):
        raise InvalidValue(path, f"expected bool, got {_show(value)}")


def _validate_string(value: object, path: str) -> None:
    if not isinstance(value, str):
        raise InvalidValue(path, f"expected string, got {_show(value)}")
    for index, character in enumerate(value):
        if not _is_character(character):
            raise InvalidValue(path, f"character {index} is {character!r}; strings hold ASCII 1-127 only")


def _validate_char(value: object, path: str) -> None:
    if not isinstance(value, str) or len(value) != 1:
        raise InvalidValue(path, f"expected char (a string of one character), got {_show(value)}")
    if not _is_character(value):
        raise InvalidValue(path, f"{value!r} is not a char; chars are ASCII 1-127 only")


def _validate_list_node(value: object, path: str) -> None:
    if not isinstance(value, list):
        raise InvalidValue(path, f"expected ListNode (an array of int), got {_show(value)}")
    for index, item in enumerate(value):
        _validate_int(item, f"{path}[{index}]")


def _validate_tree_node(value: object, path: str) -> None:
    if not isinstance(value, list):
        raise InvalidValue(path, f"expected TreeNode (a level-order array of int or null), got {_show(value)}")
    if value and value[0] is None:
        raise InvalidValue(f"{path}[0]", "the root is null; the empty tree is []")
    slots = 1  # child slots opened by the non-null nodes so far; the root fills the first
    for index, item in enumerate(value):
        if item is None:
            continue
        if index >= slots:
            raise InvalidValue(f"{path}[{index}]", f"{_show(item)} has no parent: every earlier slot is taken")
        _validate_int(item, f"{path}[{index}]")
        slots += 2


def _validate_node(value: object, path: str) -> None:
    if not isinstance(value, list):
        raise InvalidValue(path, f"expected Node (an adjacency list of neighbour values 1..n), got {_show(value)}")
    size = len(value)
    for index, neighbours in enumerate(value):
        if not isinstance(neighbours, list):
            raise InvalidValue(
                f"{path}[{index}]", f"expected the neighbours of node {index + 1}, got {_show(neighbours)}"
            )
        for position, neighbour in enumerate(neighbours):
            if isinstance(neighbour, bool) or not isinstance(neighbour, int) or not 1 <= neighbour <= size:
                raise InvalidValue(f"{path}[{index}][{position}]", f"{_show(neighbour)} is not a node (1..{size})")
    unreached = _unreached(cast("list[list[int]]", value))
    if unreached:
        raise InvalidValue(path, f"node {unreached} cannot be reached from node 1")


def _unreached(adjacency: list[list[int]]) -> int | None:
    """The first node (1..n) not reachable from node 1, or None."""
    if not adjacency:
        return None
    seen = {1}
    stack = [1]
    while stack:
        for neighbour in adjacency[stack.pop() - 1]:
            if neighbour not in seen:
                seen.add(neighbour)
                stack.append(neighbour)
    return next((node for node in range(1, len(adjacency) + 1) if node not in seen), None)


MAX_NESTING = 100
"""How deep a NestedInteger list may nest: LeetCode's problems stay within 50."""


def _validate_nested_integer(value: object, path: str, depth: int = 2) -> None:
    """An item of a NestedInteger[] list; a list item is nested `depth` deep (the outer list is depth 1)."""
    if isinstance(value, list):
        if depth > MAX_NESTING:
            raise InvalidValue(path, f"nested more than {MAX_NESTING} deep")
        for index, item in enumerate(value):
            _validate_nested_integer(item, f"{path}[{index}]", depth + 1)
    elif isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(path, f"expected NestedInteger (an int or an array of them), got {_show(value)}")
    else:
        _validate_int(value, path)


def _validate_void(_value: object, path: str) -> None:
    raise InvalidValue(path, "void has no values")


_VALIDATORS: dict[Base, Callable[[object, str], None]] = {
    Base.INT: _validate_int,
    Base.LONG: _validate_long,
    Base.DOUBLE: _validate_double,
    Base.BOOL: _validate_bool,
    Base.STRING: _validate_string,
    Base.CHAR: _validate_char,
    Base.LIST_NODE: _validate_list_node,
    Base.TREE_NODE: _validate_tree_node,
    Base.NODE: _validate_node,
    Base.NESTED_INTEGER: _validate_nested_integer,
    Base.VOID: _validate_void,
}


def _is_character(character: str) -> bool:
    return 1 <= ord(character) <= 127


def _strip_trailing_nulls(value: list[object]) -> list[object]:
    end = len(value)
    while end and value[end - 1] is None:
        end -= 1
    return value[:end]


def _show(value: object) -> str:
    """A short JSON-like rendering of a bad value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = repr(value) if math.isfinite(value) else {"inf": "Infinity", "-inf": "-Infinity"}.get(str(value), "NaN")
    elif isinstance(value, str):
        text = msgspec.json.encode(value).decode()
    elif isinstance(value, list):
        return f"an array of {len(value)}"
    elif isinstance(value, dict):
        return "an object"
    else:
        return type(value).__name__
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
