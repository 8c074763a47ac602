"""The Go harness: `main.go` holding the user's function and a `main` that calls it.

Layout of the generated file:

1. `package main` and, on one line, the harness's imports, each under an
   alias of its own (`judgedos "os"`, ...): Go allows one package imported
   twice under two names, so the user's own `import "os"` or import block
   needs no merging, and the harness uses every import it names;
2. `//line solution.go:1:1`, then the user's text (a `package` line blanked),
   so compile errors and panics in it name `solution.go` and its lines;
3. `//line harness.go:1:1`, `type ListNode` / `type TreeNode` when the
   signature uses them and the user did not paste them (a user may declare
   a `TreeNode` of their own for something else), the codec and main loop
   (`runtime/go_main.go`), and `judgedTest`, generated for the signature:
   decode the arguments into typed variables, call, encode.

Every name of the harness starts with `judged`. `t` is the process's CPU
time (`getrusage`, user + system) around the call, which includes the
garbage collector's work.
"""

from __future__ import annotations

import re

from judged.harness.go_imports import missing_packages
from judged.harness.names import RESERVED_BY_LANGUAGE
from judged.harness.runtime_sources import node_sections, runtime_source, undeclared_nodes
from judged.harness.stubs import go_stub
from judged.harness.support import declare
from judged.harness.typenames import type_name
from judged.harness.types import Base, Signature, Type

FILE_NAME = "main.go"

_IMPORTS = (
    'import (judgedfmt "fmt"; judgedmath "math"; judgedos "os"; judgedstrconv "strconv"; judgedsyscall "syscall")'
)
_PACKAGE = re.compile(r"^[ \t]*package[ \t]+\w+[ \t]*;?[ \t]*(?://.*)?$", re.MULTILINE)

_LIST_NODE = """\
type ListNode struct {
	Val  int
	Next *ListNode
}
"""
_TREE_NODE = """\
type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}
"""
_GRAPH_NODE = """\
type Node struct {
	Val       int
	Neighbors []*Node
}
"""
# LeetCode's NestedInteger: its methods as the stub's comment lists them, its fields the harness's own.
_NESTED_INTEGER = """\
type NestedInteger struct {
	judgedValue int
	judgedIsInt bool
	judgedList  []*NestedInteger
}

func (n NestedInteger) IsInteger() bool { return n.judgedIsInt }

func (n NestedInteger) GetInteger() int { return n.judgedValue }

func (n *NestedInteger) SetInteger(value int) { n.judgedValue, n.judgedIsInt, n.judgedList = value, true, nil }

func (n *NestedInteger) Add(elem NestedInteger) {
	n.judgedValue, n.judgedIsInt = 0, false
	n.judgedList = append(n.judgedList, &elem)
}

func (n NestedInteger) GetList() []*NestedInteger { return n.judgedList }
"""

# The parser's and writer's method for each base type.
_CODEC: dict[Base, str] = {
    Base.INT: "Int",
    Base.LONG: "Int",
    Base.DOUBLE: "Float",
    Base.BOOL: "Bool",
    Base.STRING: "String",
    Base.CHAR: "Byte",
    Base.LIST_NODE: "List",
    Base.TREE_NODE: "Tree",
    Base.NODE: "Graph",
    Base.NESTED_INTEGER: "Nested",
}
_NODES = {
    Base.LIST_NODE: _LIST_NODE,
    Base.TREE_NODE: _TREE_NODE,
    Base.NODE: _GRAPH_NODE,
    Base.NESTED_INTEGER: _NESTED_INTEGER,
}

_SLICE = ("", "judgedSlice", "judgedSlice2")
_WRITE_SLICE = ("", "judgedWriteSlice", "judgedWriteSlice2")


def head(user: str) -> list[str]:
    """`package main`, one import line (the harness's aliased imports, and the standard packages the user's text
    uses without importing them, as LeetCode's Go environment allows), the user's text with its line numbers,
    and a use of each added package (`go_imports`)."""
    added = missing_packages(user)
    imports = _IMPORTS[:-1] + "".join(f'; "{package.path}"' for package in added) + ")"
    uses = [f"var _ = {package.name}.{package.symbol}" for package in added]
    return ["package main", "", imports, "//line solution.go:1:1", user, "//line harness.go:1:1", *uses]


def build(signature: Signature, solution: str) -> dict[str, str]:
    """`main.go` for `signature` around the user's `solution` (LeetCode's Go form: functions, no package clause)."""
    user = _PACKAGE.sub("", solution.replace("\r\n", "\n"), count=1)
    parts = head(user)
    parts += undeclared_nodes(
        signature, _NODES, lambda base: re.search(rf"^type[ \t]+{base.value}[ \t]+struct\b", user, re.M) is not None
    )
    parts.append(runtime_source("go_main.go", node_sections(signature), {}))
    parts.append(_test_function(signature))
    return {FILE_NAME: "\n".join(parts)}


def _read(type_: Type) -> str:
    method = f"read{_CODEC[type_.base]}"
    if not type_.depth:
        return f"judgedIn.{method}()"
    return f"{_SLICE[type_.depth]}(judgedIn, (*judgedParser).{method})"


def _write(type_: Type, value: str) -> str:
    method = f"write{_CODEC[type_.base]}"
    if not type_.depth:
        return f"judgedOut.{method}({value})"
    return f"{_WRITE_SLICE[type_.depth]}(judgedOut, {value}, (*judgedWriter).{method})"


def _test_function(signature: Signature) -> str:
    """`judgedTest`: decode one test's arguments, call the user's function, encode the result or the panic."""
    names = [f"judgedArg{index}" for index in range(len(signature.params))]
    declarations = [
        f"\tvar {name} {type_name(param.type, 'go')}" for name, param in zip(names, signature.params, strict=True)
    ]
    reads: list[str] = []
    for index, (name, param) in enumerate(zip(names, signature.params, strict=True)):
        if index:
            reads.append("\t\tjudgedIn.expect(',')")
        reads.append(f"\t\t{name} = {_read(param.type)}")
    call = f"{signature.name}({', '.join(names)})"
    if signature.in_place:
        result = names[0]
    else:
        declarations.append(f"\tvar judgedResult {type_name(signature.returns, 'go')}")
        call = f"judgedResult = {call}"
        result = "judgedResult"
    return "\n".join(
        [
            "func judgedTest(judgedIn *judgedParser, judgedOut *judgedWriter, judgedNumber int) bool {",
            *declarations,
            "\tif !judgedDecode(judgedIn, judgedNumber, func() {",
            *reads,
            "\t}) {",
            "\t\treturn false",
            "\t}",
            f"\tjudgedSeconds, judgedMessage, judgedOK := judgedCall(func() {{ {call} }})",
            "\tif !judgedOK {",
            "\t\tjudgedOut.fail(judgedMessage, judgedSeconds)",
            "\t\treturn true",
            "\t}",
            "\tjudgedOut.start()",
            f"\t{_write(signature.result_type, result)}",
            "\tjudgedOut.finish(judgedSeconds)",
            "\treturn true",
            "}",
            "",
        ]
    )


SUPPORT = declare("go", build=build, stub=go_stub, reserved=RESERVED_BY_LANGUAGE["go"])
