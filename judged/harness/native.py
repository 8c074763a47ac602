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

from judged.harness.types import NODES, Base, Signature

C_LIST_NODE = "struct ListNode {\n    int val;\n    struct ListNode *next;\n};"
C_TREE_NODE = "struct TreeNode {\n    int val;\n    struct TreeNode *left;\n    struct TreeNode *right;\n};"
C_GRAPH_NODE = "struct Node {\n    int val;\n    int numNeighbors;\n    struct Node** neighbors;\n};"
# LeetCode's C NestedInteger is opaque: the struct is the harness's, the functions are the ones its comment lists.
C_NESTED_INTEGER = """struct NestedInteger {
    bool judged_is_integer;
    int judged_value;
    int judged_size;
    struct NestedInteger **judged_list;
};
struct NestedInteger *NestedIntegerInit(void) {
    return (struct NestedInteger *)calloc(1, sizeof(struct NestedInteger));
}
bool NestedIntegerIsInteger(struct NestedInteger *ni) { return ni->judged_is_integer; }
int NestedIntegerGetInteger(struct NestedInteger *ni) { return ni->judged_value; }
void NestedIntegerSetInteger(struct NestedInteger *ni, int value) {
    ni->judged_is_integer = true;
    ni->judged_value = value;
    ni->judged_size = 0;
}
void NestedIntegerAdd(struct NestedInteger *ni, struct NestedInteger *elem) {
    if (ni->judged_is_integer) ni->judged_is_integer = false;
    if ((ni->judged_size & (ni->judged_size - 1)) == 0) {
        size_t capacity = ni->judged_size ? (size_t)ni->judged_size * 2 : 1;
        ni->judged_list = (struct NestedInteger **)realloc(ni->judged_list, capacity * sizeof *ni->judged_list);
        if (!ni->judged_list) abort();
    }
    ni->judged_list[ni->judged_size++] = elem;
}
struct NestedInteger **NestedIntegerGetList(struct NestedInteger *ni) { return ni->judged_list; }
int NestedIntegerGetListSize(struct NestedInteger *ni) { return ni->judged_is_integer ? 0 : ni->judged_size; }"""


MACROS: dict[Base, str] = {
    Base.LIST_NODE: "JUDGED_LIST_NODE",
    Base.TREE_NODE: "JUDGED_TREE_NODE",
    Base.NODE: "JUDGED_GRAPH_NODE",
    Base.NESTED_INTEGER: "JUDGED_NESTED_INTEGER",
}


def node_definitions(signature: Signature, definitions: dict[Base, str]) -> list[str]:
    """The node definitions a signature uses (ListNode, TreeNode, Node, NestedInteger), each with the macro that
    turns on its codec."""
    return [line for base in NODES if signature.uses(base) for line in (definitions[base], f"#define {MACROS[base]} 1")]


def assemble(prelude: list[str], solution: str, solution_file: str, main: list[str], main_file: str) -> str:
    """The prelude, then the user's code (its first line reported as line 1 of `solution_file`), then main."""
    head = "\n".join([*prelude, f'#line 1 "{solution_file}"', solution])
    if not head.endswith("\n"):
        head += "\n"
    next_line = head.count("\n") + 2  # the number of the line after the directive
    return head + f'#line {next_line} "{main_file}"\n' + "\n".join(main) + "\n"


def main_loop(head: str, body: list[str], setup: tuple[str, ...] = ()) -> list[str]:
    """A harness's `main` (`head` is its first line): one session opened, `setup`, then `body` once per test."""
    return [
        head,
        "    judged_session judged_s;",
        "    judged_open(&judged_s);",
        *(f"    {line}" for line in setup),
        "    while (judged_next_test(&judged_s)) {",
        *(f"        {line}" for line in body),
        "    }",
        "    return 0;",
        "}",
    ]


DESIGN_END = """static void judged_design_end(judged_reader *r, size_t *count) {
    if (judged_array_next(r, count)) judged_input_error(r, "too many arguments");
}"""
"""The C and C++ design harnesses' check that an operation got no more arguments than its method takes."""


def argument_name(index: int) -> str:
    """The harness's own name for argument `index`; never a name the user's code could mean."""
    return f"judged_arg{index}"
