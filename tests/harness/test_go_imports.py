"""Go solutions pasted as LeetCode takes them: standard packages used without an import line still compile."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness.go_imports import missing_packages
from judged.harness.types import parse_signature
from judged.judging.build import Builder
from judged.judging.function import Case, FunctionTask, judge_function
from judged.judging.languages import load_languages
from judged.judging.verdicts import Verdict
from judged.sandbox import Sandbox

LANGUAGES = load_languages(Path(__file__).resolve().parents[2] / "languages")
SORTED = parse_signature("sortedSquares", [("nums", "int[]")], "int[]")
TASK = FunctionTask(
    signature=SORTED,
    cases=[Case(args=[[-4, -1, 0, 3, 10]], output=[0, 1, 9, 16, 100], sample=True), Case(args=[[2]], output=[4])],
    time_limit=5.0,
    memory_mib=256,
)

NO_IMPORTS = """\
func sortedSquares(nums []int) []int {
    out := make([]int, 0, len(nums))
    for _, x := range nums {
        out = append(out, int(math.Pow(float64(x), 2)))
    }
    sort.Ints(out)
    var b strings.Builder
    b.WriteString(strconv.Itoa(len(out)))
    h := &maxHeap{}
    heap.Init(h)
    return out
}

type maxHeap []int

func (h maxHeap) Len() int            { return len(h) }
func (h maxHeap) Less(i, j int) bool  { return h[i] > h[j] }
func (h maxHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *maxHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *maxHeap) Pop() interface{}   { old := *h; x := old[len(old)-1]; *h = old[:len(old)-1]; return x }
"""

OWN_IMPORTS = """\
import (
    "sort"
    s "strings"
)

func sortedSquares(nums []int) []int {
    for i := range nums {
        nums[i] *= nums[i]
    }
    sort.Ints(nums)
    _ = s.TrimSpace(" ")
    return nums
}
"""

LOCAL_LIST = """\
type ring struct{ Items []int }

func (r *ring) Len() int { return len(r.Items) }

func sortedSquares(nums []int) []int {
    list := &ring{}
    for _, x := range nums {
        list.Items = append(list.Items, x*x)
    }
    sort.Ints(list.Items)
    _ = list.Len()
    return list.Items
}
"""

COMPILE_ERROR = """\
func sortedSquares(nums []int) []int {
    sort.Ints(nums)
    return undefinedName
}
"""


def test_standard_packages_used_are_found() -> None:
    assert [p.path for p in missing_packages(NO_IMPORTS)] == ["container/heap", "math", "sort", "strconv", "strings"]


def test_imported_declared_or_quoted_names_are_not_added() -> None:
    assert missing_packages(OWN_IMPORTS) == []
    assert [p.path for p in missing_packages(LOCAL_LIST)] == ["container/list", "sort"]  # `ring` is declared
    assert missing_packages('func f() string { return "sort.Ints" } // math.Abs\n') == []


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "go-imports-builds")


@pytest.mark.parametrize("code", [NO_IMPORTS, OWN_IMPORTS, LOCAL_LIST], ids=["no-imports", "own-imports", "local"])
async def test_pasted_go_is_accepted(builder: Builder, code: str) -> None:
    result = await judge_function(TASK, LANGUAGES["go"], code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.AC, result.compile_output or result.message


async def test_compile_errors_keep_the_users_line_numbers(builder: Builder) -> None:
    result = await judge_function(TASK, LANGUAGES["go"], COMPILE_ERROR, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.CE
    assert "solution.go:3:12: undefined: undefinedName" in result.compile_output
