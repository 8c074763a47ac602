/**
 * Definition for a singly-linked list.
 * class ListNode {
 *     public $val = 0;
 *     public $next = null;
 *     function __construct($val = 0, $next = null) {
 *         $this->val = $val;
 *         $this->next = $next;
 *     }
 * }
 */
class Solution {

    /**
     * @param ListNode $first
     * @param ListNode $second
     * @return ListNode
     */
    function weaveLists($first, $second) {
        $dummy = new ListNode();
        $tail = $dummy;
        while ($first || $second) {
            if ($first) {
                $tail->next = $first;
                $tail = $first;
                $first = $first->next;
            }
            if ($second) {
                $tail->next = $second;
                $tail = $second;
                $second = $second->next;
            }
        }
        $tail->next = null;
        return $dummy->next;
    }
}
