-spec heaviest_window(Rain :: [integer()], K :: integer()) -> integer().
heaviest_window(Rain, K) ->
  {First, _} = lists:split(K, Rain),
  Window = lists:sum(First),
  slide(Rain, lists:nthtail(K, Rain), Window, Window).

slide(_Out, [], _Window, Best) -> Best;
slide([Old | Out], [New | In], Window, Best) ->
  Next = Window + New - Old,
  slide(Out, In, Next, max(Best, Next)).
