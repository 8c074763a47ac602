/* judged_nodes.h: ListNode and TreeNode to and from JSON, for C and C++.
 *
 * The generator defines JUDGED_LIST_NODE / JUDGED_TREE_NODE (and the struct)
 * only when the signature uses it, as LeetCode does. Nodes come from calloc
 * in C and from new in C++, so that a solution may free() / delete them.
 * A ListNode is the array of its values; a TreeNode its level-order array
 * with null for a missing child, trailing nulls left out. An encoder that
 * meets more than JUDGED_MAX_NODES nodes decides it is walking a cycle.
 *
 * Needs judged_json.h first.
 */
#ifndef JUDGED_NODES_H
#define JUDGED_NODES_H

#define JUDGED_MAX_NODES 1000000

#ifdef __cplusplus
#define JUDGED_NEW(type) (new type())
#else
#define JUDGED_NEW(type) ((type *)judged_alloc(1, sizeof(type)))
#endif

#ifdef JUDGED_LIST_NODE
JUDGED_FN struct ListNode *judged_read_list(judged_reader *r) {
    struct ListNode *head = NULL, *tail = NULL;
    size_t count;
    judged_array_begin(r, &count);
    while (judged_array_next(r, &count)) {
        struct ListNode *node = JUDGED_NEW(struct ListNode);
        node->val = judged_read_int(r);
        node->next = NULL;
        if (tail)
            tail->next = node;
        else
            head = node;
        tail = node;
    }
    return head;
}

JUDGED_FN void judged_put_list(judged_buffer *b, const struct ListNode *head) {
    size_t count = 0;
    judged_put_byte(b, '[');
    for (const struct ListNode *node = head; node; node = node->next) {
        if (++count > JUDGED_MAX_NODES) {
            b->error = "ListNode has a cycle";
            return;
        }
        if (count > 1) judged_put_byte(b, ',');
        judged_put_int(b, node->val);
    }
    judged_put_byte(b, ']');
}
#endif /* JUDGED_LIST_NODE */

#ifdef JUDGED_TREE_NODE
/* Level order: each value after the root fills the next child slot (left, then right) of the nodes so far. */
JUDGED_FN struct TreeNode *judged_read_tree(judged_reader *r) {
    struct TreeNode **nodes = NULL; /* the non-null nodes in order; nodes[parent] owns the next slot */
    size_t length = 0, capacity = 0, parent = 0, count;
    bool right = false;
    judged_array_begin(r, &count);
    while (judged_array_next(r, &count)) {
        if (judged_read_null(r)) {
            if (count == 1 || parent >= length) continue; /* a null root or trailing nulls: no slot to fill */
        } else {
            if (count > 1 && parent >= length) judged_input_error(r, "a TreeNode value has no parent");
            struct TreeNode *node = JUDGED_NEW(struct TreeNode);
            node->val = judged_read_int(r);
            node->left = node->right = NULL;
            if (length == capacity) {
                capacity = capacity ? capacity * 2 : 16;
                nodes = (struct TreeNode **)judged_realloc(nodes, capacity, sizeof *nodes);
            }
            nodes[length++] = node;
            if (count == 1) continue;
            if (right)
                nodes[parent]->right = node;
            else
                nodes[parent]->left = node;
        }
        parent += right;
        right = !right;
    }
    struct TreeNode *root = length ? nodes[0] : NULL;
    free(nodes);
    return root;
}

JUDGED_FN void judged_put_tree(judged_buffer *b, const struct TreeNode *root) {
    const struct TreeNode **queue = NULL; /* every child slot in level order, NULL for a missing child */
    size_t length = 0, capacity = 0, nulls = 0, values = 0;
    if (root) {
        capacity = 16;
        queue = (const struct TreeNode **)judged_alloc(capacity, sizeof *queue);
        queue[length++] = root;
    }
    judged_put_byte(b, '[');
    for (size_t i = 0; i < length; i++) {
        const struct TreeNode *node = queue[i];
        if (!node) {
            nulls++; /* written only if a value follows: trailing nulls are left out */
            continue;
        }
        if (++values > JUDGED_MAX_NODES) {
            b->error = "TreeNode has a cycle";
            break;
        }
        for (; nulls; nulls--) judged_put_text(b, ",null"); /* a null never comes before the root */
        if (values > 1) judged_put_byte(b, ',');
        judged_put_int(b, node->val);
        if (length + 2 > capacity) {
            capacity *= 2;
            queue = (const struct TreeNode **)judged_realloc(queue, capacity, sizeof *queue);
        }
        queue[length++] = node->left;
        queue[length++] = node->right;
    }
    free(queue);
    judged_put_byte(b, ']');
}
#endif /* JUDGED_TREE_NODE */

#endif /* JUDGED_NODES_H */
