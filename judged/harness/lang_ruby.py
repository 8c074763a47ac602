"""The Ruby harness generator: `main.rb` (the harness) and `solution.rb` (the user's text, unchanged).

LeetCode's Ruby form is a top-level method in snake_case with snake_case parameters and YARD-style type
comments (`# @param {Integer[]} nums`, `def two_sum(nums, target)`). The language runs `ruby --disable-gems
{src}/main.rb`; `main.rb` is `judged/harness/runtime/ruby_main.rb` followed by one call naming the method,
which evaluates `solution.rb` at the top level under its own name and calls the method once per test. See the
runtime's comment for the details.
"""

from __future__ import annotations

import json

from judged.harness.names import snake_case
from judged.harness.runtime_sources import read_runtime
from judged.harness.support import LanguageSupport, Layout
from judged.harness.typenames import TypeNames
from judged.harness.types import NODES, Base, Signature

MAIN_FILE = "main.rb"
SOLUTION_FILE = "solution.rb"

TYPE_NAMES = TypeNames(
    bases={
        Base.INT: "Integer",
        Base.LONG: "Integer",
        Base.DOUBLE: "Float",
        Base.BOOL: "Boolean",
        Base.STRING: "String",
        Base.CHAR: "Character",
        Base.LIST_NODE: "ListNode",
        Base.TREE_NODE: "TreeNode",
        Base.NODE: "Node",
        Base.NESTED_INTEGER: "NestedInteger",
        Base.VOID: "Void",
    },
    array="{}[]",
)

NODE_COMMENTS = {
    Base.LIST_NODE: (
        "# Definition for singly-linked list.",
        "# class ListNode",
        "#     attr_accessor :val, :next",
        "#     def initialize(val = 0, _next = nil)",
        "#         @val = val",
        "#         @next = _next",
        "#     end",
        "# end",
    ),
    Base.TREE_NODE: (
        "# Definition for a binary tree node.",
        "# class TreeNode",
        "#     attr_accessor :val, :left, :right",
        "#     def initialize(val = 0, left = nil, right = nil)",
        "#         @val = val",
        "#         @left = left",
        "#         @right = right",
        "#     end",
        "# end",
    ),
    Base.NODE: (
        "# Definition for a Node.",
        "# class Node",
        "#     attr_accessor :val, :neighbors",
        "#     def initialize(val = 0, neighbors = nil)",
        "#         @val = val",
        "#         neighbors = [] if neighbors.nil?",
        "#         @neighbors = neighbors",
        "#     end",
        "# end",
    ),
    Base.NESTED_INTEGER: (
        "# This is the interface that allows for creating nested lists.",
        "# You should not implement it, or speculate about its implementation",
        "#",
        "#class NestedInteger",
        "#    def is_integer()",
        '#        """',
        "#        Return true if this NestedInteger holds a single integer, rather than a nested list.",
        "#        @return {Boolean}",
        '#        """',
        "#",
        "#    def get_integer()",
        '#        """',
        "#        Return the single integer that this NestedInteger holds, if it holds a single integer",
        "#        Return nil if this NestedInteger holds a nested list",
        "#        @return {Integer}",
        '#        """',
        "#",
        "#    def set_integer(value)",
        '#        """',
        "#        Set this NestedInteger to hold a single integer equal to value.",
        "#        @return {Void}",
        '#        """',
        "#",
        "#    def add(elem)",
        '#        """',
        "#        Set this NestedInteger to hold a nested list and adds a nested integer elem to it.",
        "#        @return {Void}",
        '#        """',
        "#",
        "#    def get_list()",
        '#        """',
        "#        Return the nested list that this NestedInteger holds, if it holds a nested list",
        "#        Return nil if this NestedInteger holds a single integer",
        "#        @return {NestedInteger[]}",
        '#        """',
    ),
}

# Ruby's keywords (a parameter may not be called `end`), and the Kernel methods a pasted solution calls
# without parentheses, which a parameter of the same name would hide.
_RESERVED = """
    alias and begin break case class def defined do else elsif end ensure false for if in module next nil not or
    redo rescue retry return self super then true undef unless until when while yield
    lambda print proc puts raise require
"""
RESERVED = frozenset(_RESERVED.split())


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code as they wrote it."""
    name, returns = json.dumps(snake_case(signature.name)), json.dumps(str(signature.returns))
    params = json.dumps([str(param.type) for param in signature.params])
    call = f"exit(JudgedHarness.run({name}, {params}, {returns}))\n"
    return {MAIN_FILE: f"{read_runtime('ruby_main.rb')}\n{call}", SOLUTION_FILE: solution}


def stub(signature: Signature) -> list[str]:
    """LeetCode's Ruby stub: the type comments, then `def two_sum(nums, target)` ... `end`."""
    comments = [line for base in NODES if signature.uses(base) for line in NODE_COMMENTS[base]]
    docs = [f"# @param {{{TYPE_NAMES.spell(param.type)}}} {snake_case(param.name)}" for param in signature.params]
    if signature.in_place:
        modified = snake_case(signature.params[0].name)
        docs.append(f"# @return {{Void}} Do not return anything, modify {modified} in-place instead.")
    else:
        docs.append(f"# @return {{{TYPE_NAMES.spell(signature.returns)}}}")
    names = ", ".join(snake_case(param.name) for param in signature.params)
    return [*comments, *docs, f"def {snake_case(signature.name)}({names})", "    ", "end"]


SUPPORT = LanguageSupport(
    id="ruby",
    extensions=("rb",),
    build=build,
    stub=stub,
    type_names=TYPE_NAMES,
    node_comments=NODE_COMMENTS,
    memory_markers=("failed to allocate memory",),
    layout=Layout.SINGLE,
    reference_rank=110,
    reserved=RESERVED,
)
