/**
 * Definition for a binary tree node.
 * function TreeNode(val, left, right) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.left = (left===undefined ? null : left)
 *     this.right = (right===undefined ? null : right)
 * }
 */
/**
 * @param {TreeNode} root
 * @param {number} rounds
 * @return {TreeNode}
 */
var trimLeaves = function(root, rounds) {
    const height = (node) => {
        if (!node) return 0;
        const left = height(node.left), right = height(node.right);
        if (left <= rounds) node.left = null;
        if (right <= rounds) node.right = null;
        return 1 + Math.max(left, right);
    };
    return height(root) > rounds ? root : null;
};
