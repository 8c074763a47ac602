"""The Kotlin design harness: `Main.kt` holding the user's class (`class LRUCache(capacity: Int) { fun get(key:
Int): Int {...} ... }`, LeetCode's form) and a one-line `main` that calls judged's runtime.

The file is laid out as the function harness's (`judged.harness.lang_kotlin`: `import java.util.*; import
kotlin.math.*; ` on the user's first line, so kotlinc's line numbers stay the user's), and its `main` calls
`judged.Design.run` in the harness jar (`runtime/kotlin_harness.kt`) with the class and the design's types: the
constructor and each method are found by reflection, by name and number of parameters, and every argument
converted to the type the user declared (`IntArray` or `List<Int>` alike).
"""

from __future__ import annotations

import json

from judged.harness.design import Design
from judged.harness.lang_kotlin import FILE_NAME, PRE_IMPORTS, runtime_sha
from judged.harness.types import Param


def _strings(params: tuple[Param, ...]) -> str:
    return f"arrayOf<String>({', '.join(json.dumps(str(param.type)) for param in params)})"


def build(design: Design, solution: str) -> dict[str, str]:
    """`Main.kt` for `design` around the user's `solution`."""
    text = solution.replace("\r\n", "\n")
    methods = ", ".join(json.dumps(method.name) for method in design.methods)
    params = ", ".join(_strings(method.params) for method in design.methods)
    returns = ", ".join(json.dumps(str(method.returns)) for method in design.methods)
    main = (
        f"fun main() = judged.Design.run({json.dumps(runtime_sha())}, {design.class_name}::class.java,"
        f" {_strings(design.constructor)}, arrayOf<String>({methods}), arrayOf<Array<String>>({params}),"
        f" arrayOf<String>({returns}))\n"
    )
    return {FILE_NAME: "\n".join([PRE_IMPORTS + text, "", main])}
