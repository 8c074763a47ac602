"""Erlang solutions to the conformance cases, in LeetCode's form (a `-spec` and functions, no -module line).

BEAM floats have no infinity or NaN (arithmetic past them raises), so the non-finite cases are not Erlang's;
void signatures and the graph Node are refused (`lang_erlang.refuses`), so their cases are not either.
"""

from __future__ import annotations

from hypothesis import strategies as st

from judged.harness.types import Base, Type
from judged.harness.values import LONG_MAX, LONG_MIN
from tests.harness import strategies
from tests.harness.conformance import Outcome, Solution

EXAMPLES = 3

TWO_SUM = """\
-spec two_sum(Nums :: [integer()], Target :: integer()) -> [integer()].
two_sum(Nums, Target) ->
  go(#{}, 0, Nums, Target).

go(_Seen, _I, [], Target) -> erlang:error({no_pair, Target});
go(Seen, I, [N | Rest], Target) ->
  case maps:find(Target - N, Seen) of
    {ok, J} -> [J, I];
    error -> go(maps:put(N, I, Seen), I + 1, Rest, Target)
  end.
"""
TWO_SUM_OR_NONE = TWO_SUM.replace("erlang:error({no_pair, Target})", "[]")
LIST_RECORD = """\
%% Definition for singly-linked list.
%%
%% -record(list_node, {val = 0 :: integer(),
%%                     next = null :: 'null' | #list_node{}}).
"""


def identity(type_: Type) -> str:
    return "identity(X) -> X."


def values_of(type_: Type) -> st.SearchStrategy[object]:
    """`values_of`, without the doubles the BEAM has no float for (infinities, NaN)."""
    if type_.base is not Base.DOUBLE:
        return strategies.values_of(type_)
    strategy: st.SearchStrategy[object] = st.floats(allow_nan=False, allow_infinity=False)
    for _ in range(type_.depth):
        strategy = st.lists(strategy, max_size=strategies.MAX_ITEMS)
    return strategy


def _files_are_the_harness_and_the_users_code(outcome: Outcome) -> None:
    assert set(outcome.files) == {"judged_main.erl", "solution.erl"}
    assert outcome.files["solution.erl"] == "-module(solution). " + TWO_SUM_OR_NONE
    assert outcome.files["judged_main.erl"].endswith(
        "signature() -> {erlang, 'solution', 'two_sum', [{int, 1}, {int, 0}], {int, 1}}.\n"
    )


