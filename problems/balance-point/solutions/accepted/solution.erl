-spec balance_point(Weights :: [integer()]) -> integer().
balance_point(Weights) ->
  walk(Weights, 0, lists:sum(Weights), 0).

walk([], _Left, _Right, _Index) -> -1;
walk([W | Rest], Left, Right, Index) ->
  case Left =:= Right - W of
    true -> Index;
    false -> walk(Rest, Left + W, Right - W, Index + 1)
  end.
