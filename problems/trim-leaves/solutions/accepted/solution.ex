# Definition for a binary tree node.
#
# defmodule TreeNode do
#   @type t :: %__MODULE__{
#           val: integer,
#           left: TreeNode.t() | nil,
#           right: TreeNode.t() | nil
#         }
#   defstruct val: 0, left: nil, right: nil
# end

defmodule Solution do
  @spec trim_leaves(root :: TreeNode.t | nil, rounds :: integer) :: TreeNode.t | nil
  def trim_leaves(root, rounds) do
    {height, trimmed} = trim(root, rounds)
    if height > rounds, do: trimmed, else: nil
  end

  # The node's height, and the node with every child of height at most `rounds` removed.
  defp trim(nil, _rounds), do: {0, nil}

  defp trim(%TreeNode{left: left, right: right} = node, rounds) do
    {lh, l} = trim(left, rounds)
    {rh, r} = trim(right, rounds)
    keep = fn height, child -> if height <= rounds, do: nil, else: child end
    {1 + max(lh, rh), %TreeNode{node | left: keep.(lh, l), right: keep.(rh, r)}}
  end
end
