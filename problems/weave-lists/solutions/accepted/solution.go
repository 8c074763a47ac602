/**
 * Definition for singly-linked list.
 * type ListNode struct {
 *     Val int
 *     Next *ListNode
 * }
 */
func weaveLists(first *ListNode, second *ListNode) *ListNode {
    dummy := &ListNode{}
    tail := dummy
    for first != nil || second != nil {
        if first != nil {
            tail.Next = first
            tail = first
            first = first.Next
        }
        if second != nil {
            tail.Next = second
            tail = second
            second = second.Next
        }
    }
    tail.Next = nil
    return dummy.Next
}
