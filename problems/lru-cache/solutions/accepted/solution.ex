defmodule LRUCache do
  # The state lives in an Agent: the values by key with their last use, and the keys by last use (oldest first).
  @spec init_(capacity :: integer) :: any
  def init_(capacity) do
    Agent.start_link(fn -> {capacity, %{}, :gb_trees.empty(), 0} end, name: __MODULE__)
  end

  @spec get(key :: integer) :: integer
  def get(key) do
    Agent.get_and_update(__MODULE__, fn {capacity, items, uses, clock} = state ->
      case items do
        %{^key => {value, used}} ->
          uses = :gb_trees.insert(clock, key, :gb_trees.delete(used, uses))
          {value, {capacity, Map.put(items, key, {value, clock}), uses, clock + 1}}

        _ ->
          {-1, state}
      end
    end)
  end

  @spec put(key :: integer, value :: integer) :: any
  def put(key, value) do
    Agent.update(__MODULE__, fn {capacity, items, uses, clock} ->
      {items, uses} =
        case items do
          %{^key => {_, used}} -> {items, :gb_trees.delete(used, uses)}
          _ when map_size(items) == capacity ->
            {_, oldest, uses} = :gb_trees.take_smallest(uses)
            {Map.delete(items, oldest), uses}
          _ -> {items, uses}
        end

      {capacity, Map.put(items, key, {value, clock}), :gb_trees.insert(clock, key, uses), clock + 1}
    end)
  end
end
