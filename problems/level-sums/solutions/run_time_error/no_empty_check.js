/**
 * @param {TreeNode} root
 * @return {number[]}
 */
var levelSums = function(root) {
    // Forgets the empty tree: reads .val of null.
    const sums = [root.val];
    let level = [root.left, root.right].filter(Boolean);
    while (level.length) {
        sums.push(level.reduce((sum, node) => sum + node.val, 0));
        level = level.flatMap((node) => [node.left, node.right]).filter(Boolean);
    }
    return sums;
};
