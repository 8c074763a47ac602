%% The stack in the process dictionary: {value, minimum so far} pairs, top first.
-spec min_stack_init_() -> any().
min_stack_init_() ->
  put(stack, []).

-spec min_stack_push(Val :: integer()) -> any().
min_stack_push(Val) ->
  case get(stack) of
    [] -> put(stack, [{Val, Val}]);
    [{_, Min} | _] = Stack -> put(stack, [{Val, min(Val, Min)} | Stack])
  end.

-spec min_stack_pop() -> any().
min_stack_pop() ->
  put(stack, tl(get(stack))).

-spec min_stack_top() -> integer().
min_stack_top() ->
  {Val, _} = hd(get(stack)),
  Val.

-spec min_stack_get_min() -> integer().
min_stack_get_min() ->
  {_, Min} = hd(get(stack)),
  Min.
