"""The JavaScript (Node 20) harness generator: `main.js` (the harness) and `solution.js` (the user's text, unchanged).

The language runs `node --stack-size=65500 {src}/main.js`. `main.js` is
`judged/harness/runtime/javascript_main.js` followed by one call naming the
signature; it runs `solution.js` as a script under its own name (so the
user's line numbers show), with LeetCode's `ListNode` and `TreeNode` as
globals, then looks the function up by name: `var twoSum = function`,
`function twoSum` and `const twoSum = (...) =>` all work.

Arguments are plain numbers, as on LeetCode: a `long` beyond 2^53 reaches
the function as the nearest double (a documented limit of the language's
numbers). Integer results are written exactly, and a BigInt result is
accepted for `int` and `long`.
"""

from __future__ import annotations

import json

from judged.harness.names import RESERVED_BY_LANGUAGE
from judged.harness.runtime_sources import read_runtime
from judged.harness.stubs import javascript_stub
from judged.harness.support import declare
from judged.harness.types import Signature

MAIN_FILE = "main.js"
SOLUTION_FILE = "solution.js"


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code as they wrote it."""
    config = {
        "name": signature.name,
        "params": [str(param.type) for param in signature.params],
        "returns": str(signature.returns),
    }
    return {MAIN_FILE: f"{read_runtime('javascript_main.js')}\nrun({json.dumps(config)});\n", SOLUTION_FILE: solution}


SUPPORT = declare("javascript", build=build, stub=javascript_stub, reserved=RESERVED_BY_LANGUAGE["javascript"])
