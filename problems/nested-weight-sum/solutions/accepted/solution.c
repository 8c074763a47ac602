/**
 * *********************************************************************
 * // This is the interface that allows for creating nested lists.
 * // You should not implement it, or speculate about its implementation
 * *********************************************************************
 *
 * bool NestedIntegerIsInteger(struct NestedInteger *);
 * int NestedIntegerGetInteger(struct NestedInteger *);
 * struct NestedInteger **NestedIntegerGetList(struct NestedInteger *);
 * int NestedIntegerGetListSize(struct NestedInteger *);
 */
static int weigh(struct NestedInteger** items, int size, int depth) {
    int total = 0;
    for (int i = 0; i < size; i++) {
        if (NestedIntegerIsInteger(items[i])) {
            total += NestedIntegerGetInteger(items[i]) * depth;
        } else {
            total += weigh(NestedIntegerGetList(items[i]), NestedIntegerGetListSize(items[i]), depth + 1);
        }
    }
    return total;
}

int depthSum(struct NestedInteger** nestedList, int nestedListSize) {
    return weigh(nestedList, nestedListSize, 1);
}
