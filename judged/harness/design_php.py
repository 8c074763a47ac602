"""The PHP design harness: `main.php` runs the user's class on LeetCode's operation lists.

LeetCode's PHP form is a class with `function __construct($capacity)` and its methods under their camelCase
names (`function getMin()`), typed in `/** @param Integer $key */` comments. `main.php` is
`judged/harness/runtime/php_main.php` (codecs, protocol) followed by `php_design.php` and one call naming the
class and its types; `solution.php` is the user's text with its opening tag (`lang_php.with_open_tag`).
"""

from __future__ import annotations

import json

from judged.harness.design import Design
from judged.harness.lang_php import MAIN_FILE, SOLUTION_FILE, with_open_tag
from judged.harness.runtime_sources import read_runtime


def build(design: Design, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code with its opening tag."""
    constructor = json.dumps([str(param.type) for param in design.constructor])
    methods = json.dumps({m.name: [[str(p.type) for p in m.params], str(m.returns)] for m in design.methods})
    # The methods' table is JSON in a PHP string (PHP has no object literal): decoded to an array.
    table = methods.replace("\\", "\\\\").replace("'", "\\'")
    call = f"exit(judged_run_design({json.dumps(design.class_name)}, {constructor}, json_decode('{table}', true)));\n"
    runtime = read_runtime("php_main.php") + "\n" + read_runtime("php_design.php").removeprefix("<?php\n")
    return {MAIN_FILE: f"{runtime}\n{call}", SOLUTION_FILE: with_open_tag(solution)}