def _prints_stay_on_stdout(outcome: Outcome) -> None:
    assert outcome.stdout == '{"v": "stdout", "t": 0}\n{"v": "stdout", "t": 0}\n'
    assert outcome.stderr == "to stderr\nto stderr\n"


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": Solution(TWO_SUM_OR_NONE, expect={"check": _files_are_the_harness_and_the_users_code}),
    "no-tests-no-results": TWO_SUM,
    "two-sum-raises": Solution(
        TWO_SUM,
        expect={"error": "exception error: {no_pair,4}", "stderr_has": ("solution:go/4 (solution.erl:5)",)},
    ),
    "describe-scalars": Solution(
        """\
-spec describe(Word :: unicode:unicode_binary(), Letter :: char(), Flag :: boolean(), Ratio :: float(),
               Big :: integer()) -> unicode:unicode_binary().
describe(Word, Letter, Flag, Ratio, Big) ->
  unicode:characters_to_binary(io_lib:format("~ts ~tc ~p ~p ~p", [Word, Letter, Flag, Ratio, Big])).
""",
        tests=(["héllo", "é", True, 0.5, 2**62], ["", "\u4e2d", False, -1.0, -1]),
        expect={"values": ["héllo é true 0.5 4611686018427387904", " \u4e2d false -1.0 -1"]},
    ),
    "reverse-list": LIST_RECORD
    + """
-spec reverse_list(Head :: #list_node{} | null) -> #list_node{} | null.
reverse_list(Head) -> reverse(Head, null).

reverse(null, Done) -> Done;
reverse(#list_node{val = Val, next = Next}, Done) -> reverse(Next, #list_node{val = Val, next = Done}).
""",
    "remove-list-elements": """\
-spec remove_elements(Head :: #list_node{} | null, Val :: integer()) -> #list_node{} | null.
remove_elements(null, _) -> null;
remove_elements(#list_node{val = Val, next = Next}, Val) -> remove_elements(Next, Val);
remove_elements(#list_node{next = Next} = Node, Val) -> Node#list_node{next = remove_elements(Next, Val)}.
""",
    "invert-tree": """\
-spec invert_tree(Root :: #tree_node{} | null) -> #tree_node{} | null.
invert_tree(null) -> null;
invert_tree(#tree_node{left = L, right = R} = Node) -> Node#tree_node{left = invert_tree(R), right = invert_tree(L)}.
""",
    "tree-from-array": """\
-spec sorted_array_to_bst(Nums :: [integer()]) -> #tree_node{} | null.
sorted_array_to_bst(Nums) -> build(list_to_tuple(Nums), 1, length(Nums)).

build(_, Lo, Hi) when Lo > Hi -> null;
build(T, Lo, Hi) ->
  Mid = (Lo + Hi) div 2,
  #tree_node{val = element(Mid, T), left = build(T, Lo, Mid - 1), right = build(T, Mid + 1, Hi)}.
""",
    "tree-depth": """\
-spec max_depth(Root :: #tree_node{} | null) -> integer().
max_depth(null) -> 0;
max_depth(#tree_node{left = L, right = R}) -> 1 + max(max_depth(L), max_depth(R)).
""",
    "deep-tree": """\
-spec max_depth(Root :: #tree_node{} | null) -> integer().
max_depth(null) -> 0;
max_depth(#tree_node{left = L, right = R}) -> 1 + max(max_depth(L), max_depth(R)).
""",
    "level-order": """\
-spec level_order(Root :: #tree_node{} | null) -> [[integer()]].
level_order(null) -> [];
level_order(Root) -> levels([Root]).

levels([]) -> [];
levels(Level) ->
  [[N#tree_node.val || N <- Level] | levels([C || N <- Level, C <- [N#tree_node.left, N#tree_node.right], C =/= null])].
""",
    "transpose-matrix": """\
-spec transpose(Matrix :: [[integer()]]) -> [[integer()]].
transpose([]) -> [];
transpose([[] | _]) -> [];
transpose(Rows) -> [[H || [H | _] <- Rows] | transpose([T || [_ | T] <- Rows])].
""",
    "ragged-rows": """\
-spec generate(NumRows :: integer()) -> [[integer()]].
generate(NumRows) -> lists:sublist(rows([1], NumRows), NumRows).

rows(_, 0) -> [];
rows(Row, N) -> [Row | rows(lists:zipwith(fun erlang:'+'/2, [0 | Row], Row ++ [0]), N - 1)].
""",
    "strings-and-a-char": """\
-spec shout(Words :: [unicode:unicode_binary()], Mark :: char()) -> [unicode:unicode_binary()].
shout(Words, Mark) -> [<<(string:uppercase(W))/binary, Mark/utf8>> || W <- Words].
""",
    "twice-long": "-spec twice(X :: integer()) -> integer().\ntwice(X) -> X * 2.\n",
    "twice-int": "-spec twice(X :: integer()) -> integer().\ntwice(X) -> X * 2.\n",
    "twice-bool": "-spec twice(X :: boolean()) -> boolean().\ntwice(X) -> not X.\n",
    "twice-char": "-spec twice(X :: char()) -> char().\ntwice(X) -> X + 1.\n",
    "twice-double": Solution(
        "-spec twice(X :: float()) -> float().\ntwice(X) -> X * 2.\n",
        tests=([0.05], [3], [-0.0]),
        expect={"values": [0.1, 6.0, -0.0]},
    ),
    "cpu-time-of-the-call": """\
-spec spin(Seconds :: float()) -> boolean().
spin(Seconds) ->
  {Start, _} = statistics(runtime),
  spin(Start, Seconds * 1000).

spin(Start, Millis) ->
  {Now, _} = statistics(runtime),
  Now - Start >= Millis orelse spin(Start, Millis).
""",
    "wrong-type-int": Solution(
        """\
-spec f(X :: integer()) -> integer().
f(X) -> lists:nth(X + 1, [X, true, null, <<"5">>, 5.0, 16#7FFFFFFFFFFFFFFF, -16#8000000000000000,
                          16#8000000000000000, -16#8000000000000001, 1 bsl 5000]).
""",
        expect={"values": [0, None, None, None, None, LONG_MAX, LONG_MIN, None, None, None]},
    ),
    "wrong-type-bool-array": """\
-spec g(X :: integer()) -> [boolean()].
g(X) -> lists:nth(X + 1, [[true, true], [1], [true | false], null]).
""",
    "wrong-type-int-array": """\
-spec g(X :: integer()) -> [integer()].
g(X) -> lists:nth(X + 1, [<<"ab">>, [1, 2], [1, 2.0]]).
""",
    "wrong-type-list-node": "-spec g(X :: integer()) -> #list_node{} | null.\ng(_) -> {list_node, 1}.\n",
    "longs-exact": "-spec f(X :: integer()) -> integer().\nf(X) -> X.\n",
    "a-million-numbers": "-spec total(Nums :: [integer()]) -> integer().\ntotal(Nums) -> lists:sum(Nums).\n",
    "deep-list": """\
-spec walk(Head :: #list_node{} | null) -> #list_node{} | null.
walk(Head) -> 200000 = len(Head), Head.

len(null) -> 0;
len(#list_node{next = Next}) -> 1 + len(Next).
""",
    "divide-by-zero": Solution(
        """\
-spec divide(A :: integer(), B :: integer()) -> integer().
divide(A, B) ->
  io:format("dividing~n"),
  A div B.
""",
        expect={
            "stderr": None,
            "error": "exception error: an error occurred when evaluating an arithmetic expression",
            "stderr_has": ("solution:divide/2 (solution.erl:4)",),
        },
    ),
    "prints-around-calls": Solution(
        """\
-spec f(X :: integer()) -> integer().
f(X) ->
  io:format("{\\"v\\": \\"stdout\\", \\"t\\": 0}~n"),
  io:format(standard_error, "to stderr~n", []),
  X + 1.
""",
        expect={"check": _prints_stay_on_stdout},
    ),
    "pasted-from-leetcode": LIST_RECORD
    + """
-spec add_two_numbers(L1 :: #list_node{} | null, L2 :: #list_node{} | null) -> #list_node{} | null.
add_two_numbers(L1, L2) -> add(L1, L2, 0).

add(null, null, 0) -> null;
add(A, B, Carry) ->
  {X, NextA} = split(A),
  {Y, NextB} = split(B),
  Sum = X + Y + Carry,
  #list_node{val = Sum rem 10, next = add(NextA, NextB, Sum div 10)}.

split(null) -> {0, null};
split(#list_node{val = V, next = N}) -> {V, N}.
""",
    "pasted-merge-lists": """\
-record(list_node, {val = 0 :: integer(),
                    next = null :: 'null' | #list_node{}}).

-spec merge_two_lists(List1 :: #list_node{} | null, List2 :: #list_node{} | null) -> #list_node{} | null.
merge_two_lists(null, B) -> B;
merge_two_lists(A, null) -> A;
merge_two_lists(#list_node{val = X} = A, #list_node{val = Y} = B) when X =< Y ->
  A#list_node{next = merge_two_lists(A#list_node.next, B)};
merge_two_lists(A, B) -> B#list_node{next = merge_two_lists(A, B#list_node.next)}.
""",
    "pasted-list-to-tree": """\
%% Definition for singly-linked list.
%%
%% -record(list_node, {val = 0 :: integer(),
%%                     next = null :: 'null' | #list_node{}}).

%% Definition for a binary tree node.
%%
%% -record(tree_node, {val = 0 :: integer(),
%%                     left = null  :: 'null' | #tree_node{},
%%                     right = null :: 'null' | #tree_node{}}).

-spec sorted_list_to_bst(Head :: #list_node{} | null) -> #tree_node{} | null.
sorted_list_to_bst(Head) ->
  Values = list_to_tuple(values(Head)),
  build(Values, 1, tuple_size(Values)).

values(null) -> [];
values(#list_node{val = V, next = N}) -> [V | values(N)].

build(_, Lo, Hi) when Lo > Hi -> null;
build(T, Lo, Hi) ->
  Mid = (Lo + Hi) div 2,
  #tree_node{val = element(Mid, T), left = build(T, Lo, Mid - 1), right = build(T, Mid + 1, Hi)}.
""",
    "compile-error-line": Solution(
        "-spec two_sum(Nums :: [integer()], Target :: integer()) -> [integer()].\n"
        "two_sum(Nums, Target) ->\n  [Nums, Target, Missing].\n",
        expect={"compile_error": (r"solution\.erl:3:\d+: variable 'Missing' is unbound",)},
    ),
    "missing-function": Solution(
        "g(X) -> X.\n", expect={"error_prefix": "exception error: undefined function solution:f/1"}
    ),
    "bad-line-not-json": TWO_SUM,
    "bad-line-count": TWO_SUM,
    "bad-line-integer": TWO_SUM,
    "bad-line-overflow": TWO_SUM,
    "blank-lines-are-skipped": TWO_SUM,
}
