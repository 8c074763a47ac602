%% Definition for a binary tree node.
%%
%% -record(tree_node, {val = 0 :: integer(),
%%                     left = null  :: 'null' | #tree_node{},
%%                     right = null :: 'null' | #tree_node{}}).

-spec level_sums(Root :: #tree_node{} | null) -> [integer()].
level_sums(null) -> [];
level_sums(Root) -> levels([Root]).

levels([]) -> [];
levels(Level) ->
  Sum = lists:sum([Node#tree_node.val || Node <- Level]),
  Next = [Child || Node <- Level, Child <- [Node#tree_node.left, Node#tree_node.right], Child =/= null],
  [Sum | levels(Next)].
