-spec largest_plateau(Heights :: [[integer()]]) -> integer().
largest_plateau([]) -> 0;
largest_plateau(Heights) ->
  Cols = length(hd(Heights)),
  Grid = list_to_tuple(lists:append(Heights)),
  explore(0, tuple_size(Grid), Cols, Grid, #{}, 0).

%% Cell I (row I div Cols, column I rem Cols) starts a region unless a flood has reached it.
explore(I, N, _Cols, _Grid, _Seen, Best) when I >= N -> Best;
explore(I, N, Cols, Grid, Seen, Best) ->
  case maps:is_key(I, Seen) of
    true -> explore(I + 1, N, Cols, Grid, Seen, Best);
    false ->
      {Size, Seen1} = flood([I], element(I + 1, Grid), Cols, Grid, Seen#{I => true}, 0),
      explore(I + 1, N, Cols, Grid, Seen1, max(Best, Size))
  end.

flood([], _Height, _Cols, _Grid, Seen, Size) -> {Size, Seen};
flood([I | Stack], Height, Cols, Grid, Seen, Size) ->
  Same = fun(J, {St, Se}) ->
    case element(J + 1, Grid) =:= Height andalso not maps:is_key(J, Se) of
      true -> {[J | St], Se#{J => true}};
      false -> {St, Se}
    end
  end,
  {Stack1, Seen1} = lists:foldl(Same, {Stack, Seen}, neighbours(I, Cols, tuple_size(Grid))),
  flood(Stack1, Height, Cols, Grid, Seen1, Size + 1).

neighbours(I, Cols, N) ->
  C = I rem Cols,
  [J || {J, Inside} <- [{I + Cols, I + Cols < N}, {I - Cols, I >= Cols}, {I + 1, C + 1 < Cols}, {I - 1, C > 0}], Inside].
