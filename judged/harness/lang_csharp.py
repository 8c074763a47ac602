"""The C# harness generator: `Main.cs`, the user's text followed by the harness.

LeetCode's C# form is `public class Solution` with a PascalCase method (`public int[] TwoSum(int[] nums, int
target)`), arrays as `int[]` and nested lists as `IList<IList<int>>`, and its `ListNode`, `TreeNode` and graph
`Node` classes. LeetCode compiles with `System`, `System.Collections.Generic`, `System.Linq` and `System.Text`
imported: the generator puts those `using` lines before the user's first line, on that line, so the user's
line numbers stay (a `using` the user repeats is only a warning). The harness finds the method by reflection
and converts each argument to what the user declared (`int[]` or `IList<int>`), so either form is accepted.
A node class the user pastes uncommented is used instead of the harness's. The language compiles both files
with Mono's `mcs` (one file, so an I/O program is that file alone) and runs `mono main.exe`; the harness is
`judged/harness/runtime/csharp_main.cs`, after the user's last line.
"""

from __future__ import annotations

import json
import re

from judged.harness.runtime_sources import node_sections, runtime_source
from judged.harness.stubs import method_in_class
from judged.harness.support import declare
from judged.harness.tables import TypeNames, comments_above, tables
from judged.harness.types import Base, Signature, Type

MAIN_FILE = "Main.cs"
USINGS = "using System; using System.Collections.Generic; using System.Linq; using System.Text; "
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)

TYPE_NAMES = tables("csharp").type_names
NODE_COMMENTS = tables("csharp").comment_lines

_LIST_NAMES = TypeNames(bases=TYPE_NAMES.bases, array="IList<{}>")


def pascal_case(name: str) -> str:
    """LeetCode's C# method name: `twoSum` -> `TwoSum`."""
    return name[:1].upper() + name[1:]


def _defines(solution: str, class_name: str) -> bool:
    """Whether the user's code (comments aside) declares a class of this name."""
    return re.search(rf"\b(?:class|interface)\s+{class_name}\b", _COMMENT.sub("", solution)) is not None


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The file to compile: the user's code, then the harness with the node types the signature uses."""
    sections = node_sections(signature)
    sections |= {f"{base}Class" for base in sections if not _defines(solution, base)} | {"function"}
    values = {
        "METHOD": json.dumps(pascal_case(signature.name)),
        "PARAMS": ", ".join(json.dumps(str(param.type)) for param in signature.params),
        "RETURNS": json.dumps(str(signature.returns)),
    }
    harness = runtime_source("csharp_main.cs", sections, values)
    return {MAIN_FILE: f"{USINGS}{solution}\n{harness}"}


def spell_return(type_: Type) -> str:
    """LeetCode's return types: `IList<IList<int>>` for nested lists and `IList<string>` for strings, else arrays."""
    if type_.depth == 2 or (type_.depth == 1 and type_.base is Base.STRING):
        return _LIST_NAMES.spell(type_)
    return TYPE_NAMES.spell(type_)


def stub(signature: Signature) -> list[str]:
    """LeetCode's C# stub: `public class Solution {`, `    public int[] TwoSum(int[] nums, int target) {`."""
    params = ", ".join(f"{TYPE_NAMES.spell(param.type)} {param.name}" for param in signature.params)
    head = f"    public {spell_return(signature.returns)} {pascal_case(signature.name)}({params}) {{"
    return method_in_class(comments_above(signature, NODE_COMMENTS), "public class Solution {", head)


SUPPORT = declare("csharp", build=build, stub=stub)
