"""The Python 3 design harness: `main.py` runs the user's class on LeetCode's operation lists.

`main.py` is `judged/harness/runtime/python_main.py` (the codecs and the fd-3
protocol) followed by `python_design.py` and one call naming the class, the
constructor's parameter types and each method's; `solution.py` is the user's
text, unchanged, in LeetCode's form (`class LRUCache:` with
`def __init__(self, capacity: int):`).
"""

from __future__ import annotations

import json

from judged.harness.design import Design
from judged.harness.runtime_sources import read_runtime

MAIN_FILE = "main.py"
SOLUTION_FILE = "solution.py"


def build(design: Design, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code as they wrote it."""
    constructor = json.dumps([str(param.type) for param in design.constructor])
    methods = json.dumps(
        {method.name: [[str(param.type) for param in method.params], str(method.returns)] for method in design.methods}
    )
    call = f"raise SystemExit(run_design({json.dumps(design.class_name)}, {constructor}, {methods}))\n"
    main = f"{read_runtime('python_main.py')}\n\n{read_runtime('python_design.py')}\n\n{call}"
    return {MAIN_FILE: main, SOLUTION_FILE: solution}
