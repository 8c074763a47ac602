/**
 * Definition for a binary tree node.
 * class TreeNode(_value: Int = 0, _left: TreeNode = null, _right: TreeNode = null) {
 *   var value: Int = _value
 *   var left: TreeNode = _left
 *   var right: TreeNode = _right
 * }
 */
object Solution {
    def trimLeaves(root: TreeNode, rounds: Int): TreeNode = if (height(root, rounds) > rounds) root else null

    private def height(node: TreeNode, rounds: Int): Int = {
        if (node == null) return 0
        val left = height(node.left, rounds)
        val right = height(node.right, rounds)
        if (left <= rounds) node.left = null
        if (right <= rounds) node.right = null
        1 + math.max(left, right)
    }
}
