defmodule Solution do
  @spec largest_plateau(heights :: [[integer]]) :: integer
  def largest_plateau(heights) do
    grid =
      for {row, r} <- Enum.with_index(heights), {h, c} <- Enum.with_index(row), into: %{}, do: {{r, c}, h}

    grid
    |> Map.keys()
    |> Enum.sort()
    |> Enum.reduce({0, MapSet.new()}, fn cell, {best, seen} ->
      if MapSet.member?(seen, cell) do
        {best, seen}
      else
        {size, seen} = flood([cell], grid[cell], grid, MapSet.put(seen, cell), 0)
        {max(best, size), seen}
      end
    end)
    |> elem(0)
  end

  defp flood([], _height, _grid, seen, size), do: {size, seen}

  defp flood([{r, c} | stack], height, grid, seen, size) do
    next =
      for n <- [{r + 1, c}, {r - 1, c}, {r, c + 1}, {r, c - 1}],
          Map.get(grid, n) == height,
          not MapSet.member?(seen, n),
          do: n

    flood(next ++ stack, height, grid, Enum.into(next, seen), size + 1)
  end
end
