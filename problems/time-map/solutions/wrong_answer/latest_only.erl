%% {Key, Timestamp} -> Value in an ETS ordered set: the value at or before a time is the entry just before
%% {Key, Timestamp + 1}, when it is the same key's.
-spec time_map_init_() -> any().
time_map_init_() ->
  ets:new(time_map, [named_table, ordered_set]).

-spec time_map_set(Key :: unicode:unicode_binary(), Value :: unicode:unicode_binary(), Timestamp :: integer()) -> any().
time_map_set(Key, Value, Timestamp) ->
  ets:insert(time_map, {{Key, Timestamp}, Value}).

-spec time_map_get(Key :: unicode:unicode_binary(), Timestamp :: integer()) -> unicode:unicode_binary().
time_map_get(Key, Timestamp) ->
  %% the key's latest value, whatever time is asked
  case ets:prev(time_map, {Key, 16#7FFFFFFFFFFFFFFF}) of
    {Key, _} = Found -> ets:lookup_element(time_map, Found, 2);
    _ -> <<"">>
  end.
