-spec loudest_letter(Message :: unicode:unicode_binary()) -> char().
loudest_letter(Message) ->
  Letters = [C || C <- string:lowercase(binary_to_list(Message)), C >= $a, C =< $z],
  Counts = lists:foldl(fun(C, Map) -> maps:update_with(C, fun(N) -> N + 1 end, 1, Map) end, #{}, Letters),
  case lists:sort([{-N, C} || {C, N} <- maps:to_list(Counts)]) of
    [] -> $?;
    [{_, C} | _] -> C
  end.
