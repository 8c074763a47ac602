"""Stubs with ListNode and TreeNode: the commented-out definitions LeetCode shows, then the function."""

from __future__ import annotations

import pytest

from judged.harness import LANGUAGE_IDS, stub
from judged.harness.types import parse_signature


def text(*lines: str) -> str:
    return "\n".join(lines)


SORTED_LIST_TO_BST = parse_signature("sortedListToBST", [("head", "ListNode")], "TreeNode")

SORTED_LIST_TO_BST_STUBS = {
    "python": text(
        "# Definition for singly-linked list.",
        "# class ListNode:",
        "#     def __init__(self, val=0, next=None):",
        "#         self.val = val",
        "#         self.next = next",
        "# Definition for a binary tree node.",
        "# class TreeNode:",
        "#     def __init__(self, val=0, left=None, right=None):",
        "#         self.val = val",
        "#         self.left = left",
        "#         self.right = right",
        "class Solution:",
        "    def sortedListToBST(self, head: Optional[ListNode]) -> Optional[TreeNode]:",
        "        ",
    ),
    "c": text(
        "/**",
        " * Definition for singly-linked list.",
        " * struct ListNode {",
        " *     int val;",
        " *     struct ListNode *next;",
        " * };",
        " */",
        "/**",
        " * Definition for a binary tree node.",
        " * struct TreeNode {",
        " *     int val;",
        " *     struct TreeNode *left;",
        " *     struct TreeNode *right;",
        " * };",
        " */",
        "struct TreeNode* sortedListToBST(struct ListNode* head) {",
        "    ",
        "}",
    ),
    "cpp": text(
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
        "class Solution {",
        "public:",
        "    TreeNode* sortedListToBST(ListNode* head) {",
        "        ",
        "    }",
        "};",
    ),
    "java": text(
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
        "class Solution {",
        "    public TreeNode sortedListToBST(ListNode head) {",
        "        ",
        "    }",
        "}",
    ),
    "javascript": text(
        "/**",
        " * Definition for singly-linked list.",
        " * function ListNode(val, next) {",
        " *     this.val = (val===undefined ? 0 : val)",
        " *     this.next = (next===undefined ? null : next)",
        " * }",
        " */",
        "/**",
        " * Definition for a binary tree node.",
        " * function TreeNode(val, left, right) {",
        " *     this.val = (val===undefined ? 0 : val)",
        " *     this.left = (left===undefined ? null : left)",
        " *     this.right = (right===undefined ? null : right)",
        " * }",
        " */",
        "/**",
        " * @param {ListNode} head",
        " * @return {TreeNode}",
        " */",
        "var sortedListToBST = function(head) {",
        "    ",
        "};",
    ),
    "go": text(
        "/**",
        " * Definition for singly-linked list.",
        " * type ListNode struct {",
        " *     Val int",
        " *     Next *ListNode",
        " * }",
        " */",
        "/**",
        " * Definition for a binary tree node.",
        " * type TreeNode struct {",
        " *     Val int",
        " *     Left *TreeNode",
        " *     Right *TreeNode",
        " * }",
        " */",
        "func sortedListToBST(head *ListNode) *TreeNode {",
        "    ",
        "}",
    ),
    "rust": text(
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
        "use std::rc::Rc;",
        "use std::cell::RefCell;",
        "impl Solution {",
        "    pub fn sorted_list_to_bst(head: Option<Box<ListNode>>) -> Option<Rc<RefCell<TreeNode>>> {",
        "        ",
        "    }",
        "}",
    ),
    "typescript": text(
        "/**",
        " * Definition for singly-linked list.",
        " * class ListNode {",
        " *     val: number",
        " *     next: ListNode | null",
        " *     constructor(val?: number, next?: ListNode | null) {",
        " *         this.val = (val===undefined ? 0 : val)",
        " *         this.next = (next===undefined ? null : next)",
        " *     }",
        " * }",
        " */",
        "/**",
        " * Definition for a binary tree node.",
        " * class TreeNode {",
        " *     val: number",
        " *     left: TreeNode | null",
        " *     right: TreeNode | null",
        " *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {",
        " *         this.val = (val===undefined ? 0 : val)",
        " *         this.left = (left===undefined ? null : left)",
        " *         this.right = (right===undefined ? null : right)",
        " *     }",
        " * }",
        " */",
        "function sortedListToBST(head: ListNode | null): TreeNode | null {",
        "    ",
        "};",
    ),
    "ruby": text(
        "# Definition for singly-linked list.",
        "# class ListNode",
        "#     attr_accessor :val, :next",
        "#     def initialize(val = 0, _next = nil)",
        "#         @val = val",
        "#         @next = _next",
        "#     end",
        "# end",
        "# Definition for a binary tree node.",
        "# class TreeNode",
        "#     attr_accessor :val, :left, :right",
        "#     def initialize(val = 0, left = nil, right = nil)",
        "#         @val = val",
        "#         @left = left",
        "#         @right = right",
        "#     end",
        "# end",
        "# @param {ListNode} head",
        "# @return {TreeNode}",
        "def sorted_list_to_bst(head)",
        "    ",
        "end",
    ),
}


