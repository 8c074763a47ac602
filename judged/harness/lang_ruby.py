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
from judged.harness.support import declare
from judged.harness.tables import comments_above, tables
from judged.harness.types import Signature

MAIN_FILE = "main.rb"
SOLUTION_FILE = "solution.rb"

TYPE_NAMES = tables("ruby").type_names
NODE_COMMENTS = tables("ruby").comment_lines


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code as they wrote it."""
    name, returns = json.dumps(snake_case(signature.name)), json.dumps(str(signature.returns))
    params = json.dumps([str(param.type) for param in signature.params])
    call = f"exit(JudgedHarness.run({name}, {params}, {returns}))\n"
    return {MAIN_FILE: f"{read_runtime('ruby_main.rb')}\n{call}", SOLUTION_FILE: solution}


def stub(signature: Signature) -> list[str]:
    """LeetCode's Ruby stub: the type comments, then `def two_sum(nums, target)` ... `end`."""
    comments = comments_above(signature, NODE_COMMENTS)
    docs = [f"# @param {{{TYPE_NAMES.spell(param.type)}}} {snake_case(param.name)}" for param in signature.params]
    if signature.in_place:
        modified = snake_case(signature.params[0].name)
        docs.append(f"# @return {{Void}} Do not return anything, modify {modified} in-place instead.")
    else:
        docs.append(f"# @return {{{TYPE_NAMES.spell(signature.returns)}}}")
    names = ", ".join(snake_case(param.name) for param in signature.params)
    return [*comments, *docs, f"def {snake_case(signature.name)}({names})", "    ", "end"]


SUPPORT = declare("ruby", build=build, stub=stub)
