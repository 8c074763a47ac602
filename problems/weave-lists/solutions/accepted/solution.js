/**
 * Definition for singly-linked list.
 * function ListNode(val, next) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.next = (next===undefined ? null : next)
 * }
 */
/**
 * @param {ListNode} first
 * @param {ListNode} second
 * @return {ListNode}
 */
var weaveLists = function(first, second) {
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
