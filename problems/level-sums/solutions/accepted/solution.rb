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
# @return {Integer[]}
def level_sums(root)
    sums = []
    level = root ? [root] : []
    until level.empty?
        sums << level.sum(&:val)
        level = level.flat_map { |node| [node.left, node.right] }.compact
    end
    sums
end
