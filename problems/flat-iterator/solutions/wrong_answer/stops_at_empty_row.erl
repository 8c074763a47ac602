%% The rows not yet read, in the process dictionary; empty rows are skipped when asked.
-spec vector2_d_init_(Vec :: [[integer()]]) -> any().
vector2_d_init_(Vec) ->
  put(rows, Vec).

-spec vector2_d_next() -> integer().
vector2_d_next() ->
  [[Value | Row] | Rows] = skip_empty(get(rows)),
  put(rows, [Row | Rows]),
  Value.

-spec vector2_d_has_next() -> boolean().
vector2_d_has_next() ->
  %% an empty row is taken for the end
  case get(rows) of
    [[_ | _] | _] -> true;
    [[], [_ | _] | _] -> true;
    _ -> false
  end.

skip_empty([[] | Rows]) -> skip_empty(Rows);
skip_empty(Rows) -> Rows.
