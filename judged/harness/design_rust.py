"""The Rust design harness: `main.rs` holding the user's type (`struct LRUCache {...} impl LRUCache { fn
new(capacity: i32) -> Self; fn get(&self, key: i32) -> i32; ... }`, LeetCode's form) and a main that calls it.

The file is laid out as the function harness's (`judged.harness.lang_rust`:
the user's text from line 1, then `mod judged_harness` from
`runtime/rust_main.rs`), with `test` generated for the class: it decodes a
test's operations and each argument list into an `Op` (one variant per
method), then, timed as one call (a panic caught as in the function
harness), constructs the value with `new` and calls each method by its
snake_case name (`&self` and `&mut self` alike), writing each return as it
comes.
"""

from __future__ import annotations

from judged.harness.design import Design, Method, comma_separated
from judged.harness.lang_rust import FILE_NAME
from judged.harness.names import snake_case
from judged.harness.runtime_sources import runtime_source
from judged.harness.typenames import type_name
from judged.harness.types import VOID, Param

RAW = """struct Raw(Vec<u8>);

    impl Encode for Raw {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            w.buf.extend_from_slice(&self.0);
            Ok(())
        }
    }

    """


def build(design: Design, solution: str) -> dict[str, str]:
    """`main.rs` for `design` around the user's `solution`."""
    test = RAW + _test_function(design)
    return {FILE_NAME: "\n".join([solution, "", runtime_source("rust_main.rs", (), {"TEST": test})])}


def _reads(params: tuple[Param, ...]) -> list[str]:
    reads = [
        f"let a{position} = <{type_name(param.type, 'rust')} as Decode>::read(p)?;"
        for position, param in enumerate(params)
    ]
    return comma_separated(reads, "p.expect(b',')?;")


def _values(params: tuple[Param, ...]) -> str:
    return ", ".join(f"a{position}" for position in range(len(params)))


def _variant(index: int, method: Method) -> str:
    return f"M{index}({_values(method.params)})" if method.params else f"M{index}"


def _call(index: int, method: Method) -> list[str]:
    call = f"obj.{snake_case(method.name)}({_values(method.params)})"
    if method.returns == VOID:
        body = [f"{call};", 'out.raw("null");']
    else:
        body = [f"let value = {call};", "let _ = value.write(&mut out);"]
    return [f"Op::{_variant(index, method)} => {{", *(f"    {line}" for line in body), "}"]


def _test_function(design: Design) -> str:
    variants = [
        f"M{index}({', '.join(type_name(p.type, 'rust') for p in method.params)})," if method.params else f"M{index},"
        for index, method in enumerate(design.methods)
    ]
    decodes = []
    for index, method in enumerate(design.methods):
        decodes += [f'"{method.name}" => {{', *(f"    {line}" for line in _reads(method.params))]
        decodes += [f"    calls.push(Op::{_variant(index, method)});", "}"]
    calls = [line for index, method in enumerate(design.methods) for line in _call(index, method)]
    init = _values(design.constructor)
    bound = f"({init}{',' if len(design.constructor) == 1 else ''})"  # a tuple pattern, `(a0,)` for one
    lines = [
        "fn test(p: &mut Parser, w: &mut Writer) -> Result<bool, String> {",
        "    #[allow(dead_code)]",
        "    enum Op {",
        *(f"        {line}" for line in variants),
        "    }",
        "    p.expect(b'[')?;",
        "    let ops = <Vec<String> as Decode>::read(p)?;",
        "    p.expect(b',')?;",
        "    p.expect(b'[')?;",
        "    let mut init = None;",
        "    let mut calls: Vec<Op> = Vec::new();",
        "    for (i, op) in ops.iter().enumerate() {",
        "        if i > 0 {",
        "            p.expect(b',')?;",
        "        }",
        "        p.expect(b'[')?;",
        "        if i == 0 {",
        *(f"            {line}" for line in _reads(design.constructor)),
        f"            init = Some({bound});",
        "        } else {",
        "            match op.as_str() {",
        *(f"                {line}" for line in decodes),
        '                _ => return Err(format!("unknown method {}", op)),',
        "            }",
        "        }",
        "        p.expect(b']')?;",
        "    }",
        "    p.expect(b']')?;",
        "    p.expect(b']')?;",
        f'    let {bound} = init.ok_or_else(|| "no operations".to_string())?;',
        "    let (seconds, outcome) = call(move || {",
        "        let mut out = Writer { buf: Vec::new() };",
        '        out.raw("[null");',
        "        #[allow(unused_mut)]",
        f"        let mut obj = super::{design.class_name}::new({init});",
        "        for op in calls {",
        '            out.raw(",");',
        "            match op {",
        *(f"                {line}" for line in calls),
        "            }",
        "        }",
        '        out.raw("]");',
        "        Raw(out.buf)",
        "    });",
        "    Ok(finish(w, seconds, outcome))",
        "}",
    ]
    return "\n    ".join(lines)
