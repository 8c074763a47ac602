defmodule Solution do
  @spec rotate_grid(grid :: [[integer]]) :: [[integer]]
  def rotate_grid([]), do: []

  def rotate_grid(grid) do
    grid |> Enum.zip_with(& &1) |> Enum.map(&Enum.reverse/1)
  end
end
