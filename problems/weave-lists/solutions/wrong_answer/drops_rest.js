/**
 * @param {ListNode} first
 * @param {ListNode} second
 * @return {ListNode}
 */
var weaveLists = function(first, second) {
    // Stops as soon as either list runs out: the rest of the longer one is lost.
    const dummy = new ListNode();
    let tail = dummy;
    while (first && second) {
        const nextFirst = first.next, nextSecond = second.next;
        tail.next = first;
        first.next = second;
        tail = second;
        first = nextFirst;
        second = nextSecond;
    }
    tail.next = null;
    return dummy.next;
};
