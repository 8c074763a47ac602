/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     public int val;
 *     public TreeNode left;
 *     public TreeNode right;
 *     public TreeNode(int val=0, TreeNode left=null, TreeNode right=null) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
public class Solution {
    public long[] LevelSums(TreeNode root) {
        var sums = new List<long>();
        var level = new List<TreeNode>();
        if (root != null) level.Add(root);
        while (level.Count > 0) {
            sums.Add(level.Sum(node => (long)node.val));
            level = level.SelectMany(node => new[] { node.left, node.right }).Where(node => node != null).ToList();
        }
        return sums.ToArray();
    }
}
