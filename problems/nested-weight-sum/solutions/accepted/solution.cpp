/**
 * // This is the interface that allows for creating nested lists.
 * // You should not implement it, or speculate about its implementation
 * class NestedInteger {
 *   public:
 *     bool isInteger() const;
 *     int getInteger() const;
 *     const vector<NestedInteger> &getList() const;
 * };
 */
class Solution {
public:
    int depthSum(vector<NestedInteger>& nestedList) {
        return weigh(nestedList, 1);
    }

private:
    int weigh(const vector<NestedInteger>& items, int depth) {
        int total = 0;
        for (const NestedInteger& item : items) {
            total += item.isInteger() ? item.getInteger() * depth : weigh(item.getList(), depth + 1);
        }
        return total;
    }
};
