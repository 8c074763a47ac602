/**
 * // This is the interface that allows for creating nested lists.
 * // You should not implement it, or speculate about its implementation
 * public interface NestedInteger {
 *     public boolean isInteger();
 *     public Integer getInteger();
 *     public List<NestedInteger> getList();
 * }
 */
class Solution {
    public int depthSum(List<NestedInteger> nestedList) {
        return weigh(nestedList, 1);
    }

    private int weigh(List<NestedInteger> items, int depth) {
        int total = 0;
        for (NestedInteger item : items) {
            total += item.isInteger() ? item.getInteger() * depth : weigh(item.getList(), depth + 1);
        }
        return total;
    }
}
