/**
 * // This is the interface that allows for creating nested lists.
 * // You should not implement it, or speculate about its implementation
 * interface NestedInteger {
 *     bool IsInteger();
 *     int GetInteger();
 *     IList<NestedInteger> GetList();
 * }
 */
public class Solution {
    public int DepthSum(IList<NestedInteger> nestedList) {
        return Weigh(nestedList, 1);
    }

    private int Weigh(IList<NestedInteger> items, int depth) {
        int total = 0;
        foreach (var item in items) {
            total += item.IsInteger() ? item.GetInteger() * depth : Weigh(item.GetList(), depth + 1);
        }
        return total;
    }
}
