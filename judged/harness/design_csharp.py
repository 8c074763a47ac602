"""The C# design harness: `Main.cs` holding the user's class (`public class LRUCache { public LRUCache(int
capacity) {...} public int Get(int key) {...} ... }`, LeetCode's form) and the harness after it.

The file is laid out as the function harness's (`judged.harness.lang_csharp`: LeetCode's `using` lines on the
user's first line, the harness after the user's last): the function harness's runtime (its JSON reader and
writer, the conversions to each declared type, .NET's `PriorityQueue`) without its entry point, then
`runtime/csharp_design.cs`, whose `Main` finds the constructor and each PascalCase method by reflection.
"""

from __future__ import annotations

import json
import re

from judged.harness.design import Design
from judged.harness.lang_csharp import MAIN_FILE, USINGS
from judged.harness.runtime_sources import read_runtime, runtime_source


def _strings(texts: list[str]) -> str:
    return ", ".join(json.dumps(text) for text in texts)


def build(design: Design, solution: str) -> dict[str, str]:
    """`Main.cs` for `design` around the user's `solution`."""
    values = {"METHOD": '""', "PARAMS": "", "RETURNS": '""'}
    runtime = runtime_source("csharp_main.cs", (), values)  # no node types, no function entry point
    fills = {
        "CLASS": design.class_name,
        "CTOR": _strings([str(param.type) for param in design.constructor]),
        "METHODS": _strings([method.name for method in design.methods]),
        "PARAMS": ", ".join(
            f"new string[] {{ {_strings([str(param.type) for param in method.params])} }}" for method in design.methods
        ),
        "RETURNS": _strings([str(method.returns) for method in design.methods]),
    }
    entry = re.sub(r"@([A-Z]+)@", lambda found: fills[found.group(1)], read_runtime("csharp_design.cs"))
    return {MAIN_FILE: f"{USINGS}{solution}\n{runtime}{entry}"}
