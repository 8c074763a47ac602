/**
 * Example:
 * var ti = TreeNode(5)
 * var v = ti.`val`
 * Definition for a binary tree node.
 * class TreeNode(var `val`: Int) {
 *     var left: TreeNode? = null
 *     var right: TreeNode? = null
 * }
 */
class Solution {
    fun levelSums(root: TreeNode?): LongArray {
        val sums = mutableListOf<Long>()
        val level = ArrayDeque<TreeNode>()
        root?.let { level.add(it) }
        while (level.isNotEmpty()) {
            var sum = 0L
            repeat(level.size) {
                val node = level.removeFirst()
                sum += node.`val`
                node.left?.let { level.add(it) }
                node.right?.let { level.add(it) }
            }
            sums.add(sum)
        }
        return sums.toLongArray()
    }
}
