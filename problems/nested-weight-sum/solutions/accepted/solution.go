/**
 * // This is the interface that allows for creating nested lists.
 * // You should not implement it, or speculate about its implementation
 * type NestedInteger struct {
 * }
 *
 * func (n NestedInteger) IsInteger() bool {}
 * func (n NestedInteger) GetInteger() int {}
 * func (n NestedInteger) GetList() []*NestedInteger {}
 */
func depthSum(nestedList []*NestedInteger) int {
    return weigh(nestedList, 1)
}

func weigh(items []*NestedInteger, depth int) int {
    total := 0
    for _, item := range items {
        if item.IsInteger() {
            total += item.GetInteger() * depth
        } else {
            total += weigh(item.GetList(), depth+1)
        }
    }
    return total
}
