/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
static int height(struct TreeNode* node, int rounds) {
    if (!node) return 0;
    int left = height(node->left, rounds);
    int right = height(node->right, rounds);
    if (left <= rounds) node->left = NULL;
    if (right <= rounds) node->right = NULL;
    return 1 + (left > right ? left : right);
}

struct TreeNode* trimLeaves(struct TreeNode* root, int rounds) {
    return height(root, rounds) > rounds ? root : NULL;
}
