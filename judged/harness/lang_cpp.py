"""The C++ harness: `main.cpp` for one signature, around a `class Solution` in LeetCode's C++ form.

The prelude is LeetCode's environment (`#include <bits/stdc++.h>`, `using
namespace std;`, `ListNode` and `TreeNode` with their three constructors, the graph
`Node` with LeetCode's,
each only when the signature uses it) and the runtime: the C JSON reader
and writer shared with the C harness, and `judged_cpp.hpp`, which maps
every signature type to a `judged_codec<T>`. Each argument is decoded into
a named variable, so the method may take it by value, by reference or by
const reference (`vector<int>& nums`, `string s`, `string& s`). Every test
gets a new `Solution` (on the heap: solutions keep big arrays as members);
the call is timed by the process CPU clock, and a thrown exception becomes
an "e" line with its type and `what()`, then exit status 1.

Layout of the file: see `judged.harness.native`.
"""

from __future__ import annotations

from judged.harness.names import RESERVED_BY_LANGUAGE
from judged.harness.native import argument_name, assemble, main_loop, node_definitions
from judged.harness.runtime_sources import read_runtime
from judged.harness.stubs import cpp_stub
from judged.harness.support import declare
from judged.harness.types import Base, Signature, Type

SOURCE_FILE = "main.cpp"
SOLUTION_FILE = "solution.cpp"

LIST_NODE = """struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};"""
TREE_NODE = """struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};"""
GRAPH_NODE = """class Node {
public:
    int val;
    vector<Node*> neighbors;
    Node() {
        val = 0;
        neighbors = vector<Node*>();
    }
    Node(int _val) {
        val = _val;
        neighbors = vector<Node*>();
    }
    Node(int _val, vector<Node*> _neighbors) {
        val = _val;
        neighbors = _neighbors;
    }
};"""
NESTED_INTEGER = """class NestedInteger {
    bool judged_is_integer;
    int judged_value;
    vector<NestedInteger> judged_list;
public:
    NestedInteger() : judged_is_integer(false), judged_value(0) {}
    NestedInteger(int value) : judged_is_integer(true), judged_value(value) {}
    bool isInteger() const { return judged_is_integer; }
    int getInteger() const { return judged_value; }
    void setInteger(int value) {
        judged_is_integer = true;
        judged_value = value;
        judged_list.clear();
    }
    void add(const NestedInteger &ni) {
        judged_is_integer = false;
        judged_list.push_back(ni);
    }
    const vector<NestedInteger> &getList() const { return judged_list; }
};"""
INCLUDES = ("#include <bits/stdc++.h>", "using namespace std;")
"""LeetCode's C++ prelude: every standard header, and `std` names unqualified."""
RUNTIME = ("judged_json.h", "judged_session.h", "judged_nodes.h", "judged_cpp.hpp")

TYPES: dict[Base, str] = {
    Base.INT: "int",
    Base.LONG: "long long",
    Base.DOUBLE: "double",
    Base.BOOL: "bool",
    Base.STRING: "std::string",
    Base.CHAR: "char",
    Base.LIST_NODE: "ListNode*",
    Base.TREE_NODE: "TreeNode*",
    Base.NODE: "Node*",
    Base.NESTED_INTEGER: "NestedInteger",
}


def build(signature: Signature, solution: str) -> dict[str, str]:
    """`main.cpp`: the C++ harness for `signature` with the user's `solution` in it."""
    prelude = [
        f"// The judged C++ harness for {signature.name}: generated; the solution follows the prelude.",
        *INCLUDES,
        *node_definitions(
            signature,
            {
                Base.LIST_NODE: LIST_NODE,
                Base.TREE_NODE: TREE_NODE,
                Base.NODE: GRAPH_NODE,
                Base.NESTED_INTEGER: NESTED_INTEGER,
            },
        ),
        *(read_runtime(name) for name in RUNTIME),
    ]
    return {SOURCE_FILE: assemble(prelude, solution, SOLUTION_FILE, _main(signature), SOURCE_FILE)}


def cpp_type(type_: Type) -> str:
    """The harness's spelling of a type, fully qualified: `std::vector<std::vector<int>>`."""
    text = TYPES[type_.base]
    for _ in range(type_.depth):
        text = f"std::vector<{text}>"
    return text


def _main(signature: Signature) -> list[str]:
    reads = [
        f"auto {argument_name(index)} = judged_argument<{cpp_type(param.type)}>(&judged_s);"
        for index, param in enumerate(signature.params)
    ]
    arguments = ", ".join(argument_name(index) for index in range(len(signature.params)))
    method = f"std::unique_ptr<Solution>(new Solution())->{signature.name}({arguments})"
    if signature.in_place:
        call = f"judged_call_in_place(&judged_s, [&] {{ {method}; }}, {argument_name(0)});"
    else:
        call = f"judged_call<{cpp_type(signature.returns)}>(&judged_s, [&] {{ return {method}; }});"
    return main_loop("int main() {", [*reads, "judged_end_test(&judged_s);", call])


SUPPORT = declare("cpp", build=build, stub=cpp_stub, reserved=RESERVED_BY_LANGUAGE["cpp"])
