"""The C harness: `main.c` for one signature, around a solution in LeetCode's C form.

The user writes the function as the C stub shows it (`judged.harness.stubs`):
arrays as `int* nums, int numsSize`, 2-D arrays as `int** grid, int
gridSize, int* gridColSize`, strings as `char*`, an array result through
`int* returnSize` (and `int** returnColumnSizes` for 2-D). The generated
main reads each test line with typed readers, calls the function between
two readings of the process CPU clock and writes the result line to fd 3
(docs/harness-protocol.md). A void function's first argument is written
after the call, with the sizes it was passed. Nothing passed to or returned
by the user's function is freed: a C solution may keep, free or realloc it,
and the process ends after the last test.

Layout of the file: see `judged.harness.native`.
"""

from __future__ import annotations

from judged.harness.names import RESERVED_BY_LANGUAGE
from judged.harness.native import (
    C_GRAPH_NODE,
    C_LIST_NODE,
    C_NESTED_INTEGER,
    C_TREE_NODE,
    argument_name,
    assemble,
    main_loop,
    node_definitions,
)
from judged.harness.runtime_sources import read_runtime
from judged.harness.stubs import c_stub
from judged.harness.support import declare
from judged.harness.typenames import type_name
from judged.harness.types import Base, Signature, Type

SOURCE_FILE = "main.c"
SOLUTION_FILE = "solution.c"

# What LeetCode's C environment has included before the user's code. Not <time.h>: see judged_session.h.
HEADERS = (
    "assert.h",
    "ctype.h",
    "errno.h",
    "float.h",
    "limits.h",
    "math.h",
    "stdbool.h",
    "stddef.h",
    "stdint.h",
    "stdio.h",
    "stdlib.h",
    "string.h",
)
RUNTIME = ("judged_json.h", "judged_session.h", "judged_arrays.h", "judged_nodes.h")

# The runtime's name for each base: judged_read_<name>, judged_put_<name>, and the _item / _row helpers.
CODEC_NAMES: dict[Base, str] = {
    Base.INT: "int",
    Base.LONG: "long",
    Base.DOUBLE: "double",
    Base.BOOL: "bool",
    Base.CHAR: "char",
    Base.STRING: "cstring",
    Base.LIST_NODE: "list",
    Base.TREE_NODE: "tree",
    Base.NODE: "graph",
    Base.NESTED_INTEGER: "nested",
}

# LeetCode's C environment includes uthash (Debian's uthash-dev); a host without it still compiles the rest.
LIBRARIES = ("#if __has_include(<uthash.h>)", "#include <uthash.h>", "#endif")
RESULT = "judged_result"


def build(signature: Signature, solution: str) -> dict[str, str]:
    """`main.c`: the C harness for `signature` with the user's `solution` in it."""
    prelude = [
        f"/* The judged C harness for {signature.name}: generated; the solution follows the prelude. */",
        *(f"#include <{header}>" for header in HEADERS),
        *LIBRARIES,
        *node_definitions(
            signature,
            {
                Base.LIST_NODE: C_LIST_NODE,
                Base.TREE_NODE: C_TREE_NODE,
                Base.NODE: C_GRAPH_NODE,
                Base.NESTED_INTEGER: C_NESTED_INTEGER,
            },
        ),
        *(read_runtime(name) for name in RUNTIME),
    ]
    return {SOURCE_FILE: assemble(prelude, solution, SOLUTION_FILE, _main(signature), SOURCE_FILE)}


def _main(signature: Signature) -> list[str]:
    reads: list[str] = []
    arguments: list[str] = []
    for index, param in enumerate(signature.params):
        name = argument_name(index)
        reads += ["judged_next_argument(&judged_s);", *_read(param.type, name)]
        arguments += [name, *_sizes(name, param.type.depth)]
    call, write = _call_and_write(signature, arguments)
    body = [
        *reads,
        "judged_end_test(&judged_s);",
        *call[:-1],
        "judged_clock_start(&judged_s);",
        call[-1],
        "judged_clock_stop(&judged_s);",
        "judged_result_begin(&judged_s);",
        write,
        "judged_result_end(&judged_s);",
    ]
    return main_loop("int main(void) {", ["judged_reader *judged_r = &judged_s.reader;", *body])


def _sizes(name: str, depth: int) -> list[str]:
    """The harness's size variables beside an array (C passes them after it): `x_size`, `x_cols`."""
    return [f"{name}_size", f"{name}_cols"][:depth]


def _read(type_: Type, name: str) -> list[str]:
    codec = CODEC_NAMES[type_.base]
    declared = f"{type_name(type_, 'c')} {name}"
    if type_.depth == 0:
        return [f"{declared} = judged_read_{codec}(judged_r);"]
    size, *cols = _sizes(name, type_.depth)
    if type_.depth == 1:
        element = type_name(type_.element, "c")
        return [
            f"int {size};",
            f"{declared} = judged_read_array(judged_r, sizeof({element}), judged_read_{codec}_item, &{size});",
        ]
    return [
        f"int {size};",
        f"int* {cols[0]};",
        f"{declared} = judged_read_matrix(judged_r, judged_read_{codec}_row, &{size}, &{cols[0]});",
    ]


def _call_and_write(signature: Signature, arguments: list[str]) -> tuple[list[str], str]:
    """The lines of the call (declarations first, the call itself last) and the line that writes the result."""
    returns = signature.returns
    if signature.in_place:
        first = signature.params[0].type
        call = f"{signature.name}({', '.join(arguments)});"
        return [call], _write(first, argument_name(0))
    size, cols = _sizes(RESULT, 2)
    declarations = [f"int {size} = 0;", f"int* {cols} = NULL;"][: returns.depth]
    outputs = [f"&{name}" for name in _sizes(RESULT, returns.depth)]
    call = f"{type_name(returns, 'c')} {RESULT} = {signature.name}({', '.join([*arguments, *outputs])});"
    return [*declarations, call], _write(returns, RESULT)


def _write(type_: Type, name: str) -> str:
    codec = CODEC_NAMES[type_.base]
    if type_.depth == 0:
        return f"judged_put_{codec}(&judged_s.out, {name});"
    size, *cols = _sizes(name, type_.depth)
    if type_.depth == 1:
        element = type_name(type_.element, "c")
        return f"judged_put_array(&judged_s.out, {name}, {size}, sizeof({element}), judged_put_{codec}_item);"
    return f"judged_put_matrix(&judged_s.out, {name}, {size}, {cols[0]}, judged_put_{codec}_row);"


SUPPORT = declare("c", build=build, stub=c_stub, reserved=RESERVED_BY_LANGUAGE["c"])
