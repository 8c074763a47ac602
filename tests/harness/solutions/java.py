"""Java solutions to the conformance cases, in LeetCode's form: arrays, or `List<...>` where a user declares it."""

from __future__ import annotations

from judged.harness import stub
from judged.harness.lang_java import PRE_IMPORTS
from judged.harness.typenames import type_name
from judged.harness.types import ALL_VALUE_TYPES, Type
from judged.harness.values import LONG_MIN
from tests.harness.conformance import Outcome, Solution
from tests.harness.conformance_cases import CASES

EXAMPLES = 3
BOXED = {"int": "Integer", "long": "Long", "double": "Double", "boolean": "Boolean", "char": "Character"}

TWO_SUM = """\
import java.util.HashMap;

class Solution {
    public int[] twoSum(int[] nums, int target) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) return new int[] {j, i};
            seen.put(nums[i], i);
        }
        return new int[0];
    }
}"""
TWO_SUM_LISTS = """\
class Solution {
    public List<Integer> twoSum(List<Integer> nums, int target) {
        for (int i = 0; i < nums.size(); i++)
            for (int j = i + 1; j < nums.size(); j++)
                if (nums.get(i) + nums.get(j) == target) return Arrays.asList(i, j);
        return new ArrayList<>();
    }
}"""


def identity(type_: Type) -> str:
    name = type_name(type_, "java")
    return f"class Solution {{ public {name} identity({name} x) {{ return x; }} }}"


def list_identity(type_: Type) -> str:
    """The identity declared with `List<...>` for every array level."""
    element = type_name(Type(type_.base), "java")
    name = BOXED.get(element, element)
    for _ in range(type_.depth):
        name = f"List<{name}>"
    return f"class Solution {{ public {name} identity({name} x) {{ return x; }} }}"


GRID_TYPES = [type_ for type_ in ALL_VALUE_TYPES if type_.depth == 2]  # List<List<T>> covers List<T> too
IDENTITY_VARIANTS = {"lists": (GRID_TYPES, list_identity)}
"""More identities: every grid type declared as lists of lists (the harness converts to what a method declares)."""


def _imports_hoisted_and_lines_kept(outcome: Outcome) -> None:
    main = outcome.files["Main.java"]
    lines = main.split("\n")
    assert lines[0] == " ".join([*PRE_IMPORTS, "import java.util.HashMap; // my solution"])
    assert lines[1] == ""
    assert lines[3] == "class Solution {"
    assert "class ListNode" not in main
    assert "class TreeNode" not in main


def _tree_node_defined_once(outcome: Outcome) -> None:
    assert outcome.files["Main.java"].count("class TreeNode") == 1


def _list_node_defined_once(outcome: Outcome) -> None:
    assert outcome.files["Main.java"].count("class ListNode") == 1


