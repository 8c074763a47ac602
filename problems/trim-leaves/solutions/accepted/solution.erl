%% Definition for a binary tree node.
%%
%% -record(tree_node, {val = 0 :: integer(),
%%                     left = null  :: 'null' | #tree_node{},
%%                     right = null :: 'null' | #tree_node{}}).

-spec trim_leaves(Root :: #tree_node{} | null, Rounds :: integer()) -> #tree_node{} | null.
trim_leaves(Root, Rounds) ->
  {Height, Trimmed} = trim(Root, Rounds),
  case Height > Rounds of
    true -> Trimmed;
    false -> null
  end.

%% The node's height and the node with every child of height at most Rounds removed.
trim(null, _Rounds) -> {0, null};
trim(#tree_node{left = Left, right = Right} = Node, Rounds) ->
  {LeftHeight, L} = trim(Left, Rounds),
  {RightHeight, R} = trim(Right, Rounds),
  Keep = fun(Height, Child) -> case Height =< Rounds of true -> null; false -> Child end end,
  {1 + max(LeftHeight, RightHeight), Node#tree_node{left = Keep(LeftHeight, L), right = Keep(RightHeight, R)}}.
