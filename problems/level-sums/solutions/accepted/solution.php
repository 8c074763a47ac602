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
     * @return Integer[]
     */
    function levelSums($root) {
        $sums = [];
        $level = $root ? [$root] : [];
        while ($level) {
            $sum = 0;
            $next = [];
            foreach ($level as $node) {
                $sum += $node->val;
                if ($node->left) $next[] = $node->left;
                if ($node->right) $next[] = $node->right;
            }
            $sums[] = $sum;
            $level = $next;
        }
        return $sums;
    }
}
