-spec largest_plateau(Heights :: [[integer()]]) -> integer().
largest_plateau(Heights) ->
  Grid = maps:from_list([{{R, C}, H} || {R, Row} <- lists:enumerate(Heights), {C, H} <- lists:enumerate(Row)]),
  {Best, _} = lists:foldl(
    fun(Cell, {Best, Seen}) ->
      case maps:is_key(Cell, Seen) of
        true -> {Best, Seen};
        false ->
          {Size, Seen1} = flood([Cell], maps:get(Cell, Grid), Grid, Seen#{Cell => true}, 0),
          {max(Best, Size), Seen1}
      end
    end, {0, #{}}, lists:sort(maps:keys(Grid))),
  Best.

flood([], _Height, _Grid, Seen, Size) -> {Size, Seen};
flood([{R, C} | Stack], Height, Grid, Seen, Size) ->
  Next = [N || N <- [{R + 1, C}, {R - 1, C}, {R, C + 1}, {R, C - 1}],
               maps:get(N, Grid, none) =:= Height, not maps:is_key(N, Seen)],
  Seen1 = lists:foldl(fun(N, S) -> S#{N => true} end, Seen, Next),
  flood(Next ++ Stack, Height, Grid, Seen1, Size + 1).
