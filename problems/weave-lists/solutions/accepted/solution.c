/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     struct ListNode *next;
 * };
 */
struct ListNode* weaveLists(struct ListNode* first, struct ListNode* second) {
    struct ListNode dummy;
    struct ListNode* tail = &dummy;
    while (first || second) {
        if (first) {
            tail->next = first;
            tail = first;
            first = first->next;
        }
        if (second) {
            tail->next = second;
            tail = second;
            second = second->next;
        }
    }
    tail->next = NULL;
    return dummy.next;
}
