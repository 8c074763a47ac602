"""The C++ design harness: `main.cpp` runs the user's class (`class LRUCache { public: LRUCache(int capacity)
... };`, LeetCode's form) on each test's operations.

The prelude is the function harness's (`judged.harness.lang_cpp`): LeetCode's
includes and `using namespace std;`, the JSON reader and writer and the
`judged_codec<T>` of every type. The generated main reads the operations of a
test, then walks its argument lists: the first constructs the class with
`new`, each later one is decoded into named variables and dispatched by the
operation's name to the method; the returns are written as they come, `null`
for the constructor and void methods. A thrown exception ends the run with an
"e" line, as in the function harness.
"""

from __future__ import annotations

from judged.harness.design import Design, Method
from judged.harness.lang_cpp import INCLUDES, RUNTIME, cpp_type
from judged.harness.native import DESIGN_END, assemble, main_loop
from judged.harness.runtime_sources import read_runtime
from judged.harness.types import VOID, Param

SOURCE_FILE = "main.cpp"
SOLUTION_FILE = "solution.cpp"

HELPERS = (
    """template <class T>
T judged_design_argument(judged_reader *r, size_t *count) {
    if (!judged_array_next(r, count)) judged_input_error(r, "too few arguments");
    return judged_codec<T>::read(r);
}

"""
    + DESIGN_END
)


def build(design: Design, solution: str) -> dict[str, str]:
    """`main.cpp`: the C++ design harness for `design` with the user's `solution` in it."""
    prelude = [
        f"// The judged C++ design harness for {design.class_name}: generated; the solution follows the prelude.",
        *INCLUDES,
        *(read_runtime(name) for name in RUNTIME),
        HELPERS,
    ]
    return {SOURCE_FILE: assemble(prelude, solution, SOLUTION_FILE, _main(design), SOURCE_FILE)}


def _reads(params: tuple[Param, ...]) -> list[str]:
    return [
        f"auto judged_a{index} = judged_design_argument<{cpp_type(param.type)}>(r, &judged_n);"
        for index, param in enumerate(params)
    ] + ["judged_design_end(r, &judged_n);"]


def _arguments(params: tuple[Param, ...]) -> str:
    return ", ".join(f"judged_a{index}" for index in range(len(params)))


def _method(method: Method) -> list[str]:
    call = f"judged_obj->{method.name}({_arguments(method.params)})"
    if method.returns == VOID:
        done = [f"{call};", "judged_put_null(out);"]
    else:
        done = [f"judged_codec<{cpp_type(method.returns)}>::put(out, {call});"]
    return [
        f'}} else if (judged_op == "{method.name}") {{',
        *(f"    {line}" for line in (*_reads(method.params), *done)),
    ]


def _main(design: Design) -> list[str]:
    name = design.class_name
    body = [
        "judged_next_argument(&judged_s);",
        "std::vector<std::string> judged_ops = judged_codec<std::vector<std::string>>::read(r);",
        "judged_next_argument(&judged_s);",
        "size_t judged_count;",
        "judged_array_begin(r, &judged_count);",
        "judged_result_begin(&judged_s);",
        "judged_put_byte(out, '[');",
        "judged_clock_start(&judged_s);",
        "try {",
        f"    {name} *judged_obj = nullptr;",
        "    for (size_t judged_i = 0; judged_array_next(r, &judged_count); ++judged_i) {",
        "        size_t judged_n;",
        "        judged_array_begin(r, &judged_n);",
        "        if (judged_i > 0) judged_put_byte(out, ',');",
        '        std::string judged_op = judged_i < judged_ops.size() ? judged_ops[judged_i] : "";',
        "        if (judged_i == 0) {",
        *(f"            {line}" for line in _reads(design.constructor)),
        f"            judged_obj = new {name}({_arguments(design.constructor)});",
        "            judged_put_null(out);",
        *(f"        {line}" for method in design.methods for line in _method(method)),
        "        } else {",
        '            judged_input_error(r, "unknown operation");',
        "        }",
        "    }",
        "} catch (...) {",
        "    judged_clock_stop(&judged_s);",
        "    judged_fail(&judged_s, judged_exception_message().c_str());",
        "}",
        "judged_clock_stop(&judged_s);",
        "judged_put_byte(out, ']');",
        "judged_end_test(&judged_s);",
        "judged_result_end(&judged_s);",
    ]
    return main_loop(
        "int main() {", body, ("judged_reader *r = &judged_s.reader;", "judged_buffer *out = &judged_s.out;")
    )
