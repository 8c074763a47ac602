# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
class Solution:
    def weaveLists(self, first: Optional[ListNode], second: Optional[ListNode]) -> Optional[ListNode]:
        dummy = tail = ListNode()
        while first or second:
            if first:
                tail.next = first
                tail = first
                first = first.next
            if second:
                tail.next = second
                tail = second
                second = second.next
        tail.next = None
        return dummy.next
