from collections import deque

# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def levelSums(self, root: Optional[TreeNode]) -> List[int]:
        sums = []
        level = deque([root] if root else [])
        while level:
            sums.append(sum(node.val for node in level))
            for _ in range(len(level)):
                node = level.popleft()
                if node.left:
                    level.append(node.left)
                if node.right:
                    level.append(node.right)
        return sums
