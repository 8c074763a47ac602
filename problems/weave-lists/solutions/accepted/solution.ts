/**
 * Definition for singly-linked list.
 * class ListNode {
 *     val: number
 *     next: ListNode | null
 *     constructor(val?: number, next?: ListNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.next = (next===undefined ? null : next)
 *     }
 * }
 */
function weaveLists(first: ListNode | null, second: ListNode | null): ListNode | null {
    const dummy = new ListNode();
    let tail = dummy;
    while (first || second) {
        if (first) {
            tail.next = first;
            tail = first;
            first = first.next;
        }
        if (second) {
            tail.next = second;
            tail = second;
            second = second.next;
        }
    }
    tail.next = null;
    return dummy.next;
};
