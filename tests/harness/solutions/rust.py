"""Rust solutions to the conformance cases, in LeetCode's form (`impl Solution { pub fn snake_case(...) }`)."""

from __future__ import annotations

from judged.harness import stub
from judged.harness.typenames import type_name
from judged.harness.types import Type
from judged.harness.values import LONG_MIN
from tests.harness.conformance import Outcome, Solution
from tests.harness.conformance_cases import CASES

EXAMPLES = 10

TWO_SUM = """\
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
MIDDLE_NODE = """pub struct Solution;

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


def identity(type_: Type) -> str:
    name = type_name(type_, "rust")
    return (
        f"use std::rc::Rc;\nuse std::cell::RefCell;\nimpl Solution {{ pub fn identity(x: {name}) -> {name} {{ x }} }}"
    )


def _the_users_text_comes_first(outcome: Outcome) -> None:
    main = outcome.files["main.rs"]
    assert main.startswith(TWO_SUM + "\n")
    assert "pub struct Solution;" in main
    assert "pub struct ListNode" not in main
    assert "pub struct TreeNode" not in main


def _declared_once(outcome: Outcome) -> None:
    main = outcome.files["main.rs"]
    assert (main.count("struct Solution"), main.count("struct ListNode")) == (1, 1)


def _max_depth(uses: str) -> str:
    return f"use std::collections::HashMap;\n{uses}\n{MAX_DEPTH_BODY}\n"


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": Solution(TWO_SUM, expect={"check": _the_users_text_comes_first}),
    "no-tests-no-results": TWO_SUM,
    # The user's `use` lines never clash with the prelude's.
    "tree-depth:stub-uses": _max_depth("use std::rc::Rc;\nuse std::cell::RefCell;"),
    "tree-depth:grouped-uses": _max_depth("use std::{cell::RefCell, rc::Rc};"),
    "tree-depth:rc-only": _max_depth("use std::rc::Rc;"),
    "tree-depth:no-uses": _max_depth(""),
    "tree-depth:glob-uses": _max_depth("use std::rc::*;\nuse std::cell::*;"),
    "deep-tree": "use std::rc::Rc;\nuse std::cell::RefCell;\n" + MAX_DEPTH_BODY,
    "pasted-middle-node": Solution(MIDDLE_NODE, expect={"check": _declared_once}),
    "compile-error-line": Solution(
        "impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        undefined\n    }\n}",
        expect={"compile_error": (r"main\.rs:3:9",)},
    ),
    "transpose-matrix": """impl Solution {
    pub fn transpose(matrix: Vec<Vec<i32>>) -> Vec<Vec<i32>> {
        if matrix.is_empty() { return vec![]; }
        (0..matrix[0].len()).map(|j| matrix.iter().map(|row| row[j]).collect()).collect()
    }
}""",
    "nested-integer": """
impl Solution {
    pub fn flatten_depths(nested_list: Vec<NestedInteger>) -> Vec<i32> {
        fn walk(items: &[NestedInteger], depth: i32, out: &mut Vec<i32>) {
            for item in items {
                match item {
                    NestedInteger::Int(value) => out.extend([*value, depth]),
                    NestedInteger::List(list) => walk(list, depth + 1, out),
                }
            }
        }
        let mut out = vec![];
        walk(&nested_list, 1, &mut out);
        let built = NestedInteger::List(vec![NestedInteger::Int(5)]);
        if let NestedInteger::List(list) = &built {
            out.extend([0, list.len() as i32]);
        }
        let built = NestedInteger::Int(9);
        if built == NestedInteger::Int(9) {
            out.extend([9, 1]);
        }
        out
    }
}
""",
    "clone-graph": stub(CASES["clone-graph"].signature, "rust").replace(
        "\n        \n    }",
        """
        use std::collections::HashMap;
        let start = node?;
        let mut clones: HashMap<*const RefCell<Node>, Rc<RefCell<Node>>> = HashMap::new();
        clones.insert(Rc::as_ptr(&start), Rc::new(RefCell::new(Node::new(start.borrow().val))));
        let mut queue = vec![start.clone()];
        while let Some(current) = queue.pop() {
            for neighbor in current.borrow().neighbors.iter() {
                let key = Rc::as_ptr(neighbor);
                if !clones.contains_key(&key) {
                    clones.insert(key, Rc::new(RefCell::new(Node::new(neighbor.borrow().val))));
                    queue.push(neighbor.clone());
                }
                let copy = clones[&key].clone();
                clones[&Rc::as_ptr(&current)].borrow_mut().neighbors.push(copy);
            }
        }
        Some(clones[&Rc::as_ptr(&start)].clone())
    }""",
    ),
    "graph-values-not-1-to-n": """use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    pub fn relabel(node: Option<Rc<RefCell<Node>>>, by: i32) -> Option<Rc<RefCell<Node>>> {
        let start = node.clone()?;
        let mut seen = vec![start.clone()];
        let mut index = 0;
        while index < seen.len() {
            let neighbors = seen[index].borrow().neighbors.clone();
            for next in neighbors {
                if !seen.iter().any(|known| Rc::ptr_eq(known, &next)) {
                    seen.push(next);
                }
            }
            index += 1;
        }
        for each in &seen {
            each.borrow_mut().val += by;
        }
        node
    }
}""",
    "rotate-in-place": """impl Solution {
    pub fn rotate(nums: &mut Vec<i32>, k: i32) {
        let k = k as usize % nums.len();
        nums.rotate_right(k);
    }
}""",
    "flatten-tree-in-place": """use std::rc::Rc;
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
}""",
    "reverse-list": """impl Solution {
    pub fn reverse_list(mut head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        let mut previous = None;
        while let Some(mut node) = head {
            head = node.next.take();
            node.next = previous;
            previous = Some(node);
        }
        previous
    }
}""",
    "describe-scalars": Solution(
        """impl Solution {
    pub fn describe(word: String, letter: char, flag: bool, ratio: f64, big: i64) -> String {
        format!("{}{}|{}|{}|{}|\\t\\"\\u{1}", word, letter, flag, ratio * 2.0, big - 1)
    }
}""",
        tests=(["ab", "c", True, 1.25, LONG_MIN + 1],),
        expect={"values": ['abc|true|2.5|-9223372036854775808|\t"\x01']},
    ),
    "divide-by-zero": Solution(
        """impl Solution {
    pub fn divide(a: i32, b: i32) -> i32 {
        println!("dividing");
        a / b
    }
}""",
        expect={"error": "panicked at 'attempt to divide by zero', main.rs:4:9"},
    ),
    "prints-never-reach-results": Solution(
        """impl Solution {
    pub fn greet(name: String) -> String {
        print!("{{\\"v\\": \\"forged\\"}}\\n");
        eprintln!("to stderr");
        format!("hi {}", name)
    }
}""",
        expect={"stdout": '{"v": "forged"}\n' * 2, "stderr": "to stderr\n" * 2},
    ),
    "bad-line-element": TWO_SUM,
    "user-defines-tree-node": """#[derive(Default)]
struct TreeNode { children: [Option<Box<TreeNode>>; 26] }

impl Solution {
    pub fn count_nodes(values: Vec<i32>) -> i32 { (TreeNode::default().children.len() + values.len()) as i32 }
}""",
}
