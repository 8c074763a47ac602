defmodule Vector2D do
  # The rows not yet read, in the process dictionary.
  @spec init_(vec :: [[integer]]) :: any
  def init_(vec) do
    Process.put(:rows, vec)
  end

  @spec next() :: integer
  def next() do
    [[value | row] | rows] = skip_empty(Process.get(:rows))
    Process.put(:rows, [row | rows])
    value
  end

  @spec has_next() :: boolean
  def has_next() do
    rows = skip_empty(Process.get(:rows))
    Process.put(:rows, rows)
    rows != []
  end

  defp skip_empty([[] | rows]), do: skip_empty(rows)
  defp skip_empty(rows), do: rows
end
