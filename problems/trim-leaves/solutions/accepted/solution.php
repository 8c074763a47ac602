/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     public $val = null;
 *     public $left = null;
 *     public $right = null;
 *     function __construct($val = 0, $left = null, $right = null) {
 *         $this->val = $val;
 *         $this->left = $left;
 *         $this->right = $right;
 *     }
 * }
 */
class Solution {

    /**
     * @param TreeNode $root
     * @param Integer $rounds
     * @return TreeNode
     */
    function trimLeaves($root, $rounds) {
        return $this->height($root, $rounds) > $rounds ? $root : null;
    }

    private function height($node, $rounds) {
        if ($node === null) return 0;
        $left = $this->height($node->left, $rounds);
        $right = $this->height($node->right, $rounds);
        if ($left <= $rounds) $node->left = null;
        if ($right <= $rounds) $node->right = null;
        return 1 + max($left, $right);
    }
}
