"""Design problems (LeetCode's "design a class"): the class, its constructor and methods, and its tests.

A design problem names a class (`LRUCache`), the constructor's parameters and
each method's signature in the same types as a function problem, with `void`
allowed as a method's return. A test is written as LeetCode writes it: the
list of operations (the class name first, then method names) and the list of
their argument lists in, the list of what each returned out, `null` for the
constructor and for a void method:

    {"input": {"operations": ["LRUCache", "put", "get"], "arguments": [[2], [1, 1], [1]]},
     "output": [null, null, 1]}

Values are scalars and arrays of them (`int`, `long`, `double`, `bool`,
`string`, `char`, `T[]`, `T[][]`); ListNode and TreeNode are function-only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import msgspec

from judged.harness import names
from judged.harness.types import SCALARS, VOID, Base, Param, SignatureError, Type, parse_params, parse_type, prefixed
from judged.harness.values import InvalidValue, canonical, validate

MAX_OPERATIONS = 100_000
"""Operations in one test; LeetCode's design problems stay below 10^5 calls."""
MAX_CLASS_NAME = 64
OPERATIONS = "operations"
ARGUMENTS = "arguments"

_CLASS_NAME = re.compile(r"[A-Z][A-Za-z0-9]*")
# Builtins (not keywords) of Python and Go that `names.RESERVED` keeps from functions and parameters but that a
# method may be called: a method lives in its class (Go exports it capitalised, C prefixes it with the class).
_METHOD_BUILTINS = frozenset(
    {
        "abs",
        "append",
        "cap",
        "clear",
        "close",
        "copy",
        "dict",
        "enumerate",
        "filter",
        "len",
        "list",
        "make",
        "map",
        "max",
        "min",
        "object",
        "panic",
        "print",
        "println",
        "range",
        "recover",
        "set",
        "sorted",
        "str",
        "sum",
        "tuple",
        "zip",
    }
)
_HARNESS_NAMES = frozenset({"Solution", "ListNode", "TreeNode", "Main", "Object", "String", "Math", "System"})


