class Solution {
public:
    vector<long long> levelSums(TreeNode* root) {
        vector<long long> sums;
        queue<TreeNode*> level;
        if (root) level.push(root);
        while (!level.empty()) {
            long long sum = 0;
            for (int i = level.size(); i > 0; i--) {
                TreeNode* node = level.front();
                level.pop();
                sum += node->val;
                if (node->left) level.push(node->left);
                if (node->right) level.push(node->right);
            }
            sums.push_back(sum);
        }
        return sums;
    }
};
