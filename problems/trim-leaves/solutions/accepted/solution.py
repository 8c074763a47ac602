# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def trimLeaves(self, root: Optional[TreeNode], rounds: int) -> Optional[TreeNode]:
        # A node survives `rounds` rounds exactly when its height (a leaf is 1) is above `rounds`.
        def height(node: Optional[TreeNode]) -> int:
            if not node:
                return 0
            left, right = height(node.left), height(node.right)
            if left <= rounds:
                node.left = None
            if right <= rounds:
                node.right = None
            return 1 + max(left, right)

        return root if height(root) > rounds else None
