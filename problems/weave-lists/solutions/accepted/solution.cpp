/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
class Solution {
public:
    ListNode* weaveLists(ListNode* first, ListNode* second) {
        ListNode dummy;
        ListNode* tail = &dummy;
        while (first || second) {
            for (ListNode** list : {&first, &second}) {
                if (*list) {
                    tail->next = *list;
                    tail = *list;
                    *list = (*list)->next;
                }
            }
        }
        tail->next = nullptr;
        return dummy.next;
    }
};
