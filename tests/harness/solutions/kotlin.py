"""Kotlin's entries in the jail's table (`conformance_jail.py`), in LeetCode's form: `class Solution`, `IntArray`,
`ListNode?`. Few programs, each checking several things: kotlinc takes seconds per compile."""

from __future__ import annotations

from tests.harness import conformance_jail as jail
from tests.harness.conformance_jail import Judged

VERSION = r"kotlinc-jvm 2\."

TWO_SUM_CODE = """\
class Solution {
    fun twoSum(nums: IntArray, target: Int): IntArray {
        val seen = HashMap<Int, Int>()
        for ((i, x) in nums.withIndex()) {
            seen[target - x]?.let { return intArrayOf(it, i) }
            seen[x] = i
        }
        return intArrayOf()
    }
}
"""
BLANK = "\n        \n"
GROW = jail.grow("val")
SPEND = "class Solution {\n    fun twoSum(nums: IntArray, target: Int): IntArray {\n        %s\n    }\n}\n"

JUDGED: dict[str, Judged] = {
    **jail.two_sum(
        TWO_SUM_CODE,
        ("intArrayOf(it, i)", "intArrayOf(i, i)"),
        ("seen[x] = i", 'seen[x] = "i"'),
        "Main.kt:6:",  # the line of `seen[x] = "i"`
    ),
    # LeetCode's stub (ListNode in, TreeNode out, `val` renamed), filled in, with LeetCode's classes supplied
    "nodes-and-keyword-parameter": Judged(
        GROW,
        jail.filled(
            GROW,
            "kotlin",
            """
        var root: TreeNode? = null
        var node = head
        while (node != null) {
            val tree = TreeNode(node.`val` + val_)
            tree.left = root
            root = tree
            node = node.next
        }
        return root
""",
            BLANK,
        ),
        jail.GROW_CASES,
        stub_has=(
            "\n    fun grow(head: ListNode?, val_: Int): TreeNode? {\n",
            "\n * class ListNode(var `val`: Int) {\n",
        ),
    ),
    # the harness passes whatever the user declares (`List<List<String>>` here), as LeetCode's Kotlin stubs vary
    "base-types-and-void": Judged(
        jail.STAMP,
        """\
class Solution {
    fun stamp(grid: Array<CharArray>, a: Long, b: Double, c: Boolean, d: String, e: Char, f: List<List<String>>) {
        val text = "$a|$b|$c|$d|$e|${f.joinToString("/") { it.joinToString(",") }}"
        for (i in grid[0].indices) grid[0][i] = text.getOrElse(i) { '.' }
    }
}
""",
        jail.STAMP_CASES,
    ),
    "runtime-error": jail.raises(
        'class Solution {\n    fun twoSum(nums: IntArray, target: Int): IntArray = error("no pair")\n}\n',
        "java.lang.IllegalStateException: no pair",
    ),
    "graph-deep": Judged(
        jail.CLONE_GRAPH,
        jail.filled(
            jail.CLONE_GRAPH,
            "kotlin",
            """
        val copies = HashMap<Node, Node>()
        fun copy(n: Node?): Node? {
            if (n == null) return null
            copies[n]?.let { return it }
            val c = Node(n.`val`)
            copies[n] = c
            for (m in n.neighbors) c.neighbors.add(copy(m))
            return c
        }
        return copy(node)
""",
            BLANK,
        ),
        jail.DEEP_CLONE_GRAPH_CASES,
    ),
    **jail.exhausted(
        SPEND % "val keep = ArrayList<LongArray>()\n        while (true) keep.add(LongArray(1 shl 20))",
        SPEND % "while (true) {}",
        jail.TWO_SUM,
        jail.TWO_SUM_CASES,
    ),
}
