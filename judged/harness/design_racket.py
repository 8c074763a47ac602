"""The Racket design harness: `main.rkt` runs the user's class on LeetCode's operation lists.

LeetCode's Racket form of a design problem is a `racket/class` class bound to the kebab-case name with `%`
(`(define lru-cache% (class object% (super-new) (init-field capacity) (define/public (get key) ...)))`).
`main.rkt` is `judged/harness/runtime/racket_main.rkt` followed by one call naming the class, the constructor's
types and each method's kebab-case name and types; the object is made with the constructor's arguments by
position (`make-object`) and each method called with `send`. `solution.rkt` is the user's text in LeetCode's
language, as for functions.
"""

from __future__ import annotations

import json

from judged.harness.design import Design
from judged.harness.lang_racket import MAIN_FILE, SOLUTION_FILE, in_leetcode_language, kebab_case
from judged.harness.runtime_sources import read_runtime


def class_name(design: Design) -> str:
    """LeetCode's Racket name of the class: `LRUCache` -> `lru-cache%`."""
    return kebab_case(design.class_name) + "%"


def _racket_strings(texts: list[str]) -> str:
    return "(" + " ".join(json.dumps(text) for text in texts) + ")"


def build(design: Design, solution: str) -> dict[str, str]:
    """The files to compile: the harness with the design's call, and the user's code in LeetCode's language."""
    constructor = _racket_strings([str(param.type) for param in design.constructor])
    methods = " ".join(
        f"({json.dumps(m.name)} {json.dumps(kebab_case(m.name))} {_racket_strings([str(p.type) for p in m.params])}"
        f" {json.dumps(str(m.returns))})"
        for m in design.methods
    )
    call = f"(exit (run-design {json.dumps(class_name(design))} '{constructor} '({methods})))\n"
    return {MAIN_FILE: f"{read_runtime('racket_main.rkt')}\n{call}", SOLUTION_FILE: in_leetcode_language(solution)}
