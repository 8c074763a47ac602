/**
 * Definition for singly-linked list.
 * class ListNode(_x: Int = 0, _next: ListNode = null) {
 *   var next: ListNode = _next
 *   var x: Int = _x
 * }
 */
object Solution {
    def weaveLists(first: ListNode, second: ListNode): ListNode = {
        val dummy = new ListNode()
        var tail = dummy
        var a = first
        var b = second
        while (a != null || b != null) {
            if (a != null) {
                tail.next = a
                tail = a
                a = a.next
            }
            if (b != null) {
                tail.next = b
                tail = b
                b = b.next
            }
        }
        tail.next = null
        dummy.next
    }
}
