defmodule HitCounter do
  # The hits in an Erlang queue held by an Agent, oldest first; those 300 seconds old leave when counted.
  @spec init_() :: any
  def init_() do
    Agent.start_link(fn -> :queue.new() end, name: __MODULE__)
  end

  @spec hit(timestamp :: integer) :: any
  def hit(timestamp) do
    Agent.update(__MODULE__, &:queue.in(timestamp, &1))
  end

  @spec get_hits(timestamp :: integer) :: integer
  def get_hits(timestamp) do
    Agent.get_and_update(__MODULE__, fn hits ->
      hits = drop_old(hits, timestamp - 300)
      {:queue.len(hits), hits}
    end)
  end

  defp drop_old(hits, oldest) do
    case :queue.peek(hits) do
      # keeps the hit 300 seconds old
      {:value, time} when time < oldest -> drop_old(:queue.drop(hits), oldest)
      _ -> hits
    end
  end
end
