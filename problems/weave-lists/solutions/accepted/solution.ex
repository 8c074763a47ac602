# Definition for singly-linked list.
#
# defmodule ListNode do
#   @type t :: %__MODULE__{
#           val: integer,
#           next: ListNode.t() | nil
#         }
#   defstruct val: 0, next: nil
# end

defmodule Solution do
  @spec weave_lists(first :: ListNode.t | nil, second :: ListNode.t | nil) :: ListNode.t | nil
  def weave_lists(first, second) do
    weave(values(first), values(second))
    |> Enum.reverse()
    |> Enum.reduce(nil, fn val, next -> %ListNode{val: val, next: next} end)
  end

  defp values(nil), do: []
  defp values(%ListNode{val: val, next: next}), do: [val | values(next)]

  defp weave([], rest), do: rest
  defp weave(rest, []), do: rest
  defp weave([a | as], [b | bs]), do: [a, b | weave(as, bs)]
end
