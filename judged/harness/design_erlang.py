"""The Erlang design harness: LeetCode's functions over a state the solution keeps, on the operation lists.

LeetCode's Erlang form of a design problem is one function per operation, prefixed with the class name in
snake_case: `lru_cache_init_(Capacity)` (the constructor, called before every test case), `lru_cache_get(Key)`,
`lru_cache_put(Key, Value)`; the solution keeps its state itself (the process dictionary, ETS, a registered
process). `judged_main.erl` is the BEAM runtime (`judged/harness/runtime/beam_main.erl`) with a design clause
appended: the class, the init function and each method's function with its types (`void` for a method whose
return LeetCode ignores); `solution.erl` is the user's text behind `-module(solution).`, as for functions. Each
test runs in a fresh process, and what it left under a name (a registered process, an ETS table's owner) is
killed after it (beam_main.erl), so no state leaks
from one test case into the next.
"""

from __future__ import annotations

from judged.harness.design import Design
from judged.harness.lang_erlang import HARNESS_FILE, MODULE_ATTRIBUTE, SOLUTION_FILE, harness_type
from judged.harness.names import snake_case
from judged.harness.runtime_sources import read_runtime
from judged.harness.types import VOID, Param, Type

INIT = "init_"
"""The constructor's suffix, LeetCode's: `lru_cache_init_`, `LRUCache.init_`."""


def prefix(design: Design) -> str:
    """LeetCode's Erlang function prefix: the class name in snake_case and `_` (`LRUCache` -> `lru_cache_`)."""
    return snake_case(design.class_name) + "_"


def function(design: Design, method: str) -> str:
    """The Erlang function of a method: `lru_cache_get`, `min_stack_get_min`."""
    return prefix(design) + snake_case(method)


def _types(params: tuple[Param, ...]) -> str:
    return "[" + ", ".join(harness_type(param.type) for param in params) + "]"


def _returns(type_: Type) -> str:
    return "void" if type_ == VOID else harness_type(type_)


def design_clause(flavour: str, module: str, design: Design, init: str, functions: list[str]) -> str:
    """The clause appended to the runtime: the class, the init function and each method's function and types."""
    methods = ", ".join(
        f"{{<<\"{method.name}\">>, '{name}', {_types(method.params)}, {_returns(method.returns)}}}"
        for method, name in zip(design.methods, functions, strict=True)
    )
    constructor = f"{{'{init}', {_types(design.constructor)}}}"
    return (
        f"signature() -> {{design, {flavour}, '{module}', <<\"{design.class_name}\">>, {constructor}, [{methods}]}}.\n"
    )


def build(design: Design, solution: str) -> dict[str, str]:
    """The files to compile: the harness with the design's clause, and the user's functions in a module."""
    found = MODULE_ATTRIBUTE.search(solution)
    module = found.group(1) if found else "solution"
    functions = [function(design, method.name) for method in design.methods]
    clause = design_clause("erlang", module, design, prefix(design) + INIT, functions)
    harness = f"-module(judged_main).\n{read_runtime('beam_main.erl')}\n{clause}"
    return {HARNESS_FILE: harness, SOLUTION_FILE: ("" if found else "-module(solution). ") + solution}
