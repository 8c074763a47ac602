"""The JavaScript design harness: `main.js` runs the user's class on LeetCode's operation lists.

`main.js` is `judged/harness/runtime/javascript_main.js` (codecs, protocol,
loading `solution.js` under its own name) followed by `javascript_design.js`
and one call naming the class and its types. LeetCode's JavaScript form is a
constructor function with prototype methods (`var LRUCache =
function(capacity) {...}; LRUCache.prototype.get = function(key) {...}`);
an ES6 `class LRUCache {...}` works the same.
"""

from __future__ import annotations

import json

from judged.harness.design import Design
from judged.harness.lang_javascript import MAIN_FILE, SOLUTION_FILE
from judged.harness.runtime_sources import read_runtime


def build(design: Design, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code as they wrote it."""
    config = {
        "className": design.class_name,
        "init": [str(param.type) for param in design.constructor],
        "methods": {m.name: [[str(p.type) for p in m.params], str(m.returns)] for m in design.methods},
    }
    runtime = f"{read_runtime('javascript_main.js')}\n{read_runtime('javascript_design.js')}"
    main = f"{runtime}\nrunDesign({json.dumps(config)});\n"
    return {MAIN_FILE: main, SOLUTION_FILE: solution}
