defmodule Solution do
  @spec heaviest_window(rain :: [integer], k :: integer) :: integer
  def heaviest_window(rain, k) do
    window = rain |> Enum.take(k) |> Enum.sum()
    slide(rain, Enum.drop(rain, k), window, window)
  end

  defp slide(_out, [], _window, best), do: best

  defp slide([old | out], [new | rest], window, best) do
    window = window + new - old
    slide(out, rest, window, max(best, window))
  end
end