def _deep(body: str) -> str:
    return f"class Solution {{ public int deep(int n) {{ {body} }} }}"


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": TWO_SUM,
    "two-sum:lists": TWO_SUM_LISTS,
    "two-sum:commented-import": Solution(
        "// my solution\n" + TWO_SUM, expect={"check": _imports_hoisted_and_lines_kept}
    ),
    "no-tests-no-results": TWO_SUM,
    "transpose-matrix": """class Solution {
    public int[][] transpose(int[][] matrix) {
        if (matrix.length == 0) return new int[0][];
        int[][] t = new int[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) for (int j = 0; j < matrix[0].length; j++) t[j][i] = matrix[i][j];
        return t;
    }
}""",
    "transpose-matrix:lists": """import java.util.stream.*;
class Solution {
    public List<List<Integer>> transpose(List<List<Integer>> matrix) {
        if (matrix.isEmpty()) return new ArrayList<>();
        return IntStream.range(0, matrix.get(0).size())
            .mapToObj(j -> matrix.stream().map(row -> row.get(j)).collect(Collectors.toList()))
            .collect(Collectors.toList());
    }
}""",
    "nested-integer": """
class Solution {
    public int[] flattenDepths(List<NestedInteger> nestedList) {
        List<Integer> out = new ArrayList<>();
        walk(nestedList, 1, out);
        NestedInteger built = new NestedInteger();
        built.add(new NestedInteger(5));
        out.add(built.isInteger() ? 1 : 0);
        out.add(built.getList().size());
        built.setInteger(9);
        out.add(built.getInteger());
        out.add(built.isInteger() ? 1 : 0);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void walk(List<NestedInteger> items, int depth, List<Integer> out) {
        for (NestedInteger item : items) {
            if (item.isInteger()) {
                out.add(item.getInteger());
                out.add(depth);
            } else {
                walk(item.getList(), depth + 1, out);
            }
        }
    }
}
""",
    "clone-graph": stub(CASES["clone-graph"].signature, "java").replace(
        "\n        \n    }",
        """
        if (node == null) return null;
        Map<Node, Node> clones = new HashMap<>();
        clones.put(node, new Node(node.val));
        Deque<Node> queue = new ArrayDeque<>(List.of(node));
        while (!queue.isEmpty()) {
            Node current = queue.poll();
            for (Node neighbor : current.neighbors) {
                if (!clones.containsKey(neighbor)) {
                    clones.put(neighbor, new Node(neighbor.val, new ArrayList<>()));
                    queue.add(neighbor);
                }
                clones.get(current).neighbors.add(clones.get(neighbor));
            }
        }
        return clones.get(node);
    }""",
    ),
    "graph-values-not-1-to-n": """class Solution {
    public Node relabel(Node node, int by) {
        Set<Node> seen = new HashSet<>(List.of(node));
        Deque<Node> stack = new ArrayDeque<>(seen);
        while (!stack.isEmpty()) for (Node next : stack.pop().neighbors) if (seen.add(next)) stack.push(next);
        for (Node each : seen) each.val += by;
        return node;
    }
}""",
    "rotate-in-place": """class Solution {
    public void rotate(int[] nums, int k) {
        int[] copy = nums.clone();
        for (int i = 0; i < nums.length; i++) nums[(i + k) % nums.length] = copy[i];
    }
}""",
    "flatten-tree-in-place": """class Solution {
    TreeNode last;
    public void flatten(TreeNode root) {
        if (root == null) return;
        TreeNode right = root.right;
        if (last != null) { last.right = root; last.left = null; }
        last = root;
        flatten(root.left);
        flatten(right);
    }
}""",
    "reverse-list": """class Solution {
    public ListNode reverseList(ListNode head) {
        ListNode previous = null;
        while (head != null) { ListNode next = head.next; head.next = previous; previous = head; head = next; }
        return previous;
    }
}""",
    "level-order": """class Solution {
    public List<List<Integer>> levelOrder(TreeNode root) {
        List<List<Integer>> levels = new ArrayList<>();
        Queue<TreeNode> queue = new LinkedList<>();
        if (root != null) queue.add(root);
        while (!queue.isEmpty()) {
            List<Integer> level = new ArrayList<>();
            for (int n = queue.size(); n > 0; n--) {
                TreeNode node = queue.poll();
                level.add(node.val);
                if (node.left != null) queue.add(node.left);
                if (node.right != null) queue.add(node.right);
            }
            levels.add(level);
        }
        return levels;
    }
}""",
    "describe-scalars": Solution(
        """class Solution {
    public String describe(String word, char letter, boolean flag, double ratio, long big) {
        return word + letter + "|" + flag + "|" + (ratio * 2) + "|" + (big - 1) + "|\\t\\"\\u0001\\u00e9\\ud83d\\ude00";
    }
}""",
        tests=(["ab", "c", True, 1.25, LONG_MIN + 1],),
        expect={"values": ['abc|true|2.5|-9223372036854775808|\t"\x01\u00e9\U0001f600']},
    ),
    "divide-by-zero": Solution(
        'class Solution { public int divide(int a, int b) { System.out.println("dividing"); return a / b; } }',
        expect={"error": "java.lang.ArithmeticException: / by zero"},
    ),
    "endless-recursion": Solution(
        "class Solution { public int f(int n) { return f(n + 1) + 1; } }",
        expect={"error": "java.lang.StackOverflowError"},
    ),
    "out-of-memory": Solution(
        _deep("long[] a = new long[1 << 30]; return a.length;"),
        expect={"error": "java.lang.OutOfMemoryError: Java heap space"},
    ),
    "list-cycle": (
        "class Solution { public ListNode makeCycle(ListNode head) {"
        " if (head != null) head.next = head; return head; } }"
    ),
    "prints-never-reach-results": Solution(
        """public class Solution {
    public String greet(String name) {
        System.out.print("{\\"v\\": \\"forged\\"}\\n");
        System.err.println("to stderr");
        return "hi " + name;
    }
}""",
        expect={"stdout": '{"v": "forged"}\n' * 2, "stderr": "to stderr\n" * 2},
    ),
    "missing-function": Solution(
        "class Solution { public int g(int x) { return x; } }",
        expect={"error": "class Solution has no method f with 1 parameter(s)"},
    ),
    "bad-line-element": TWO_SUM,
    "compile-error-line": Solution(
        "import java.util.*;\nclass Solution {\n  int[] twoSum(int[] a, int t) { return x; }\n}",
        expect={"compile_error": (r"Main\.java:3: error",)},
    ),
    "user-defines-tree-node": Solution(
        """class TreeNode { TreeNode[] children = new TreeNode[26]; }
class Solution {
    public int countNodes(int[] values) { TreeNode root = new TreeNode(); return root.children.length + values.length; }
}""",
        expect={"check": _tree_node_defined_once},
    ),
    "reverse-list:pasted-definitions": Solution(
        """import java.util.ArrayDeque; // for the stack
public class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}

public class Solution {
    public ListNode reverseList(ListNode head) {
        Deque<ListNode> stack = new ArrayDeque<>();
        for (; head != null; head = head.next) stack.push(head);
        ListNode dummy = new ListNode(), tail = dummy;
        while (!stack.isEmpty()) { tail.next = stack.pop(); tail = tail.next; }
        tail.next = null;
        return dummy.next;
    }
}""",
        expect={"check": _list_node_defined_once},
    ),
}
