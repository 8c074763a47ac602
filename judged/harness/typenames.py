"""How each language spells the signature's types, following LeetCode's own choices.

This is the plain value type; where a stub puts more around it (C++'s `&`
on array parameters, Rust's `&mut` on a void function's first parameter,
C's size parameters) is the stub's business, in `judged.harness.stubs`.
Go spells both `int` and `long` as `int` (64-bit on every host the judge
runs on), as LeetCode does. Java arrays are `T[]` here; the Java harness
also accepts `List<...>` where a user's method declares it.
"""

from __future__ import annotations

import msgspec

from judged.harness.types import Base, Type


class TypeNames(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One language's spelling of every base type, and of an array as a template around its element (`{}`)."""

    bases: dict[Base, str]
    array: str
    # Whole types the template does not spell as LeetCode does, by type string (Java's `List<NestedInteger>`).
    exceptions: dict[str, str] = {}
    # A one-dimensional array of a base with a name of its own (Kotlin's `IntArray`), wrapped by `array` beyond.
    arrays: dict[Base, str] = {}

    def spell(self, type_: Type) -> str:
        """This language's name of `type_`: `vector<vector<int>>` for C++'s `int[][]`."""
        if str(type_) in self.exceptions:
            return self.exceptions[str(type_)]
        text = self.bases[type_.base]
        depth = type_.depth
        if depth and type_.base in self.arrays:
            text, depth = self.arrays[type_.base], depth - 1
        for _ in range(depth):
            text = self.array.replace("{}", text)
        return text


TYPE_NAMES: dict[str, TypeNames] = {
    "python": TypeNames(
        bases={
            Base.INT: "int",
            Base.LONG: "int",
            Base.DOUBLE: "float",
            Base.BOOL: "bool",
            Base.STRING: "str",
            Base.CHAR: "str",
            Base.LIST_NODE: "Optional[ListNode]",
            Base.TREE_NODE: "Optional[TreeNode]",
            Base.NODE: "Optional['Node']",
            Base.NESTED_INTEGER: "NestedInteger",
            Base.VOID: "None",
        },
        array="List[{}]",
    ),
    "c": TypeNames(
        bases={
            Base.INT: "int",
            Base.LONG: "long long",
            Base.DOUBLE: "double",
            Base.BOOL: "bool",
            Base.STRING: "char*",
            Base.CHAR: "char",
            Base.LIST_NODE: "struct ListNode*",
            Base.TREE_NODE: "struct TreeNode*",
            Base.NODE: "struct Node*",
            Base.NESTED_INTEGER: "struct NestedInteger*",
            Base.VOID: "void",
        },
        array="{}*",
    ),
    "cpp": TypeNames(
        bases={
            Base.INT: "int",
            Base.LONG: "long long",
            Base.DOUBLE: "double",
            Base.BOOL: "bool",
            Base.STRING: "string",
            Base.CHAR: "char",
            Base.LIST_NODE: "ListNode*",
            Base.TREE_NODE: "TreeNode*",
            Base.NODE: "Node*",
            Base.NESTED_INTEGER: "NestedInteger",
            Base.VOID: "void",
        },
        array="vector<{}>",
    ),
    "java": TypeNames(
        bases={
            Base.INT: "int",
            Base.LONG: "long",
            Base.DOUBLE: "double",
            Base.BOOL: "boolean",
            Base.STRING: "String",
            Base.CHAR: "char",
            Base.LIST_NODE: "ListNode",
            Base.TREE_NODE: "TreeNode",
            Base.NODE: "Node",
            Base.NESTED_INTEGER: "NestedInteger",
            Base.VOID: "void",
        },
        array="{}[]",
        exceptions={"NestedInteger[]": "List<NestedInteger>"},
    ),
    # JSDoc type names, as LeetCode's JavaScript stubs write them.
    "javascript": TypeNames(
        bases={
            Base.INT: "number",
            Base.LONG: "number",
            Base.DOUBLE: "number",
            Base.BOOL: "boolean",
            Base.STRING: "string",
            Base.CHAR: "character",
            Base.LIST_NODE: "ListNode",
            Base.TREE_NODE: "TreeNode",
            Base.NODE: "_Node",
            Base.NESTED_INTEGER: "NestedInteger",
            Base.VOID: "void",
        },
        array="{}[]",
    ),
    "go": TypeNames(
        bases={
            Base.INT: "int",
            Base.LONG: "int",
            Base.DOUBLE: "float64",
            Base.BOOL: "bool",
            Base.STRING: "string",
            Base.CHAR: "byte",
            Base.LIST_NODE: "*ListNode",
            Base.TREE_NODE: "*TreeNode",
            Base.NODE: "*Node",
            Base.NESTED_INTEGER: "*NestedInteger",
            Base.VOID: "",
        },
        array="[]{}",
    ),
    "rust": TypeNames(
        bases={
            Base.INT: "i32",
            Base.LONG: "i64",
            Base.DOUBLE: "f64",
            Base.BOOL: "bool",
            Base.STRING: "String",
            Base.CHAR: "char",
            Base.LIST_NODE: "Option<Box<ListNode>>",
            Base.TREE_NODE: "Option<Rc<RefCell<TreeNode>>>",
            Base.NODE: "Option<Rc<RefCell<Node>>>",
            Base.NESTED_INTEGER: "NestedInteger",
            Base.VOID: "()",
        },
        array="Vec<{}>",
    ),
}
"""The first seven languages' spelling of the signature's types, by language id (each `SUPPORT` names its own;
a newer language's harness module holds its `TypeNames`)."""


def type_name(type_: Type, language_id: str) -> str:
    """How one of the first seven languages spells `type_` (`judged.harness.registry.type_name` for any)."""
    return TYPE_NAMES[language_id].spell(type_)
