// A typical submission as judged compiles it, for the compiler's CDS archive (scripts/leetcode_libraries.sh).
import scala.collection.mutable

object Solution {
    def levelSums(root: TreeNode, nums: Array[Int], words: List[String]): List[List[Int]] = {
        val seen = mutable.HashMap[Int, Int]()
        val queue = mutable.Queue[TreeNode]()
        val heap = mutable.PriorityQueue[Int]()(Ordering.Int.reverse)
        val result = mutable.ListBuffer[List[Int]]()
        if (root != null) queue.enqueue(root)
        while (queue.nonEmpty) {
            val level = (1 to queue.size).map { _ =>
                val node = queue.dequeue()
                if (node.left != null) queue.enqueue(node.left)
                if (node.right != null) queue.enqueue(node.right)
                node.value
            }
            result += level.toList
        }
        for ((x, i) <- nums.zipWithIndex) seen(x) = math.max(i, seen.getOrElse(x, 0))
        heap ++= nums.sorted.map(math.abs)
        val text = words.map(_.toUpperCase).mkString(",").filter(_.isLetter)
        (result ++ List(List(text.length, heap.size, seen.values.sum))).toList
    }
}

class TreeNode(_value: Int = 0, _left: TreeNode = null, _right: TreeNode = null) {
  var value: Int = _value
  var left: TreeNode = _left
  var right: TreeNode = _right
}

object JudgedMain { def main(args: Array[String]): Unit = judged.Harness.run("", "Solution", "levelSums", Array[String]("TreeNode", "int[]", "string[]"), "int[][]") }
