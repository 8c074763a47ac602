-spec can_balance(N :: integer()) -> boolean().
can_balance(0) -> true;
can_balance(N) when N rem 3 =:= 2 -> false;
can_balance(N) -> can_balance(N div 3).
