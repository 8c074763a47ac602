"""TypeScript's entries in the jail's table (`conformance_jail.py`): LeetCode's form, type-checked, judged like
JavaScript."""

from __future__ import annotations

from judged.harness import parse_signature
from judged.judging.function import Case
from tests.harness import conformance_jail as jail
from tests.harness.conformance_jail import Judged

VERSION = r"^Version 5\."

TWO_SUM_CODE = """
function twoSum(nums: number[], target: number): number[] {
    const seen = new Map<number, number>();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i])!, i];
        seen.set(nums[i], i);
    }
    return [];
};
"""

JUDGED: dict[str, Judged] = {
    **jail.two_sum(
        TWO_SUM_CODE,
        None,
        ("return [];", 'return "none";'),
        "solution.ts:8:5",  # the return line
        "error TS2322",
    ),
    "list-nodes": Judged(
        jail.REVERSE_LIST,
        jail.filled(
            jail.REVERSE_LIST,
            "typescript",
            "\n    let prev: ListNode | null = null;\n"
            "    while (head) { const next = head.next; head.next = prev; prev = head; head = next; }\n"
            "    return prev;\n",
        ),
        jail.REVERSE_LIST_CASES,
    ),
    "tree-nodes": Judged(
        jail.MIRROR,
        """
function mirror(root: TreeNode | null): TreeNode | null {
    if (!root) return null;
    return new TreeNode(root.val, mirror(root.right), mirror(root.left));
};
""",
        jail.MIRROR_CASES,
    ),
    "void-in-place": Judged(
        jail.REVERSE_ARRAY,
        jail.filled(jail.REVERSE_ARRAY, "typescript", "\n    nums.reverse();\n"),
        jail.REVERSE_ARRAY_CASES,
    ),
    "libraries": Judged(
        parse_signature("findKthLargest", [("nums", "int[]"), ("k", "int")], "int"),
        """
function findKthLargest(nums: number[], k: number): number {
    const heap = new MinPriorityQueue<number>();
    for (const x of nums) {
        heap.enqueue(x);
        if (heap.size() > k) heap.dequeue();
    }
    return _.max([heap.front()])!;
};
""",
        [Case(args=[[3, 2, 1, 5, 6, 4], 2], output=5)],
    ),
    "runtime-error": jail.raises(
        "function twoSum(nums: number[], target: number): number[] {\n    throw new Error('no');\n};\n",
        message_has="no",
    ),
    "graph": Judged(
        jail.CLONE_GRAPH,
        jail.filled(
            jail.CLONE_GRAPH,
            "typescript",
            "\n    const copies = new Map<_Node, _Node>();\n"
            "    const copy = (n: _Node | null): _Node | null => {\n"
            "        if (n === null) return null;\n        if (copies.has(n)) return copies.get(n)!;\n"
            "        const c = new _Node(n.val);\n        copies.set(n, c);\n"
            "        for (const m of n.neighbors) c.neighbors.push(copy(m)!);\n        return c;\n    };\n"
            "    return copy(node);\n",
        ),
        jail.CLONE_GRAPH_CASES,
        stub_has=(" * class _Node {\n",),
    ),
    "nested-integers": Judged(
        jail.FLATTEN_DEPTHS,
        jail.filled(
            jail.FLATTEN_DEPTHS,
            "typescript",
            "\n    const out: number[] = [];\n    const walk = (items: NestedInteger[], depth: number): void => {\n"
            "        for (const item of items) {\n"
            "            if (item.isInteger()) out.push(item.getInteger(), depth);\n"
            "            else walk(item.getList(), depth + 1);\n        }\n    };\n    walk(nestedList, 1);\n"
            "    const built = new NestedInteger();\n    built.add(new NestedInteger(5));\n"
            "    out.push(built.isInteger() ? 1 : 0, built.getList().length);\n"
            "    built.setInteger(9);\n    out.push(built.getInteger(), built.isInteger() ? 1 : 0);\n    return out;\n",
        ),
        jail.FLATTEN_DEPTHS_CASES,
        stub_has=(" * class NestedInteger {\n",),
    ),
}
