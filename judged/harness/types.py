"""The signature of a function problem: its name, typed parameters and return type.

Types are written as in problem.toml: `int` (32-bit), `long` (64-bit),
`double`, `bool`, `string`, `char`, `T[]` and `T[][]` of any of those,
`ListNode` (a singly-linked list of int), `TreeNode` (a binary tree of int),
`Node` (an undirected graph of int nodes, as LeetCode's clone-graph family has it),
`NestedInteger[]` (LeetCode's `List<NestedInteger>`: a list whose items are ints or
such lists, JSON `[1,[4,[6]]]`; a parameter type only, and the one array of a non-scalar),
and `void` as a return type only: the first parameter is then modified in
place, and its final value is what the judge compares.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Annotated

import msgspec

from judged.harness import names

MAX_DEPTH = 2

_TYPE_TEXT = re.compile(r"([A-Za-z]+)((?:\[\])*)")


class SignatureError(ValueError):
    """A signature that cannot be used: a bad type string, name or shape. The message says which."""


class Base(enum.StrEnum):
    """What a type is made of, before any array dimensions."""

    INT = "int"
    LONG = "long"
    DOUBLE = "double"
    BOOL = "bool"
    STRING = "string"
    CHAR = "char"
    LIST_NODE = "ListNode"
    TREE_NODE = "TreeNode"
    NODE = "Node"
    NESTED_INTEGER = "NestedInteger"
    VOID = "void"


NODES: tuple[Base, ...] = (Base.LIST_NODE, Base.TREE_NODE, Base.NODE, Base.NESTED_INTEGER)
"""The bases whose values are objects of a class the harness supplies (and a stub shows) when a signature uses it."""

SCALARS: frozenset[Base] = frozenset({Base.INT, Base.LONG, Base.DOUBLE, Base.BOOL, Base.STRING, Base.CHAR})
"""The bases that may be array elements."""


class Type(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One type of a signature: a base wrapped in `depth` array dimensions (`int[][]` is INT, 2)."""

    base: Base
    depth: Annotated[int, msgspec.Meta(ge=0, le=MAX_DEPTH)] = 0

    def __post_init__(self) -> None:
        if self.base is Base.NESTED_INTEGER:
            if self.depth > 1:
                raise SignatureError(f"{self}: NestedInteger comes as one list, NestedInteger[]")
        elif self.depth and self.base not in SCALARS:
            raise SignatureError(f"{self}: only {_listing(SCALARS)} can be array elements")

    def __str__(self) -> str:
        return self.base.value + "[]" * self.depth

    @property
    def element(self) -> Type:
        """The type of this array's elements."""
        if not self.depth:
            raise SignatureError(f"{self} is not an array")
        return Type(self.base, self.depth - 1)

    @property
    def is_array(self) -> bool:
        return self.depth > 0

    @property
    def is_mutable(self) -> bool:
        """Whether a function can modify a value of this type in place (arrays and nodes; strings are immutable;
        a NestedInteger list is read, never written back)."""
        if self.base is Base.NESTED_INTEGER:
            return False
        return self.is_array or self.base in (Base.LIST_NODE, Base.TREE_NODE)


VOID = Type(Base.VOID)

ALL_VALUE_TYPES: tuple[Type, ...] = (
    *(Type(base, depth) for depth in range(MAX_DEPTH + 1) for base in Base if base in SCALARS),
    Type(Base.LIST_NODE),
    Type(Base.TREE_NODE),
    Type(Base.NODE),
)
"""Every type a parameter or a test value can have, scalars first."""


