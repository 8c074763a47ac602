"""The Erlang harness generator: `judged_main.erl` (the harness) and `solution.erl` (the user's functions).

LeetCode's Erlang form is a `-spec` and a function in snake_case with CamelCase variables, no `-module` or
`-export` line (`-spec two_sum(Nums :: [integer()], Target :: integer()) -> [integer()].`, `two_sum(Nums,
Target) ->`); strings are `unicode:unicode_binary()`, a char is its code point (`char()`), ListNode and TreeNode
the records `#list_node{}` and `#tree_node{}` with `null` for none. The generator puts `-module(solution).`
and the records a signature uses (unless the text defines them) in front of the user's first line, so their
line numbers stay; the compile step (`judged/judging/runtime/erlang_compile.erl`) exports every function.
`judged_main.erl` is the BEAM runtime `judged/harness/runtime/beam_main.erl`, shared with Elixir, with the
signature appended.

Erlang's values are immutable: a void signature (modify the first argument in place) and the graph `Node`
(whose neighbours form cycles) cannot be written in it, and LeetCode offers Erlang for neither; nor is
LeetCode's `NestedInteger` built for it; such a problem does not list Erlang (`refuses`).
"""

from __future__ import annotations

import re

from judged.harness.names import snake_case
from judged.harness.runtime_sources import read_runtime, undeclared_nodes
from judged.harness.support import declare
from judged.harness.tables import comments_above, tables
from judged.harness.types import Base, Signature, Type

HARNESS_FILE = "judged_main.erl"
SOLUTION_FILE = "solution.erl"

TYPE_NAMES = tables("erlang").type_names

RECORDS = {
    Base.LIST_NODE: (
        "-record(list_node, {val = 0 :: integer(),",
        "                    next = null :: 'null' | #list_node{}}).",
    ),
    Base.TREE_NODE: (
        "-record(tree_node, {val = 0 :: integer(),",
        "                    left = null  :: 'null' | #tree_node{},",
        "                    right = null :: 'null' | #tree_node{}}).",
    ),
}

NODE_COMMENTS = {
    Base.LIST_NODE: (
        "%% Definition for singly-linked list.",
        "%%",
        *(f"%% {line}" for line in RECORDS[Base.LIST_NODE]),
    ),
    Base.TREE_NODE: (
        "%% Definition for a binary tree node.",
        "%%",
        *(f"%% {line}" for line in RECORDS[Base.TREE_NODE]),
    ),
}

_RECORD_NAMES = {Base.LIST_NODE: "list_node", Base.TREE_NODE: "tree_node"}
_HARNESS_BASES = {Base.LIST_NODE: "list_node", Base.TREE_NODE: "tree_node"}
MODULE_ATTRIBUTE = re.compile(r"^\s*-module\s*\(\s*'?([^)']+?)'?\s*\)", re.MULTILINE)


def refuses(signature: Signature) -> str | None:
    """Why Erlang (and Elixir, whose values are the BEAM's too) cannot express `signature`, or None."""
    if signature.in_place:
        return "its values are immutable: a void function cannot modify its argument in place"
    if signature.uses(Base.NODE):
        return "its values are immutable: a graph Node's neighbours (cycles) cannot be built"
    if signature.uses(Base.NESTED_INTEGER):
        return "LeetCode's NestedInteger interface is not built for it"
    return None


def variable(name: str) -> str:
    """A parameter as an Erlang variable, LeetCode's spelling: `numRows` -> `NumRows`."""
    return name[:1].upper() + name[1:]


def harness_type(type_: Type) -> str:
    """A type as the runtime's signature term spells it: `{int, 1}`, `{list_node, 0}`."""
    base = _HARNESS_BASES.get(type_.base, type_.base.value)
    return f"{{{base}, {type_.depth}}}"


def signature_clause(flavour: str, module: str, signature: Signature) -> str:
    """The clause appended to the runtime: what to call and how to read and write its values."""
    params = ", ".join(harness_type(param.type) for param in signature.params)
    name = snake_case(signature.name)
    return f"signature() -> {{{flavour}, '{module}', '{name}', [{params}], {harness_type(signature.returns)}}}.\n"


def harness(flavour: str, module: str, signature: Signature) -> str:
    """judged_main.erl: the shared BEAM runtime with the signature appended."""
    return f"-module(judged_main).\n{read_runtime('beam_main.erl')}\n{signature_clause(flavour, module, signature)}"


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The files to compile: the harness, and the user's text behind a first-line prelude."""
    refusal = refuses(signature)
    if refusal is not None:
        raise ValueError(f"Erlang cannot solve this problem: {refusal}")
    found = MODULE_ATTRIBUTE.search(solution)
    module = found.group(1) if found else "solution"
    records = {base: " ".join(line.strip() for line in record) + " " for base, record in RECORDS.items()}
    missing = undeclared_nodes(
        signature,
        records,
        lambda base: re.search(rf"^\s*-record\s*\(\s*{_RECORD_NAMES[base]}\b", solution, re.M) is not None,
    )
    prelude = ("" if found else "-module(solution). ") + "".join(missing)
    return {HARNESS_FILE: harness("erlang", module, signature), SOLUTION_FILE: prelude + solution}


def stub(signature: Signature) -> list[str]:
    """LeetCode's Erlang stub: the record comments, the `-spec`, then `two_sum(Nums, Target) ->` and `  .`."""
    comments = comments_above(signature, NODE_COMMENTS, gap=("",))
    name = snake_case(signature.name)
    typed = ", ".join(f"{variable(param.name)} :: {TYPE_NAMES.spell(param.type)}" for param in signature.params)
    names = ", ".join(variable(param.name) for param in signature.params)
    return [*comments, f"-spec {name}({typed}) -> {TYPE_NAMES.spell(signature.returns)}.", f"{name}({names}) ->", "  ."]


SUPPORT = declare("erlang", build=build, stub=stub, node_comments=NODE_COMMENTS, refuses=refuses)
