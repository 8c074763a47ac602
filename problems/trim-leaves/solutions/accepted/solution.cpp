/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
class Solution {
    int height(TreeNode* node, int rounds) {
        if (!node) return 0;
        int left = height(node->left, rounds), right = height(node->right, rounds);
        if (left <= rounds) node->left = nullptr;
        if (right <= rounds) node->right = nullptr;
        return 1 + max(left, right);
    }

public:
    TreeNode* trimLeaves(TreeNode* root, int rounds) {
        return height(root, rounds) > rounds ? root : nullptr;
    }
};
