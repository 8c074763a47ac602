/**
 * Definition for a binary tree node.
 * type TreeNode struct {
 *     Val int
 *     Left *TreeNode
 *     Right *TreeNode
 * }
 */
func trimLeaves(root *TreeNode, rounds int) *TreeNode {
    var height func(node *TreeNode) int
    height = func(node *TreeNode) int {
        if node == nil {
            return 0
        }
        left, right := height(node.Left), height(node.Right)
        if left <= rounds {
            node.Left = nil
        }
        if right <= rounds {
            node.Right = nil
        }
        if left > right {
            return left + 1
        }
        return right + 1
    }
    if height(root) > rounds {
        return root
    }
    return nil
}
