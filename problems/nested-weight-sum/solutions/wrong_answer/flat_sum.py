class Solution:
    def depthSum(self, nestedList: List[NestedInteger]) -> int:
        """Sums the integers without their depth."""
        total = 0
        stack = list(nestedList)
        while stack:
            item = stack.pop()
            if item.isInteger():
                total += item.getInteger()
            else:
                stack.extend(item.getList())
        return total
