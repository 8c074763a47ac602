"""The Kotlin harness: `Main.kt` holding the user's `class Solution` and a one-line `main` calling judged's runtime.

LeetCode's Kotlin form is `class Solution { fun twoSum(nums: IntArray, target: Int): IntArray { ... } }` with
`ListNode(var `val`: Int)` and `TreeNode(var `val`: Int)` in a comment above it. The runtime that decodes
the tests, calls the method by reflection and encodes the results (`runtime/kotlin_harness.kt`) is compiled
once, at install time, into a jar (`scripts/leetcode_libraries.sh`): kotlinc starts in seconds, so a
submission's compile reads only this file. Layout of `Main.kt`:

1. line 1: `import java.util.*; import kotlin.math.*; ` in front of the user's first line (LeetCode's
   Kotlin solutions use `PriorityQueue`, `TreeMap`, `max`, `abs` unimported), so every line keeps its
   number in kotlinc's messages;
2. the user's text, unchanged;
3. LeetCode's `ListNode` / `TreeNode` / graph `Node` when the signature uses them and the user did not
   declare their own;
4. `fun main() = judged.Harness.run(...)`, naming the method and the signature's types, and the SHA-256
   of the runtime's source, which the jar checks (a stale jar refuses to run).
"""

from __future__ import annotations

import json

from judged.harness import jvm
from judged.harness.stubs import method_in_class
from judged.harness.support import declare
from judged.harness.tables import comments_above, tables
from judged.harness.types import Base, Signature

FILE_NAME = "Main.kt"
RUNTIME = "kotlin_harness.kt"
PRE_IMPORTS = "import java.util.*; import kotlin.math.*; "

TYPE_NAMES = tables("kotlin").type_names
NODE_COMMENTS = tables("kotlin").comment_lines

_DEFINITIONS = {
    Base.LIST_NODE: "class ListNode(var `val`: Int) {\n    var next: ListNode? = null\n}\n",
    Base.TREE_NODE: (
        "class TreeNode(var `val`: Int) {\n    var left: TreeNode? = null\n    var right: TreeNode? = null\n}\n"
    ),
    Base.NODE: "class Node(var `val`: Int) {\n    var neighbors: ArrayList<Node?> = ArrayList<Node?>()\n}\n",
    # LeetCode shows NestedInteger as an interface; a class with its constructors and methods stands in.
    Base.NESTED_INTEGER: """\
class NestedInteger {
    private var value: Int? = null
    private var list: MutableList<NestedInteger>? = ArrayList()
    constructor()
    constructor(value: Int) { setInteger(value) }
    fun isInteger(): Boolean = value != null
    fun getInteger(): Int? = value
    fun setInteger(value: Int) { this.value = value; list = null }
    fun add(ni: NestedInteger) { value = null; (list ?: ArrayList<NestedInteger>().also { list = it }).add(ni) }
    fun getList(): List<NestedInteger>? = list
}
""",
}


def runtime_sha() -> str:
    """The SHA-256 of the runtime's source: the jar built from it must carry the same."""
    return jvm.runtime_sha(RUNTIME)


def build(signature: Signature, solution: str) -> dict[str, str]:
    """`Main.kt` for `signature` around the user's `solution` (LeetCode's Kotlin form)."""
    text, classes = jvm.user_text_and_nodes(
        signature, solution, r"^\s*(?:(?:data|open|public)\s+)*class\s+", _DEFINITIONS
    )
    parts = [PRE_IMPORTS + text, "", *classes]
    arguments = jvm.method_arguments(signature, "arrayOf<String>({})")
    parts.append(f"fun main() = judged.Harness.run({json.dumps(runtime_sha())}, Solution::class.java, {arguments})\n")
    return {FILE_NAME: "\n".join(parts)}


def stub(signature: Signature) -> list[str]:
    """LeetCode's Kotlin stub: `class Solution {` / `    fun twoSum(nums: IntArray, target: Int): IntArray {`."""
    params = ", ".join(f"{param.name}: {TYPE_NAMES.spell(param.type)}" for param in signature.params)
    head = f"    fun {signature.name}({params}): {TYPE_NAMES.spell(signature.returns)} {{"
    return method_in_class(comments_above(signature, NODE_COMMENTS), "class Solution {", head)


SUPPORT = declare("kotlin", build=build, stub=stub)
