-spec best_average(Values :: [float()], MinLength :: integer()) -> float().
best_average(Values, MinLength) ->
  search(Values, MinLength, lists:min(Values), lists:max(Values), 60).

search(_Values, _K, Low, _High, 0) -> Low;
search(Values, K, Low, High, Rounds) ->
  Middle = (Low + High) / 2,
  case reachable(Values, K, Middle) of
    true -> search(Values, K, Middle, High, Rounds - 1);
    false -> search(Values, K, Low, Middle, Rounds - 1)
  end.

%% Whether some window of at least K values averages Middle or more.
reachable(Values, K, Middle) ->
  Prefix = list_to_tuple(lists:reverse(lists:foldl(fun(V, [S | _] = Acc) -> [S + V - Middle | Acc] end, [0.0], Values))),
  N = length(Values),
  reach(Prefix, K, N, K, infinity).

reach(_Prefix, _K, N, Finish, _Lowest) when Finish > N -> false;
reach(Prefix, K, N, Finish, Lowest) ->
  Candidate = element(Finish - K + 1, Prefix),
  Low = case Lowest of infinity -> Candidate; _ -> min(Lowest, Candidate) end,
  case element(Finish + 1, Prefix) - Low >= 0 of
    true -> true;
    false -> reach(Prefix, K, N, Finish + 1, Low)
  end.
