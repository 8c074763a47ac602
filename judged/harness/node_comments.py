"""The commented-out ListNode, TreeNode and Node definitions LeetCode shows above a stub.

They are comments because the harness supplies the real definitions; they
tell the user which fields and constructors to expect. Lines are kept
without trailing spaces. Rust's TreeNode block ends with the two `use`
lines a tree solution needs, as on LeetCode. LeetCode has no Rust form of the
graph `Node`; judged's is `Option<Rc<RefCell<Node>>>`, as its trees are, and
its block ends with the same two `use` lines unless a TreeNode block already
has them (see `judged.harness.stubs`).
"""

from __future__ import annotations

from judged.harness.types import Base

RUST_USES = ("use std::rc::Rc;", "use std::cell::RefCell;")
"""The `use` lines a Rust solution with trees or graph nodes needs, ending the first such block."""

_PYTHON_LIST = (
    "# Definition for singly-linked list.",
    "# class ListNode:",
    "#     def __init__(self, val=0, next=None):",
    "#         self.val = val",
    "#         self.next = next",
)
_PYTHON_TREE = (
    "# Definition for a binary tree node.",
    "# class TreeNode:",
    "#     def __init__(self, val=0, left=None, right=None):",
    "#         self.val = val",
    "#         self.left = left",
    "#         self.right = right",
)
_C_LIST = (
    "/**",
    " * Definition for singly-linked list.",
    " * struct ListNode {",
    " *     int val;",
    " *     struct ListNode *next;",
    " * };",
    " */",
)
_C_TREE = (
    "/**",
    " * Definition for a binary tree node.",
    " * struct TreeNode {",
    " *     int val;",
    " *     struct TreeNode *left;",
    " *     struct TreeNode *right;",
    " * };",
    " */",
)
_CPP_LIST = (
    "/**",
    " * Definition for singly-linked list.",
    " * struct ListNode {",
    " *     int val;",
    " *     ListNode *next;",
    " *     ListNode() : val(0), next(nullptr) {}",
    " *     ListNode(int x) : val(x), next(nullptr) {}",
    " *     ListNode(int x, ListNode *next) : val(x), next(next) {}",
    " * };",
    " */",
)
_CPP_TREE = (
    "/**",
    " * Definition for a binary tree node.",
    " * struct TreeNode {",
    " *     int val;",
    " *     TreeNode *left;",
    " *     TreeNode *right;",
    " *     TreeNode() : val(0), left(nullptr), right(nullptr) {}",
    " *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}",
    " *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}",
    " * };",
    " */",
)
_JAVA_LIST = (
    "/**",
    " * Definition for singly-linked list.",
    " * public class ListNode {",
    " *     int val;",
    " *     ListNode next;",
    " *     ListNode() {}",
    " *     ListNode(int val) { this.val = val; }",
    " *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }",
    " * }",
    " */",
)
_JAVA_TREE = (
    "/**",
    " * Definition for a binary tree node.",
    " * public class TreeNode {",
    " *     int val;",
    " *     TreeNode left;",
    " *     TreeNode right;",
    " *     TreeNode() {}",
    " *     TreeNode(int val) { this.val = val; }",
    " *     TreeNode(int val, TreeNode left, TreeNode right) {",
    " *         this.val = val;",
    " *         this.left = left;",
    " *         this.right = right;",
    " *     }",
    " * }",
    " */",
)
_JAVASCRIPT_LIST = (
    "/**",
    " * Definition for singly-linked list.",
    " * function ListNode(val, next) {",
    " *     this.val = (val===undefined ? 0 : val)",
    " *     this.next = (next===undefined ? null : next)",
    " * }",
    " */",
)
_JAVASCRIPT_TREE = (
    "/**",
    " * Definition for a binary tree node.",
    " * function TreeNode(val, left, right) {",
    " *     this.val = (val===undefined ? 0 : val)",
    " *     this.left = (left===undefined ? null : left)",
    " *     this.right = (right===undefined ? null : right)",
    " * }",
    " */",
)
_GO_LIST = (
    "/**",
    " * Definition for singly-linked list.",
    " * type ListNode struct {",
    " *     Val int",
    " *     Next *ListNode",
    " * }",
    " */",
)
_GO_TREE = (
    "/**",
    " * Definition for a binary tree node.",
    " * type TreeNode struct {",
    " *     Val int",
    " *     Left *TreeNode",
    " *     Right *TreeNode",
    " * }",
    " */",
)
_RUST_LIST = (
    "// Definition for singly-linked list.",
    "// #[derive(PartialEq, Eq, Clone, Debug)]",
    "// pub struct ListNode {",
    "//   pub val: i32,",
    "//   pub next: Option<Box<ListNode>>",
    "// }",
    "//",
    "// impl ListNode {",
    "//   #[inline]",
    "//   fn new(val: i32) -> Self {",
    "//     ListNode {",
    "//       next: None,",
    "//       val",
    "//     }",
    "//   }",
    "// }",
)
_RUST_TREE = (
    "// Definition for a binary tree node.",
    "// #[derive(Debug, PartialEq, Eq)]",
    "// pub struct TreeNode {",
    "//   pub val: i32,",
    "//   pub left: Option<Rc<RefCell<TreeNode>>>,",
    "//   pub right: Option<Rc<RefCell<TreeNode>>>,",
    "// }",
    "//",
    "// impl TreeNode {",
    "//   #[inline]",
    "//   pub fn new(val: i32) -> Self {",
    "//     TreeNode {",
    "//       val,",
    "//       left: None,",
    "//       right: None",
    "//     }",
    "//   }",
    "// }",
    *RUST_USES,
)

