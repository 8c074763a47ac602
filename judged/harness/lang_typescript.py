"""The TypeScript harness: LeetCode's TypeScript form, compiled by npm's `typescript`, run by the JavaScript harness.

The files are `main.js`, the JavaScript harness (`lang_javascript.build`) unchanged, and `solution.ts`, the
user's text. The compile step (`judged/judging/runtime/typescript_compile.js`) type-checks `solution.ts`
with LeetCode's globals declared and writes `solution.js` beside a copy of `main.js`; the run is Node on
those, so a TypeScript solution is judged exactly as the same JavaScript would be: the function found by
name, ListNode, TreeNode, lodash's `_` and the @datastructures-js queues as globals.
"""

from __future__ import annotations

from judged.harness import lang_javascript
from judged.harness.names import RESERVED_BY_LANGUAGE
from judged.harness.support import LanguageSupport, Layout
from judged.harness.typenames import TypeNames
from judged.harness.types import NODES, Base, Signature

MAIN_FILE = lang_javascript.MAIN_FILE
SOLUTION_FILE = "solution.ts"

TYPE_NAMES = TypeNames(
    bases={
        Base.INT: "number",
        Base.LONG: "number",
        Base.DOUBLE: "number",
        Base.BOOL: "boolean",
        Base.STRING: "string",
        Base.CHAR: "string",
        Base.LIST_NODE: "ListNode | null",
        Base.TREE_NODE: "TreeNode | null",
        Base.NODE: "_Node | null",
        Base.NESTED_INTEGER: "NestedInteger",
        Base.VOID: "void",
    },
    array="{}[]",
)

_LIST_NODE = (
    "/**",
    " * Definition for singly-linked list.",
    " * class ListNode {",
    " *     val: number",
    " *     next: ListNode | null",
    " *     constructor(val?: number, next?: ListNode | null) {",
    " *         this.val = (val===undefined ? 0 : val)",
    " *         this.next = (next===undefined ? null : next)",
    " *     }",
    " * }",
    " */",
)
_TREE_NODE = (
    "/**",
    " * Definition for a binary tree node.",
    " * class TreeNode {",
    " *     val: number",
    " *     left: TreeNode | null",
    " *     right: TreeNode | null",
    " *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {",
    " *         this.val = (val===undefined ? 0 : val)",
    " *         this.left = (left===undefined ? null : left)",
    " *         this.right = (right===undefined ? null : right)",
    " *     }",
    " * }",
    " */",
)
_GRAPH_NODE = (
    "/**",
    " * Definition for _Node.",
    " * class _Node {",
    " *     val: number",
    " *     neighbors: _Node[]",
    " *",
    " *     constructor(val?: number, neighbors?: _Node[]) {",
    " *         this.val = (val===undefined ? 0 : val)",
    " *         this.neighbors = (neighbors===undefined ? [] : neighbors)",
    " *     }",
    " * }",
    " */",
)
_NESTED_INTEGER = (
    "/**",
    " * // This is the interface that allows for creating nested lists.",
    " * // You should not implement it, or speculate about its implementation",
    " * class NestedInteger {",
    " *     If value is provided, then it holds a single integer",
    " *     Otherwise it holds an empty nested list",
    " *     constructor(value?: number) {",
    " *         ...",
    " *     };",
    " *",
    " *     Return true if this NestedInteger holds a single integer, rather than a nested list.",
    " *     isInteger(): boolean {",
    " *         ...",
    " *     };",
    " *",
    " *     Return the single integer that this NestedInteger holds, if it holds a single integer",
    " *     Return null if this NestedInteger holds a nested list",
    " *     getInteger(): number | null {",
    " *         ...",
    " *     };",
    " *",
    " *     Set this NestedInteger to hold a single integer equal to value.",
    " *     setInteger(value: number) {",
    " *         ...",
    " *     };",
    " *",
    " *     Set this NestedInteger to hold a nested list and adds a nested integer elem to it.",
    " *     add(elem: NestedInteger) {",
    " *         ...",
    " *     };",
    " *",
    " *     Return the nested list that this NestedInteger holds,",
    " *     or an empty list if this NestedInteger holds a single integer",
    " *     getList(): NestedInteger[] {",
    " *         ...",
    " *     };",
    " * };",
    " */",
)
NODE_COMMENTS = {
    Base.LIST_NODE: _LIST_NODE,
    Base.TREE_NODE: _TREE_NODE,
    Base.NODE: _GRAPH_NODE,
    Base.NESTED_INTEGER: _NESTED_INTEGER,
}


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The JavaScript harness as `main.js` and the user's TypeScript as `solution.ts`."""
    harness = lang_javascript.build(signature, "")
    return {MAIN_FILE: harness[MAIN_FILE], SOLUTION_FILE: solution}


def stub(signature: Signature) -> list[str]:
    """LeetCode's TypeScript stub: `function twoSum(nums: number[], target: number): number[] {` ... `};`."""
    comments = [line for base in NODES if signature.uses(base) for line in NODE_COMMENTS[base]]
    params = ", ".join(f"{param.name}: {TYPE_NAMES.spell(param.type)}" for param in signature.params)
    head = f"function {signature.name}({params}): {TYPE_NAMES.spell(signature.returns)} {{"
    body = ["    "]
    if signature.in_place:
        modified = signature.params[0].name
        body = ["    /**", f"     Do not return anything, modify {modified} in-place instead.", "     */", "    "]
    return [*comments, head, *body, "};"]


SUPPORT = LanguageSupport(
    id="typescript",
    extensions=("ts",),
    build=build,
    stub=stub,
    type_names=TYPE_NAMES,
    node_comments=NODE_COMMENTS,
    memory_markers=("JavaScript heap out of memory",),
    layout=Layout.SINGLE,
    reference_rank=80,
    reserved=RESERVED_BY_LANGUAGE["javascript"],  # TypeScript's own words (type, number, ...) are contextual
)
