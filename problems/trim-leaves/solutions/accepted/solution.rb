# Definition for a binary tree node.
# class TreeNode
#     attr_accessor :val, :left, :right
#     def initialize(val = 0, left = nil, right = nil)
#         @val = val
#         @left = left
#         @right = right
#     end
# end
# @param {TreeNode} root
# @param {Integer} rounds
# @return {TreeNode}
def trim_leaves(root, rounds)
    height = lambda do |node|
        return 0 if node.nil?
        left = height.call(node.left)
        right = height.call(node.right)
        node.left = nil if left <= rounds
        node.right = nil if right <= rounds
        1 + [left, right].max
    end
    height.call(root) > rounds ? root : nil
end