_PYTHON_GRAPH = (
    '"""',
    "# Definition for a Node.",
    "class Node:",
    "    def __init__(self, val = 0, neighbors = None):",
    "        self.val = val",
    "        self.neighbors = neighbors if neighbors is not None else []",
    '"""',
    "",
    "from typing import Optional",
)
_C_GRAPH = (
    "/**",
    " * Definition for a Node.",
    " * struct Node {",
    " *     int val;",
    " *     int numNeighbors;",
    " *     struct Node** neighbors;",
    " * };",
    " */",
)
_CPP_GRAPH = (
    "/*",
    "// Definition for a Node.",
    "class Node {",
    "public:",
    "    int val;",
    "    vector<Node*> neighbors;",
    "    Node() {",
    "        val = 0;",
    "        neighbors = vector<Node*>();",
    "    }",
    "    Node(int _val) {",
    "        val = _val;",
    "        neighbors = vector<Node*>();",
    "    }",
    "    Node(int _val, vector<Node*> _neighbors) {",
    "        val = _val;",
    "        neighbors = _neighbors;",
    "    }",
    "};",
    "*/",
)
_JAVA_GRAPH = (
    "/*",
    "// Definition for a Node.",
    "class Node {",
    "    public int val;",
    "    public List<Node> neighbors;",
    "    public Node() {",
    "        val = 0;",
    "        neighbors = new ArrayList<Node>();",
    "    }",
    "    public Node(int _val) {",
    "        val = _val;",
    "        neighbors = new ArrayList<Node>();",
    "    }",
    "    public Node(int _val, ArrayList<Node> _neighbors) {",
    "        val = _val;",
    "        neighbors = _neighbors;",
    "    }",
    "}",
    "*/",
)
_JAVASCRIPT_GRAPH = (
    "/**",
    " * // Definition for a _Node.",
    " * function _Node(val, neighbors) {",
    " *    this.val = val === undefined ? 0 : val;",
    " *    this.neighbors = neighbors === undefined ? [] : neighbors;",
    " * };",
    " */",
)
_GO_GRAPH = (
    "/**",
    " * Definition for a Node.",
    " * type Node struct {",
    " *     Val int",
    " *     Neighbors []*Node",
    " * }",
    " */",
)
_RUST_GRAPH = (
    "// Definition for a graph node.",
    "// pub struct Node {",
    "//   pub val: i32,",
    "//   pub neighbors: Vec<Rc<RefCell<Node>>>,",
    "// }",
    "//",
    "// impl Node {",
    "//   #[inline]",
    "//   pub fn new(val: i32) -> Self {",
    "//     Node {",
    "//       val,",
    "//       neighbors: vec![]",
    "//     }",
    "//   }",
    "// }",
)
NODE_COMMENTS: dict[str, dict[Base, tuple[str, ...]]] = {
    "python": {Base.LIST_NODE: _PYTHON_LIST, Base.TREE_NODE: _PYTHON_TREE, Base.NODE: _PYTHON_GRAPH},
    "c": {Base.LIST_NODE: _C_LIST, Base.TREE_NODE: _C_TREE, Base.NODE: _C_GRAPH},
    "cpp": {Base.LIST_NODE: _CPP_LIST, Base.TREE_NODE: _CPP_TREE, Base.NODE: _CPP_GRAPH},
    "java": {Base.LIST_NODE: _JAVA_LIST, Base.TREE_NODE: _JAVA_TREE, Base.NODE: _JAVA_GRAPH},
    "javascript": {Base.LIST_NODE: _JAVASCRIPT_LIST, Base.TREE_NODE: _JAVASCRIPT_TREE, Base.NODE: _JAVASCRIPT_GRAPH},
    "go": {Base.LIST_NODE: _GO_LIST, Base.TREE_NODE: _GO_TREE, Base.NODE: _GO_GRAPH},
    "rust": {Base.LIST_NODE: _RUST_LIST, Base.TREE_NODE: _RUST_TREE, Base.NODE: _RUST_GRAPH},
}
"""By language id, the lines shown above a stub whose signature uses ListNode, TreeNode or Node."""
