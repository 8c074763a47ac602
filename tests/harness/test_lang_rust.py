"""The Rust harness, compiled with Debian's rustc and run on the host as languages/rust.toml runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judged.harness.lang_rust import build
from judged.harness.typenames import type_name
from judged.harness.types import ALL_VALUE_TYPES, Param, Signature, Type, parse_signature
from judged.harness.values import canonical, validate
from tests.harness.hostrun_jvm_go_rust import CompileError, build_and_run, compile_many, run_program
from tests.harness.strategies import values_of

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_SOLUTION = """\
use std::collections::HashMap;

impl Solution {
    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {
        let mut seen = HashMap::new();
        for (i, &x) in nums.iter().enumerate() {
            if let Some(&j) = seen.get(&(target - x)) {
                return vec![j as i32, i as i32];
            }
            seen.insert(x, i);
        }
        vec![]
    }
}"""
MAX_DEPTH = parse_signature("maxDepth", [("root", "TreeNode")], "int")
MAX_DEPTH_BODY = """
impl Solution {
    pub fn max_depth(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {
        match root {
            None => 0,
            Some(node) => {
                let node = node.borrow();
                1 + Self::max_depth(node.left.clone()).max(Self::max_depth(node.right.clone()))
            }
        }
    }
}"""


def identity(type_: Type) -> tuple[Signature, str]:
    name = type_name(type_, "rust")
    return Signature("identity", (Param("x", type_),), type_), (
        f"use std::rc::Rc;\nuse std::cell::RefCell;\nimpl Solution {{ pub fn identity(x: {name}) -> {name} {{ x }} }}"
    )


@pytest.fixture(scope="module")
def identities() -> dict[Type, Path]:
    return dict(zip(ALL_VALUE_TYPES, compile_many("rust", [identity(type_) for type_ in ALL_VALUE_TYPES]), strict=True))


@pytest.mark.parametrize("type_", ALL_VALUE_TYPES, ids=str)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_every_type_round_trips(identities: dict[Type, Path], type_: Type, data: st.DataObject) -> None:
    values = data.draw(st.lists(values_of(type_), min_size=1, max_size=30))
    run = run_program("rust", identities[type_], [[value] for value in values])
    assert (run.status, run.stderr) == (0, "")
    for value in run.values:
        validate(value, type_, "v")
    assert [canonical(value, type_) for value in run.values] == [canonical(value, type_) for value in values]


def test_two_sum() -> None:
    run = build_and_run("rust", TWO_SUM, TWO_SUM_SOLUTION, [[[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[1], 5]])
    assert (run.status, run.stderr) == (0, "")
    assert run.values == [[0, 1], [1, 2], []]
    assert all(isinstance(result["t"], float) and result["t"] >= 0 for result in run.results)


def test_the_user_s_text_comes_first_and_unchanged() -> None:
    main = build(TWO_SUM, TWO_SUM_SOLUTION)["main.rs"]
    assert main.startswith(TWO_SUM_SOLUTION + "\n")
    assert "pub struct Solution;" in main
    assert "pub struct ListNode" not in main
    assert "pub struct TreeNode" not in main


@pytest.mark.parametrize(
    "uses",
    [
        "use std::rc::Rc;\nuse std::cell::RefCell;",
        "use std::{cell::RefCell, rc::Rc};",
        "use std::rc::Rc;",
        "",
        "use std::rc::*;\nuse std::cell::*;",
    ],
    ids=["stub", "grouped", "rc-only", "none", "globs"],
)
def test_the_user_s_uses_never_clash_with_the_prelude(uses: str) -> None:
    solution = f"use std::collections::HashMap;\n{uses}\n{MAX_DEPTH_BODY}\n"
    run = build_and_run("rust", MAX_DEPTH, solution, [[[3, 9, 20, None, None, 15, 7]], [[]]])
    assert (run.status, run.values) == (0, [3, 0])


def test_deep_recursion_has_a_big_stack() -> None:
    depth = 200_000
    chain: list[int | None] = [1]
    for value in range(2, depth + 1):
        chain += [None, value]
    run = build_and_run("rust", MAX_DEPTH, "use std::rc::Rc;\nuse std::cell::RefCell;\n" + MAX_DEPTH_BODY, [[chain]])
    assert (run.status, run.values) == (0, [depth])


def test_pasted_definitions_are_not_declared_twice() -> None:
    signature = parse_signature("middleNode", [("head", "ListNode")], "ListNode")
    solution = """pub struct Solution;

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

impl Solution {
    pub fn middle_node(head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        let (mut slow, mut fast) = (head.as_ref(), head.as_ref());
        while let Some(next) = fast.and_then(|node| node.next.as_ref()) {
            fast = next.next.as_ref();
            slow = slow.and_then(|node| node.next.as_ref());
        }
        slow.cloned()
    }
}"""
    main = build(signature, solution)["main.rs"]
    assert (main.count("struct Solution"), main.count("struct ListNode")) == (1, 1)
    assert build_and_run("rust", signature, solution, [[[1, 2, 3, 4, 5]], [[1, 2]], [[]]]).values == [
        [3, 4, 5],
        [2],
        [],
    ]


def test_compile_errors_point_at_the_user_s_lines() -> None:
    solution = (
        "impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        undefined\n    }\n}"
    )
    with pytest.raises(CompileError, match=r"main\.rs:3:9"):
        build_and_run("rust", TWO_SUM, solution, [])


def test_grids() -> None:
    signature = parse_signature("transpose", [("matrix", "int[][]")], "int[][]")
    solution = """impl Solution {
    pub fn transpose(matrix: Vec<Vec<i32>>) -> Vec<Vec<i32>> {
        (0..matrix[0].len()).map(|j| matrix.iter().map(|row| row[j]).collect()).collect()
    }
}"""
    run = build_and_run("rust", signature, solution, [[[[1, 2, 3], [4, 5, 6]]], [[[7]]]])
    assert run.values == [[[1, 4], [2, 5], [3, 6]], [[7]]]


def test_void_modifies_a_vector_in_place() -> None:
    signature = parse_signature("rotate", [("nums", "int[]"), ("k", "int")], "void")
    solution = """impl Solution {
    pub fn rotate(nums: &mut Vec<i32>, k: i32) {
        let k = k as usize % nums.len();
        nums.rotate_right(k);
    }
}"""
    run = build_and_run("rust", signature, solution, [[[1, 2, 3, 4, 5, 6, 7], 3], [[-1, -100, 3, 99], 2]])
    assert run.values == [[5, 6, 7, 1, 2, 3, 4], [3, 99, -1, -100]]


def test_void_flattens_a_tree_in_place() -> None:
    signature = parse_signature("flatten", [("root", "TreeNode")], "void")
    solution = """use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    pub fn flatten(root: &mut Option<Rc<RefCell<TreeNode>>>) {
        let mut nodes = Vec::new();
        fn preorder(node: &Option<Rc<RefCell<TreeNode>>>, nodes: &mut Vec<Rc<RefCell<TreeNode>>>) {
            if let Some(node) = node {
                nodes.push(node.clone());
                preorder(&node.borrow().left, nodes);
                preorder(&node.borrow().right, nodes);
            }
        }
        preorder(root, &mut nodes);
        for pair in nodes.windows(2) {
            let mut first = pair[0].borrow_mut();
            first.left = None;
            first.right = Some(pair[1].clone());
        }
        if let Some(last) = nodes.last() {
            last.borrow_mut().left = None;
            last.borrow_mut().right = None;
        }
    }
}"""
    run = build_and_run("rust", signature, solution, [[[1, 2, 5, 3, 4, None, 6]], [[]], [[0]]])
    assert run.values == [[1, None, 2, None, 3, None, 4, None, 5, None, 6], [], [0]]


def test_lists_in_and_out() -> None:
    reverse = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    solution = """impl Solution {
    pub fn reverse_list(mut head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        let mut previous = None;
        while let Some(mut node) = head {
            head = node.next.take();
            node.next = previous;
            previous = Some(node);
        }
        previous
    }
}"""
    assert build_and_run("rust", reverse, solution, [[[1, 2, 3]], [[]]]).values == [[3, 2, 1], []]


def test_scalars_of_every_kind() -> None:
    signature = parse_signature(
        "describe",
        [("word", "string"), ("letter", "char"), ("flag", "bool"), ("ratio", "double"), ("big", "long")],
        "string",
    )
    solution = """impl Solution {
    pub fn describe(word: String, letter: char, flag: bool, ratio: f64, big: i64) -> String {
        format!("{}{}|{}|{}|{}|\\t\\"\\u{1}", word, letter, flag, ratio * 2.0, big - 1)
    }
}"""
    run = build_and_run("rust", signature, solution, [["ab", "c", True, 1.25, -(2**63) + 1]])
    assert run.values == ['abc|true|2.5|-9223372036854775808|\t"\x01']


def test_a_panic_is_the_test_s_error_and_stops_the_run() -> None:
    signature = parse_signature("divide", [("a", "int"), ("b", "int")], "int")
    solution = """impl Solution {
    pub fn divide(a: i32, b: i32) -> i32 {
        println!("dividing");
        a / b
    }
}"""
    run = build_and_run("rust", signature, solution, [[6, 3], [1, 0], [4, 2]])
    assert run.status == 1
    assert run.values == [2]
    assert run.results[1]["e"] == "panicked at 'attempt to divide by zero', main.rs:4:9"
    assert len(run.results) == 2
    assert (run.stdout, run.stderr) == ("dividing\ndividing\n", "")


def test_user_prints_never_reach_fd_3() -> None:
    signature = parse_signature("greet", [("name", "string")], "string")
    solution = """impl Solution {
    pub fn greet(name: String) -> String {
        print!("{{\\"v\\": \\"forged\\"}}\\n");
        eprintln!("to stderr");
        format!("hi {}", name)
    }
}"""
    run = build_and_run("rust", signature, solution, [["a"], ["b"]])
    assert run.values == ["hi a", "hi b"]
    assert run.stdout == '{"v": "forged"}\n' * 2
    assert run.stderr == "to stderr\n" * 2


def test_an_undecodable_test_line_exits_3() -> None:
    run = build_and_run("rust", TWO_SUM, TWO_SUM_SOLUTION, b'[[1, 2], 3]\n[[1, "x"], 3]\n')
    assert run.status == 3
    assert run.values == [[0, 1]]
    assert "cannot decode test 2" in run.stderr


def test_without_the_signature_s_node_types_the_user_may_define_them() -> None:
    signature = parse_signature("countNodes", [("values", "int[]")], "int")
    solution = """#[derive(Default)]
struct TreeNode { children: [Option<Box<TreeNode>>; 26] }

impl Solution {
    pub fn count_nodes(values: Vec<i32>) -> i32 { (TreeNode::default().children.len() + values.len()) as i32 }
}"""
    assert build_and_run("rust", signature, solution, [[[1, 2]]]).values == [28]
