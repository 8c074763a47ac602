"""Ruby's entries in the jail's table (`conformance_jail.py`), in LeetCode's form: a snake_case top-level method."""

from __future__ import annotations

from judged.harness import parse_signature
from judged.judging.function import Case
from judged.judging.verdicts import Verdict
from tests.harness import conformance_jail as jail
from tests.harness.conformance_jail import Judged

VERSION = r"^ruby 3\."

TWO_SUM_CODE = """
# @param {Integer[]} nums
# @param {Integer} target
# @return {Integer[]}
def two_sum(nums, target)
    seen = {}
    nums.each_with_index do |x, i|
        return [seen[target - x], i] if seen.key?(target - x)
        seen[x] = i
    end
    []
end
"""
COUNT_BLOCKS = jail.count_blocks("end")
LENGTH = parse_signature("length", [("head", "ListNode")], "int")

JUDGED: dict[str, Judged] = {
    **jail.two_sum(
        TWO_SUM_CODE,
        ("[seen[target - x], i]", "[i, i]"),
        ("seen[x] = i", "seen[x] = = i"),
        "solution.rb:9: syntax error",  # the line of `= =`
    ),
    "keyword-parameter": Judged(
        COUNT_BLOCKS,
        jail.filled(COUNT_BLOCKS, "ruby", "\n    block_sizes.count { |size| size <= end_ }\n"),
        jail.COUNT_BLOCKS_CASES,
        stub_has=(
            "# @param {Integer} end_\n# @param {Integer[]} block_sizes\n",
            "def count_blocks(end_, block_sizes)\n",
        ),
    ),
    "list-nodes": Judged(
        jail.REVERSE_LIST,
        jail.filled(
            jail.REVERSE_LIST,
            "ruby",
            "\n    prev = nil\n    until head.nil?\n        head.next, prev, head = prev, head, head.next\n"
            "    end\n    prev\n",
        ),
        jail.REVERSE_LIST_CASES,
        stub_has=("# class ListNode\n",),
    ),
    "tree-nodes": Judged(
        jail.MIRROR,
        """
def mirror(root)
    return nil if root.nil?
    TreeNode.new(root.val, mirror(root.right), mirror(root.left))
end
""",
        jail.MIRROR_CASES,
    ),
    "base-types": Judged(
        jail.ECHO, "def echo(a, b, c, d, e)\n    [a.to_s, b.to_s, c.to_s, d, e]\nend\n", jail.echo_cases("true")
    ),
    "long-overflow": Judged(jail.BIG, "def big(n)\n    n * 4\nend\n", jail.OVERFLOW_CASES, Verdict.WA),
    "void-in-place": Judged(
        jail.REVERSE_ARRAY, jail.filled(jail.REVERSE_ARRAY, "ruby", "\n    nums.reverse!\n"), jail.REVERSE_ARRAY_CASES
    ),
    "deep-recursion": Judged(
        LENGTH,
        "def length(head)\n    head.nil? ? 0 : 1 + length(head.next)\nend\n",
        [Case(args=[list(range(100_000))], output=100_000)],
    ),
    "runtime-error": jail.raises(
        "def two_sum(nums, target)\n    raise ArgumentError, 'no pair'\nend\n", "ArgumentError: no pair"
    ),
    "missing-method": jail.raises("def twoSum(nums, target)\n    []\nend\n", message_has="two_sum"),
    "graph": Judged(
        jail.CLONE_GRAPH,
        jail.filled(
            jail.CLONE_GRAPH,
            "ruby",
            "\n    copies = {}\n    copy = lambda do |n|\n        return nil if n.nil?\n"
            "        return copies[n] if copies.key?(n)\n        copies[n] = Node.new(n.val)\n"
            "        n.neighbors.each { |m| copies[n].neighbors << copy.call(m) }\n        copies[n]\n    end\n"
            "    copy.call(node)\n",
        ),
        jail.CLONE_GRAPH_CASES,
        stub_has=("# class Node\n",),
    ),
    "nested-integers": Judged(
        jail.FLATTEN_DEPTHS,
        jail.filled(
            jail.FLATTEN_DEPTHS,
            "ruby",
            "\n    out = []\n    walk = lambda do |items, depth|\n        items.each do |item|\n"
            "            item.is_integer ? out.push(item.get_integer, depth) : walk.call(item.get_list, depth + 1)\n"
            "        end\n    end\n    walk.call(nested_list, 1)\n"
            "    built = NestedInteger.new\n    built.add(NestedInteger.new(5))\n"
            "    out.push(built.is_integer ? 1 : 0, built.get_list.length)\n"
            "    built.set_integer(9)\n    out.push(built.get_integer, built.is_integer ? 1 : 0)\n",
        ),
        jail.FLATTEN_DEPTHS_CASES,
        stub_has=("#class NestedInteger\n",),
    ),
}
