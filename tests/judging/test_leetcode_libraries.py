"""LeetCode's environment libraries: a real LeetCode-style solution that uses one is accepted unchanged.

The libraries come from scripts/leetcode_libraries.sh and Debian's packages (scripts/setup.sh installs both);
each language's TOML mounts them read-only into the jail.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from judged.harness import parse_signature
from judged.judging.build import Builder
from judged.judging.callee import Callee
from judged.judging.function import Case, FunctionTask, judge_function
from judged.judging.languages import load_languages
from judged.judging.selftest import self_test
from judged.judging.verdicts import Verdict
from judged.sandbox import Sandbox

LANGUAGES = load_languages(Path(__file__).resolve().parents[2] / "languages")
rng = random.Random(13)


def last_stone_weight(stones: list[int]) -> int:
    stones = sorted(stones)
    while len(stones) > 1:
        a, b = stones.pop(), stones.pop()
        if a != b:
            stones.append(a - b)
            stones.sort()
    return stones[0] if stones else 0


def count_smaller(nums: list[int]) -> list[int]:
    return [sum(1 for y in nums[i + 1 :] if y < x) for i, x in enumerate(nums)]


def task(signature: Callee, cases: list[Case]) -> FunctionTask:
    return FunctionTask(signature=signature, cases=cases, time_limit=10.0, memory_mib=256)


STONES = [[2, 7, 4, 1, 8, 1], [1], [3, 3], *[[rng.randint(1, 1000) for _ in range(30)] for _ in range(20)]]
LAST_STONE = task(
    parse_signature("lastStoneWeight", [("stones", "int[]")], "int"),
    [Case(args=[s], output=last_stone_weight(s)) for s in STONES],
)
NUMS = [[5, 2, 6, 1], [-1], [-1, -1], *[[rng.randint(-50, 50) for _ in range(40)] for _ in range(20)]]
COUNT_SMALLER = task(
    parse_signature("countSmaller", [("nums", "int[]")], "int[]"),
    [Case(args=[n], output=count_smaller(n)) for n in NUMS],
)
KTH = [([rng.randint(-(10**4), 10**4) for _ in range(200)], rng.randint(1, 200)) for _ in range(20)]
KTH_LARGEST = task(
    parse_signature("findKthLargest", [("nums", "int[]"), ("k", "int")], "int"),
    [Case(args=[n, k], output=sorted(n, reverse=True)[k - 1]) for n, k in KTH],
)
TWO_SUM = task(
    parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]"),
    [Case(args=[[2, 7, 11, 15], 9], output=[0, 1]), Case(args=[[3, 2, 4], 6], output=[1, 2])],
)

PYTHON_SORTEDLIST = """
from sortedcontainers import SortedList

class Solution:
    def countSmaller(self, nums: List[int]) -> List[int]:
        seen = SortedList()
        counts = []
        for x in reversed(nums):
            counts.append(seen.bisect_left(x))
            seen.add(x)
        return counts[::-1]
"""
JAVASCRIPT_PRIORITY_QUEUE = """
/**
 * @param {number[]} stones
 * @return {number}
 */
var lastStoneWeight = function(stones) {
    const pq = new MaxPriorityQueue();
    stones.forEach((s) => pq.enqueue(s));
    while (pq.size() > 1) {
        const a = pq.dequeue(), b = pq.dequeue();
        if (a !== b) pq.enqueue(a - b);
    }
    return pq.isEmpty() ? 0 : pq.front();
};
"""
JAVASCRIPT_LODASH_QUEUE_DEQUE = """
var countSmaller = function(nums) {
    const q = new Queue(nums), d = new Deque();
    const sorted = [];
    while (!q.isEmpty()) d.pushFront(q.dequeue());
    const out = [];
    while (!d.isEmpty()) {
        const x = d.popFront();
        const i = _.sortedIndex(sorted, x);
        out.push(i);
        sorted.splice(i, 0, x);
    }
    return _.reverse(out);
};
"""
JAVASCRIPT_REQUIRE = """
const { MinPriorityQueue } = require('@datastructures-js/priority-queue');
const lodash = require('lodash');
var findKthLargest = function(nums, k) {
    const heap = new MinPriorityQueue();
    for (const x of nums) {
        heap.enqueue(x);
        if (heap.size() > k) heap.dequeue();
    }
    return lodash.identity(heap.front());
};
"""
GO_GODS = """
import (
    "github.com/emirpasic/gods/trees/binaryheap"
)

func lastStoneWeight(stones []int) int {
    h := binaryheap.NewWith(func(a, b interface{}) int { return b.(int) - a.(int) })
    for _, s := range stones {
        h.Push(s)
    }
    for h.Size() > 1 {
        a, _ := h.Pop()
        b, _ := h.Pop()
        if a.(int) != b.(int) {
            h.Push(a.(int) - b.(int))
        }
    }
    if v, ok := h.Pop(); ok {
        return v.(int)
    }
    return 0
}
"""
C_UTHASH = """
struct entry { int key; int index; UT_hash_handle hh; };

