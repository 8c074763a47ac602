"""The Scala design harness: `Main.scala` holding the user's class (`class LRUCache(_capacity: Int) { def get(key:
Int): Int = {...} ... }`, LeetCode's form) and a one-line `JudgedMain` that calls judged's runtime.

The file is laid out as the function harness's (`judged.harness.lang_scala`: the user's text unchanged, so scalac's
line numbers are the user's), and `JudgedMain` calls `judged.Design.run` in the harness jar
(`runtime/scala_harness.scala`) with the class and the design's types: the constructor and each method are found
by reflection, by name and number of parameters, and every argument converted to the container the user declared
(`Array[Int]`, `List[Int]`, ...). `classOf[LRUCache]` makes a class of another name a compile error.
"""

from __future__ import annotations

from judged.harness.design import Design
from judged.harness.jvm import design_arrays
from judged.harness.lang_scala import FILE_NAME, runtime_sha


def build(design: Design, solution: str) -> dict[str, str]:
    """`Main.scala` for `design` around the user's `solution`."""
    text = solution.replace("\r\n", "\n")
    constructor, methods, params, returns = design_arrays(design, "Array[String]({})", "Array[Array[String]]({})")
    main = (
        "object JudgedMain { def main(args: Array[String]): Unit = judged.Design.run("
        f'"{runtime_sha()}", classOf[{design.class_name}], {constructor}, {methods}, {params}, {returns}) }}\n'
    )
    return {FILE_NAME: "\n".join([text, "", main])}
