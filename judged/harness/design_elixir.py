"""The Elixir design harness: LeetCode's module of functions over a state the solution keeps.

LeetCode's Elixir form of a design problem is a module named as the class, `defmodule LRUCache do`, with
`def init_(capacity)` (the constructor, called before every test case) and one function per method in
snake_case (`def get(key)`, `def get_min()`); the solution keeps its state itself (an Agent, `:ets`,
`Process.put`). The harness is the BEAM runtime shared with Erlang with the design clause appended
(`judged.harness.design_erlang`); `main.exs` starts it and `solution.ex` is the user's text unchanged. Each test
runs in a fresh process, and what it left under a name (a registered Agent, an ETS table's owner) is killed after
it, so no state leaks between test cases.
"""

from __future__ import annotations

from judged.harness.design import Design
from judged.harness.design_erlang import INIT, design_clause
from judged.harness.lang_elixir import MAIN_FILE, SOLUTION_FILE
from judged.harness.lang_erlang import HARNESS_FILE
from judged.harness.names import snake_case
from judged.harness.runtime_sources import read_runtime


def module(design: Design) -> str:
    """The module the solution defines, as the BEAM names it: `Elixir.LRUCache`."""
    return f"Elixir.{design.class_name}"


def build(design: Design, solution: str) -> dict[str, str]:
    """The files to compile and run: the starter, the user's module as they wrote it, the harness."""
    functions = [snake_case(method.name) for method in design.methods]
    clause = design_clause("elixir", module(design), design, INIT, functions)
    harness = f"-module(judged_main).\n{read_runtime('beam_main.erl')}\n{clause}"
    return {MAIN_FILE: ":judged_main.start()\n", SOLUTION_FILE: solution, HARNESS_FILE: harness}