int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    struct entry *seen = NULL, *found, *item, *tmp;
    int* result = malloc(2 * sizeof(int));
    *returnSize = 0;
    for (int i = 0; i < numsSize; i++) {
        int want = target - nums[i];
        HASH_FIND_INT(seen, &want, found);
        if (found) { result[0] = found->index; result[1] = i; *returnSize = 2; break; }
        item = malloc(sizeof(struct entry));
        item->key = nums[i]; item->index = i;
        HASH_ADD_INT(seen, key, item);
    }
    HASH_ITER(hh, seen, item, tmp) { HASH_DEL(seen, item); free(item); }
    return result;
}
"""
RUST_RAND = """
use rand::Rng;

impl Solution {
    pub fn find_kth_largest(mut nums: Vec<i32>, k: i32) -> i32 {
        let target = nums.len() - k as usize;
        let (mut lo, mut hi) = (0, nums.len() - 1);
        let mut rng = rand::thread_rng();
        loop {
            let p = rng.gen_range(lo..=hi);
            nums.swap(p, hi);
            let mut store = lo;
            for i in lo..hi {
                if nums[i] < nums[hi] { nums.swap(i, store); store += 1; }
            }
            nums.swap(store, hi);
            if store == target { return nums[store]; }
            if store < target { lo = store + 1; } else { hi = store - 1; }
        }
    }
}
"""

SOLUTIONS = [
    ("python", "sortedcontainers", COUNT_SMALLER, PYTHON_SORTEDLIST),
    ("javascript", "MaxPriorityQueue global", LAST_STONE, JAVASCRIPT_PRIORITY_QUEUE),
    ("javascript", "lodash, Queue and Deque globals", COUNT_SMALLER, JAVASCRIPT_LODASH_QUEUE_DEQUE),
    ("javascript", "require()", KTH_LARGEST, JAVASCRIPT_REQUIRE),
    ("go", "gods", LAST_STONE, GO_GODS),
    ("c", "uthash", TWO_SUM, C_UTHASH),
    ("rust", "rand", KTH_LARGEST, RUST_RAND),
]


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


@pytest.mark.parametrize(("language", "library", "problem", "code"), SOLUTIONS, ids=[s[1] for s in SOLUTIONS])
async def test_a_solution_using_a_leetcode_library_is_accepted(
    language: str, library: str, problem: FunctionTask, code: str, builder: Builder
) -> None:
    result = await judge_function(problem, LANGUAGES[language], code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.AC, (library, result.compile_output, result.failure, result.message)


async def test_a_solution_may_declare_a_name_leetcode_gives_a_library(builder: Builder) -> None:
    code = (
        "var _ = 5;\nfunction Queue() { return 1; }\nvar lastStoneWeight = function(s) { return _ - Queue() + 0; };\n"
    )
    problem = task(LAST_STONE.signature, [Case(args=[[1]], output=4)])
    result = await judge_function(problem, LANGUAGES["javascript"], code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.AC, result.failure


async def test_the_language_status_says_what_it_offers(builder: Builder) -> None:
    # What GET /v1/languages shows for each language: its version, the kinds of problem, LeetCode's libraries.
    status = await self_test(LANGUAGES["python"], builder.sandbox, builder)
    assert status.enabled, status.reason
    assert status.version.startswith("Python 3.")
    assert status.problems == ("function", "design", "io")
    assert status.libraries == ("sortedcontainers 2.4.0",)
    assert status.extensions == ("py", "py3")


async def test_python_sees_leetcodes_libraries_not_what_the_host_installed(builder: Builder) -> None:
    # The host's dist-packages (Debian's python3-* packages, pip's) differ from host to host: a solution sees
    # them empty, so it is judged alike on every host behind the load balancer; sortedcontainers stays.
    probe = "import site; print(*site.getsitepackages(), sep=chr(10))"
    host_sites = subprocess.run(["/usr/bin/python3", "-c", probe], capture_output=True, text=True, check=True)
    hidden = [path for path in host_sites.stdout.split() if Path(path).is_dir()]
    assert "/usr/lib/python3/dist-packages" in hidden  # Debian's python3 always has it
    code = (
        "import os\nfrom sortedcontainers import SortedList\n"
        "class Solution:\n"
        "    def twoSum(self, nums: List[int], target: int) -> List[int]:\n"
        f"        seen = {{p: os.listdir(p) for p in {hidden!r}}}\n"
        "        if any(seen.values()):\n"
        "            raise RuntimeError(f'host packages visible: {seen}')\n"
        "        return list(SortedList([1, 0])) if target == 9 else [1, 2]\n"
    )
    result = await judge_function(TWO_SUM, LANGUAGES["python"], code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.AC, (result.failure, result.message)
