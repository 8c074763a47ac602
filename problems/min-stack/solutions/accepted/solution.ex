defmodule MinStack do
  # {value, minimum so far} pairs, top first, in an Agent.
  @spec init_() :: any
  def init_() do
    Agent.start_link(fn -> [] end, name: __MODULE__)
  end

  @spec push(val :: integer) :: any
  def push(val) do
    Agent.update(__MODULE__, fn
      [] -> [{val, val}]
      [{_, min} | _] = stack -> [{val, min(val, min)} | stack]
    end)
  end

  @spec pop() :: any
  def pop() do
    Agent.update(__MODULE__, &tl/1)
  end

  @spec top() :: integer
  def top() do
    Agent.get(__MODULE__, fn [{val, _} | _] -> val end)
  end

  @spec get_min() :: integer
  def get_min() do
    Agent.get(__MODULE__, fn [{_, min} | _] -> min end)
  end
end
