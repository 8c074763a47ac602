"""C# solutions to the conformance cases, in LeetCode's form (`public class Solution` with PascalCase methods)."""

from __future__ import annotations

from judged.harness import parse_signature
from judged.harness.types import Type
from judged.harness.values import LONG_MAX, LONG_MIN
from judged.judging.function import Case
from tests.harness import conformance_jail as jail
from tests.harness.conformance import Solution
from tests.harness.conformance_jail import Judged

EXAMPLES = 2

TWO_SUM = """public class Solution {
    public int[] TwoSum(int[] nums, int target) {
        var seen = new Dictionary<int, int>();
        for (int i = 0; i < nums.Length; i++) {
            if (seen.ContainsKey(target - nums[i])) return new[] { seen[target - nums[i]], i };
            seen[nums[i]] = i;
        }
        return new int[0];
    }
}
"""


def identity(type_: Type) -> str:
    return "public class Solution { public object Identity(object x) { return x; } }"


def _one(body: str) -> str:
    return "public class Solution {\n" + body + "\n}\n"


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": TWO_SUM,
    "two-sum:lists": _one(
        "public IList<int> TwoSum(IList<int> nums, long target) {\n"
        "    for (int i = 0; i < nums.Count; i++) for (int j = 0; j < i; j++)\n"
        "        if (nums[i] + nums[j] == target) return new List<int> { j, i };\n"
        "    return new List<int>();\n}"
    ),
    "no-tests-no-results": TWO_SUM,
    "reverse-array-in-place": _one("public void ReverseArray(int[] nums) { Array.Reverse(nums); }"),
    "reverse-string-in-place": _one("public void ReverseString(char[] s) { Array.Reverse(s); }"),
    "char-board-in-place": _one(
        "public void Fill(char[][] board) {\n"
        "    foreach (var row in board) for (int i = 0; i < row.Length; i++) if (row[i] == '.') row[i] = 'x';\n}"
    ),
    "reverse-list": _one(
        "public ListNode ReverseList(ListNode head) {\n    ListNode prev = null;\n"
        "    while (head != null) { var next = head.next; head.next = prev; prev = head; head = next; }\n"
        "    return prev;\n}"
    ),
    "invert-tree": _one(
        "public TreeNode InvertTree(TreeNode root) {\n"
        "    return root == null ? null : new TreeNode(root.val, InvertTree(root.right), InvertTree(root.left));\n}"
    ),
    "clone-graph": _one(
        "Dictionary<Node, Node> copies = new Dictionary<Node, Node>();\n"
        "public Node CloneGraph(Node node) {\n    if (node == null) return null;\n"
        "    if (copies.ContainsKey(node)) return copies[node];\n    var copy = new Node(node.val);\n"
        "    copies[node] = copy;\n    foreach (var n in node.neighbors) copy.neighbors.Add(CloneGraph(n));\n"
        "    return copy;\n}"
    ),
    "level-order": _one(
        "public IList<IList<int>> LevelOrder(TreeNode root) {\n    var result = new List<IList<int>>();\n"
        "    var level = new List<TreeNode>();\n    if (root != null) level.Add(root);\n"
        "    while (level.Count > 0) {\n        result.Add(level.Select(n => n.val).ToList());\n"
        "        level = level.SelectMany(n => new[] { n.left, n.right }).Where(n => n != null).ToList();\n    }\n"
        "    return result;\n}"
    ),
    "transpose-matrix": _one(
        "public int[][] Transpose(int[][] matrix) {\n    if (matrix.Length == 0) return new int[0][];\n"
        "    return Enumerable.Range(0, matrix[0].Length).Select(c => matrix.Select(row => row[c]).ToArray())"
        ".ToArray();\n}"
    ),
    "strings-and-a-char": _one(
        "public string[] Shout(string[] words, char mark) { return words.Select(w => w.ToUpper() + mark).ToArray(); }"
    ),
    "twice-long": _one("public long Twice(long x) { return unchecked(2 * x); }"),
    "twice-double": _one("public double Twice(double x) { return 2 * x; }"),
    "twice-char": _one("public char Twice(char x) { return (char)(x + 1); }"),
    "twice-bool": _one("public bool Twice(bool x) { return !x; }"),
    "twice-int": _one("public int Twice(int x) { return unchecked(2 * x); }"),
    "longs-exact": _one("public long F(long x) { return x; }"),
    "non-finite-doubles": _one(
        "public double F(double x) {\n"
        "    return new[] { double.PositiveInfinity, double.NegativeInfinity, double.NaN, -0.0, 0.1 }[(int)x];\n}"
    ),
    "wrong-type-int": Solution(
        _one(
            'public object F(int x) {\n    return new object[] { x, true, null, "5", 5.0, long.MaxValue,'
            " long.MinValue, 1.0e19, -1.0e19, new int[0] }[x];\n}"
        ),
        expect={"values": [0, None, None, None, None, LONG_MAX, LONG_MIN, None, None, None]},
    ),
    "deep-list": _one(
        "int Length(ListNode n) { return n == null ? 0 : 1 + Length(n.next); }\n"
        "public ListNode Walk(ListNode head) { Length(head); return head; }"
    ),
    "list-cycle": _one("public ListNode MakeCycle(ListNode head) { if (head != null) head.next = head; return head; }"),
    "prints-never-reach-results": Solution(
        _one('public string Greet(string name) { Console.WriteLine("{\\"v\\": 1}"); return "hi " + name; }'),
        expect={"stdout": '{"v": 1}\n{"v": 1}\n'},
    ),
    "new-solution-per-test": _one("int calls = 10;\npublic int CountCalls(int k) { calls++; return calls; }"),
    "divide-by-zero": Solution(
        _one('public int Divide(int a, int b) { Console.WriteLine("dividing"); return a / b; }'),
        expect={"error": "System.DivideByZeroException: Attempted to divide by zero.", "stderr": None},
    ),
    "bad-line-type": TWO_SUM,
    "bad-line-too-few": TWO_SUM,
    "bad-line-too-many": TWO_SUM,
    "bad-line-trailing": TWO_SUM,
    "bad-line-overflow": TWO_SUM,
    "bad-line-not-array": TWO_SUM,
    "bad-line-element": TWO_SUM,
    "bad-line-not-json": TWO_SUM,
    "bad-line-count": TWO_SUM,
    "bad-line-integer": TWO_SUM,
    "blank-lines-are-skipped": TWO_SUM,
    "deep-nesting": _one("public int Count(int[][] grid) { return 0; }"),
}

