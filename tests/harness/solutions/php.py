"""PHP's entries in the jail's table (`conformance_jail.py`), in LeetCode's form: `class Solution`, no `<?php` tag
needed (judged adds it, and a compile error still names the user's line)."""

from __future__ import annotations

from judged.harness import parse_signature
from judged.judging.function import Case
from judged.judging.verdicts import Verdict
from tests.harness import conformance_jail as jail
from tests.harness.conformance_jail import Judged

VERSION = r"^PHP 8\."

TWO_SUM_CODE = """class Solution {

    /**
     * @param Integer[] $nums
     * @param Integer $target
     * @return Integer[]
     */
    function twoSum($nums, $target) {
        $seen = [];
        foreach ($nums as $i => $x) {
            if (isset($seen[$target - $x])) return [$seen[$target - $x], $i];
            $seen[$x] = $i;
        }
        return [];
    }
}
"""
BLANK = "\n        \n"


def _one(body: str) -> str:
    return "class Solution { " + body + " }"


JUDGED: dict[str, Judged] = {
    **jail.two_sum(
        TWO_SUM_CODE,
        ("[$seen[$target - $x], $i]", "[$i, $i]"),
        ("$seen[$x] = $i;", "$seen[$x] = = $i;"),
        "on line 12",  # the line of `= =`, though judged put `<?php` before line 1
    ),
    "two-sum:open-tag": Judged(jail.TWO_SUM, "<?php\n" + TWO_SUM_CODE, jail.TWO_SUM_CASES),
    "void-by-reference": Judged(
        jail.REVERSE_ARRAY,
        jail.filled(jail.REVERSE_ARRAY, "php", "\n        $nums = array_reverse($nums);\n", BLANK),
        jail.REVERSE_ARRAY_CASES,
        stub_has=("     * @return NULL\n     */\n    function reverseArray(&$nums) {\n",),
    ),
    "list-nodes": Judged(
        jail.REVERSE_LIST,
        jail.filled(
            jail.REVERSE_LIST,
            "php",
            "\n        $prev = null;\n        while ($head) { $next = $head->next; $head->next = $prev; $prev = $head;"
            " $head = $next; }\n        return $prev;\n",
            BLANK,
        ),
        jail.REVERSE_LIST_CASES,
        stub_has=(" * class ListNode {\n",),
    ),
    "tree-nodes": Judged(
        jail.MIRROR,
        """class Solution {
    function mirror($root) {
        if ($root === null) return null;
        return new TreeNode($root->val, $this->mirror($root->right), $this->mirror($root->left));
    }
}
""",
        jail.MIRROR_CASES,
    ),
    "base-types": Judged(
        jail.ECHO,
        "class Solution { function echo($a, $b, $c, $d, $e) {\n"
        "    return [(string) $a, (string) $b, $c ? 'y' : 'n', $d, $e];\n} }",
        jail.echo_cases("y"),
    ),
    # PHP's overflow is a float: no long, written as null
    "long-overflow": Judged(jail.BIG, _one("function big($n) { return $n * 4; }"), jail.OVERFLOW_CASES, Verdict.WA),
    "extensions": Judged(
        parse_signature("shout", [("s", "string")], "string"),
        "class Solution { function shout($s) {\n"
        "    return mb_strtoupper($s) . bcadd('1', '2') . (ctype_digit('7') ? 'd' : '');\n} }",
        [Case(args=["ab"], output="AB3d")],
    ),
    "runtime-error": jail.raises(
        _one("function twoSum($nums, $target) { throw new InvalidArgumentException('no pair'); }"),
        "InvalidArgumentException: no pair",
    ),
    "graph": Judged(
        jail.CLONE_GRAPH,
        jail.filled(
            jail.CLONE_GRAPH,
            "php",
            "\n        $copies = new SplObjectStorage();\n"
            "        $copy = function ($n) use (&$copy, $copies) {\n"
            "            if ($n === null) return null;\n            if ($copies->contains($n)) return $copies[$n];\n"
            "            $copies[$n] = new Node($n->val);\n"
            "            foreach ($n->neighbors as $m) $copies[$n]->neighbors[] = $copy($m);\n"
            "            return $copies[$n];\n        };\n        return $copy($node);\n",
            BLANK,
        ),
        jail.CLONE_GRAPH_CASES,
        stub_has=(" * class Node {\n",),
    ),
    "nested-integers": Judged(
        jail.FLATTEN_DEPTHS,
        jail.filled(
            jail.FLATTEN_DEPTHS,
            "php",
            "\n        $out = [];\n        $walk = function ($items, $depth) use (&$walk, &$out) {\n"
            "            foreach ($items as $item) {\n"
            "                if ($item->isInteger()) array_push($out, $item->getInteger(), $depth);\n"
            "                else $walk($item->getList(), $depth + 1);\n            }\n        };\n"
            "        $walk($nestedList, 1);\n"
            "        $built = new NestedInteger();\n        $built->add(new NestedInteger(5));\n"
            "        array_push($out, $built->isInteger() ? 1 : 0, count($built->getList()));\n"
            "        $built->setInteger(9);\n"
            "        array_push($out, $built->getInteger(), $built->isInteger() ? 1 : 0);\n"
            "        return $out;\n",
            BLANK,
        ),
        jail.FLATTEN_DEPTHS_CASES,
        stub_has=(" * class NestedInteger {\n",),
    ),
}
