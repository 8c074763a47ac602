"""The Python harness, end to end: generated programs run on the host exactly as the language's TOML runs them."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judged.harness import lang_python
from judged.harness.types import ALL_VALUE_TYPES, Param, Signature, Type, parse_signature
from judged.harness.values import LONG_MAX, LONG_MIN, canonical
from tests.harness.hostrun import PYTHON_COMMAND, HostRun, exact, run_on_host
from tests.harness.strategies import values_of

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_CODE = """
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen: Dict[int, int] = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        raise ValueError(f"no pair sums to {target}")
"""


def run(signature: Signature, code: str, tests: list[list[object]] | bytes) -> HostRun:
    return run_on_host(PYTHON_COMMAND, lang_python.build(signature, textwrap.dedent(code)), tests)


def test_build_gives_the_harness_and_the_users_code_unchanged() -> None:
    files = lang_python.build(TWO_SUM, TWO_SUM_CODE)
    assert set(files) == {"main.py", "solution.py"}
    assert files["solution.py"] == TWO_SUM_CODE
    assert files["main.py"].endswith('raise SystemExit(run("twoSum", ["int[]", "int"], "int[]"))\n')


def test_two_sum() -> None:
    result = run(TWO_SUM, TWO_SUM_CODE, [[[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[3, 3], 6]])
    assert (result.values, result.status, result.stderr) == ([[0, 1], [1, 2], [0, 1]], 0, "")


def test_time_is_the_cpu_time_of_the_call() -> None:
    code = """
    import time
    time.sleep(0.3)  # loading the solution is not part of any call
    class Solution:
        def spin(self, seconds: float) -> bool:
            start = time.process_time()
            while time.process_time() - start < seconds:
                pass
            return True
    """
    result = run(parse_signature("spin", [("x", "double")], "bool"), code, [[0.2], [0]])
    assert result.values == [True, True]
    first, second = (line["t"] for line in result.results)
    assert isinstance(first, float)
    assert isinstance(second, float)
    assert 0.2 <= first < 5
    assert second < 0.2


def test_void_reverses_an_array_in_place() -> None:
    code = """
    class Solution:
        def reverseString(self, s: List[str]) -> None:
            s.reverse()
    """
    signature = parse_signature("reverseString", [("s", "char[]")], "void")
    result = run(signature, code, [[["h", "e", "l", "l", "o"]], [[]]])
    assert result.values == [["o", "l", "l", "e", "h"], []]


def test_void_flattens_a_tree_in_place() -> None:
    code = """
    class Solution:
        def flatten(self, root: Optional[TreeNode]) -> None:
            node = root
            while node:
                if node.left:
                    last = node.left
                    while last.right:
                        last = last.right
                    last.right, node.right, node.left = node.right, node.left, None
                node = node.right
    """
    signature = parse_signature("flatten", [("root", "TreeNode")], "void")
    result = run(signature, code, [[[1, 2, 5, 3, 4, None, 6]], [[]], [[0]]])
    assert result.values == [[1, None, 2, None, 3, None, 4, None, 5, None, 6], [], [0]]


def test_list_nodes_in_and_out() -> None:
    code = """
    class Solution:
        def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
            previous = None
            while head:
                head.next, previous, head = previous, head, head.next
            return previous
    """
    signature = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    result = run(signature, code, [[[1, 2, 3, 4, 5]], [[]], [[7]]])
    assert result.values == [[5, 4, 3, 2, 1], [], [7]]


def test_tree_nodes_in_and_out() -> None:
    code = """
    class Solution:
        def invertTree(self, root: Optional[TreeNode]) -> Optional[TreeNode]:
            if root:
                root.left, root.right = self.invertTree(root.right), self.invertTree(root.left)
            return root
    """
    signature = parse_signature("invertTree", [("root", "TreeNode")], "TreeNode")
    result = run(signature, code, [[[4, 2, 7, 1, 3, 6, 9]], [[1, None, 2, None, None]], [[]], [[1, 2]]])
    assert result.values == [[4, 7, 2, 9, 6, 3, 1], [1, 2], [], [1, None, 2]]


def test_a_solution_pasted_from_leetcode_runs_unchanged() -> None:
    code = '''\
# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        """Merge k sorted lists with a heap, LeetCode 23 style."""
        heap: List[Tuple[int, int, ListNode]] = []
        for i, node in enumerate(lists):
            if node:
                heappush(heap, (node.val, i, node))
        dummy = tail = ListNode()
        while heap:
            _, i, node = heapq.heappop(heap)
            tail.next = tail = node
            if node.next:
                heappush(heap, (node.next.val, i, node.next))
        return dummy.next

    def mergeTwoLists(self, list1: Optional[ListNode], list2: Optional[ListNode]) -> Optional[ListNode]:
        return self.mergeKLists([list1, list2])
'''
    signature = parse_signature("mergeTwoLists", [("list1", "ListNode"), ("list2", "ListNode")], "ListNode")
    result = run(signature, code, [[[1, 2, 4], [1, 3, 4]], [[], []], [[], [0]]])
    assert (result.values, result.stderr) == ([[1, 1, 2, 3, 4, 4], [], [0]], "")


def test_leetcodes_names_are_in_scope() -> None:
    code = """
    class Solution:
        @lru_cache(maxsize=None)
        def fib(self, n: int) -> int:
            return n if n < 2 else self.fib(n - 1) + self.fib(n - 2)

        def names(self, n: int) -> List[int]:
            q: Deque[int] = deque([n])
            heap: List[int] = []
            heappush(heap, 3)
            insort(heap, 1)
            found: List[Any] = [
                q.popleft(), Counter("abca")["a"], defaultdict(int)[0], len(OrderedDict(a=1)),
                reduce(operator.add, accumulate([1, 2])), comb(5, 2), gcd(12, 18), bisect_left([1, 3], 2),
                isqrt(17), pow(3, 4, 5), cache(abs)(-2), inf > 10**100, len(string.ascii_lowercase),
                len(list(permutations("ab"))), bool(re.fullmatch(r"a+", "aa")), sys.maxsize > 0,
                0 <= random.random() < 1, math.floor(2.5), heappop(heap), self.fib(80),
            ]
            return [int(value) for value in found]
    """
    result = run(parse_signature("names", [("n", "long")], "long[]"), code, [[7]])
    expected = [7, 2, 0, 1, 4, 10, 6, 1, 4, 1, 2, 1, 26, 2, 1, 1, 1, 2, 1, 23416728348467685]
    assert (result.values, result.stderr) == ([expected], "")


def test_an_exception_gives_one_error_line_and_exit_status_1() -> None:
    result = run(TWO_SUM, TWO_SUM_CODE, [[[1, 2], 3], [[1, 2], 4], [[1, 2], 3]])
    assert result.results[0]["v"] == [0, 1]
    assert result.results[1]["e"] == "ValueError: no pair sums to 4"
    assert (len(result.results), result.status) == (2, 1)
    assert 'solution.py", line 9, in twoSum' in result.stderr
    assert "main.py" not in result.stderr


def test_user_prints_never_reach_the_results() -> None:
    code = """
    import os, sys
    print('{"v": 1, "t": 0}')
    class Solution:
        def f(self, x: int) -> int:
            print('{"v": "stdout", "t": 0}')
            print("to stderr", file=sys.stderr)
            sys.stdout.flush()
            os.write(1, b"raw\\n")
            return x + 1
    """
    result = run(parse_signature("f", [("x", "int")], "int"), code, [[1], [2]])
    assert (result.values, result.status) == ([2, 3], 0)
    assert result.stdout.count('"v": "stdout"') == 2
    assert result.stdout.count("raw") == 2
    assert result.stderr == "to stderr\nto stderr\n"


def test_a_syntax_error_shows_the_users_line() -> None:
    code = "class Solution:\n    def f(self, x: int) -> int:\n        return x +\n"
    result = run(parse_signature("f", [("x", "int")], "int"), code, [[1]])
    assert result.status == 1
    assert 'solution.py", line 3' in result.stderr
    assert "SyntaxError" in result.stderr
    [error] = result.results
    assert error["e"] == "SyntaxError: invalid syntax (solution.py, line 3)"


def test_a_missing_solution_class_is_the_users_error() -> None:
    result = run(parse_signature("f", [("x", "int")], "int"), "def f(x):\n    return x\n", [[1]])
    assert result.status == 1
    [error] = result.results
    assert str(error["e"]).startswith("NameError: name 'Solution' is not defined")


def test_results_of_the_wrong_type_are_null_and_bools_stay_bools() -> None:
    code = """
    class Solution:
        def f(self, x: int) -> int:
            return [x, True, None, "5", 5.0, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 10**5000][x]
    """
    result = run(parse_signature("f", [("x", "int")], "int"), code, [[i] for i in range(10)])
    assert result.values == [0, None, None, None, None, LONG_MAX, LONG_MIN, None, None, None]
    code = """
    class Solution:
        def g(self, x: int) -> List[float]:
            return [(True, 1 == 1), (1, 2.5), [x, 10**400], "ab"][x]
    """
    result = run(parse_signature("g", [("x", "int")], "bool[]"), code, [[0], [1], [3]])
    assert result.values == [[True, True], None, None]
    result = run(parse_signature("g", [("x", "int")], "double[]"), code, [[1], [2], [0]])
    assert result.values == [[1.0, 2.5], [2.0, "Infinity"], None]


def test_non_finite_doubles_are_strings() -> None:
    code = """
    class Solution:
        def f(self, x: float) -> float:
            return [inf, -inf, nan, -0.0, 0.1][int(x)]
    """
    result = run(parse_signature("f", [("x", "double")], "double"), code, [[i] for i in range(5)])
    assert result.values == ["Infinity", "-Infinity", "NaN", -0.0, 0.1]


def test_longs_survive_exactly() -> None:
    code = "class Solution:\n    def f(self, x: int) -> int:\n        return x\n"
    signature = parse_signature("f", [("x", "long")], "long")
    result = run(signature, code, [[LONG_MAX], [LONG_MIN], [2**53 + 1]])
    assert result.values == [LONG_MAX, LONG_MIN, 2**53 + 1]


def test_a_list_with_a_cycle_is_an_error() -> None:
    code = """
    class Solution:
        def f(self, head: Optional[ListNode]) -> Optional[ListNode]:
            if head:
                head.next = head
            return head
    """
    signature = parse_signature("f", [("head", "ListNode")], "ListNode")
    result = run(signature, code, [[[]], [[1, 2]], [[3]]])
    assert result.results[0]["v"] == []
    assert result.results[1]["e"] == "ListNode has a cycle"
    assert (len(result.results), result.status) == (2, 1)


def test_deep_recursion_and_long_lists() -> None:
    code = """
    class Solution:
        def length(self, head: Optional[ListNode]) -> int:
            return 1 + self.length(head.next) if head else 0

        def walk(self, head: Optional[ListNode]) -> Optional[ListNode]:
            @cache  # each call through the C-level cache wrapper takes C stack too
            def depth(n: int) -> int:
                return depth(n - 1) + 1 if n else 0

            assert depth(self.length(head)) == 200_000
            return head
    """
    signature = parse_signature("walk", [("head", "ListNode")], "ListNode")
    nodes = list(range(200_000))
    result = run(signature, code, [[nodes]])
    assert (result.values, result.stderr) == ([nodes], "")


def test_endless_recursion_is_a_recursion_error_with_a_short_traceback() -> None:
    code = "class Solution:\n    def f(self, x: int) -> int:\n        return self.f(x + 1)\n"
    result = run(parse_signature("f", [("x", "int")], "int"), code, [[1]])
    assert result.status == 1
    assert result.results[0]["e"] == "RecursionError: maximum recursion depth exceeded"
    assert 'solution.py", line 3, in f' in result.stderr
    assert result.stderr.count("\n") < 100


@pytest.mark.parametrize(
    ("stdin", "problem"),
    [
        (b"[1, 2\n", "not JSON"),
        (b"[1]\n", "expected an array of 2 arguments"),
        (b'[[1, "2"], 3]\n', "expected an integer"),
    ],
)
def test_a_test_the_harness_cannot_decode_exits_3(stdin: bytes, problem: str) -> None:
    result = run(TWO_SUM, TWO_SUM_CODE, b"[[1, 2], 3]\n\n" + stdin + b"[[1, 2], 3]\n")
    assert (result.values, result.status) == ([[0, 1]], 3)
    assert "cannot decode test 2" in result.stderr
    assert problem in result.stderr


@pytest.mark.parametrize("type_", ALL_VALUE_TYPES, ids=str)
@settings(max_examples=6, deadline=None)
@given(data=st.data())
def test_every_type_survives_an_identity_function(type_: Type, data: st.DataObject) -> None:
    values = data.draw(st.lists(values_of(type_), min_size=1, max_size=40))
    signature = Signature("identity", (Param("x", type_),), type_)
    code = "class Solution:\n    def identity(self, x):\n        return x\n"
    result = run(signature, code, [[value] for value in values])
    assert (result.status, result.stderr) == (0, "")
    assert [exact(value, type_) for value in result.values] == [
        exact(canonical(value, type_), type_) for value in values
    ]
