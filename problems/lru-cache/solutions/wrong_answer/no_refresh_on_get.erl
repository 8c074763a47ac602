-spec lru_cache_init_(Capacity :: integer()) -> any().
lru_cache_init_(Capacity) ->
  put(cap, Capacity), put(cache, #{}), put(order, gb_trees:empty()), put(tick, 0).

-spec lru_cache_get(Key :: integer()) -> integer().
lru_cache_get(Key) ->
  case maps:find(Key, get(cache)) of
    {ok, {V, _}} -> V; % a get does not count as a use
    error -> -1
  end.

-spec lru_cache_put(Key :: integer(), Value :: integer()) -> any().
lru_cache_put(Key, Value) ->
  case maps:find(Key, get(cache)) of
    {ok, {_, T}} -> touch(Key, Value, T);
    error ->
      case map_size(get(cache)) >= get(cap) of
        true -> {_, Old, O2} = gb_trees:take_smallest(get(order)), put(order, O2), put(cache, maps:remove(Old, get(cache)));
        false -> ok
      end,
      Tick = get(tick) + 1, put(tick, Tick),
      put(order, gb_trees:insert(Tick, Key, get(order))),
      put(cache, maps:put(Key, {Value, Tick}, get(cache)))
  end.

touch(Key, V, T) ->
  Tick = get(tick) + 1, put(tick, Tick),
  put(order, gb_trees:insert(Tick, Key, gb_trees:delete(T, get(order)))),
  put(cache, maps:put(Key, {V, Tick}, get(cache))).
