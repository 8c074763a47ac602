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
  @spec level_sums(root :: TreeNode.t | nil) :: [integer]
  def level_sums(nil), do: []
  def level_sums(root), do: levels([root])

  defp levels([]), do: []

  defp levels(level) do
    sum = level |> Enum.map(& &1.val) |> Enum.sum()
    next = for %TreeNode{left: l, right: r} <- level, child <- [l, r], child != nil, do: child
    [sum | levels(next)]
  end
end
