"""The Ruby design harness: `main.rb` runs the user's class on LeetCode's operation lists.

LeetCode's Ruby form is a class with `initialize` and its methods in snake_case (`class MinStack` ...
`def get_min()`), parameters documented in `=begin ... =end` blocks. `main.rb` is
`judged/harness/runtime/ruby_main.rb` (codecs, protocol, loading `solution.rb` under its own name) followed by
`ruby_design.rb` and one call naming the class, the constructor's types and each method's Ruby name and types;
the operations stay in LeetCode's camelCase (`getMin`), the harness calls `get_min`.
"""

from __future__ import annotations

import json

from judged.harness.design import Design
from judged.harness.lang_ruby import MAIN_FILE, SOLUTION_FILE
from judged.harness.names import snake_case
from judged.harness.runtime_sources import read_runtime


def build(design: Design, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code as they wrote it."""
    constructor = json.dumps([str(param.type) for param in design.constructor])
    methods = json.dumps(
        {m.name: [snake_case(m.name), [str(p.type) for p in m.params], str(m.returns)] for m in design.methods}
    )
    # The methods' table is JSON in a Ruby string: a Ruby hash literal would make `{"getMin": ...}`'s keys symbols.
    table = methods.replace("\\", "\\\\").replace("'", "\\'")
    call = f"exit(JudgedHarness.run_design({json.dumps(design.class_name)}, {constructor}, JSON.parse('{table}')))\n"
    main = f"{read_runtime('ruby_main.rb')}\n{read_runtime('ruby_design.rb')}\n{call}"
    return {MAIN_FILE: main, SOLUTION_FILE: solution}
