"""The PHP harness generator: `main.php` (the harness) and `solution.php` (the user's text).

LeetCode's PHP form is `class Solution` with a method of the problem's name, its parameters `$nums` with
type comments (`@param Integer[] $nums`); a void method takes an array first parameter by reference
(`function sortColors(&$nums)`; a node is an object already). The text LeetCode shows has no `<?php` tag:
the generator puts one before a solution without it, on its first line, so the user's line numbers stay.
The language runs `php -n {src}/main.php`; `main.php` is `judged/harness/runtime/php_main.php` followed by
one call naming the method.
"""

from __future__ import annotations

import json

from judged.harness.runtime_sources import read_runtime
from judged.harness.support import LanguageSupport, Layout
from judged.harness.typenames import TypeNames
from judged.harness.types import NODES, Base, Signature

MAIN_FILE = "main.php"
SOLUTION_FILE = "solution.php"
OPEN_TAG = "<?php"

TYPE_NAMES = TypeNames(
    bases={
        Base.INT: "Integer",
        Base.LONG: "Integer",
        Base.DOUBLE: "Float",
        Base.BOOL: "Boolean",
        Base.STRING: "String",
        Base.CHAR: "String",
        Base.LIST_NODE: "ListNode",
        Base.TREE_NODE: "TreeNode",
        Base.NODE: "Node",
        Base.NESTED_INTEGER: "NestedInteger",
        Base.VOID: "NULL",
    },
    array="{}[]",
)

NODE_COMMENTS = {
    Base.LIST_NODE: (
        "/**",
        " * Definition for a singly-linked list.",
        " * class ListNode {",
        " *     public $val = 0;",
        " *     public $next = null;",
        " *     function __construct($val = 0, $next = null) {",
        " *         $this->val = $val;",
        " *         $this->next = $next;",
        " *     }",
        " * }",
        " */",
    ),
    Base.TREE_NODE: (
        "/**",
        " * Definition for a binary tree node.",
        " * class TreeNode {",
        " *     public $val = null;",
        " *     public $left = null;",
        " *     public $right = null;",
        " *     function __construct($val = 0, $left = null, $right = null) {",
        " *         $this->val = $val;",
        " *         $this->left = $left;",
        " *         $this->right = $right;",
        " *     }",
        " * }",
        " */",
    ),
    Base.NODE: (
        "/**",
        " * Definition for a Node.",
        " * class Node {",
        " *     public $val = null;",
        " *     public $neighbors = null;",
        " *     function __construct($val = 0) {",
        " *         $this->val = $val;",
        " *         $this->neighbors = array();",
        " *     }",
        " * }",
        " */",
    ),
    Base.NESTED_INTEGER: (
        "/**",
        " * // This is the interface that allows for creating nested lists.",
        " * // You should not implement it, or speculate about its implementation",
        " * class NestedInteger {",
        " *",
        " *     // if value is not specified, initializes an empty list.",
        " *     // Otherwise initializes a single integer equal to value.",
        " *     function __construct($value = null)",
        " *",
        " *     // Return true if this NestedInteger holds a single integer, rather than a nested list.",
        " *     function isInteger() : bool",
        " *",
        " *     // Return the single integer that this NestedInteger holds, if it holds a single integer",
        " *     // The result is undefined if this NestedInteger holds a nested list",
        " *     function getInteger()",
        " *",
        " *     // Set this NestedInteger to hold a single integer.",
        " *     function setInteger($i) : void",
        " *",
        " *     // Set this NestedInteger to hold a nested list and adds a nested integer to it.",
        " *     function add($ni) : void",
        " *",
        " *     // Return the nested list that this NestedInteger holds, if it holds a nested list",
        " *     // The result is undefined if this NestedInteger holds a single integer",
        " *     function getList() : array",
        " * }",
        " */",
    ),
}

# A parameter is a `$variable`: PHP's keywords are allowed there, only `$this` is not.
RESERVED = frozenset({"this"})


def with_open_tag(solution: str) -> str:
    """The solution as PHP reads it: with `<?php` before the code when LeetCode's text has none."""
    return solution if solution.lstrip().startswith(OPEN_TAG) else f"{OPEN_TAG} {solution}"


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code with its opening tag."""
    name, returns = json.dumps(signature.name), json.dumps(str(signature.returns))
    params = json.dumps([str(param.type) for param in signature.params])
    call = f"exit(judged_run({name}, {params}, {returns}));\n"
    return {MAIN_FILE: f"{read_runtime('php_main.php')}\n{call}", SOLUTION_FILE: with_open_tag(solution)}


def stub(signature: Signature) -> list[str]:
    """LeetCode's PHP stub: `class Solution {`, the type comment, `function twoSum($nums, $target) {`."""
    comments = [line for base in NODES if signature.uses(base) for line in NODE_COMMENTS[base]]
    docs = [f"     * @param {TYPE_NAMES.spell(param.type)} ${param.name}" for param in signature.params]
    docs.append(f"     * @return {TYPE_NAMES.spell(signature.returns)}")
    params = [f"${param.name}" for param in signature.params]
    if signature.in_place and signature.params[0].type.is_array:  # an array is a value: by reference
        params[0] = "&" + params[0]
    head = f"    function {signature.name}({', '.join(params)}) {{"
    return [*comments, "class Solution {", "", "    /**", *docs, "     */", head, "        ", "    }", "}"]


SUPPORT = LanguageSupport(
    id="php",
    extensions=("php",),
    build=build,
    stub=stub,
    type_names=TYPE_NAMES,
    node_comments=NODE_COMMENTS,
    memory_markers=("Out of memory", "Allowed memory size"),
    layout=Layout.SINGLE,
    reference_rank=120,
    reserved=RESERVED,
)
