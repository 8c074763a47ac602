/* judged_nodes.h: ListNode and TreeNode to and from JSON, for C and C++; the graph Node, for C.
 *
 * The generator defines JUDGED_LIST_NODE / JUDGED_TREE_NODE (and the struct)
 * only when the signature uses it, as LeetCode does. Nodes come from calloc
 * in C and from new in C++, so that a solution may free() / delete them.
 * A ListNode is the array of its values; a TreeNode its level-order array
 * with null for a missing child, trailing nulls left out. An encoder that
 * meets more than JUDGED_MAX_NODES nodes decides it is walking a cycle.
 * A graph Node (JUDGED_GRAPH_NODE; C's form, with numNeighbors and an array
 * of pointers; C++'s vector form is in judged_cpp.hpp) is LeetCode's
 * adjacency list: item i the values of node i+1's neighbours.
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

#if defined(JUDGED_GRAPH_NODE) && !defined(__cplusplus)
/* Node 1 of the graph an adjacency list describes; each node's neighbours are read as values, then linked. */
JUDGED_FN struct Node *judged_read_graph(judged_reader *r) {
    struct Node **nodes = NULL;
    size_t length = 0, capacity = 0, count;
    judged_array_begin(r, &count);
    while (judged_array_next(r, &count)) {
        if (length == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            nodes = (struct Node **)judged_realloc(nodes, capacity, sizeof *nodes);
        }
        struct Node *node = JUDGED_NEW(struct Node);
        size_t degree = 0, room = 4, inner;
        node->val = (int)length + 1;
        node->neighbors = (struct Node **)judged_alloc(room, sizeof *node->neighbors);
        judged_array_begin(r, &inner);
        while (judged_array_next(r, &inner)) {
            if (degree == room) {
                room *= 2;
                node->neighbors = (struct Node **)judged_realloc(node->neighbors, room, sizeof *node->neighbors);
            }
            node->neighbors[degree++] = (struct Node *)(intptr_t)judged_read_int(r); /* a value until linked */
        }
        node->numNeighbors = (int)degree;
        nodes[length++] = node;
    }
    for (size_t i = 0; i < length; i++) {
        for (int j = 0; j < nodes[i]->numNeighbors; j++) {
            intptr_t value = (intptr_t)nodes[i]->neighbors[j];
            if (value < 1 || (size_t)value > length) judged_input_error(r, "a Node neighbour is not a node of the graph");
            nodes[i]->neighbors[j] = nodes[value - 1];
        }
    }
    struct Node *first = length ? nodes[0] : NULL;
    free(nodes);
    return first;
}

/* Records `node` under its value: 1 if it is new, 0 if met before, -1 if it cannot be a node of 1..n. */
JUDGED_FN int judged_graph_meet(const struct Node ***by_value, size_t *capacity, const struct Node *node) {
    if (!node || node->val < 1 || node->val > JUDGED_MAX_NODES || node->numNeighbors < 0) return -1;
    if (node->numNeighbors > 0 && !node->neighbors) return -1;
    size_t slot = (size_t)node->val - 1;
    if (slot >= *capacity) {
        size_t grown = *capacity ? *capacity : 16;
        while (grown <= slot) grown *= 2;
        *by_value = (const struct Node **)judged_realloc((void *)*by_value, grown, sizeof **by_value);
        memset((void *)(*by_value + *capacity), 0, (grown - *capacity) * sizeof **by_value);
        *capacity = grown;
    }
    if ((*by_value)[slot] == node) return 0;
    if ((*by_value)[slot]) return -1;
    (*by_value)[slot] = node;
    return 1;
}

/* The adjacency list of the graph reachable from `start`, by value; null unless its values are 1..n, once each. */
JUDGED_FN void judged_put_graph(judged_buffer *b, const struct Node *start) {
    const struct Node **by_value = NULL, **queue = NULL;
    size_t capacity = 0, length = 0, largest = 0;
    int bad = start ? judged_graph_meet(&by_value, &capacity, start) < 0 : 0;
    if (start && !bad) {
        queue = (const struct Node **)judged_alloc(1, sizeof *queue);
        queue[length++] = start;
    }
    for (size_t i = 0; i < length && !bad; i++) {
        if ((size_t)queue[i]->val > largest) largest = (size_t)queue[i]->val;
        for (int j = 0; j < queue[i]->numNeighbors && !bad; j++) {
            const struct Node *next = queue[i]->neighbors[j];
            int met = judged_graph_meet(&by_value, &capacity, next);
            bad = met < 0;
            if (met == 1) {
                if ((length & (length - 1)) == 0) queue = (const struct Node **)judged_realloc((void *)queue, length * 2, sizeof *queue);
                queue[length++] = next;
            }
        }
    }
    if (bad || largest != length) {
        judged_put_text(b, "null");
    } else {
        judged_put_byte(b, '[');
        for (size_t v = 0; v < length; v++) {
            if (v) judged_put_byte(b, ',');
            judged_put_byte(b, '[');
            for (int j = 0; j < by_value[v]->numNeighbors; j++) {
                if (j) judged_put_byte(b, ',');
                judged_put_int(b, by_value[v]->neighbors[j]->val);
            }
            judged_put_byte(b, ']');
        }
        judged_put_byte(b, ']');
    }
    free((void *)by_value);
    free((void *)queue);
}
#endif /* JUDGED_GRAPH_NODE, C */

#if defined(JUDGED_NESTED_INTEGER) && !defined(__cplusplus)
/* An int, or a list of ints and such lists, as LeetCode's C NestedInteger (a parameter type only). */
JUDGED_FN struct NestedInteger *judged_read_nested(judged_reader *r) {
    struct NestedInteger *nested = NestedIntegerInit();
    if (judged_peek(r) != '[') {
        NestedIntegerSetInteger(nested, judged_read_int(r));
        return nested;
    }
    size_t count;
    judged_array_begin(r, &count);
    while (judged_array_next(r, &count)) NestedIntegerAdd(nested, judged_read_nested(r));
    return nested;
}

JUDGED_FN void judged_read_nested_item(judged_reader *r, void *item) {
    *(struct NestedInteger **)item = judged_read_nested(r);
}
#endif /* JUDGED_NESTED_INTEGER, C */

#endif /* JUDGED_NODES_H */
