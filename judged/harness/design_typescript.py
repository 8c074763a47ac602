"""The TypeScript design harness: the JavaScript design harness as `main.js`, the user's class as `solution.ts`.

LeetCode's TypeScript form is an ES class (`class LRUCache { constructor(capacity: number) {...} get(key:
number): number {...} }`). The compile step (`judged/judging/runtime/typescript_compile.js`) type-checks it as a
script and writes `solution.js` beside `main.js`, exactly as for a function problem; `main.js` is
`judged.harness.design_javascript`'s, which finds the class by name and drives it, so a TypeScript design
solution is judged as the same JavaScript would be.
"""

from __future__ import annotations

from judged.harness import design_javascript
from judged.harness.design import Design
from judged.harness.lang_typescript import MAIN_FILE, SOLUTION_FILE


def build(design: Design, solution: str) -> dict[str, str]:
    """The JavaScript design harness as `main.js` and the user's TypeScript as `solution.ts`."""
    harness = design_javascript.build(design, "")
    return {MAIN_FILE: harness[MAIN_FILE], SOLUTION_FILE: solution}  # main.js, as JavaScript names it
