"""The C design harness: `main.c` runs the user's functions in LeetCode's C form for a class:

    typedef struct {...} LRUCache;
    LRUCache* lRUCacheCreate(int capacity);
    int lRUCacheGet(LRUCache* obj, int key);
    void lRUCachePut(LRUCache* obj, int key, int value);
    void lRUCacheFree(LRUCache* obj);

The prelude is the function harness's (`judged.harness.lang_c`: LeetCode's
headers, the JSON reader and writer, the array codecs). The generated main
reads a test's operations, then walks its argument lists: each is decoded as
the function harness decodes parameters (arrays with their sizes beside
them), the first passed to `<prefix>Create`, each later one to
`<prefix><Method>` with the object first; an array result comes back through
`int* retSize` (and `int** retColSize`). After the last operation the object
goes to `<prefix>Free`, as on LeetCode.
"""

from __future__ import annotations

from judged.harness.design import Design, Method
from judged.harness.design_stubs import c_function, c_prefix
from judged.harness.lang_c import HEADERS, RESULT, RUNTIME, _read, _sizes, _write
from judged.harness.native import DESIGN_END, assemble, main_loop
from judged.harness.runtime_sources import read_runtime
from judged.harness.typenames import type_name
from judged.harness.types import VOID, Param

SOURCE_FILE = "main.c"
SOLUTION_FILE = "solution.c"

HELPERS = (
    """static void judged_design_next(judged_reader *r, size_t *count) {
    if (!judged_array_next(r, count)) judged_input_error(r, "too few arguments");
}

"""
    + DESIGN_END
)


def build(design: Design, solution: str) -> dict[str, str]:
    """`main.c`: the C design harness for `design` with the user's `solution` in it."""
    prelude = [
        f"/* The judged C design harness for {design.class_name}: generated; the solution follows the prelude. */",
        *(f"#include <{header}>" for header in HEADERS),
        *(read_runtime(name) for name in RUNTIME),
        HELPERS,
    ]
    return {SOURCE_FILE: assemble(prelude, solution, SOLUTION_FILE, _main(design), SOURCE_FILE)}


def _reads(params: tuple[Param, ...]) -> tuple[list[str], list[str]]:
    """The lines that decode one argument list, and the arguments they give (sizes beside arrays)."""
    lines: list[str] = []
    arguments: list[str] = []
    for index, param in enumerate(params):
        name = f"judged_a{index}"
        lines += ["judged_design_next(judged_r, &judged_n);", *_read(param.type, name)]
        arguments += [name, *_sizes(name, param.type.depth)]
    return [*lines, "judged_design_end(judged_r, &judged_n);"], arguments


def _method(design: Design, method: Method) -> list[str]:
    reads, arguments = _reads(method.params)
    function = c_function(design.class_name, method.name)
    if method.returns == VOID:
        done = [f"{function}({', '.join(['judged_obj', *arguments])});", "judged_put_null(&judged_s.out);"]
    else:
        size, cols = _sizes(RESULT, 2)
        declarations = [f"int {size} = 0;", f"int* {cols} = NULL;"][: method.returns.depth]
        outputs = [f"&{name}" for name in _sizes(RESULT, method.returns.depth)]
        call = f"{function}({', '.join(['judged_obj', *arguments, *outputs])})"
        done = [*declarations, f"{type_name(method.returns, 'c')} {RESULT} = {call};", _write(method.returns, RESULT)]
    return [f'}} else if (strcmp(judged_op, "{method.name}") == 0) {{', *(f"    {line}" for line in (*reads, *done))]


def _main(design: Design) -> list[str]:
    name = design.class_name
    prefix = c_prefix(name)
    reads, arguments = _reads(design.constructor)
    body = [
        "judged_next_argument(&judged_s);",
        "int judged_ops_size;",
        "char **judged_ops = judged_read_array(judged_r, sizeof(char *), judged_read_cstring_item, &judged_ops_size);",
        "judged_next_argument(&judged_s);",
        "size_t judged_count;",
        "judged_array_begin(judged_r, &judged_count);",
        "judged_result_begin(&judged_s);",
        "judged_put_byte(&judged_s.out, '[');",
        f"{name} *judged_obj = NULL;",
        "judged_clock_start(&judged_s);",
        "for (int judged_i = 0; judged_array_next(judged_r, &judged_count); ++judged_i) {",
        "    size_t judged_n;",
        "    judged_array_begin(judged_r, &judged_n);",
        "    if (judged_i > 0) judged_put_byte(&judged_s.out, ',');",
        '    const char *judged_op = judged_i < judged_ops_size ? judged_ops[judged_i] : "";',
        "    if (judged_i == 0) {",
        *(f"        {line}" for line in reads),
        f"        judged_obj = {prefix}Create({', '.join(arguments)});",
        "        judged_put_null(&judged_s.out);",
        *(f"    {line}" for method in design.methods for line in _method(design, method)),
        "    } else {",
        '        judged_input_error(judged_r, "unknown operation");',
        "    }",
        "}",
        "judged_clock_stop(&judged_s);",
        f"if (judged_obj) {prefix}Free(judged_obj);",
        "judged_put_byte(&judged_s.out, ']');",
        "judged_end_test(&judged_s);",
        "judged_result_end(&judged_s);",
    ]
    return main_loop("int main(void) {", ["judged_reader *judged_r = &judged_s.reader;", *body])
