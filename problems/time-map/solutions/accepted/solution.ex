defmodule TimeMap do
  # Each key's values as {count, %{index => {timestamp, value}}} (timestamps only grow), in an Agent; a get is
  # a binary search, in the Agent, for the last timestamp at or before the one asked.
  @spec init_() :: any
  def init_() do
    Agent.start_link(fn -> %{} end, name: __MODULE__)
  end

  @spec set(key :: String.t, value :: String.t, timestamp :: integer) :: any
  def set(key, value, timestamp) do
    Agent.update(__MODULE__, fn keys ->
      {count, entries} = Map.get(keys, key, {0, %{}})
      Map.put(keys, key, {count + 1, Map.put(entries, count, {timestamp, value})})
    end)
  end

  @spec get(key :: String.t, timestamp :: integer) :: String.t
  def get(key, timestamp) do
    Agent.get(__MODULE__, fn keys ->
      {count, entries} = Map.get(keys, key, {0, %{}})
      search(entries, timestamp, 0, count - 1, "")
    end)
  end

  defp search(_, _, low, high, found) when low > high, do: found

  defp search(entries, timestamp, low, high, found) do
    middle = div(low + high, 2)
    {time, value} = entries[middle]

    if time <= timestamp,
      do: search(entries, timestamp, middle + 1, high, value),
      else: search(entries, timestamp, low, middle - 1, found)
  end
end
