defmodule Solution do
  @spec largest_plateau(heights :: [[integer]]) :: integer
  def largest_plateau([]), do: 0

  def largest_plateau([first | _] = heights) do
    cols = length(first)
    grid = heights |> Enum.concat() |> List.to_tuple()
    explore(0, cols, grid, %{}, 0)
  end

  # Cell i (row div(i, cols), column rem(i, cols)) starts a region unless a flood has reached it.
  defp explore(i, _cols, grid, _seen, best) when i >= tuple_size(grid), do: best

  defp explore(i, cols, grid, seen, best) do
    if Map.has_key?(seen, i) do
      explore(i + 1, cols, grid, seen, best)
    else
      {size, seen} = flood([i], elem(grid, i), cols, grid, Map.put(seen, i, true), 0)
      explore(i + 1, cols, grid, seen, max(best, size))
    end
  end

  defp flood([], _height, _cols, _grid, seen, size), do: {size, seen}

  defp flood([i | stack], height, cols, grid, seen, size) do
    {stack, seen} =
      i
      |> neighbours(cols, tuple_size(grid))
      |> Enum.reduce({stack, seen}, fn j, {st, se} ->
        if elem(grid, j) == height and not Map.has_key?(se, j),
          do: {[j | st], Map.put(se, j, true)},
          else: {st, se}
      end)

    flood(stack, height, cols, grid, seen, size + 1)
  end

  defp neighbours(i, cols, n) do
    c = rem(i, cols)
    for {j, inside} <- [{i + cols, i + cols < n}, {i - cols, i >= cols}, {i + 1, c + 1 < cols}, {i - 1, c > 0}],
        inside,
        do: j
  end
end
