defmodule Solution do
  @spec group_by_letters(words :: [String.t]) :: [[String.t]]
  def group_by_letters(words) do
    words
    |> Enum.group_by(fn word -> word |> String.graphemes() |> Enum.uniq() |> Enum.sort() end)
    |> Map.values()
  end
end
