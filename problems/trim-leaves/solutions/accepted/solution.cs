public class Solution {
    public TreeNode TrimLeaves(TreeNode root, int rounds) {
        return Height(root, rounds) > rounds ? root : null;
    }

    private int Height(TreeNode node, int rounds) {
        if (node == null) return 0;
        int left = Height(node.left, rounds), right = Height(node.right, rounds);
        if (left <= rounds) node.left = null;
        if (right <= rounds) node.right = null;
        return 1 + Math.Max(left, right);
    }
}
