class Solution {
public:
    ListNode* weaveLists(ListNode* first, ListNode* second) {
        // Assumes both lists have a node: dereferences null when one is empty.
        ListNode* head = first;
        ListNode* restFirst = first->next;
        first->next = second;
        ListNode* tail = second;
        ListNode* restSecond = second->next;
        while (restFirst || restSecond) {
            if (restFirst) {
                tail->next = restFirst;
                tail = restFirst;
                restFirst = restFirst->next;
            }
            if (restSecond) {
                tail->next = restSecond;
                tail = restSecond;
                restSecond = restSecond->next;
            }
        }
        tail->next = nullptr;
        return head;
    }
};
