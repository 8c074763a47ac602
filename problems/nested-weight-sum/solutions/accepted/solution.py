# """
# This is the interface that allows for creating nested lists.
# You should not implement it, or speculate about its implementation
# """
#class NestedInteger:
#    def isInteger(self):
#    def getInteger(self):
#    def getList(self):

class Solution:
    def depthSum(self, nestedList: List[NestedInteger]) -> int:
        def weigh(items: List[NestedInteger], depth: int) -> int:
            total = 0
            for item in items:
                if item.isInteger():
                    total += item.getInteger() * depth
                else:
                    total += weigh(item.getList(), depth + 1)
            return total

        return weigh(nestedList, 1)
