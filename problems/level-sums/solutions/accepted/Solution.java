import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

class Solution {
    public long[] levelSums(TreeNode root) {
        List<Long> sums = new ArrayList<>();
        Deque<TreeNode> level = new ArrayDeque<>();
        if (root != null) level.add(root);
        while (!level.isEmpty()) {
            long sum = 0;
            for (int i = level.size(); i > 0; i--) {
                TreeNode node = level.poll();
                sum += node.val;
                if (node.left != null) level.add(node.left);
                if (node.right != null) level.add(node.right);
            }
            sums.add(sum);
        }
        long[] out = new long[sums.size()];
        for (int i = 0; i < out.length; i++) out[i] = sums.get(i);
        return out;
    }
}
