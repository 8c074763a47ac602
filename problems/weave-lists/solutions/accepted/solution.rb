# Definition for singly-linked list.
# class ListNode
#     attr_accessor :val, :next
#     def initialize(val = 0, _next = nil)
#         @val = val
#         @next = _next
#     end
# end
# @param {ListNode} first
# @param {ListNode} second
# @return {ListNode}
def weave_lists(first, second)
    dummy = ListNode.new
    tail = dummy
    while first || second
        if first
            tail.next = first
            tail = first
            first = first.next
        end
        if second
            tail.next = second
            tail = second
            second = second.next
        end
    end
    tail.next = nil
    dummy.next
end
