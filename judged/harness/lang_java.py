"""The Java harness: `Main.java` holding the user's `class Solution` and a `public class Main` that calls it.

Layout of the generated file:

1. line 1: `import java.util.*;` and the other pre-imports (`PRE_IMPORTS`) and every `import`
   line of the user's text, followed by the user's first line; the user's
   import (and `package`) lines are blanked where they were, so every line
   of the user's code keeps its line number in javac's messages;
2. the user's text, otherwise unchanged (a top-level `public class
   Solution`, `ListNode` or `TreeNode` loses its `public`, which only a
   file of that name could hold), then LeetCode's `Pair<K, V>` (javafx's,
   whose import is dropped) unless the user declares a `Pair` of their own;
3. `class ListNode` / `class TreeNode`, LeetCode's definitions, when the
   signature uses them and the user did not paste a definition of their
   own (a user may have a `TreeNode` of their own for something else);
4. `public class Main` (`runtime/java_main.java`): a JSON reader and writer,
   and a main that finds the method by reflection, converts each argument
   to the type the user declared (`int[]` or `List<Integer>`, `int[][]` or
   `List<List<Integer>>`, ...), calls it on a new `Solution` per test and
   converts the result back. `t` is the calling thread's CPU time
   (`ThreadMXBean.getCurrentThreadCpuTime`, nanoseconds), which leaves out
   the JVM's own threads: the JIT compilers and the serial collector.

Everything of the harness is nested in `Main` and spelled with fully
qualified names, so the user's imports and helper classes cannot clash with it.
"""

from __future__ import annotations

import re

from judged.harness.names import RESERVED_BY_LANGUAGE
from judged.harness.runtime_sources import node_sections, runtime_source, undeclared_nodes
from judged.harness.stubs import java_stub
from judged.harness.support import declare
from judged.harness.types import Base, Signature

FILE_NAME = "Main.java"

# An import or package line, perhaps with a comment after it; group 1 is the import itself.
_IMPORT = re.compile(r"[ \t]*(import[ \t]+(?:static[ \t]+)?[\w.]+(?:[ \t]*\.[ \t]*\*)?[ \t]*;)[ \t]*(?://.*)?")
_PACKAGE = re.compile(r"[ \t]*package[ \t]+[\w.]+[ \t]*;[ \t]*(?://.*)?")
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
# A top-level class the user declares public, which only a file of its own name could hold.
_PUBLIC_CLASS = re.compile(
    r"^public(?=[ \t]+(?:final[ \t]+)?class[ \t]+(?:Solution|ListNode|TreeNode|Node)\b)", re.MULTILINE
)

_LIST_NODE = """\
class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}
"""
_TREE_NODE = """\
class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;
    TreeNode() {}
    TreeNode(int val) { this.val = val; }
    TreeNode(int val, TreeNode left, TreeNode right) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}
"""
_GRAPH_NODE = """\
class Node {
    public int val;
    public List<Node> neighbors;
    public Node() {
        val = 0;
        neighbors = new ArrayList<Node>();
    }
    public Node(int _val) {
        val = _val;
        neighbors = new ArrayList<Node>();
    }
    public Node(int _val, ArrayList<Node> _neighbors) {
        val = _val;
        neighbors = _neighbors;
    }
}
"""
# LeetCode shows NestedInteger as an interface; a class with its methods and constructors stands in.
_NESTED_INTEGER = """\
class NestedInteger {
    private Integer integer;
    private List<NestedInteger> list;
    public NestedInteger() { list = new ArrayList<>(); }
    public NestedInteger(int value) { integer = value; }
    public boolean isInteger() { return list == null; }
    public Integer getInteger() { return integer; }
    public void setInteger(int value) { integer = value; list = null; }
    public void add(NestedInteger ni) {
        if (list == null) { list = new ArrayList<>(); integer = null; }
        list.add(ni);
    }
    public List<NestedInteger> getList() { return list == null ? new ArrayList<>() : list; }
}
"""
_NODES = {
    Base.LIST_NODE: _LIST_NODE,
    Base.TREE_NODE: _TREE_NODE,
    Base.NODE: _GRAPH_NODE,
    Base.NESTED_INTEGER: _NESTED_INTEGER,
}

PRE_IMPORTS = (
    "import java.util.*;",
    "import java.util.function.*;",
    "import java.util.stream.*;",
    "import java.math.*;",
)
"""What a LeetCode solution may use without importing it: java.util, and the streams, functions and big numbers
its solutions use as freely."""
# LeetCode supplies `javafx.util.Pair` (no JavaFX in OpenJDK): its import is dropped and this class stands in.
_JAVAFX_PAIR = re.compile(r"import[ \t]+javafx[ \t]*\.[ \t]*util[ \t]*\.[ \t]*(?:Pair|\*)[ \t]*;")
_OWN_PAIR = re.compile(r"^[ \t]*(?:(?:public|final|abstract)[ \t]+)*(?:class|record|interface)[ \t]+Pair\b", re.M)
_PAIR = """\
class Pair<K, V> implements java.io.Serializable {
    private final K key;
    private final V value;
    public Pair(K key, V value) { this.key = key; this.value = value; }
    public K getKey() { return key; }
    public V getValue() { return value; }
    @Override public String toString() { return key + "=" + value; }
    @Override public int hashCode() { return java.util.Objects.hashCode(key) * 13 + java.util.Objects.hashCode(value); }
    @Override public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Pair)) return false;
        Pair<?, ?> p = (Pair<?, ?>) o;
        return java.util.Objects.equals(key, p.key) && java.util.Objects.equals(value, p.value);
    }
}
"""


def build(signature: Signature, solution: str) -> dict[str, str]:
    """`Main.java` for `signature` around the user's `solution` (LeetCode's Java form)."""
    parts = [_user_part(solution), ""]
    code = _COMMENT.sub("", solution)  # LeetCode's graph Node is shown inside /* */ as plain `class Node {`
    declaration = r"^(?:public[ \t]+)?(?:final[ \t]+)?(?:class|interface)[ \t]+"
    parts += undeclared_nodes(
        signature, _NODES, lambda base: re.search(rf"{declaration}{base.value}\b", code, re.M) is not None
    )
    values = {
        "NAME": signature.name,
        "ARITY": str(len(signature.params)),
        "IN_PLACE": "true" if signature.in_place else "false",
    }
    parts.append(runtime_source("java_main.java", node_sections(signature), values))
    return {FILE_NAME: "\n".join(parts)}


def _user_part(solution: str) -> str:
    """The user's text with its imports hoisted onto line 1 beside LeetCode's pre-imports, lines kept in place;
    LeetCode's `Pair` after it unless the user declares their own."""
    text = _PUBLIC_CLASS.sub(" " * len("public"), solution.replace("\r\n", "\n"))
    lines = text.split("\n")
    imports = list(PRE_IMPORTS)
    for index, line in enumerate(lines):
        match = _IMPORT.fullmatch(line)
        if match and not _JAVAFX_PAIR.fullmatch(match.group(1)):
            imports.append(match.group(1))
        if match or _PACKAGE.fullmatch(line):
            lines[index] = ""
    lines[0] = " ".join([*imports, lines[0]]).rstrip()
    own_pair = re.search(
        r"^[ \t]*(?:(?:public|final|abstract|static)[ \t]+)*(?:class|record|interface)[ \t]+Pair\b", text, re.M
    )
    return "\n".join(lines) + ("" if own_pair else "\n" + _PAIR)


SUPPORT = declare("java", build=build, stub=java_stub, reserved=RESERVED_BY_LANGUAGE["java"])
