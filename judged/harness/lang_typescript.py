"""The TypeScript harness: LeetCode's TypeScript form, compiled by npm's `typescript`, run by the JavaScript harness.

The files are `main.js`, the JavaScript harness (`lang_javascript.build`) unchanged, and `solution.ts`, the
user's text. The compile step (`judged/judging/runtime/typescript_compile.js`) type-checks `solution.ts`
with LeetCode's globals declared and writes `solution.js` beside a copy of `main.js`; the run is Node on
those, so a TypeScript solution is judged exactly as the same JavaScript would be: the function found by
name, ListNode, TreeNode, lodash's `_` and the @datastructures-js queues as globals.
"""

from __future__ import annotations

from judged.harness import lang_javascript
from judged.harness.names import RESERVED_BY_LANGUAGE
from judged.harness.support import declare
from judged.harness.tables import comments_above, tables
from judged.harness.types import Signature

MAIN_FILE = lang_javascript.MAIN_FILE
SOLUTION_FILE = "solution.ts"

TYPE_NAMES = tables("typescript").type_names
NODE_COMMENTS = tables("typescript").comment_lines


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The JavaScript harness as `main.js` and the user's TypeScript as `solution.ts`."""
    harness = lang_javascript.build(signature, "")
    return {MAIN_FILE: harness[MAIN_FILE], SOLUTION_FILE: solution}


def stub(signature: Signature) -> list[str]:
    """LeetCode's TypeScript stub: `function twoSum(nums: number[], target: number): number[] {` ... `};`."""
    comments = comments_above(signature, NODE_COMMENTS)
    params = ", ".join(f"{param.name}: {TYPE_NAMES.spell(param.type)}" for param in signature.params)
    head = f"function {signature.name}({params}): {TYPE_NAMES.spell(signature.returns)} {{"
    body = ["    "]
    if signature.in_place:
        modified = signature.params[0].name
        body = ["    /**", f"     Do not return anything, modify {modified} in-place instead.", "     */", "    "]
    return [*comments, head, *body, "};"]


SUPPORT = declare("typescript", build=build, stub=stub, reserved=RESERVED_BY_LANGUAGE["javascript"])
