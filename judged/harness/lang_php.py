"""The PHP harness generator: `main.php` (the harness) and `solution.php` (the user's text).

LeetCode's PHP form is `class Solution` with a method of the problem's name, its parameters `$nums` with
type comments (`@param Integer[] $nums`); a void method takes an array first parameter by reference
(`function sortColors(&$nums)`; a node is an object already). The text LeetCode shows has no `<?php` tag:
the generator puts one before a solution without it, on its first line, so the user's line numbers stay.
The language runs `php -n {src}/main.php`; `main.php` is `judged/harness/runtime/php_main.php` followed by
one call naming the method.
"""

from __future__ import annotations

import json

from judged.harness.runtime_sources import read_runtime
from judged.harness.support import declare
from judged.harness.tables import comments_above, tables
from judged.harness.types import Signature

MAIN_FILE = "main.php"
SOLUTION_FILE = "solution.php"
OPEN_TAG = "<?php"

TYPE_NAMES = tables("php").type_names
NODE_COMMENTS = tables("php").comment_lines


def with_open_tag(solution: str) -> str:
    """The solution as PHP reads it: with `<?php` before the code when LeetCode's text has none."""
    return solution if solution.lstrip().startswith(OPEN_TAG) else f"{OPEN_TAG} {solution}"


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The files to run: the harness, and the user's code with its opening tag."""
    name, returns = json.dumps(signature.name), json.dumps(str(signature.returns))
    params = json.dumps([str(param.type) for param in signature.params])
    call = f"exit(judged_run({name}, {params}, {returns}));\n"
    return {MAIN_FILE: f"{read_runtime('php_main.php')}\n{call}", SOLUTION_FILE: with_open_tag(solution)}


def stub(signature: Signature) -> list[str]:
    """LeetCode's PHP stub: `class Solution {`, the type comment, `function twoSum($nums, $target) {`."""
    comments = comments_above(signature, NODE_COMMENTS)
    docs = [f"     * @param {TYPE_NAMES.spell(param.type)} ${param.name}" for param in signature.params]
    docs.append(f"     * @return {TYPE_NAMES.spell(signature.returns)}")
    params = [f"${param.name}" for param in signature.params]
    if signature.in_place and signature.params[0].type.is_array:  # an array is a value: by reference
        params[0] = "&" + params[0]
    head = f"    function {signature.name}({', '.join(params)}) {{"
    return [*comments, "class Solution {", "", "    /**", *docs, "     */", head, "        ", "    }", "}"]


SUPPORT = declare("php", build=build, stub=stub)
