"""The C# harness generator: `Main.cs`, the user's text followed by the harness.

LeetCode's C# form is `public class Solution` with a PascalCase method (`public int[] TwoSum(int[] nums, int
target)`), arrays as `int[]` and nested lists as `IList<IList<int>>`, and its `ListNode`, `TreeNode` and graph
`Node` classes. LeetCode compiles with `System`, `System.Collections.Generic`, `System.Linq` and `System.Text`
imported: the generator puts those `using` lines before the user's first line, on that line, so the user's
line numbers stay (a `using` the user repeats is only a warning). The harness finds the method by reflection
and converts each argument to what the user declared (`int[]` or `IList<int>`), so either form is accepted.
A node class the user pastes uncommented is used instead of the harness's. The language compiles both files
with Mono's `mcs` (one file, so an I/O program is that file alone) and runs `mono main.exe`; the harness is
`judged/harness/runtime/csharp_main.cs`, after the user's last line.
"""

from __future__ import annotations

import json
import re

from judged.harness.runtime_sources import node_sections, runtime_source
from judged.harness.support import LanguageSupport, Layout
from judged.harness.typenames import TypeNames
from judged.harness.types import NODES, Base, Signature, Type

MAIN_FILE = "Main.cs"
USINGS = "using System; using System.Collections.Generic; using System.Linq; using System.Text; "
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)

TYPE_NAMES = TypeNames(
    bases={
        Base.INT: "int",
        Base.LONG: "long",
        Base.DOUBLE: "double",
        Base.BOOL: "bool",
        Base.STRING: "string",
        Base.CHAR: "char",
        Base.LIST_NODE: "ListNode",
        Base.TREE_NODE: "TreeNode",
        Base.NODE: "Node",
        Base.NESTED_INTEGER: "NestedInteger",
        Base.VOID: "void",
    },
    array="{}[]",
    exceptions={"NestedInteger[]": "IList<NestedInteger>"},
)
_LIST_NAMES = TypeNames(bases=TYPE_NAMES.bases, array="IList<{}>")

NODE_COMMENTS = {
    Base.LIST_NODE: (
        "/**",
        " * Definition for singly-linked list.",
        " * public class ListNode {",
        " *     public int val;",
        " *     public ListNode next;",
        " *     public ListNode(int val=0, ListNode next=null) {",
        " *         this.val = val;",
        " *         this.next = next;",
        " *     }",
        " * }",
        " */",
    ),
    Base.TREE_NODE: (
        "/**",
        " * Definition for a binary tree node.",
        " * public class TreeNode {",
        " *     public int val;",
        " *     public TreeNode left;",
        " *     public TreeNode right;",
        " *     public TreeNode(int val=0, TreeNode left=null, TreeNode right=null) {",
        " *         this.val = val;",
        " *         this.left = left;",
        " *         this.right = right;",
        " *     }",
        " * }",
        " */",
    ),
    Base.NODE: (
        "/*",
        "// Definition for a Node.",
        "public class Node {",
        "    public int val;",
        "    public IList<Node> neighbors;",
        "",
        "    public Node() {",
        "        val = 0;",
        "        neighbors = new List<Node>();",
        "    }",
        "",
        "    public Node(int _val) {",
        "        val = _val;",
        "        neighbors = new List<Node>();",
        "    }",
        "",
        "    public Node(int _val, List<Node> _neighbors) {",
        "        val = _val;",
        "        neighbors = _neighbors;",
        "    }",
        "}",
        "*/",
        "",
    ),
    Base.NESTED_INTEGER: (
        "/**",
        " * // This is the interface that allows for creating nested lists.",
        " * // You should not implement it, or speculate about its implementation",
        " * interface NestedInteger {",
        " *",
        " *     // Constructor initializes an empty nested list.",
        " *     public NestedInteger();",
        " *",
        " *     // Constructor initializes a single integer.",
        " *     public NestedInteger(int value);",
        " *",
        " *     // @return true if this NestedInteger holds a single integer, rather than a nested list.",
        " *     bool IsInteger();",
        " *",
        " *     // @return the single integer that this NestedInteger holds, if it holds a single integer",
        " *     // Return null if this NestedInteger holds a nested list",
        " *     int GetInteger();",
        " *",
        " *     // Set this NestedInteger to hold a single integer.",
        " *     public void SetInteger(int value);",
        " *",
        " *     // Set this NestedInteger to hold a nested list and adds a nested integer to it.",
        " *     public void Add(NestedInteger ni);",
        " *",
        " *     // @return the nested list that this NestedInteger holds, if it holds a nested list",
        " *     // Return null if this NestedInteger holds a single integer",
        " *     IList<NestedInteger> GetList();",
        " * }",
        " */",
    ),
}

# C#'s keywords: a parameter may not be called `object` or `params` (LeetCode's stubs would write `@object`).
_RESERVED = """
    abstract as base bool break byte case catch char checked class const continue decimal default delegate do
    double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface
    internal is lock long namespace new null object operator out override params private protected public readonly
    ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong
    unchecked unsafe ushort using virtual void volatile while
"""
RESERVED = frozenset(_RESERVED.split())


def pascal_case(name: str) -> str:
    """LeetCode's C# method name: `twoSum` -> `TwoSum`."""
    return name[:1].upper() + name[1:]


def _defines(solution: str, class_name: str) -> bool:
    """Whether the user's code (comments aside) declares a class of this name."""
    return re.search(rf"\b(?:class|interface)\s+{class_name}\b", _COMMENT.sub("", solution)) is not None


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The file to compile: the user's code, then the harness with the node types the signature uses."""
    sections = node_sections(signature)
    sections |= {f"{base}Class" for base in sections if not _defines(solution, base)} | {"function"}
    values = {
        "METHOD": json.dumps(pascal_case(signature.name)),
        "PARAMS": ", ".join(json.dumps(str(param.type)) for param in signature.params),
        "RETURNS": json.dumps(str(signature.returns)),
    }
    harness = runtime_source("csharp_main.cs", sections, values)
    return {MAIN_FILE: f"{USINGS}{solution}\n{harness}"}


def spell_return(type_: Type) -> str:
    """LeetCode's return types: `IList<IList<int>>` for nested lists and `IList<string>` for strings, else arrays."""
    if type_.depth == 2 or (type_.depth == 1 and type_.base is Base.STRING):
        return _LIST_NAMES.spell(type_)
    return TYPE_NAMES.spell(type_)


def stub(signature: Signature) -> list[str]:
    """LeetCode's C# stub: `public class Solution {`, `    public int[] TwoSum(int[] nums, int target) {`."""
    comments = [line for base in NODES if signature.uses(base) for line in NODE_COMMENTS[base]]
    params = ", ".join(f"{TYPE_NAMES.spell(param.type)} {param.name}" for param in signature.params)
    head = f"    public {spell_return(signature.returns)} {pascal_case(signature.name)}({params}) {{"
    return [*comments, "public class Solution {", head, "        ", "    }", "}"]


SUPPORT = LanguageSupport(
    id="csharp",
    extensions=("cs",),
    build=build,
    stub=stub,
    type_names=TYPE_NAMES,
    node_comments=NODE_COMMENTS,
    memory_markers=("OutOfMemoryException", "Out of memory"),
    layout=Layout.SINGLE,
    reference_rank=40,
    reserved=RESERVED,
)