@pytest.mark.parametrize("language_id", LANGUAGE_IDS)
def test_sorted_list_to_bst_shows_both_definitions(language_id: str) -> None:
    assert stub(SORTED_LIST_TO_BST, language_id) == SORTED_LIST_TO_BST_STUBS[language_id]


FLATTEN = parse_signature("flatten", [("root", "TreeNode")], "void")

# The last lines of each stub, after the TreeNode definition (checked above).
FLATTEN_ENDINGS = {
    "python": text(
        "class Solution:",
        "    def flatten(self, root: Optional[TreeNode]) -> None:",
        '        """',
        "        Do not return anything, modify root in-place instead.",
        '        """',
        "        ",
    ),
    "c": text(" */", "void flatten(struct TreeNode* root) {", "    ", "}"),
    "cpp": text("class Solution {", "public:", "    void flatten(TreeNode* root) {", "        ", "    }", "};"),
    "java": text("class Solution {", "    public void flatten(TreeNode root) {", "        ", "    }", "}"),
    "javascript": text(
        " */",
        "/**",
        " * @param {TreeNode} root",
        " * @return {void} Do not return anything, modify root in-place instead.",
        " */",
        "var flatten = function(root) {",
        "    ",
        "};",
    ),
    "go": text(" */", "func flatten(root *TreeNode) {", "    ", "}"),
    "rust": text(
        "use std::cell::RefCell;",
        "impl Solution {",
        "    pub fn flatten(root: &mut Option<Rc<RefCell<TreeNode>>>) {",
        "        ",
        "    }",
        "}",
    ),
    "typescript": text(
        " */",
        "function flatten(root: TreeNode | null): void {",
        "    /**",
        "     Do not return anything, modify root in-place instead.",
        "     */",
        "    ",
        "};",
    ),
    "ruby": text(
        "# end",
        "# @param {TreeNode} root",
        "# @return {Void} Do not return anything, modify root in-place instead.",
        "def flatten(root)",
        "    ",
        "end",
    ),
}


@pytest.mark.parametrize("language_id", LANGUAGE_IDS)
def test_flatten_modifies_its_tree_in_place(language_id: str) -> None:
    text_ = stub(FLATTEN, language_id)
    assert text_.endswith("\n" + FLATTEN_ENDINGS[language_id])
    assert "Definition for a binary tree node." in text_
    assert "singly-linked list" not in text_


@pytest.mark.parametrize(
    ("language_id", "head"),
    [
        ("python", "    def reorderList(self, head: Optional[ListNode]) -> None:"),
        ("c", "void reorderList(struct ListNode* head) {"),
        ("cpp", "    void reorderList(ListNode* head) {"),
        ("java", "    public void reorderList(ListNode head) {"),
        ("javascript", "var reorderList = function(head) {"),
        ("go", "func reorderList(head *ListNode) {"),
        ("rust", "    pub fn reorder_list(head: &mut Option<Box<ListNode>>) {"),
        ("typescript", "function reorderList(head: ListNode | null): void {"),
        ("ruby", "def reorder_list(head)"),
    ],
)
def test_reorder_list_modifies_its_list_in_place(language_id: str, head: str) -> None:
    text_ = stub(parse_signature("reorderList", [("head", "ListNode")], "void"), language_id)
    assert head in text_.splitlines()
    assert "Definition for singly-linked list." in text_
    assert "binary tree" not in text_


@pytest.mark.parametrize(
    ("language_id", "head", "definition"),
    [
        ("python", "    def cloneGraph(self, node: Optional['Node']) -> Optional['Node']:", "class Node:"),
        ("c", "struct Node* cloneGraph(struct Node* node) {", " *     struct Node** neighbors;"),
        ("cpp", "    Node* cloneGraph(Node* node) {", "    vector<Node*> neighbors;"),
        ("java", "    public Node cloneGraph(Node node) {", "    public List<Node> neighbors;"),
        ("javascript", "var cloneGraph = function(node) {", " * function _Node(val, neighbors) {"),
        ("go", "func cloneGraph(node *Node) *Node {", " *     Neighbors []*Node"),
        (
            "rust",
            "    pub fn clone_graph(node: Option<Rc<RefCell<Node>>>) -> Option<Rc<RefCell<Node>>> {",
            "use std::rc::Rc;",
        ),
    ],
)
def test_clone_graph_shows_leetcodes_graph_node(language_id: str, head: str, definition: str) -> None:
    lines = stub(parse_signature("cloneGraph", [("node", "Node")], "Node"), language_id).splitlines()
    assert head in lines
    assert definition in lines
    assert lines.index(definition) < lines.index(head)
