"""Go solutions to the conformance cases, in LeetCode's form (no package clause; imports merged with the harness's)."""

from __future__ import annotations

from judged.harness import stub
from judged.harness.typenames import type_name
from judged.harness.types import Type
from judged.harness.values import LONG_MIN
from tests.harness.conformance import Outcome, Solution
from tests.harness.conformance_cases import CASES

EXAMPLES = 10

TWO_SUM = """\
func twoSum(nums []int, target int) []int {
    seen := map[int]int{}
    for i, x := range nums {
        if j, ok := seen[target-x]; ok {
            return []int{j, i}
        }
        seen[x] = i
    }
    return nil
}"""


def identity(type_: Type) -> str:
    name = type_name(type_, "go")
    return f"func identity(x {name}) {name} {{ return x }}"


def _two_sum_importing(imports: str) -> str:
    """Two-sum by sorting, with the user's own imports in one of Go's styles, each import used."""
    uses = {'"fmt"': "fmt.Print()", '"strconv"': "_ = strconv.Itoa(1)", '"os"': "_ = os.Args", 'm "math"': "_ = m.Pi"}
    body = "; ".join(use for name, use in uses.items() if name in imports)
    return f"""{imports}

func twoSum(nums []int, target int) []int {{
    {body}
    index := make([]int, len(nums))
    for i := range index {{ index[i] = i }}
    sort.Slice(index, func(a, b int) bool {{ return nums[index[a]] < nums[index[b]] }})
    for lo, hi := 0, len(nums)-1; lo < hi; {{
        switch sum := nums[index[lo]] + nums[index[hi]]; {{
        case sum == target:
            return []int{{min(index[lo], index[hi]), max(index[lo], index[hi])}}
        case sum < target:
            lo++
        default:
            hi--
        }}
    }}
    return nil
}}

func min(a, b int) int {{ if a < b {{ return a }}; return b }}
func max(a, b int) int {{ if a > b {{ return a }}; return b }}"""


def _package_clause_dropped(outcome: Outcome) -> None:
    user = outcome.files["main.go"].split("//line solution.go:1:1\n")[1]
    assert user.startswith("\n\nfunc twoSum(")


def _list_node_declared_once(outcome: Outcome) -> None:
    assert outcome.files["main.go"].count("type ListNode struct") == 1


