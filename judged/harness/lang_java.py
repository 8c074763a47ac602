"""The Java harness: `Main.java` holding the user's `class Solution` and a `public class Main` that calls it.

Layout of the generated file:

1. line 1: `import java.util.*;` (LeetCode's pre-import) and every `import`
   line of the user's text, followed by the user's first line; the user's
   import (and `package`) lines are blanked where they were, so every line
   of the user's code keeps its line number in javac's messages;
2. the user's text, otherwise unchanged (a top-level `public class
   Solution`, `ListNode` or `TreeNode` loses its `public`, which only a
   file of that name could hold);
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

from judged.harness.runtime_sources import node_sections, runtime_source
from judged.harness.types import Base, Signature

FILE_NAME = "Main.java"

# An import or package line, perhaps with a comment after it; group 1 is the import itself.
_IMPORT = re.compile(r"[ \t]*(import[ \t]+(?:static[ \t]+)?[\w.]+(?:[ \t]*\.[ \t]*\*)?[ \t]*;)[ \t]*(?://.*)?")
_PACKAGE = re.compile(r"[ \t]*package[ \t]+[\w.]+[ \t]*;[ \t]*(?://.*)?")
# A top-level class the user declares public, which only a file of its own name could hold.
_PUBLIC_CLASS = re.compile(
    r"^public(?=[ \t]+(?:final[ \t]+)?class[ \t]+(?:Solution|ListNode|TreeNode)\b)", re.MULTILINE
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
_NODES = {Base.LIST_NODE: _LIST_NODE, Base.TREE_NODE: _TREE_NODE}


def build(signature: Signature, solution: str) -> dict[str, str]:
    """`Main.java` for `signature` around the user's `solution` (LeetCode's Java form)."""
    parts = [_user_part(solution), ""]
    for base, definition in _NODES.items():
        declared = re.search(rf"^(?:public[ \t]+)?(?:final[ \t]+)?class[ \t]+{base.value}\b", solution, re.MULTILINE)
        if signature.uses(base) and not declared:
            parts.append(definition)
    values = {
        "NAME": signature.name,
        "ARITY": str(len(signature.params)),
        "IN_PLACE": "true" if signature.in_place else "false",
    }
    parts.append(runtime_source("java_main.java", node_sections(signature), values))
    return {FILE_NAME: "\n".join(parts)}


def _user_part(solution: str) -> str:
    """The user's text with its imports hoisted onto line 1 beside `import java.util.*;`, lines kept in place."""
    text = _PUBLIC_CLASS.sub(" " * len("public"), solution.replace("\r\n", "\n"))
    lines = text.split("\n")
    imports = ["import java.util.*;"]
    for index, line in enumerate(lines):
        match = _IMPORT.fullmatch(line)
        if match:
            imports.append(match.group(1))
        if match or _PACKAGE.fullmatch(line):
            lines[index] = ""
    lines[0] = " ".join([*imports, lines[0]]).rstrip()
    return "\n".join(lines)
