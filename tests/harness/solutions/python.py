"""Python 3 solutions to the conformance cases, in LeetCode's form (`class Solution:`)."""

from __future__ import annotations

from judged.harness import stub
from judged.harness.types import Type
from judged.harness.values import LONG_MAX, LONG_MIN
from tests.harness.conformance import Outcome, Solution
from tests.harness.conformance_cases import CASES

EXAMPLES = 6

TWO_SUM = """
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen: Dict[int, int] = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        return []
"""
TWO_SUM_RAISES = TWO_SUM.replace("        return []\n", '        raise ValueError(f"no pair sums to {target}")\n')
WRONG_TYPE_ARRAYS = """
class Solution:
    def g(self, x: int) -> List[float]:
        return [(True, 1 == 1), (1, 2.5), [x, 10**400], "ab"][x]
"""


def identity(type_: Type) -> str:
    return "class Solution:\n    def identity(self, x):\n        return x\n"


def _files_are_the_harness_and_the_users_code(outcome: Outcome) -> None:
    assert set(outcome.files) == {"main.py", "solution.py"}
    assert outcome.files["solution.py"] == TWO_SUM
    assert outcome.files["main.py"].endswith('raise SystemExit(run("twoSum", ["int[]", "int"], "int[]"))\n')


def _prints_stay_on_stdout(outcome: Outcome) -> None:
    assert outcome.stdout.count('"v": "stdout"') == 2
    assert outcome.stdout.count("raw") == 2
    assert outcome.stderr == "to stderr\nto stderr\n"


def _short_traceback(outcome: Outcome) -> None:
    assert outcome.stderr.count("\n") < 100


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": Solution(TWO_SUM, expect={"check": _files_are_the_harness_and_the_users_code}),
    "no-tests-no-results": TWO_SUM,
    "two-sum-raises": Solution(
        TWO_SUM_RAISES,
        expect={
            "error": "ValueError: no pair sums to 4",
            "stderr_has": ('solution.py", line 9, in twoSum',),
            "stderr_lacks": ("main.py",),
        },
    ),
    "cpu-time-of-the-call": """
import time
time.sleep(0.3)  # loading the solution is not part of any call
class Solution:
    def spin(self, seconds: float) -> bool:
        start = time.process_time()
        while time.process_time() - start < seconds:
            pass
        return True
""",
    "reverse-string-in-place": """
class Solution:
    def reverseString(self, s: List[str]) -> None:
        s.reverse()
""",
    "flatten-tree-in-place": """
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
""",
    "nested-integer": """
class Solution:
    def flattenDepths(self, nestedList: List[NestedInteger]) -> List[int]:
        out: List[int] = []

        def walk(items: List[NestedInteger], depth: int) -> None:
            for item in items:
                if item.isInteger():
                    out.extend([item.getInteger(), depth])
                else:
                    walk(item.getList(), depth + 1)

        walk(nestedList, 1)
        built = NestedInteger()
        built.add(NestedInteger(5))
        out.extend([int(built.isInteger()), len(built.getList())])
        built.setInteger(9)
        return out + [built.getInteger(), int(built.isInteger())]
""",
    "clone-graph": stub(CASES["clone-graph"].signature, "python").rstrip()
    + """
        if not node:
            return node
        clones = {node: Node(node.val)}
        queue = deque([node])
        while queue:
            current = queue.popleft()
            for neighbor in current.neighbors:
                if neighbor not in clones:
                    clones[neighbor] = Node(neighbor.val)
                    queue.append(neighbor)
                clones[current].neighbors.append(clones[neighbor])
        return clones[node]
""",
    "graph-values-not-1-to-n": """
class Solution:
    def relabel(self, node: Optional['Node'], by: int) -> Optional['Node']:
        seen, stack = {id(node): node}, [node]
        while stack:
            for neighbor in stack.pop().neighbors:
                if id(neighbor) not in seen:
                    seen[id(neighbor)] = neighbor
                    stack.append(neighbor)
        for each in seen.values():
            each.val += by
        return node
""",
    "reverse-list": """
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        previous = None
        while head:
            head.next, previous, head = previous, head, head.next
        return previous
""",
    "invert-tree": """
class Solution:
    def invertTree(self, root: Optional[TreeNode]) -> Optional[TreeNode]:
        if root:
            root.left, root.right = self.invertTree(root.right), self.invertTree(root.left)
        return root
""",
    "pasted-merge-lists": '''\
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
''',
    "names-in-scope": """
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
""",
    "prints-around-calls": Solution(
        """
import os, sys
print('{"v": 1, "t": 0}')
class Solution:
    def f(self, x: int) -> int:
        print('{"v": "stdout", "t": 0}')
        print("to stderr", file=sys.stderr)
        sys.stdout.flush()
        os.write(1, b"raw\\n")
        return x + 1
""",
        expect={"check": _prints_stay_on_stdout},
    ),
    "syntax-error": Solution(
        "class Solution:\n    def f(self, x: int) -> int:\n        return x +\n",
        expect={
            "error": "SyntaxError: invalid syntax (solution.py, line 3)",
            "stderr_has": ('solution.py", line 3', "SyntaxError"),
        },
    ),
    "missing-function": Solution(
        "def f(x):\n    return x\n", expect={"error_prefix": "NameError: name 'Solution' is not defined"}
    ),
    "wrong-type-int": Solution(
        """
class Solution:
    def f(self, x: int) -> int:
        return [x, True, None, "5", 5.0, 2**63 - 1, -(2**63), 2**63, -(2**63) - 1, 10**5000][x]
""",
        expect={"values": [0, None, None, None, None, LONG_MAX, LONG_MIN, None, None, None]},
    ),
    "wrong-type-bool-array": WRONG_TYPE_ARRAYS,
    "wrong-type-double-array": WRONG_TYPE_ARRAYS,
    "non-finite-doubles": """
class Solution:
    def f(self, x: float) -> float:
        return [inf, -inf, nan, -0.0, 0.1][int(x)]
""",
    "longs-exact": "class Solution:\n    def f(self, x: int) -> int:\n        return x\n",
    "list-cycle": """
class Solution:
    def makeCycle(self, head: Optional[ListNode]) -> Optional[ListNode]:
        if head:
            head.next = head
        return head
""",
    "deep-list": """
class Solution:
    def length(self, head: Optional[ListNode]) -> int:
        return 1 + self.length(head.next) if head else 0

    def walk(self, head: Optional[ListNode]) -> Optional[ListNode]:
        @cache  # each call through the C-level cache wrapper takes C stack too
        def depth(n: int) -> int:
            return depth(n - 1) + 1 if n else 0

        assert depth(self.length(head)) == 200_000
        return head
""",
    "endless-recursion": Solution(
        "class Solution:\n    def f(self, x: int) -> int:\n        return self.f(x + 1)\n",
        expect={
            "error": "RecursionError: maximum recursion depth exceeded",
            "stderr_has": ('solution.py", line 3, in f',),
            "check": _short_traceback,
        },
    ),
    "bad-line-not-json": TWO_SUM,
    "bad-line-count": TWO_SUM,
    "bad-line-integer": TWO_SUM,
    "blank-lines-are-skipped": TWO_SUM,
}
