defmodule Solution do
  @spec can_balance(n :: integer) :: boolean
  def can_balance(0), do: true
  def can_balance(n) when rem(n, 3) == 2, do: false
  def can_balance(n), do: can_balance(div(n, 3))
end