class Method(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One method of the class: camelCase name, typed parameters (maybe none), return type (maybe void)."""

    name: str
    params: tuple[Param, ...]
    returns: Type


class Design(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The class a design problem asks for.

    Invariants, checked on construction: the class name is PascalCase and no
    name the harnesses use; method and parameter names are usable in every
    language (`judged.harness.names`) and distinct; no parameter is void;
    every type is a scalar or an array of scalars.
    """

    class_name: str
    constructor: tuple[Param, ...]
    methods: tuple[Method, ...]

    def __post_init__(self) -> None:
        _check_class_name(self.class_name)
        if not self.methods:
            raise SignatureError(f"class {self.class_name} has no methods")
        _check_params(self.constructor, f"the {self.class_name} constructor")
        seen: set[str] = set()
        for method in self.methods:
            problem = names.name_problem(method.name)
            if problem and method.name not in _METHOD_BUILTINS:
                raise SignatureError(f"method {method.name!r} {problem}")
            if method.name.lower() in seen or method.name in ("constructor", "create", "free", "new"):
                raise SignatureError(f"method {method.name!r}: the name is taken (a repeat, or a harness's)")
            seen.add(method.name.lower())
            _check_params(method.params, f"method {method.name!r}")
            if method.returns != VOID:
                _check_type(method.returns, f"method {method.name!r} returns")

    def method(self, name: str) -> Method | None:
        return next((method for method in self.methods if method.name == name), None)

    def params_of(self, operation: str, index: int) -> tuple[Param, ...]:
        """The parameters of the `index`-th operation of a test (index 0 is the constructor)."""
        if index == 0:
            return self.constructor
        method = self.method(operation)
        return method.params if method is not None else ()

    def result_of(self, operation: str, index: int) -> Type:
        """What the `index`-th operation returns; the constructor returns nothing (void)."""
        method = self.method(operation) if index else None
        return method.returns if method is not None else VOID

    def uses(self, base: Base) -> bool:
        types = [p.type for p in self.constructor] + [t for m in self.methods for t in (m.returns, *_types(m))]
        return any(type_.base is base for type_ in types)


def _types(method: Method) -> list[Type]:
    return [param.type for param in method.params]


def parse_design(
    class_name: str,
    constructor: Iterable[tuple[str, str]],
    methods: Iterable[tuple[str, Iterable[tuple[str, str]], str]],
) -> Design:
    """The design a problem.toml declares, from type strings; `SignatureError` saying what is wrong."""
    typed_methods = []
    for name, params, returns in methods:
        with prefixed(f"method {name!r}"):
            typed_methods.append(Method(name, parse_params(params), parse_type(returns)))
    with prefixed("constructor"):
        typed_constructor = parse_params(constructor)
    return Design(class_name, typed_constructor, tuple(typed_methods))


def _check_class_name(name: str) -> None:
    if not _CLASS_NAME.fullmatch(name) or len(name) > MAX_CLASS_NAME:
        raise SignatureError(f"class {name!r} is not a PascalCase identifier ([A-Z][A-Za-z0-9]*, at most 64)")
    if name in _HARNESS_NAMES or name.lower() in names.RESERVED:
        raise SignatureError(f"class {name!r}: the name is taken by the language or the harness")


def _check_params(params: Sequence[Param], owner: str) -> None:
    for param in params:
        problem = names.name_problem(param.name)
        if problem:
            raise SignatureError(f"{owner}: parameter {param.name!r} {problem}")
        if param.name in ("obj", "this", "operations", "arguments"):
            raise SignatureError(f"{owner}: parameter {param.name!r} is a name the harness uses")
        _check_type(param.type, f"{owner}: parameter {param.name!r}")
    problem = names.collision((param.name, param.type.depth) for param in params)
    if problem:
        raise SignatureError(f"{owner}: {problem}")


def _check_type(type_: Type, owner: str) -> None:
    if type_.base not in SCALARS:
        raise SignatureError(f"{owner} {type_}: a design problem's values are scalars and arrays of them")


def comma_separated(reads: list[str], expect_comma: str) -> list[str]:
    """A generated harness's reads of one argument list: each argument's read, and between two the line that
    reads the comma (`judgedIn.expect(',')`)."""
    lines: list[str] = []
    for read in reads:
        if lines:
            lines.append(expect_comma)
        lines.append(read)
    return lines


def validate_design_test(design: Design, given: object, output: object) -> tuple[dict[str, object], list[object]]:
    """A test's input (`{"operations": [...], "arguments": [...]}`) and output checked against the design, in
    canonical form; `InvalidValue` naming the first wrong place (`input.arguments[3][0]`, `output[2]`)."""
    operations, arguments = validate_operations(design, given, "input")
    if not isinstance(output, list):
        raise InvalidValue("output", f"expected the list of {len(operations)} returns, got {_short(output)}")
    if len(output) != len(operations):
        raise InvalidValue("output", f"{len(output)} returns for {len(operations)} operations")
    returns: list[object] = []
    for index, (operation, value) in enumerate(zip(operations, output, strict=True)):
        returns.append(check_return(design, operation, index, value, f"output[{index}]"))
    return {OPERATIONS: operations, ARGUMENTS: arguments}, returns


def check_return(design: Design, operation: str, index: int, value: object, where: str) -> object:
    """One returned value in canonical form; `InvalidValue` when it is not of the operation's return type."""
    type_ = design.result_of(operation, index)
    if type_ == VOID:
        if value is not None:
            what = "the constructor" if index == 0 else f"{operation} (void)"
            raise InvalidValue(where, f"{what} returns null, not {_short(value)}")
        return None
    validate(value, type_, where)
    return canonical(value, type_)


def validate_operations(design: Design, given: object, where: str) -> tuple[list[str], list[list[object]]]:
    """The two lists of a test's input, checked: the class name first, known methods after, each argument list
    of its operation's parameter types; canonical values."""
    if isinstance(given, Mapping):
        unknown = sorted(set(given) - {OPERATIONS, ARGUMENTS})
        if unknown:
            raise InvalidValue(f"{where}.{unknown[0]}", "unknown key (expected operations and arguments)")
        operations, arguments = given.get(OPERATIONS), given.get(ARGUMENTS)
    elif isinstance(given, list) and len(given) == 2:
        operations, arguments = given
    else:
        raise InvalidValue(where, "expected {operations: [...], arguments: [...]} (or the two lists)")
    if not isinstance(operations, list) or not operations or not all(isinstance(op, str) for op in operations):
        raise InvalidValue(f"{where}.{OPERATIONS}", "expected a non-empty list of operation names")
    if len(operations) > MAX_OPERATIONS:
        raise InvalidValue(f"{where}.{OPERATIONS}", f"more than {MAX_OPERATIONS} operations")
    if not isinstance(arguments, list) or len(arguments) != len(operations):
        raise InvalidValue(f"{where}.{ARGUMENTS}", f"expected a list of {len(operations)} argument lists")
    if operations[0] != design.class_name:
        raise InvalidValue(f"{where}.{OPERATIONS}[0]", f"the first operation constructs {design.class_name}")
    checked: list[list[object]] = []
    for index, (operation, args) in enumerate(zip(operations, arguments, strict=True)):
        checked.append(_arguments(design, operation, index, args, f"{where}.{ARGUMENTS}[{index}]"))
    return list(operations), checked


def _arguments(design: Design, operation: str, index: int, args: object, where: str) -> list[object]:
    if index and design.method(operation) is None:
        known = ", ".join(method.name for method in design.methods)
        raise InvalidValue(
            where.replace(ARGUMENTS, OPERATIONS), f"{operation!r} is no method of {design.class_name} ({known})"
        )
    if index and operation == design.class_name:
        raise InvalidValue(where, "the class is constructed once, by the first operation")
    params = design.params_of(operation, index)
    if not isinstance(args, list) or len(args) != len(params):
        raise InvalidValue(where, f"{operation} takes {len(params)} arguments, got {_short(args)}")
    values: list[object] = []
    for position, (param, value) in enumerate(zip(params, args, strict=True)):
        validate(value, param.type, f"{where}[{position}]")
        values.append(canonical(value, param.type))
    return values


def _short(value: object) -> str:
    text = msgspec.json.encode(value).decode()
    return text if len(text) <= 40 else text[:37] + "..."