def _explode(body: str) -> str:
    return (
        'import "fmt"\n\nfunc explode(n int) []int {\n    fmt.Println("exploding")\n'
        f"    if n == 5 {{ {body} }}\n    return []int{{n}}\n}}"
    )


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": TWO_SUM,
    "two-sum:import-one": _two_sum_importing('import "sort"'),
    "two-sum:import-block": _two_sum_importing('import (\n    "fmt"\n    "sort"\n    "strconv"\n)'),
    "two-sum:the-harness-s-own-imports": _two_sum_importing('import "os"\nimport m "math"\nimport "sort"'),
    "two-sum:package-clause": Solution("package main\n\n" + TWO_SUM, expect={"check": _package_clause_dropped}),
    "no-tests-no-results": TWO_SUM,
    "compile-error-line": Solution(
        'import "sort"\n\nfunc twoSum(nums []int, target int) []int {\n    return undefined\n}',
        expect={
            "compile_error": (
                r'solution\.go:1:8: imported and not used: "sort"',
                r"solution\.go:4:12: undefined: undefined",
            )
        },
    ),
    "transpose-matrix": """func transpose(matrix [][]int) [][]int {
    if len(matrix) == 0 { return [][]int{} }
    t := make([][]int, len(matrix[0]))
    for j := range t {
        t[j] = make([]int, len(matrix))
        for i := range matrix { t[j][i] = matrix[i][j] }
    }
    return t
}""",
    "nested-integer": """
func walk(items []*NestedInteger, depth int, out []int) []int {
    for _, item := range items {
        if item.IsInteger() {
            out = append(out, item.GetInteger(), depth)
        } else {
            out = walk(item.GetList(), depth+1, out)
        }
    }
    return out
}

func flattenDepths(nestedList []*NestedInteger) []int {
    out := walk(nestedList, 1, []int{})
    built := NestedInteger{}
    built.Add(NestedInteger{})
    built.GetList()[0].SetInteger(5)
    flag := 0
    if built.IsInteger() {
        flag = 1
    }
    out = append(out, flag, len(built.GetList()))
    built.SetInteger(9)
    if built.IsInteger() {
        flag = 1
    }
    return append(out, built.GetInteger(), flag)
}
""",
    "clone-graph": stub(CASES["clone-graph"].signature, "go").replace(
        "\n    \n}",
        """
    if node == nil {
        return nil
    }
    clones := map[*Node]*Node{node: {Val: node.Val}}
    queue := []*Node{node}
    for len(queue) > 0 {
        current := queue[0]
        queue = queue[1:]
        for _, neighbor := range current.Neighbors {
            if _, ok := clones[neighbor]; !ok {
                clones[neighbor] = &Node{Val: neighbor.Val}
                queue = append(queue, neighbor)
            }
            clones[current].Neighbors = append(clones[current].Neighbors, clones[neighbor])
        }
    }
    return clones[node]
}""",
    ),
    "graph-values-not-1-to-n": """func relabel(node *Node, by int) *Node {
    seen := map[*Node]bool{node: true}
    stack := []*Node{node}
    for len(stack) > 0 {
        current := stack[len(stack)-1]
        stack = stack[:len(stack)-1]
        for _, next := range current.Neighbors {
            if !seen[next] { seen[next] = true; stack = append(stack, next) }
        }
    }
    for each := range seen { each.Val += by }
    return node
}""",
    "rotate-in-place": """func rotate(nums []int, k int) {
    copied := append([]int(nil), nums...)
    for i, x := range copied { nums[(i+k)%len(nums)] = x }
}""",
    "flatten-tree-in-place": """func flatten(root *TreeNode) {
    for node := root; node != nil; node = node.Right {
        if node.Left != nil {
            last := node.Left
            for last.Right != nil { last = last.Right }
            last.Right, node.Right, node.Left = node.Right, node.Left, nil
        }
    }
}""",
    "reverse-list": """func reverseList(head *ListNode) *ListNode {
    var previous *ListNode
    for head != nil { head, head.Next, previous = head.Next, previous, head }
    return previous
}""",
    "invert-tree": """func invertTree(root *TreeNode) *TreeNode {
    if root != nil { root.Left, root.Right = invertTree(root.Right), invertTree(root.Left) }
    return root
}""",
    "describe-scalars": Solution(
        """import "strconv"

func describe(word string, letter byte, flag bool, ratio float64, big int) string {
    return word + string(letter) + "|" + strconv.FormatBool(flag) + "|" + strconv.FormatFloat(ratio*2, 'g', -1, 64) +
        "|" + strconv.Itoa(big-1) + "|\\t\\"\\x01"
}""",
        tests=(["ab", "c", True, 1.25, LONG_MIN + 1],),
        expect={"values": ['abc|true|2.5|-9223372036854775808|\t"\x01']},
    ),
    "go-index-panic": _explode("return []int{1}[n:]"),
    "go-explicit-panic": _explode('panic("boom")'),
    "go-nil-panic": _explode("var point *struct{ x int }; return []int{point.x}"),
    "list-cycle": "func makeCycle(head *ListNode) *ListNode { if head != nil { head.Next = head }; return head }",
    "prints-never-reach-results": Solution(
        """import (
    "fmt"
    "os"
)

func greet(name string) string {
    fmt.Print("{\\"v\\": \\"forged\\"}\\n")
    fmt.Fprintln(os.Stderr, "to stderr")
    return "hi " + name
}""",
        expect={"stdout": '{"v": "forged"}\n' * 2, "stderr": "to stderr\n" * 2},
    ),
    "bad-line-element": TWO_SUM,
    "user-defines-tree-node": """type TreeNode struct{ children [26]*TreeNode }

func countNodes(values []int) int { return len(TreeNode{}.children) + len(values) }""",
    "reverse-list:pasted-definitions": Solution(
        """type ListNode struct {
    Val  int
    Next *ListNode
}

func reverseList(head *ListNode) *ListNode {
    if head == nil || head.Next == nil { return head }
    rest := reverseList(head.Next)
    head.Next.Next, head.Next = head, nil
    return rest
}""",
        expect={"check": _list_node_declared_once},
    ),
}
