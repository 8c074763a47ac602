class Solution {
    public TreeNode trimLeaves(TreeNode root, int rounds) {
        return height(root, rounds) > rounds ? root : null;
    }

    private int height(TreeNode node, int rounds) {
        if (node == null) return 0;
        int left = height(node.left, rounds), right = height(node.right, rounds);
        if (left <= rounds) node.left = null;
        if (right <= rounds) node.right = null;
        return 1 + Math.max(left, right);
    }
}