# The jail's table (`conformance_jail.py`): what judged shows a C# user, end to end.

VERSION = r"^Mono C# compiler version 6\."

GROUP_BLOCKS = parse_signature("groupBlocks", [("params", "int"), ("blockSizes", "int[]")], "int[][]")
_REVERSE_LIST = jail.filled(
    jail.REVERSE_LIST,
    "csharp",
    "        ListNode prev = null;\n        while (head != null) {"
    " var n = head.next; head.next = prev; prev = head; head = n; }\n        return prev;\n",
    "        \n",
)
_CLONE_GRAPH = """var copies = new Dictionary<Node, Node>();
        Func<Node, Node> copy = null;
        copy = n => {
            if (n == null) return null;
            if (copies.ContainsKey(n)) return copies[n];
            copies[n] = new Node(n.val);
            foreach (var m in n.neighbors) copies[n].neighbors.Add(copy(m));
            return copies[n];
        };
        return copy(node);
"""

JUDGED: dict[str, Judged] = {
    **jail.two_sum(
        TWO_SUM, ("seen[target - nums[i]], i }", "i, i }"), ("seen[nums[i]] = i;", "seen[nums[i]] = = i;"), "Main.cs(6,"
    ),
    "stub-and-keyword-parameter": Judged(
        GROUP_BLOCKS,
        jail.filled(
            GROUP_BLOCKS,
            "csharp",
            "return new List<IList<int>> { blockSizes.Where(size => size <= params_).ToList() };",
            "        \n",
        ),
        [Case(args=[3, [1, 4, 3]], output=[[1, 3]])],
        stub_is=(
            "public class Solution {\n    public IList<IList<int>> GroupBlocks(int params_, int[] blockSizes) {\n"
            "        \n    }\n}"
        ),
    ),
    "stub-and-keyword-parameter:arrays": Judged(
        GROUP_BLOCKS,
        "public class Solution { public int[][] GroupBlocks(int p, IList<int> b) { return new[] { b.ToArray() }; } }",
        [Case(args=[3, [1, 4]], output=[[1, 4]])],
    ),
    "list-nodes": Judged(
        jail.REVERSE_LIST, _REVERSE_LIST, jail.REVERSE_LIST_CASES, stub_has=(" * public class ListNode {\n",)
    ),
    "list-nodes:pasted-class": Judged(  # LeetCode's class, uncommented
        jail.REVERSE_LIST,
        _REVERSE_LIST.replace(" * Definition for singly-linked list.\n", "")
        .replace("/**", "")
        .replace(" */", "")
        .replace(" * ", ""),
        jail.REVERSE_LIST_CASES,
    ),
    "tree-nodes": Judged(
        jail.MIRROR,
        """public class Solution {
    public TreeNode Mirror(TreeNode root) {
        return root == null ? null : new TreeNode(root.val, Mirror(root.right), Mirror(root.left));
    }
}""",
        jail.MIRROR_CASES,
    ),
    "base-types": Judged(
        jail.ECHO,
        """public class Solution {
    public IList<string> Echo(long a, double b, bool c, string d, char e) {
        return new List<string> { a.ToString(), b.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                  c ? "true" : "false", d, e.ToString() };
    }
}""",
        jail.echo_cases("true"),
    ),
    "doubles": Judged(
        parse_signature("half", [("x", "double")], "double"),
        "public class Solution { public double Half(double x) { return x / 2; } }",
        [Case(args=[0.2], output=0.1), Case(args=[-0.0], output=-0.0)],
    ),
    "void-in-place": Judged(
        jail.REVERSE_ARRAY,
        jail.filled(jail.REVERSE_ARRAY, "csharp", "        Array.Reverse(nums);\n", "        \n"),
        jail.REVERSE_ARRAY_CASES,
        stub_has=("public void ReverseArray(int[] nums) {",),
    ),
    "runtime-error": jail.raises(
        'public class Solution { public int[] TwoSum(int[] n, int t) { throw new ArgumentException("no pair"); } }',
        "System.ArgumentException: no pair",
    ),
    "graph": Judged(
        jail.CLONE_GRAPH,
        jail.filled(jail.CLONE_GRAPH, "csharp", "        " + _CLONE_GRAPH, "        \n"),
        jail.CLONE_GRAPH_CASES,
    ),
    **jail.exhausted(
        "public class Solution { public int Hoard(int n) {\n"
        "var k = new List<int[]>(); while (true) k.Add(new int[1000]); } }",
        "public class Solution { public int Hoard(int n) { while (true) n++; } }",
        jail.HOARD,
        jail.HOARD_CASES,
        memory_seconds=10.0,
    ),
    "priority-queue-and-newer-linq": Judged(
        parse_signature("topKFrequent", [("nums", "int[]"), ("k", "int")], "int[]"),
        """public class Solution {
    public int[] TopKFrequent(int[] nums, int k) {
        var counts = nums.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var pq = new PriorityQueue<int, int>();
        foreach (var pair in counts) {
            pq.Enqueue(pair.Key, pair.Value);
            if (pq.Count > k) pq.Dequeue();
        }
        var top = new List<int>();
        while (pq.TryDequeue(out var value, out var count)) top.Add(value);
        top.Reverse();
        top.Add(counts.MaxBy(pair => pair.Value).Key);
        return top.ToArray();
    }
}""",
        [Case(args=[[1, 1, 1, 2, 2, 3], 2], output=[1, 2, 1])],
    ),
}
