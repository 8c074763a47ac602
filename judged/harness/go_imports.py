"""The standard packages a pasted Go solution uses without importing them, as LeetCode's Go environment allows.

LeetCode's Go form has no `package` clause and, in most pasted solutions,
no imports either: `sort.Ints(nums)`, `math.MaxInt32`, `strings.Builder`
and `container/heap` compile there as written. judged adds the import of
each standard package the text refers to (`name.Exported`) but neither
imports nor declares at the top level, on the harness's one import line, so
the user's line numbers stay theirs. Each added package is also referred to
once by the harness (`var _ = sort.Ints`), because Go refuses an unused
import: a name that only looked like a package (a local variable `list`
with a method `list.Len()`) then still compiles, the local name shadowing
the package inside its function.

A package the user imports themselves (under any name) is never added again.
"""

from __future__ import annotations

import re

import msgspec


class Package(msgspec.Struct, frozen=True):
    name: str  # the name code refers to it by
    path: str  # the import path
    symbol: str  # an exported function, to mark the import used


STANDARD: dict[str, Package] = {
    package.name: package
    for package in (
        Package("sort", "sort", "Ints"),
        Package("strings", "strings", "Contains"),
        Package("strconv", "strconv", "Itoa"),
        Package("math", "math", "Abs"),
        Package("bits", "math/bits", "OnesCount"),
        Package("rand", "math/rand", "Intn"),
        Package("big", "math/big", "NewInt"),
        Package("list", "container/list", "New"),
        Package("heap", "container/heap", "Init"),
        Package("ring", "container/ring", "New"),
        Package("unicode", "unicode", "IsDigit"),
        Package("utf8", "unicode/utf8", "RuneLen"),
        Package("bytes", "bytes", "Equal"),
        Package("fmt", "fmt", "Sprint"),
        Package("regexp", "regexp", "MustCompile"),
        Package("errors", "errors", "New"),
        Package("time", "time", "Now"),
        Package("sync", "sync", "NewCond"),
    )
}

# Comments, strings, raw strings and runes: what must not be read as code.
_NOT_CODE = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|`[^`]*`|\'(?:\\.|[^\'\\\n])+\'', re.DOTALL)
_QUALIFIED = re.compile(r"(?<![\w.])([a-z][a-z0-9]*)\.[A-Z]")
_IMPORT_DECL = re.compile(r"^[ \t]*import[ \t]*(\((?:[^()]*)\)|[^\n]*)", re.MULTILINE)
_TOP_LEVEL = re.compile(r"^(?:func|var|const|type)[ \t]+(\w+)", re.MULTILINE)


def missing_packages(user: str) -> list[Package]:
    """The standard packages `user`'s Go text refers to without importing or declaring them, by name."""
    imported = {path for decl in _IMPORT_DECL.findall(user) for path in re.findall(r'"([^"]+)"', decl)}
    code = _NOT_CODE.sub(" ", user)
    declared = set(_TOP_LEVEL.findall(code))
    used = set(_QUALIFIED.findall(code))
    return [
        STANDARD[name]
        for name in sorted(used)
        if name in STANDARD and STANDARD[name].path not in imported and name not in declared
    ]
