-spec group_by_letters(Words :: [unicode:unicode_binary()]) -> [[unicode:unicode_binary()]].
group_by_letters(Words) ->
  {Order, Groups} = lists:foldl(
    fun(Word, {Order, Groups}) ->
      Key = lists:usort(binary_to_list(Word)),
      case maps:find(Key, Groups) of
        {ok, Group} -> {Order, Groups#{Key => [Word | Group]}};
        error -> {[Key | Order], Groups#{Key => [Word]}}
      end
    end, {[], #{}}, Words),
  [lists:reverse(maps:get(Key, Groups)) || Key <- lists:reverse(Order)].
