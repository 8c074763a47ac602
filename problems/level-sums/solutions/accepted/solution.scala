/**
 * Definition for a binary tree node.
 * class TreeNode(_value: Int = 0, _left: TreeNode = null, _right: TreeNode = null) {
 *   var value: Int = _value
 *   var left: TreeNode = _left
 *   var right: TreeNode = _right
 * }
 */
import scala.collection.mutable

object Solution {
    def levelSums(root: TreeNode): Array[Long] = {
        val sums = mutable.ArrayBuffer[Long]()
        val level = mutable.Queue[TreeNode]()
        if (root != null) level.enqueue(root)
        while (level.nonEmpty) {
            var sum = 0L
            for (_ <- 0 until level.size) {
                val node = level.dequeue()
                sum += node.value
                if (node.left != null) level.enqueue(node.left)
                if (node.right != null) level.enqueue(node.right)
            }
            sums += sum
        }
        sums.toArray
    }
}
