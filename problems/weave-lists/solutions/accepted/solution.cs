/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     public int val;
 *     public ListNode next;
 *     public ListNode(int val=0, ListNode next=null) {
 *         this.val = val;
 *         this.next = next;
 *     }
 * }
 */
public class Solution {
    public ListNode WeaveLists(ListNode first, ListNode second) {
        var dummy = new ListNode();
        var tail = dummy;
        while (first != null || second != null) {
            if (first != null) { tail.next = first; tail = first; first = first.next; }
            if (second != null) { tail.next = second; tail = second; second = second.next; }
        }
        tail.next = null;
        return dummy.next;
    }
}
