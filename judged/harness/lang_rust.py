"""The Rust harness: `main.rs` holding the user's `impl Solution` and a `main` that calls it.

Layout of the generated file:

1. the user's text, unchanged, from line 1, so rustc's messages and panic
   locations carry the user's own line numbers (Rust items and `use`
   declarations may come in any order, so nothing needs to precede them);
2. what LeetCode supplies: `pub struct Solution;`, `use std::rc::Rc;`
   and `use std::cell::RefCell;` (each unless one of the user's top-level
   `use` lines already names it: a second import of the same name is an
   error), and `ListNode` / `TreeNode` when the signature uses them (with
   fully qualified paths, so they need none of those imports); a struct
   the user declared at the top level (pasted from a local project) is not
   declared again;
3. `mod judged_harness` (`runtime/rust_main.rs`): a JSON codec as two traits,
   `Decode` and `Encode`, for every type a signature can have, the
   generated `test` function (decode the arguments, call
   `super::Solution::method`, encode the result or the first argument of a
   void method), and a main loop on a thread with a 256 MiB stack;
4. `fn main()`, which runs it.

A panic is caught with `catch_unwind`; a panic hook records its message and
location instead of printing them. `t` is the process's CPU time
(`clock_gettime(CLOCK_PROCESS_CPUTIME_ID)`, declared by hand from the C
library that std links: no crates).
"""

from __future__ import annotations

import re

from judged.harness.names import RESERVED_BY_LANGUAGE, snake_case
from judged.harness.runtime_sources import node_sections, runtime_source, undeclared_nodes
from judged.harness.stubs import rust_stub
from judged.harness.support import declare
from judged.harness.typenames import type_name
from judged.harness.types import Base, Signature

FILE_NAME = "main.rs"

_VISIBILITY = r"(?:pub(?:\([\w:]+\))?[ \t]+)?"
_TOP_LEVEL_USE = re.compile(rf"^{_VISIBILITY}use\b([^;]*);", re.MULTILINE)

_LIST_NODE = """\
#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
    pub val: i32,
    pub next: Option<Box<ListNode>>,
}

impl ListNode {
    #[inline]
    fn new(val: i32) -> Self {
        ListNode { next: None, val }
    }
}
"""
_TREE_NODE = """\
#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub val: i32,
    pub left: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
    pub right: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
}

impl TreeNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        TreeNode { val, left: None, right: None }
    }
}
"""
_GRAPH_NODE = """\
pub struct Node {
    pub val: i32,
    pub neighbors: Vec<std::rc::Rc<std::cell::RefCell<Node>>>,
}

impl Node {
    #[inline]
    pub fn new(val: i32) -> Self {
        Node { val, neighbors: vec![] }
    }
}
"""
_NESTED_INTEGER = """\
#[derive(Debug, PartialEq, Eq)]
pub enum NestedInteger {
    Int(i32),
    List(Vec<NestedInteger>),
}
"""

_NODES = {
    Base.LIST_NODE: _LIST_NODE,
    Base.TREE_NODE: _TREE_NODE,
    Base.NODE: _GRAPH_NODE,
    Base.NESTED_INTEGER: _NESTED_INTEGER,
}


def build(signature: Signature, solution: str) -> dict[str, str]:
    """`main.rs` for `signature` around the user's `solution` (LeetCode's Rust form: `impl Solution {...}`)."""
    parts = [solution, ""]
    if not _declares(solution, "Solution"):
        parts.append("pub struct Solution;")
    imported = " ".join(match.group(1) for match in _TOP_LEVEL_USE.finditer(solution))
    for name, path in (("Rc", "std::rc::Rc"), ("RefCell", "std::cell::RefCell")):
        if not re.search(rf"\b{name}\b", imported):
            parts.append(f"use {path};")
    parts.append("")
    parts += undeclared_nodes(signature, _NODES, lambda base: _declares(solution, base.value))
    parts.append(runtime_source("rust_main.rs", node_sections(signature), {"TEST": _test_function(signature)}))
    return {FILE_NAME: "\n".join(parts)}


def _declares(solution: str, name: str) -> bool:
    """Whether the user's text declares struct `name` at its top level (pasted from a local project)."""
    return re.search(rf"^{_VISIBILITY}(?:struct|enum)[ \t]+{name}\b", solution, re.MULTILINE) is not None


def _test_function(signature: Signature) -> str:
    """`test`: decode one line's arguments, call the user's method, write the result line; Err when undecodable."""
    lines = ["fn test(p: &mut Parser, w: &mut Writer) -> Result<bool, String> {", "    p.expect(b'[')?;"]
    arguments: list[str] = []
    for index, param in enumerate(signature.params):
        if index:
            lines.append("    p.expect(b',')?;")
        mutable = "mut " if index == 0 and signature.in_place else ""
        lines.append(f"    let {mutable}arg{index} = <{type_name(param.type, 'rust')} as Decode>::read(p)?;")
        arguments.append(f"&mut arg{index}" if mutable else f"arg{index}")
    call = f"super::Solution::{snake_case(signature.name)}({', '.join(arguments)})"
    outcome = "outcome.map(|()| &arg0)" if signature.in_place else "outcome"
    lines += [
        "    p.expect(b']')?;",
        f"    let (seconds, outcome) = call(|| {call});",
        f"    Ok(finish(w, seconds, {outcome}))",
        "}",
    ]
    return "\n    ".join(lines)


SUPPORT = declare("rust", build=build, stub=rust_stub, reserved=RESERVED_BY_LANGUAGE["rust"])
