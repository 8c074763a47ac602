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
function levelSums(root: TreeNode | null): number[] {
    const sums = [];
    let level = root ? [root] : [];
    while (level.length) {
        let sum = 0;
        const next = [];
        for (const node of level) {
            sum += node.val;
            if (node.left) next.push(node.left);
            if (node.right) next.push(node.right);
        }
        sums.push(sum);
        level = next;
    }
    return sums;
};