class Param(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One parameter: its camelCase name and its type."""

    name: str
    type: Type


class Signature(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The one typed signature of a function problem, shared by every language.

    Invariants, checked on construction: the names are camelCase identifiers
    and the function's is usable in every language (a parameter reserved in
    some language is renamed there: see `judged.harness.names`), there is at least one parameter,
    no parameter is void, and a void function's first parameter is an array,
    a ListNode or a TreeNode (something that can be modified in place).
    """

    name: str
    params: tuple[Param, ...]
    returns: Type

    def __post_init__(self) -> None:
        _check_name(self.name, "function")
        if not self.params:
            raise SignatureError(f"function {self.name!r} has no parameters")
        for param in self.params:
            _check_name(param.name, "parameter", function=False)
            if param.type.base is Base.VOID:
                raise SignatureError(f"parameter {param.name!r}: void is only a return type")
            if param.type.base is Base.NESTED_INTEGER and not param.type.depth:
                raise SignatureError(f"parameter {param.name!r}: NestedInteger comes as one list, NestedInteger[]")
        if self.returns.base is Base.NESTED_INTEGER:
            raise SignatureError(f"function {self.name!r}: NestedInteger[] is a parameter type only")
        problem = names.collision((param.name, param.type.depth) for param in self.params)
        if problem:
            raise SignatureError(problem)
        first = self.params[0]
        if self.in_place and not first.type.is_mutable:
            raise SignatureError(
                f"function {self.name!r} returns void, so its first parameter {first.name!r} must be an array,"
                f" a ListNode or a TreeNode, not {first.type}"
            )

    @property
    def in_place(self) -> bool:
        """Whether the function returns void and the judge compares its first parameter instead."""
        return self.returns.base is Base.VOID

    @property
    def result_type(self) -> Type:
        """The type of the value a test's `output` holds."""
        return self.params[0].type if self.in_place else self.returns

    def uses(self, base: Base) -> bool:
        """Whether `base` appears anywhere in the signature (e.g. to include the ListNode definition)."""
        return self.returns.base is base or any(param.type.base is base for param in self.params)


def parse_type(text: str) -> Type:
    """The type a type string names; `SignatureError` naming the string when it names none."""
    match = _TYPE_TEXT.fullmatch(text.strip())
    if match is None:
        raise SignatureError(f"{text!r} is not a type (expected e.g. int, string[], TreeNode)")
    word, brackets = match.groups()
    try:
        base = Base(word)
    except ValueError:
        raise SignatureError(f"{text!r}: unknown type {word!r} (expected one of {_listing(Base)})") from None
    depth = len(brackets) // 2
    if depth > MAX_DEPTH:
        raise SignatureError(f"{text!r}: at most {MAX_DEPTH} array dimensions")
    if base is Base.NESTED_INTEGER and depth != 1:
        raise SignatureError(
            f"{text!r}: NestedInteger comes as one list, NestedInteger[] (LeetCode's List<NestedInteger>)"
        )
    if depth and base not in SCALARS | {Base.NESTED_INTEGER}:
        raise SignatureError(f"{text!r}: only {_listing(SCALARS)} can be array elements")
    return Type(base, depth)


@contextmanager
def prefixed(where: str) -> Iterator[None]:
    """A `SignatureError` inside raised again saying where it is (`parameter 'nums': ...`)."""
    try:
        yield
    except SignatureError as error:
        raise SignatureError(f"{where}: {error}") from None


def parse_params(params: Iterable[tuple[str, str]]) -> tuple[Param, ...]:
    """(parameter name, type string) pairs as parameters; `SignatureError` naming the parameter."""
    typed: list[Param] = []
    for param_name, type_text in params:
        with prefixed(f"parameter {param_name!r}"):
            typed.append(Param(param_name, parse_type(type_text)))
    return tuple(typed)


def parse_signature(name: str, params: Iterable[tuple[str, str]], returns: str) -> Signature:
    """The signature of function `name` with (parameter name, type string) pairs and a return type string."""
    typed = parse_params(params)
    with prefixed("return type"):
        returned = parse_type(returns)
    return Signature(name, typed, returned)


def _check_name(name: str, what: str, *, function: bool = True) -> None:
    problem = names.name_problem(name, function=function)
    if problem:
        raise SignatureError(f"{what} {name!r} {problem}")


def _listing(bases: Iterable[Base]) -> str:
    return ", ".join(base.value for base in Base if base in set(bases))
