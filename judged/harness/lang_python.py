"""The Python 3 harness generator: `main.py` (the harness) and `solution.py` (the user's text, unchanged).

The language runs `python3 -I -B {src}/main.py`. `main.py` is
`judged/harness/runtime/python_main.py` followed by one call naming the
signature; it compiles `solution.py` under its own name (so the user's line
numbers show), gives it LeetCode's names, and calls `Solution().<name>`
once per test line. See the runtime's docstring for the details.
"""

from __future__ import annotations

import json

from judged.harness.names import RESERVED_BY_LANGUAGE
from judged.harness.runtime_sources import read_runtime
from judged.harness.stubs import python_stub
from judged.harness.support import declare
from judged.harness.types import Signature

MAIN_FILE = "main.py"
SOLUTION_FILE = "solution.py"


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code as they wrote it."""
    param_types = json.dumps([str(param.type) for param in signature.params])
    call = f"raise SystemExit(run({json.dumps(signature.name)}, {param_types}, {json.dumps(str(signature.returns))}))\n"
    return {MAIN_FILE: f"{read_runtime('python_main.py')}\n\n{call}", SOLUTION_FILE: solution}


SUPPORT = declare("python", build=build, stub=python_stub, reserved=RESERVED_BY_LANGUAGE["python"])
