/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     int val;
 *     ListNode next;
 *     ListNode() {}
 *     ListNode(int val) { this.val = val; }
 *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
 * }
 */
class Solution {
    public ListNode weaveLists(ListNode first, ListNode second) {
        ListNode dummy = new ListNode();
        ListNode tail = dummy;
        while (first != null || second != null) {
            if (first != null) {
                tail.next = first;
                tail = first;
                first = first.next;
            }
            if (second != null) {
                tail.next = second;
                tail = second;
                second = second.next;
            }
        }
        tail.next = null;
        return dummy.next;
    }
}
