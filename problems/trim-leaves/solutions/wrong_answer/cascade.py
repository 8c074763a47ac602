class Solution:
    def trimLeaves(self, root: Optional[TreeNode], rounds: int) -> Optional[TreeNode]:
        # Cuts leaves children-first, so a node that becomes a leaf is cut in the same round:
        # one "round" removes the whole tree.
        def cut(node: Optional[TreeNode]) -> Optional[TreeNode]:
            if not node:
                return None
            node.left = cut(node.left)
            node.right = cut(node.right)
            if not node.left and not node.right:
                return None
            return node

        for _ in range(rounds):
            root = cut(root)
        return root
