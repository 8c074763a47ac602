%% Definition for singly-linked list.
%%
%% -record(list_node, {val = 0 :: integer(),
%%                     next = null :: 'null' | #list_node{}}).

-spec weave_lists(First :: #list_node{} | null, Second :: #list_node{} | null) -> #list_node{} | null.
weave_lists(First, Second) ->
  build(lists:reverse(weave(values(First), values(Second)))).

values(null) -> [];
values(#list_node{val = Val, next = Next}) -> [Val | values(Next)].

weave([], Rest) -> Rest;
weave(Rest, []) -> Rest;
weave([A | As], [B | Bs]) -> [A, B | weave(As, Bs)].

build(Reversed) -> lists:foldl(fun(Val, Next) -> #list_node{val = Val, next = Next} end, null, Reversed).
