defmodule Solution do
  @spec balance_point(weights :: [integer]) :: integer
  def balance_point(weights) do
    walk(weights, 0, Enum.sum(weights), 0)
  end

  defp walk([], _left, _right, _index), do: -1
  defp walk([w | rest], left, right, index) do
    if left == right - w, do: index, else: walk(rest, left + w, right - w, index + 1)
  end
end
