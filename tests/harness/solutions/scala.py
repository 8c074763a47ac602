"""Scala's entries in the jail's table (`conformance_jail.py`), in LeetCode's form: `object Solution`,
`Array[Int]`, Scala 2.13. Few programs, each checking several things: scalac takes seconds per compile."""

from __future__ import annotations

from tests.harness import conformance_jail as jail
from tests.harness.conformance_jail import Judged

VERSION = r"version 2\.13\."

TWO_SUM_CODE = """\
object Solution {
    def twoSum(nums: Array[Int], target: Int): Array[Int] = {
        val seen = scala.collection.mutable.HashMap[Int, Int]()
        for (i <- nums.indices) {
            seen.get(target - nums(i)) match {
                case Some(j) => return Array(j, i)
                case None => seen(nums(i)) = i
            }
        }
        Array()
    }
}
"""
BLANK = "\n        \n"
GROW = jail.grow("type")
SPEND = "object Solution {\n    def twoSum(nums: Array[Int], target: Int): Array[Int] = {\n        %s\n    }\n}\n"

JUDGED: dict[str, Judged] = {
    **jail.two_sum(
        TWO_SUM_CODE,
        ("Array(j, i)", "Array(i, i)"),
        ("seen(nums(i)) = i", 'seen(nums(i)) = "i"'),
        "Main.scala:7: error",
    ),
    # LeetCode's stub (ListNode in, TreeNode out, `type` renamed), filled in, with LeetCode's classes supplied
    "nodes-and-keyword-parameter": Judged(
        GROW,
        jail.filled(
            GROW,
            "scala",
            """
        var root: TreeNode = null
        var node = head
        while (node != null) {
            root = new TreeNode(node.x + type_, root, null)
            node = node.next
        }
        root
""",
            BLANK,
        ),
        jail.GROW_CASES,
        stub_has=(
            "\n    def grow(head: ListNode, type_ : Int): TreeNode = {\n",
            "\n * class ListNode(_x: Int = 0, _next: ListNode = null) {\n",
        ),
    ),
    # the harness passes whichever collection the user declares (`List[List[String]]` here)
    "base-types-and-void": Judged(
        jail.STAMP,
        """\
object Solution {
    def stamp(grid: Array[Array[Char]], a: Long, b: Double, c: Boolean, d: String, e: Char,
              f: List[List[String]]): Unit = {
        val text = s"$a|$b|$c|$d|$e|${f.map(_.mkString(",")).mkString("/")}"
        for (i <- grid(0).indices) grid(0)(i) = if (i < text.length) text(i) else '.'
    }
}
""",
        jail.STAMP_CASES,
    ),
    "runtime-error": jail.raises(
        'object Solution {\n    def twoSum(nums: Array[Int], target: Int): Array[Int] = sys.error("no pair")\n}\n',
        "java.lang.RuntimeException: no pair",
    ),
    "graph-deep": Judged(
        jail.CLONE_GRAPH,
        jail.filled(
            jail.CLONE_GRAPH,
            "scala",
            """
        val copies = scala.collection.mutable.HashMap[Node, Node]()
        def copy(n: Node): Node = {
            if (n == null) return null
            copies.get(n) match {
                case Some(c) => c
                case None =>
                    val c = new Node(n.value)
                    copies(n) = c
                    c.neighbors = n.neighbors.map(copy)
                    c
            }
        }
        copy(node)
""",
            BLANK,
        ),
        jail.DEEP_CLONE_GRAPH_CASES,
    ),
    **jail.exhausted(
        SPEND
        % (
            "val keep = scala.collection.mutable.ArrayBuffer[Array[Long]]()\n"
            "        while (true) keep += new Array[Long](1 << 20)\n        null"
        ),
        SPEND % "while (true) {}\n        null",
        jail.TWO_SUM,
        jail.TWO_SUM_CASES,
    ),
}
