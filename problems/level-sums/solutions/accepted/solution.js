/**
 * @param {TreeNode} root
 * @return {number[]}
 */
var levelSums = function(root) {
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
