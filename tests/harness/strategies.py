"""Hypothesis strategies for function problems: valid values of every type, signatures and tests.

`values_of(type_)` draws values as `msgspec.json.decode` would produce them
(a `double` may be an int, a tree may carry trailing nulls), so a property
test can send them through a language's harness and compare `canonical`
forms on the way back.
"""

from __future__ import annotations

from hypothesis import strategies as st

from judged.harness.types import ALL_VALUE_TYPES, VOID, Base, Param, Signature, Type
from judged.harness.values import INT_MAX, INT_MIN, LONG_MAX, LONG_MIN

MAX_ITEMS = 6  # elements per array level, nodes per list
MAX_TREE_NODES = 12
MAX_GRAPH_NODES = 8
PARAM_NAMES = ("nums", "target", "k", "s", "words", "grid", "board", "root", "head", "x", "l1", "l2")

ints = st.integers(INT_MIN, INT_MAX)
longs = st.integers(LONG_MIN, LONG_MAX)
doubles = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**53), 2**53)
characters = st.characters(min_codepoint=1, max_codepoint=127)
strings = st.text(alphabet=characters, max_size=20)


@st.composite
def trees(draw: st.DrawFn) -> list[int | None]:
    """A non-empty TreeNode in level order, sometimes with extra trailing nulls."""
    values: list[int | None] = [draw(ints)]
    open_slots = 2  # children not yet placed of the non-null nodes so far
    nodes = 1
    while open_slots and nodes < MAX_TREE_NODES:
        open_slots -= 1
        if draw(st.booleans()):
            values.append(draw(ints))
            open_slots += 2
            nodes += 1
        else:
            values.append(None)
    return values + [None] * draw(st.integers(0, 2))


@st.composite
def graphs(draw: st.DrawFn) -> list[list[int]]:
    """A connected undirected graph as LeetCode's adjacency list: no self-loops, no repeated edges, any order."""
    size = draw(st.integers(0, MAX_GRAPH_NODES))
    edges = {(draw(st.integers(1, node - 1)), node) for node in range(2, size + 1)}  # a spanning tree
    if size > 1:
        pairs = st.tuples(st.integers(1, size), st.integers(1, size))
        edges |= {(min(pair), max(pair)) for pair in draw(st.lists(pairs, max_size=size)) if pair[0] != pair[1]}
    neighbours: list[list[int]] = [[] for _ in range(size)]
    for first, second in edges:
        neighbours[first - 1].append(second)
        neighbours[second - 1].append(first)
    return [list(draw(st.permutations(sorted(row)))) for row in neighbours]


_BASES: dict[Base, st.SearchStrategy[object]] = {
    Base.INT: ints,
    Base.LONG: longs,
    Base.DOUBLE: doubles,
    Base.BOOL: st.booleans(),
    Base.STRING: strings,
    Base.CHAR: characters,
    Base.LIST_NODE: st.lists(ints, max_size=MAX_ITEMS),
    Base.TREE_NODE: st.just([]) | trees(),
    Base.NODE: graphs(),
}


def values_of(type_: Type) -> st.SearchStrategy[object]:
    """Valid values of `type_` (any type but void)."""
    if type_.is_array:
        return st.lists(values_of(type_.element), max_size=MAX_ITEMS)
    if type_.base is Base.VOID:
        raise ValueError("void has no values")
    return _BASES[type_.base]


value_types = st.sampled_from(ALL_VALUE_TYPES)


@st.composite
def signatures(draw: st.DrawFn) -> Signature:
    """A valid signature of one to four parameters, void or not."""
    names = draw(st.lists(st.sampled_from(PARAM_NAMES), min_size=1, max_size=4, unique=True))
    params = tuple(Param(name, draw(value_types)) for name in names)
    returns: Type = draw(value_types)
    if params[0].type.is_mutable and draw(st.booleans()):
        returns = VOID
    return Signature(draw(st.sampled_from(("solve", "twoSum", "sortedListToBST", "f"))), params, returns)


def lines_of(signature: Signature) -> st.SearchStrategy[dict[str, object]]:
    """Valid test lines `{"input": {...}, "output": ...}` for `signature`."""
    arguments = st.fixed_dictionaries({param.name: values_of(param.type) for param in signature.params})
    return st.builds(_test, arguments, values_of(signature.result_type))


def _test(arguments: dict[str, object], output: object) -> dict[str, object]:
    return {"input": arguments, "output": output}
