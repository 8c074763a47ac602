defmodule Solution do
  @spec loudest_letter(message :: String.t) :: char
  def loudest_letter(message) do
    counts =
      message
      |> String.downcase()
      |> String.to_charlist()
      |> Enum.filter(&(&1 in ?a..?z))
      |> Enum.frequencies()

    case Enum.sort_by(counts, fn {letter, count} -> {-count, letter} end) do
      [] -> ??
      [{letter, _} | _] -> letter
    end
  end
end
