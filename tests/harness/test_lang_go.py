"""The Go harness, built with `go build` and run on the host as languages/go.toml runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judged.harness.lang_go import build
from judged.harness.typenames import type_name
from judged.harness.types import ALL_VALUE_TYPES, Param, Signature, Type, parse_signature
from judged.harness.values import canonical, validate
from tests.harness.hostrun_jvm_go_rust import CompileError, build_and_run, compile_many, run_program
from tests.harness.strategies import values_of

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_SOLUTION = """\
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


def identity(type_: Type) -> tuple[Signature, str]:
    name = type_name(type_, "go")
    return Signature("identity", (Param("x", type_),), type_), f"func identity(x {name}) {name} {{ return x }}"


@pytest.fixture(scope="module")
def identities() -> dict[Type, Path]:
    return dict(zip(ALL_VALUE_TYPES, compile_many("go", [identity(type_) for type_ in ALL_VALUE_TYPES]), strict=True))


@pytest.mark.parametrize("type_", ALL_VALUE_TYPES, ids=str)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_every_type_round_trips(identities: dict[Type, Path], type_: Type, data: st.DataObject) -> None:
    values = data.draw(st.lists(values_of(type_), min_size=1, max_size=30))
    run = run_program("go", identities[type_], [[value] for value in values])
    assert (run.status, run.stderr) == (0, "")
    for value in run.values:
        validate(value, type_, "v")
    assert [canonical(value, type_) for value in run.values] == [canonical(value, type_) for value in values]


