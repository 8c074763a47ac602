/**
 * Example:
 * var li = ListNode(5)
 * var v = li.`val`
 * Definition for singly-linked list.
 * class ListNode(var `val`: Int) {
 *     var next: ListNode? = null
 * }
 */
class Solution {
    fun weaveLists(first: ListNode?, second: ListNode?): ListNode? {
        val dummy = ListNode(0)
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
        return dummy.next
    }
}
