"""What the C and C++ harness generators share: the C runtime sources and the layout of a generated file.

A generated `main.c` / `main.cpp` is one file, in three parts:

1. the prelude: what LeetCode's environment supplies (headers, `ListNode`,
   `TreeNode`) and the harness runtime from `judged/harness/runtime/`
   (the JSON reader and writer, the fd-3 protocol), inlined so that the
   compile command needs no include path;
2. `#line 1 "solution.c"` and the user's text, unchanged, so that the
   compiler reports the user's own line numbers;
3. `#line N "main.c"` and the generated `main`, reported at its real lines.

The runtime comes before the user's code, so a macro the user defines
cannot change it; every runtime name starts with `judged_`.
"""

from __future__ import annotations

from judged.harness.types import Base, Signature

C_LIST_NODE = "struct ListNode {\n    int val;\n    struct ListNode *next;\n};"
C_TREE_NODE = "struct TreeNode {\n    int val;\n    struct TreeNode *left;\n    struct TreeNode *right;\n};"


def node_definitions(signature: Signature, list_node: str, tree_node: str) -> list[str]:
    """The ListNode / TreeNode definitions a signature uses, each with the macro that turns on its runtime codec."""
    lines: list[str] = []
    if signature.uses(Base.LIST_NODE):
        lines += [list_node, "#define JUDGED_LIST_NODE 1"]
    if signature.uses(Base.TREE_NODE):
        lines += [tree_node, "#define JUDGED_TREE_NODE 1"]
    return lines


def assemble(prelude: list[str], solution: str, solution_file: str, main: list[str], main_file: str) -> str:
    """The prelude, then the user's code (its first line reported as line 1 of `solution_file`), then main."""
    head = "\n".join([*prelude, f'#line 1 "{solution_file}"', solution])
    if not head.endswith("\n"):
        head += "\n"
    next_line = head.count("\n") + 2  # the number of the line after the directive
    return head + f'#line {next_line} "{main_file}"\n' + "\n".join(main) + "\n"


def argument_name(index: int) -> str:
    """The harness's own name for argument `index`; never a name the user's code could mean."""
    return f"judged_arg{index}"
