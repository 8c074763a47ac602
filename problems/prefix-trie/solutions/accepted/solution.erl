%% Every prefix of every word in an ETS table (named: it is made again for every test case), marked true
%% where a whole word ends.
-spec trie_init_() -> any().
trie_init_() ->
  ets:new(prefixes, [named_table, set]).

-spec trie_insert(Word :: unicode:unicode_binary()) -> any().
trie_insert(Word) ->
  [ets:insert_new(prefixes, {binary:part(Word, 0, Length), false}) || Length <- lists:seq(1, byte_size(Word))],
  ets:insert(prefixes, {Word, true}).

-spec trie_search(Word :: unicode:unicode_binary()) -> boolean().
trie_search(Word) ->
  ets:lookup(prefixes, Word) =:= [{Word, true}].

-spec trie_starts_with(Prefix :: unicode:unicode_binary()) -> boolean().
trie_starts_with(Prefix) ->
  ets:member(prefixes, Prefix).
