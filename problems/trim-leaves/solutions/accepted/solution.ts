/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     val: number
 *     left: TreeNode | null
 *     right: TreeNode | null
 *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.left = (left===undefined ? null : left)
 *         this.right = (right===undefined ? null : right)
 *     }
 * }
 */
function trimLeaves(root: TreeNode | null, rounds: number): TreeNode | null {
    const height = (node) => {
        if (!node) return 0;
        const left = height(node.left), right = height(node.right);
        if (left <= rounds) node.left = null;
        if (right <= rounds) node.right = null;
        return 1 + Math.max(left, right);
    };
    return height(root) > rounds ? root : null;
};
