"""The Elixir harness generator: `main.exs` (starts the harness), `solution.ex` (the user's module) and
`judged_main.erl` (the harness).

LeetCode's Elixir form is `defmodule Solution do` with `@spec two_sum(nums :: [integer], target :: integer)
:: [integer]` and `def two_sum(nums, target) do`; strings are `String.t` (UTF-8 binaries), a char its code
point (`char`), ListNode and TreeNode the structs `%ListNode{val, next}` and `%TreeNode{val, left, right}` with
`nil` for none. The generator puts the struct modules a signature uses (unless the text defines them) on the
user's first line, before their text, so their line numbers stay and `%ListNode{}` compiles. The harness is
the BEAM runtime shared with Erlang (`judged/harness/runtime/beam_main.erl`) with the signature appended;
`main.exs` calls it, so an I/O program (an Elixir script, written into every file) runs as
`elixir main.exs`. The compile step is `judged/judging/runtime/elixir_compile.exs`.

As in Erlang, values are immutable: a void signature and the graph `Node` are refused
(`lang_erlang.refuses`); LeetCode offers Elixir for neither.
"""

from __future__ import annotations

import re

from judged.harness.lang_erlang import HARNESS_FILE, harness, refuses
from judged.harness.names import snake_case
from judged.harness.runtime_sources import undeclared_nodes
from judged.harness.support import declare
from judged.harness.tables import comments_above, tables
from judged.harness.types import Base, Signature

MAIN_FILE = "main.exs"
SOLUTION_FILE = "solution.ex"
MODULE = "Elixir.Solution"

TYPE_NAMES = tables("elixir").type_names

DEFINITIONS = {
    Base.LIST_NODE: (
        "defmodule ListNode do",
        "  @type t :: %__MODULE__{",
        "          val: integer,",
        "          next: ListNode.t() | nil",
        "        }",
        "  defstruct val: 0, next: nil",
        "end",
    ),
    Base.TREE_NODE: (
        "defmodule TreeNode do",
        "  @type t :: %__MODULE__{",
        "          val: integer,",
        "          left: TreeNode.t() | nil,",
        "          right: TreeNode.t() | nil",
        "        }",
        "  defstruct val: 0, left: nil, right: nil",
        "end",
    ),
}

NODE_COMMENTS = {
    Base.LIST_NODE: (
        "# Definition for singly-linked list.",
        "#",
        *(f"# {line}" for line in DEFINITIONS[Base.LIST_NODE]),
    ),
    Base.TREE_NODE: (
        "# Definition for a binary tree node.",
        "#",
        *(f"# {line}" for line in DEFINITIONS[Base.TREE_NODE]),
    ),
}


def _definition(base: Base) -> str:
    """A struct module on one line (`;` between its parts), to stand in front of the user's first line."""
    lines = DEFINITIONS[base]
    return f"{lines[0]} {' '.join(line.strip() for line in lines[1:-2])}; {lines[-2].strip()} end; "


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The files to compile and run: the starter, the user's text behind the struct definitions, the harness."""
    refusal = refuses(signature)
    if refusal is not None:
        raise ValueError(f"Elixir cannot solve this problem: {refusal}")
    definitions = {base: _definition(base) for base in DEFINITIONS}
    prelude = "".join(
        undeclared_nodes(
            signature,
            definitions,
            lambda base: re.search(rf"^\s*defmodule\s+{base.value}\b", solution, re.M) is not None,
        )
    )
    return {
        MAIN_FILE: ":judged_main.start()\n",
        SOLUTION_FILE: prelude + solution,
        HARNESS_FILE: harness("elixir", MODULE, signature),
    }


def stub(signature: Signature) -> list[str]:
    """LeetCode's Elixir stub: the struct comments, then `defmodule Solution do`, the `@spec` and the `def`."""
    comments = comments_above(signature, NODE_COMMENTS, gap=("",))
    name = snake_case(signature.name)
    typed = ", ".join(f"{snake_case(param.name)} :: {TYPE_NAMES.spell(param.type)}" for param in signature.params)
    names = ", ".join(snake_case(param.name) for param in signature.params)
    return [
        *comments,
        "defmodule Solution do",
        f"  @spec {name}({typed}) :: {TYPE_NAMES.spell(signature.returns)}",
        f"  def {name}({names}) do",
        "    ",
        "  end",
        "end",
    ]


SUPPORT = declare("elixir", build=build, stub=stub, node_comments=NODE_COMMENTS, refuses=refuses)
