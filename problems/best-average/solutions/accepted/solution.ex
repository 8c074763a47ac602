defmodule Solution do
  @spec best_average(values :: [float], min_length :: integer) :: float
  def best_average(values, min_length) do
    {low, high} = Enum.min_max(values)
    Enum.reduce(1..60, {low, high}, fn _, {low, high} ->
      middle = (low + high) / 2
      if reachable?(values, min_length, middle), do: {middle, high}, else: {low, middle}
    end)
    |> elem(0)
  end

  # Whether some window of at least k values averages `middle` or more.
  defp reachable?(values, k, middle) do
    prefix = values |> Enum.scan(0.0, fn v, sum -> sum + v - middle end) |> then(&List.to_tuple([0.0 | &1]))
    n = length(values)
    Enum.reduce_while(k..n//1, :infinity, fn finish, lowest ->
      candidate = elem(prefix, finish - k)
      low = if lowest == :infinity, do: candidate, else: min(lowest, candidate)
      if elem(prefix, finish) - low >= 0, do: {:halt, true}, else: {:cont, low}
    end) == true
  end
end
