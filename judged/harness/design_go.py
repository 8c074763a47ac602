"""The Go design harness: `main.go` holding the user's type (`type LRUCache struct {...}; func
Constructor(capacity int) LRUCache; func (this *LRUCache) Get(key int) int`, LeetCode's form) and a main that
calls it.

The file is laid out as the function harness's (`judged.harness.lang_go`: the
harness's aliased imports, the user's text under `//line solution.go:1:1`,
the runtime's codec and main loop), and `judgedTest` is generated for the
class: it decodes a test's operations and every argument into typed slices
(one per method parameter), then, timed as one call, constructs the value
with `Constructor` (returning the type or a pointer to it alike) and calls
each method by its exported name, writing each return as it comes.
"""

from __future__ import annotations

from judged.harness.design import Design, Method, comma_separated
from judged.harness.design_stubs import go_method
from judged.harness.lang_go import _PACKAGE, FILE_NAME, _read, _write, head
from judged.harness.runtime_sources import runtime_source
from judged.harness.typenames import type_name
from judged.harness.types import VOID, Param


def build(design: Design, solution: str) -> dict[str, str]:
    """`main.go` for `design` around the user's `solution` (no package clause)."""
    user = _PACKAGE.sub("", solution.replace("\r\n", "\n"), count=1)
    parts = head(user)
    parts.append(runtime_source("go_main.go", (), {}))
    parts.append(_test_function(design))
    return {FILE_NAME: "\n".join(parts)}


def _slot(owner: int, position: int) -> str:
    return f"judgedP{owner}x{position}"


def _decode(params: tuple[Param, ...], owner: int) -> list[str]:
    reads = [
        f"{_slot(owner, position)} = append({_slot(owner, position)}, {_read(param.type)})"
        for position, param in enumerate(params)
    ]
    return comma_separated(reads, "judgedIn.expect(',')")


def _call(method: Method, owner: int) -> list[str]:
    arguments = ", ".join(f"{_slot(owner, position)}[judgedK[judgedI]]" for position in range(len(method.params)))
    call = f"judgedObj.{go_method(method.name)}({arguments})"
    done = [call, 'judgedOut.buf = append(judgedOut.buf, "null"...)'] if method.returns == VOID else []
    return [f'case "{method.name}":', *(f"\t{line}" for line in done or [_write(method.returns, call)])]


def _test_function(design: Design) -> str:
    owners = [design.constructor, *(method.params for method in design.methods)]
    declarations = [
        f"\tvar {_slot(owner, position)} []{type_name(param.type, 'go')}"
        for owner, params in enumerate(owners)
        for position, param in enumerate(params)
    ]
    cases = []
    for owner, method in enumerate(design.methods, 1):
        cases += [
            f'case "{method.name}":',
            f"\tjudgedK[judgedI] = len({_slot(owner, 0)})" if method.params else "\t// no arguments",
        ]
        cases += [f"\t{line}" for line in _decode(method.params, owner)]
    init = ", ".join(f"{_slot(0, position)}[0]" for position in range(len(design.constructor)))
    calls = [line for owner, method in enumerate(design.methods, 1) for line in _call(method, owner)]
    return "\n".join(
        [
            "func judgedTest(judgedIn *judgedParser, judgedOut *judgedWriter, judgedNumber int) bool {",
            "\tvar judgedOps []string",
            "\tvar judgedK []int",
            *declarations,
            "\tif !judgedDecode(judgedIn, judgedNumber, func() {",
            "\t\tjudgedOps = judgedSlice(judgedIn, (*judgedParser).readString)",
            "\t\tjudgedK = make([]int, len(judgedOps))",
            "\t\tjudgedIn.expect(',')",
            "\t\tjudgedIn.expect('[')",
            "\t\tfor judgedI, judgedOp := range judgedOps {",
            "\t\t\tif judgedI > 0 {",
            "\t\t\t\tjudgedIn.expect(',')",
            "\t\t\t}",
            "\t\t\tjudgedIn.expect('[')",
            "\t\t\tif judgedI == 0 {",
            *(f"\t\t\t\t{line}" for line in _decode(design.constructor, 0)),
            "\t\t\t} else {",
            "\t\t\t\tswitch judgedOp {",
            *(f"\t\t\t\t{line}" for line in cases),
            "\t\t\t\tdefault:",
            f'\t\t\t\t\tjudgedIn.fail("a method of {design.class_name}")',
            "\t\t\t\t}",
            "\t\t\t}",
            "\t\t\tjudgedIn.expect(']')",
            "\t\t}",
            "\t\tjudgedIn.expect(']')",
            "\t}) {",
            "\t\treturn false",
            "\t}",
            "\tjudgedOut.start()",
            '\tjudgedOut.buf = append(judgedOut.buf, "[null"...)',
            "\tjudgedSeconds, judgedMessage, judgedOK := judgedCall(func() {",
            f"\t\tjudgedObj := Constructor({init})",
            "\t\tfor judgedI := 1; judgedI < len(judgedOps); judgedI++ {",
            "\t\t\tjudgedOut.buf = append(judgedOut.buf, ',')",
            "\t\t\tswitch judgedOps[judgedI] {",
            *(f"\t\t\t{line}" for line in calls),
            "\t\t\t}",
            "\t\t}",
            "\t\t_ = judgedObj",
            "\t})",
            "\t_ = judgedK",
            "\tif !judgedOK {",
            "\t\tjudgedOut.fail(judgedMessage, judgedSeconds)",
            "\t\treturn true",
            "\t}",
            "\tjudgedOut.buf = append(judgedOut.buf, ']')",
            "\tjudgedOut.finish(judgedSeconds)",
            "\treturn true",
            "}",
            "",
        ]
    )
