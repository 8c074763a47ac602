"""The Java design harness: `Main.java` holding the user's class (`class LRUCache { public LRUCache(int
capacity) {...} ... }`, LeetCode's form) and a `public class Main` that calls it.

The file is laid out as the function harness's (`judged.harness.lang_java`:
the user's imports hoisted beside `import java.util.*;`, line numbers kept),
and `Main` is the function harness's runtime (its JSON reader and writer, and
the conversions between JSON and each declared Java type, `int[]` or
`List<Integer>` alike) with its `main` replaced by `runtime/java_design.java`:
the constructor and each method are found by reflection, by name and number
of parameters, and every argument converted to the type the user declared.
"""

from __future__ import annotations

import re

from judged.harness.design import Design
from judged.harness.lang_java import FILE_NAME, _user_part
from judged.harness.runtime_sources import read_runtime, runtime_source
from judged.harness.types import VOID

_FUNCTION_MAIN = re.compile(r"    public static void main\(String\[\] args\).*?\n    }\n", re.DOTALL)
_FIND = re.compile(r"    static java\.lang\.reflect\.Method find\(\) \{.*?\n    }\n", re.DOTALL)


def build(design: Design, solution: str) -> dict[str, str]:
    """`Main.java` for `design` around the user's `solution`."""
    values = {"NAME": design.class_name, "ARITY": "0", "IN_PLACE": "false"}
    runtime = runtime_source("java_main.java", (), values)
    design_main = _fill(read_runtime("java_design.java"), design)
    # The function harness's main and its lookup of `Solution` give way to the design harness's.
    runtime = _FIND.sub("", _FUNCTION_MAIN.sub(lambda _: design_main, runtime, count=1), count=1)
    # A pasted `public class LRUCache` could only live in LRUCache.java: the class loses `public`, lines kept.
    public = re.compile(rf"^public(?=[ \t]+(?:final[ \t]+)?class[ \t]+{design.class_name}\b)", re.MULTILINE)
    user = public.sub(" " * len("public"), solution)
    return {FILE_NAME: "\n".join([_user_part(user), "", runtime])}


def _fill(text: str, design: Design) -> str:
    values = {
        "CLASS": design.class_name,
        "ARITY": str(len(design.constructor)),
        "METHODS": ", ".join(f'"{method.name}"' for method in design.methods),
        "ARITIES": ", ".join(str(len(method.params)) for method in design.methods),
        "VOIDS": ", ".join("true" if method.returns == VOID else "false" for method in design.methods),
    }
    return re.sub(r"@([A-Z]+)@", lambda found: values[found.group(1)], text)
