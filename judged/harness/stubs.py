"""Stubs: the empty solution a user starts from, in each language's LeetCode form.

A stub is what LeetCode shows for the same signature: the commented-out ListNode/TreeNode definitions when
the signature uses them, then the `Solution` class, function or `impl` with
an empty body, its cursor line indented and no newline at the end. Where
LeetCode's text is not what the language's own formatter writes (Go's two
spaces before `{` of a void function, trailing spaces in Rust comments), the
stub follows the formatter.

Each language's renderer is named by its harness module's `SUPPORT`; `judged.harness.registry.stub` renames
reserved parameters (`dict_`) and joins the lines.
"""

from __future__ import annotations

from judged.harness.names import c_size_names, snake_case
from judged.harness.tables import comments_above, tables
from judged.harness.typenames import type_name
from judged.harness.types import Base, Param, Signature

RUST_USES = ("use std::rc::Rc;", "use std::cell::RefCell;")
"""The `use` lines a Rust solution with trees or graph nodes needs: its TreeNode comment ends with them, as on
LeetCode; LeetCode has no Rust graph `Node` (judged's is `Option<Rc<RefCell<Node>>>`, as its trees are), so a
stub with a Node and no TreeNode gets them after the Node comment."""

_C_ARRAY_NOTE = (
    "/**",
    " * Note: The returned array must be malloced, assume caller calls free().",
    " */",
)
_C_MATRIX_NOTE = (
    "/**",
    " * Return an array of arrays of size *returnSize.",
    " * The sizes of the arrays are returned as *returnColumnSizes array.",
    " * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().",
    " */",
)


def method_in_class(comments: list[str], class_line: str, head: str) -> list[str]:
    """The stub of a method inside a class (Java, C#, Kotlin, Scala, Rust's `impl`): the node comments, the class
    line, the method's head, its empty body's cursor line, then the method's and the class's closing braces."""
    return [*comments, class_line, head, "        ", "    }", "}"]


def python_stub(signature: Signature) -> list[str]:
    params = "".join(f", {param.name}: {type_name(param.type, 'python')}" for param in signature.params)
    returns = type_name(signature.returns, "python")
    lines = [
        *_comments(signature, "python"),
        "class Solution:",
        f"    def {signature.name}(self{params}) -> {returns}:",
    ]
    if signature.in_place:
        modified = signature.params[0].name
        lines += ['        """', f"        Do not return anything, modify {modified} in-place instead.", '        """']
    return [*lines, "        "]


def c_stub(signature: Signature) -> list[str]:
    params = [text for param in signature.params for text in _c_param(param)]
    returns = signature.returns
    note: tuple[str, ...] = ()
    if returns.depth == 1:
        params.append("int* returnSize")
        note = _C_ARRAY_NOTE
    elif returns.depth == 2:
        params += ["int* returnSize", "int** returnColumnSizes"]
        note = _C_MATRIX_NOTE
    head = f"{type_name(returns, 'c')} {signature.name}({', '.join(params)}) {{"
    return [*_comments(signature, "c"), *note, head, "    ", "}"]


def _c_param(param: Param) -> list[str]:
    """A C parameter and the sizes LeetCode passes beside an array: `int** grid, int gridSize, int* gridColSize`."""
    sizes = c_size_names(param.name, param.type.depth)
    return [
        f"{type_name(param.type, 'c')} {param.name}",
        *(f"int{'*' * index} {size}" for index, size in enumerate(sizes)),
    ]


def cpp_stub(signature: Signature) -> list[str]:
    params = ", ".join(
        f"{type_name(param.type, 'cpp')}{'&' * param.type.is_array} {param.name}" for param in signature.params
    )
    head = f"    {type_name(signature.returns, 'cpp')} {signature.name}({params}) {{"
    return [*_comments(signature, "cpp"), "class Solution {", "public:", head, "        ", "    }", "};"]


def java_stub(signature: Signature) -> list[str]:
    params = ", ".join(f"{type_name(param.type, 'java')} {param.name}" for param in signature.params)
    head = f"    public {type_name(signature.returns, 'java')} {signature.name}({params}) {{"
    return method_in_class(_comments(signature, "java"), "class Solution {", head)


def javascript_stub(signature: Signature) -> list[str]:
    docs = [f" * @param {{{type_name(param.type, 'javascript')}}} {param.name}" for param in signature.params]
    if signature.in_place:
        modified = signature.params[0].name
        docs.append(f" * @return {{void}} Do not return anything, modify {modified} in-place instead.")
    else:
        docs.append(f" * @return {{{type_name(signature.returns, 'javascript')}}}")
    names = ", ".join(param.name for param in signature.params)
    head = f"var {signature.name} = function({names}) {{"
    return [*_comments(signature, "javascript"), "/**", *docs, " */", head, "    ", "};"]


def go_stub(signature: Signature) -> list[str]:
    params = ", ".join(f"{param.name} {type_name(param.type, 'go')}" for param in signature.params)
    returns = "" if signature.in_place else f" {type_name(signature.returns, 'go')}"
    return [*_comments(signature, "go"), f"func {signature.name}({params}){returns} {{", "    ", "}"]


def rust_stub(signature: Signature) -> list[str]:
    params = [f"{snake_case(param.name)}: {type_name(param.type, 'rust')}" for param in signature.params]
    returns = ""
    if signature.in_place:
        first = signature.params[0]
        params[0] = f"{snake_case(first.name)}: &mut {type_name(first.type, 'rust')}"
    else:
        returns = f" -> {type_name(signature.returns, 'rust')}"
    head = f"    pub fn {snake_case(signature.name)}({', '.join(params)}){returns} {{"
    return method_in_class(_comments(signature, "rust"), "impl Solution {", head)


def _comments(signature: Signature, language_id: str) -> list[str]:
    lines = comments_above(signature, tables(language_id).comment_lines)
    if language_id == "rust" and signature.uses(Base.NODE) and not signature.uses(Base.TREE_NODE):
        lines += RUST_USES  # the TreeNode block ends with them, as on LeetCode; a graph needs them too
    return lines
