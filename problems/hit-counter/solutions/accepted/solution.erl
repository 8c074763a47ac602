%% The hits in a queue in the process dictionary, oldest first; those 300 seconds old leave when counted.
-spec hit_counter_init_() -> any().
hit_counter_init_() ->
  put(hits, queue:new()).

-spec hit_counter_hit(Timestamp :: integer()) -> any().
hit_counter_hit(Timestamp) ->
  put(hits, queue:in(Timestamp, get(hits))).

-spec hit_counter_get_hits(Timestamp :: integer()) -> integer().
hit_counter_get_hits(Timestamp) ->
  Hits = drop_old(get(hits), Timestamp - 300),
  put(hits, Hits),
  queue:len(Hits).

drop_old(Hits, Oldest) ->
  case queue:peek(Hits) of
    {value, Time} when Time =< Oldest -> drop_old(queue:drop(Hits), Oldest);
    _ -> Hits
  end.
