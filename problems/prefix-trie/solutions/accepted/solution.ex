defmodule Trie do
  # A trie of nested maps in an Agent registered under the module's name.
  @spec init_() :: any
  def init_() do
    {:ok, _} = Agent.start_link(fn -> %{} end, name: __MODULE__)
  end

  @spec insert(word :: String.t) :: any
  def insert(word) do
    Agent.update(__MODULE__, &put_word(&1, String.to_charlist(word)))
  end

  @spec search(word :: String.t) :: boolean
  def search(word) do
    match?(%{end: true}, find(word))
  end

  @spec starts_with(prefix :: String.t) :: boolean
  def starts_with(prefix) do
    find(prefix) != nil
  end

  defp put_word(node, []), do: Map.put(node, :end, true)
  defp put_word(node, [letter | rest]), do: Map.put(node, letter, put_word(Map.get(node, letter, %{}), rest))

  defp find(text) do
    Agent.get(__MODULE__, fn root ->
      Enum.reduce_while(String.to_charlist(text), root, fn letter, node ->
        case node do
          %{^letter => child} -> {:cont, child}
          _ -> {:halt, nil}
        end
      end)
    end)
  end
end
