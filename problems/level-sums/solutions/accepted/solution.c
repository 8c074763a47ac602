/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
static int countNodes(struct TreeNode* node) {
    return node ? 1 + countNodes(node->left) + countNodes(node->right) : 0;
}

long long* levelSums(struct TreeNode* root, int* returnSize) {
    int n = countNodes(root);
    struct TreeNode** queue = malloc(sizeof(struct TreeNode*) * (n + 1));
    long long* sums = malloc(sizeof(long long) * (n + 1));
    int head = 0, tail = 0, levels = 0;
    if (root) queue[tail++] = root;
    while (head < tail) {
        int end = tail;
        long long sum = 0;
        for (; head < end; head++) {
            struct TreeNode* node = queue[head];
            sum += node->val;
            if (node->left) queue[tail++] = node->left;
            if (node->right) queue[tail++] = node->right;
        }
        sums[levels++] = sum;
    }
    free(queue);
    *returnSize = levels;
    return sums;
}
