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
    fun trimLeaves(root: TreeNode?, rounds: Int): TreeNode? = if (height(root, rounds) > rounds) root else null

    private fun height(node: TreeNode?, rounds: Int): Int {
        if (node == null) return 0
        val left = height(node.left, rounds)
        val right = height(node.right, rounds)
        if (left <= rounds) node.left = null
        if (right <= rounds) node.right = null
        return 1 + maxOf(left, right)
    }
}
