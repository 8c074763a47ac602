"""Compile every non-Python reference solution on the host, with the environment LeetCode supplies prepended.

A quick check for syntax and type errors, not a judge: it does not run the
solutions. Solutions under `compile_error/` must fail, every other one must
compile. Needs gcc, g++, javac, go, node and Debian's /usr/bin/rustc.

    .venv/bin/python problems/_tools/compile_check.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

PROBLEMS = Path(__file__).resolve().parent.parent

C_PRELUDE = """#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <math.h>
#include <limits.h>
struct ListNode { int val; struct ListNode *next; };
struct TreeNode { int val; struct TreeNode *left; struct TreeNode *right; };
"""
CPP_PRELUDE = """#include <bits/stdc++.h>
using namespace std;
struct ListNode {
    int val; ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};
struct TreeNode {
    int val; TreeNode *left; TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};
"""
JAVA_NODES = {
    "ListNode.java": """class ListNode {
    int val; ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}
""",
    "TreeNode.java": """class TreeNode {
    int val; TreeNode left; TreeNode right;
    TreeNode() {}
    TreeNode(int val) { this.val = val; }
    TreeNode(int val, TreeNode left, TreeNode right) { this.val = val; this.left = left; this.right = right; }
}
""",
}
GO_SUFFIX = """
type ListNode struct {
    Val  int
    Next *ListNode
}

type TreeNode struct {
    Val   int
    Left  *TreeNode
    Right *TreeNode
}

func main() {}
"""
RUST_PRELUDE = """#![allow(dead_code, unused)]
pub struct Solution;
#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode { pub val: i32, pub next: Option<Box<ListNode>> }
impl ListNode { #[inline] fn new(val: i32) -> Self { ListNode { next: None, val } } }
#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub val: i32,
    pub left: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
    pub right: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
}
impl TreeNode { #[inline] pub fn new(val: i32) -> Self { TreeNode { val, left: None, right: None } } }
"""


def _c(code: str, work: Path) -> list[str]:
    (work / "main.c").write_text(C_PRELUDE + code)
    return ["gcc", "-std=gnu11", "-fsyntax-only", str(work / "main.c")]


def _cpp(code: str, work: Path) -> list[str]:
    (work / "main.cpp").write_text(CPP_PRELUDE + code)
    return ["g++", "-std=gnu++17", "-fsyntax-only", str(work / "main.cpp")]


def _java(code: str, work: Path) -> list[str]:
    (work / "Solution.java").write_text("import java.util.*;\n" + code)
    for name, text in JAVA_NODES.items():
        (work / name).write_text(text)
    return ["javac", "-d", str(work / "classes"), *(str(path) for path in work.glob("*.java"))]


def _go(code: str, work: Path) -> list[str]:
    (work / "main.go").write_text("package main\n\n" + code + GO_SUFFIX)
    return ["go", "vet", str(work / "main.go")]


def _rust(code: str, work: Path) -> list[str]:
    (work / "lib.rs").write_text(RUST_PRELUDE + code)
    return ["/usr/bin/rustc", "--edition=2021", "--crate-type=lib", "--out-dir", str(work), str(work / "lib.rs")]


def _javascript(code: str, work: Path) -> list[str]:
    (work / "main.js").write_text(code)
    return ["node", "--check", str(work / "main.js")]


COMPILERS: dict[str, Callable[[str, Path], list[str]]] = {
    ".c": _c,
    ".cpp": _cpp,
    ".cc": _cpp,
    ".cxx": _cpp,
    ".java": _java,
    ".go": _go,
    ".rs": _rust,
    ".js": _javascript,
}
"""By extension: write the solution with its prelude into a folder, return the command that compiles it."""


def check(solution: Path) -> str | None:
    """What is wrong with how `solution` compiles, or None when it compiles as its folder expects."""
    with tempfile.TemporaryDirectory() as folder:
        compiler = COMPILERS.get(solution.suffix)
        if compiler is None:  # Python: run by tests/problems instead
            return None
        argv = compiler(solution.read_text(), Path(folder))
        result = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=folder)
    must_fail = solution.parent.name == "compile_error"
    if must_fail and result.returncode == 0:
        return "compiles, but it is in compile_error/"
    if not must_fail and result.returncode != 0:
        return result.stderr.strip() or result.stdout.strip()
    return None


def main() -> int:
    failures = 0
    for solution in sorted(PROBLEMS.glob("*/solutions/*/*")):
        problem = check(solution)
        status = "ok" if problem is None else "FAILED"
        sys.stdout.write(f"{status:6} {solution.relative_to(PROBLEMS)}\n")
        if problem is not None:
            failures += 1
            sys.stdout.write(problem + "\n")
    sys.stdout.write(f"{failures} failed\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
