"""The Kotlin design harness: `Main.kt` holding the user's class (`class LRUCache(capacity: Int) { fun get(key:
Int): Int {...} ... }`, LeetCode's form) and a one-line `main` that calls judged's runtime.

The file is laid out as the function harness's (`judged.harness.lang_kotlin`: `import java.util.*; import
kotlin.math.*; ` on the user's first line, so kotlinc's line numbers stay the user's), and its `main` calls
`judged.Design.run` in the harness jar (`runtime/kotlin_harness.kt`) with the class and the design's types: the
constructor and each method are found by reflection, by name and number of parameters, and every argument
converted to the type the user declared (`IntArray` or `List<Int>` alike).
"""

from __future__ import annotations

from judged.harness.design import Design
from judged.harness.jvm import design_arrays
from judged.harness.lang_kotlin import FILE_NAME, PRE_IMPORTS, runtime_sha


def build(design: Design, solution: str) -> dict[str, str]:
    """`Main.kt` for `design` around the user's `solution`."""
    text = solution.replace("\r\n", "\n")
    constructor, methods, params, returns = design_arrays(design, "arrayOf<String>({})", "arrayOf<Array<String>>({})")
    main = (
        f'fun main() = judged.Design.run("{runtime_sha()}", {design.class_name}::class.java,'
        f" {constructor}, {methods}, {params}, {returns})\n"
    )
    return {FILE_NAME: "\n".join([PRE_IMPORTS + text, "", main])}
