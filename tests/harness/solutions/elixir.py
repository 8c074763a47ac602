"""Elixir solutions to the conformance cases, in LeetCode's form (`defmodule Solution do` with a `def` per problem).

As in Erlang (same BEAM runtime): no infinities or NaN, and void signatures and the graph Node are refused.
"""

from __future__ import annotations

from judged.harness.types import Type
from judged.harness.values import LONG_MAX, LONG_MIN
from tests.harness.conformance import Outcome, Solution
from tests.harness.solutions.erlang import values_of

EXAMPLES = 3
__all__ = ["EXAMPLES", "SOLUTIONS", "identity", "values_of"]

TWO_SUM = """\
defmodule Solution do
  @spec two_sum(nums :: [integer], target :: integer) :: [integer]
  def two_sum(nums, target) do
    nums
    |> Enum.with_index()
    |> Enum.reduce_while(%{}, fn {num, index}, seen ->
      case seen do
        %{^num => other} -> {:halt, [other, index]}
        _ -> {:cont, Map.put(seen, target - num, index)}
      end
    end)
    |> case do
      %{} -> raise ArgumentError, "no pair sums to #{target}"
      pair -> pair
    end
  end
end
"""
TWO_SUM_OR_NONE = TWO_SUM.replace('raise ArgumentError, "no pair sums to #{target}"', "[]")


def _module(*lines: str) -> str:
    body = "\n".join(f"  {line}" if line else "" for line in lines)
    return f"defmodule Solution do\n{body}\nend\n"


def identity(type_: Type) -> str:
    return _module("def identity(x), do: x")


def _files_are_the_harness_and_the_users_code(outcome: Outcome) -> None:
    assert set(outcome.files) == {"main.exs", "solution.ex", "judged_main.erl"}
    assert outcome.files["solution.ex"] == TWO_SUM_OR_NONE
    assert outcome.files["main.exs"] == ":judged_main.start()\n"
    assert outcome.files["judged_main.erl"].endswith(
        "signature() -> {elixir, 'Elixir.Solution', 'two_sum', [{int, 1}, {int, 0}], {int, 1}}.\n"
    )


def _prints_stay_on_stdout(outcome: Outcome) -> None:
    assert outcome.stdout == '{"v": "stdout", "t": 0}\n{"v": "stdout", "t": 0}\n'
    assert outcome.stderr == "to stderr\nto stderr\n"


TREE_DEPTH = _module(
    "def max_depth(nil), do: 0",
    "def max_depth(%TreeNode{left: l, right: r}), do: 1 + max(max_depth(l), max_depth(r))",
)
LIST_STRUCT = """\
# Definition for singly-linked list.
#
# defmodule ListNode do
#   @type t :: %__MODULE__{
#           val: integer,
#           next: ListNode.t() | nil
#         }
#   defstruct val: 0, next: nil
# end

"""

SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": Solution(TWO_SUM_OR_NONE, expect={"check": _files_are_the_harness_and_the_users_code}),
    "no-tests-no-results": TWO_SUM,
    "two-sum-raises": Solution(
        TWO_SUM,
        expect={
            "error": "(ArgumentError) no pair sums to 4",
            "stderr_has": ("(solution.ex:13)",),
            "stderr_lacks": ("elixir_compiler",),
        },
    ),
    "describe-scalars": Solution(
        _module(
            "def describe(word, letter, flag, ratio, big) do",
            '  "#{word} #{<<letter::utf8>>} #{flag} #{ratio} #{big}"',
            "end",
        ),
        tests=(["héllo", "é", True, 0.5, 2**62], ["", "\u4e2d", False, -1.0, -1]),
        expect={"values": ["héllo é true 0.5 4611686018427387904", " \u4e2d false -1.0 -1"]},
    ),
    "reverse-list": LIST_STRUCT
    + _module(
        "@spec reverse_list(head :: ListNode.t | nil) :: ListNode.t | nil",
        "def reverse_list(head), do: reverse(head, nil)",
        "defp reverse(nil, done), do: done",
        "defp reverse(%ListNode{val: v, next: n}, done), do: reverse(n, %ListNode{val: v, next: done})",
    ),
    "remove-list-elements": _module(
        "def remove_elements(nil, _), do: nil",
        "def remove_elements(%ListNode{val: val, next: n}, val), do: remove_elements(n, val)",
        "def remove_elements(node, val), do: %{node | next: remove_elements(node.next, val)}",
    ),
    "invert-tree": _module(
        "def invert_tree(nil), do: nil",
        "def invert_tree(%TreeNode{left: l, right: r} = node),",
        "  do: %TreeNode{node | left: invert_tree(r), right: invert_tree(l)}",
    ),
    "tree-from-array": _module(
        "def sorted_array_to_bst(nums), do: build(List.to_tuple(nums), 0, length(nums) - 1)",
        "defp build(_, lo, hi) when lo > hi, do: nil",
        "defp build(t, lo, hi) do",
        "  mid = div(lo + hi, 2)",
        "  %TreeNode{val: elem(t, mid), left: build(t, lo, mid - 1), right: build(t, mid + 1, hi)}",
        "end",
    ),
    "tree-depth": TREE_DEPTH,
    "deep-tree": TREE_DEPTH,
    "level-order": _module(
        "def level_order(nil), do: []",
        "def level_order(root), do: levels([root])",
        "defp levels([]), do: []",
        "defp levels(level) do",
        "  [Enum.map(level, & &1.val) | levels(for n <- level, c <- [n.left, n.right], c != nil, do: c)]",
        "end",
    ),
    "transpose-matrix": _module("def transpose(matrix), do: Enum.zip_with(matrix, & &1)"),
    "ragged-rows": _module(
        "def generate(num_rows) do",
        "  Stream.iterate([1], fn row -> Enum.zip_with([0 | row], row ++ [0], &+/2) end) |> Enum.take(num_rows)",
        "end",
    ),
    "strings-and-a-char": _module(
        "def shout(words, mark), do: Enum.map(words, &(String.upcase(&1) <> <<mark::utf8>>))"
    ),
    "twice-long": _module("def twice(x), do: x * 2"),
    "twice-int": _module("def twice(x), do: x * 2"),
    "twice-bool": _module("def twice(x), do: not x"),
    "twice-char": _module("def twice(x), do: x + 1"),
    "twice-double": Solution(
        _module("def twice(x), do: x * 2"), tests=([0.05], [3], [-0.0]), expect={"values": [0.1, 6.0, -0.0]}
    ),
    "wrong-type-int": Solution(
        _module(
            "def f(x) do",
            '  Enum.at([x, true, nil, "5", 5.0, 0x7FFFFFFFFFFFFFFF, -0x8000000000000000, 0x8000000000000000,',
            "           -0x8000000000000001, Bitwise.bsl(1, 5000)], x)",
            "end",
        ),
        expect={"values": [0, None, None, None, None, LONG_MAX, LONG_MIN, None, None, None]},
    ),
    "wrong-type-bool-array": _module("def g(x), do: Enum.at([[true, true], [1], [true | false], nil], x)"),
    "wrong-type-int-array": _module('def g(x), do: Enum.at(["ab", [1, 2], [1, 2.0]], x)'),
    "wrong-type-list-node": _module("def g(_), do: %{val: 1, next: nil}"),
    "longs-exact": _module("def f(x), do: x"),
    "a-million-numbers": _module("def total(nums), do: Enum.sum(nums)"),
    "deep-list": _module(
        "def walk(head) do",
        "  200_000 = len(head)",
        "  head",
        "end",
        "defp len(nil), do: 0",
        "defp len(%ListNode{next: n}), do: 1 + len(n)",
    ),
    "divide-by-zero": Solution(
        _module("def divide(a, b) do", '  IO.puts("dividing")', "  div(a, b)", "end"),
        expect={
            "stderr": None,
            "error": "(ArithmeticError) bad argument in arithmetic expression",
            "stderr_has": ("(solution.ex:4)",),
        },
    ),
    "prints-around-calls": Solution(
        _module(
            "def f(x) do",
            '  IO.puts(~s({"v": "stdout", "t": 0}))',
            '  IO.puts(:stderr, "to stderr")',
            "  x + 1",
            "end",
        ),
        expect={"check": _prints_stay_on_stdout},
    ),
    "pasted-merge-lists": """\
defmodule ListNode do
  @type t :: %__MODULE__{
          val: integer,
          next: ListNode.t() | nil
        }
  defstruct val: 0, next: nil
end

defmodule Solution do
  @spec merge_two_lists(list1 :: ListNode.t | nil, list2 :: ListNode.t | nil) :: ListNode.t | nil
  def merge_two_lists(nil, b), do: b
  def merge_two_lists(a, nil), do: a
  def merge_two_lists(a, b) when a.val <= b.val, do: %{a | next: merge_two_lists(a.next, b)}
  def merge_two_lists(a, b), do: %{b | next: merge_two_lists(a, b.next)}
end
""",
    "pasted-from-leetcode": LIST_STRUCT
    + _module(
        "@spec add_two_numbers(l1 :: ListNode.t | nil, l2 :: ListNode.t | nil) :: ListNode.t | nil",
        "def add_two_numbers(l1, l2, carry \\\\ 0)",
        "def add_two_numbers(nil, nil, 0), do: nil",
        "def add_two_numbers(l1, l2, carry) do",
        "  sum = (l1 && l1.val || 0) + (l2 && l2.val || 0) + carry",
        "  %ListNode{val: rem(sum, 10), next: add_two_numbers(l1 && l1.next, l2 && l2.next, div(sum, 10))}",
        "end",
    ),
    "compile-error-line": Solution(
        _module("def two_sum(nums, target) do", "  [nums, target, missing]", "end"),
        expect={"compile_error": (r"solution\.ex:3: undefined function missing/0",)},
    ),
    "missing-function": Solution(
        _module("def g(x), do: x"),
        expect={"error_prefix": "(UndefinedFunctionError) function Solution.f/1 is undefined"},
    ),
    "bad-line-not-json": TWO_SUM,
    "bad-line-count": TWO_SUM,
    "bad-line-integer": TWO_SUM,
    "bad-line-overflow": TWO_SUM,
    "blank-lines-are-skipped": TWO_SUM,
}