def test_two_sum() -> None:
    run = build_and_run("go", TWO_SUM, TWO_SUM_SOLUTION, [[[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[1], 5]])
    assert (run.status, run.stderr) == (0, "")
    assert run.values == [[0, 1], [1, 2], []]
    assert all(isinstance(result["t"], float) and result["t"] >= 0 for result in run.results)


@pytest.mark.parametrize(
    "imports",
    [
        'import "sort"',
        'import (\n    "fmt"\n    "sort"\n    "strconv"\n)',
        'import "os"\nimport m "math"\nimport "sort"',
    ],
    ids=["one", "block", "the-harness-s-own"],
)
def test_the_user_s_imports_are_kept(imports: str) -> None:
    uses = {'"fmt"': "fmt.Print()", '"strconv"': "_ = strconv.Itoa(1)", '"os"': "_ = os.Args", 'm "math"': "_ = m.Pi"}
    body = "; ".join(use for name, use in uses.items() if name in imports)
    solution = f"""{imports}

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
    run = build_and_run("go", TWO_SUM, solution, [[[2, 7, 11, 15], 9], [[3, 2, 4], 6]])
    assert (run.status, run.values) == (0, [[0, 1], [1, 2]])


def test_a_package_clause_is_dropped_and_lines_kept() -> None:
    main = build(TWO_SUM, "package main\n\n" + TWO_SUM_SOLUTION)["main.go"]
    user = main.split("//line solution.go:1:1\n")[1]
    assert user.startswith("\n\nfunc twoSum(")
    assert build_and_run("go", TWO_SUM, "package main\n\n" + TWO_SUM_SOLUTION, [[[1, 2], 3]]).values == [[0, 1]]


def test_compile_errors_point_at_the_user_s_lines() -> None:
    solution = 'import "sort"\n\nfunc twoSum(nums []int, target int) []int {\n    return undefined\n}'
    with pytest.raises(CompileError) as raised:
        build_and_run("go", TWO_SUM, solution, [])
    assert 'solution.go:1:8: imported and not used: "sort"' in str(raised.value)
    assert "solution.go:4:12: undefined: undefined" in str(raised.value)


def test_grids() -> None:
    signature = parse_signature("transpose", [("matrix", "int[][]")], "int[][]")
    solution = """func transpose(matrix [][]int) [][]int {
    t := make([][]int, len(matrix[0]))
    for j := range t {
        t[j] = make([]int, len(matrix))
        for i := range matrix { t[j][i] = matrix[i][j] }
    }
    return t
}"""
    run = build_and_run("go", signature, solution, [[[[1, 2, 3], [4, 5, 6]]], [[[7]]]])
    assert run.values == [[[1, 4], [2, 5], [3, 6]], [[7]]]


def test_void_modifies_a_slice_in_place() -> None:
    signature = parse_signature("rotate", [("nums", "int[]"), ("k", "int")], "void")
    solution = """func rotate(nums []int, k int) {
    copied := append([]int(nil), nums...)
    for i, x := range copied { nums[(i+k)%len(nums)] = x }
}"""
    run = build_and_run("go", signature, solution, [[[1, 2, 3, 4, 5, 6, 7], 3], [[-1, -100, 3, 99], 2]])
    assert run.values == [[5, 6, 7, 1, 2, 3, 4], [3, 99, -1, -100]]


def test_void_flattens_a_tree_in_place() -> None:
    signature = parse_signature("flatten", [("root", "TreeNode")], "void")
    solution = """func flatten(root *TreeNode) {
    for node := root; node != nil; node = node.Right {
        if node.Left != nil {
            last := node.Left
            for last.Right != nil { last = last.Right }
            last.Right, node.Right, node.Left = node.Right, node.Left, nil
        }
    }
}"""
    run = build_and_run("go", signature, solution, [[[1, 2, 5, 3, 4, None, 6]], [[]], [[0]]])
    assert run.values == [[1, None, 2, None, 3, None, 4, None, 5, None, 6], [], [0]]


def test_lists_and_trees_in_and_out() -> None:
    reverse = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    solution = """func reverseList(head *ListNode) *ListNode {
    var previous *ListNode
    for head != nil { head, head.Next, previous = head.Next, previous, head }
    return previous
}"""
    assert build_and_run("go", reverse, solution, [[[1, 2, 3]], [[]]]).values == [[3, 2, 1], []]
    invert = parse_signature("invertTree", [("root", "TreeNode")], "TreeNode")
    solution = """func invertTree(root *TreeNode) *TreeNode {
    if root != nil { root.Left, root.Right = invertTree(root.Right), invertTree(root.Left) }
    return root
}"""
    run = build_and_run("go", invert, solution, [[[4, 2, 7, 1, 3, 6, 9]], [[1, 2]], [[]]])
    assert run.values == [[4, 7, 2, 9, 6, 3, 1], [1, None, 2], []]


def test_scalars_of_every_kind() -> None:
    signature = parse_signature(
        "describe",
        [("word", "string"), ("letter", "char"), ("flag", "bool"), ("ratio", "double"), ("big", "long")],
        "string",
    )
    solution = """import "strconv"

func describe(word string, letter byte, flag bool, ratio float64, big int) string {
    return word + string(letter) + "|" + strconv.FormatBool(flag) + "|" + strconv.FormatFloat(ratio*2, 'g', -1, 64) +
        "|" + strconv.Itoa(big-1) + "|\\t\\"\\x01"
}"""
    run = build_and_run("go", signature, solution, [["ab", "c", True, 1.25, -(2**63) + 1]])
    assert run.values == ['abc|true|2.5|-9223372036854775808|\t"\x01']


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("return []int{1}[n:]", "panic: runtime error: slice bounds out of range [5:1]"),
        ('panic("boom")', "panic: boom"),
        (
            "var point *struct{ x int }; return []int{point.x}",
            "panic: runtime error: invalid memory address or nil pointer dereference",
        ),
    ],
    ids=["index", "explicit", "nil"],
)
def test_a_panic_is_the_test_s_error_and_stops_the_run(body: str, error: str) -> None:
    signature = parse_signature("explode", [("n", "int")], "int[]")
    solution = (
        'import "fmt"\n\nfunc explode(n int) []int {\n    fmt.Println("exploding")\n'
        f"    if n == 5 {{ {body} }}\n    return []int{{n}}\n}}"
    )
    run = build_and_run("go", signature, solution, [[1], [5], [2]])
    assert run.status == 1
    assert run.values == [[1]]
    assert run.results[1]["e"] == error
    assert len(run.results) == 2
    assert run.stdout == "exploding\nexploding\n"


def test_a_cyclic_list_is_an_error() -> None:
    signature = parse_signature("makeCycle", [("head", "ListNode")], "ListNode")
    solution = "func makeCycle(head *ListNode) *ListNode { head.Next = head; return head }"
    run = build_and_run("go", signature, solution, [[[1, 2]]])
    assert (run.status, run.results[0]["e"]) == (1, "ListNode has a cycle")


def test_user_prints_never_reach_fd_3() -> None:
    signature = parse_signature("greet", [("name", "string")], "string")
    solution = """import (
    "fmt"
    "os"
)

func greet(name string) string {
    fmt.Print("{\\"v\\": \\"forged\\"}\\n")
    fmt.Fprintln(os.Stderr, "to stderr")
    return "hi " + name
}"""
    run = build_and_run("go", signature, solution, [["a"], ["b"]])
    assert run.values == ["hi a", "hi b"]
    assert run.stdout == '{"v": "forged"}\n' * 2
    assert run.stderr == "to stderr\n" * 2


def test_an_undecodable_test_line_exits_3() -> None:
    run = build_and_run("go", TWO_SUM, TWO_SUM_SOLUTION, b'[[1, 2], 3]\n[[1, "x"], 3]\n')
    assert run.status == 3
    assert run.values == [[0, 1]]
    assert "cannot decode test 2" in run.stderr


def test_without_the_signature_s_node_types_the_user_may_define_them() -> None:
    signature = parse_signature("countNodes", [("values", "int[]")], "int")
    solution = """type TreeNode struct{ children [26]*TreeNode }

func countNodes(values []int) int { return len(TreeNode{}.children) + len(values) }"""
    assert build_and_run("go", signature, solution, [[[1, 2]]]).values == [28]


def test_pasted_definitions_are_not_declared_twice() -> None:
    signature = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    solution = """type ListNode struct {
    Val  int
    Next *ListNode
}

func reverseList(head *ListNode) *ListNode {
    if head == nil || head.Next == nil { return head }
    rest := reverseList(head.Next)
    head.Next.Next, head.Next = head, nil
    return rest
}"""
    assert build(signature, solution)["main.go"].count("type ListNode struct") == 1
    assert build_and_run("go", signature, solution, [[[1, 2, 3]], [[]]]).values == [[3, 2, 1], []]
