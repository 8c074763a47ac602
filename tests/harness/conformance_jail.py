"""The jail's conformance table: what a user sees when judged builds and runs a solution end to end.

The host table (`conformance.py`) checks the harness protocol line by line,
outside the jail. This one checks what only the real path shows: the
language's self-test, verdicts (AC, WA, CE with the user's line, RE with
the exception's message, MLE, TLE) and LeetCode's stubs, filled in and
judged. `tests/harness/test_conformance_jail.py` runs it; each language's
entries are `JUDGED` (with `VERSION`, what its self-test reports) in
`tests/harness/solutions/<language>.py`, built from the signatures and
cases below, so that a behaviour every language shares is written once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from judged.harness import parse_signature, stub
from judged.harness.types import Signature
from judged.judging.function import Case
from judged.judging.verdicts import Verdict


@dataclass(frozen=True)
class Judged:
    """One program judged in the jail, and what the user must be shown for it."""

    signature: Signature
    code: str
    cases: Sequence[Case]
    verdict: Verdict = Verdict.AC
    compile_has: tuple[str, ...] = ()  # in the compiler's output: the user's file and line
    message: str | None = None  # the runtime error's message, exactly
    message_has: str | None = None  # ... or a part of it
    stub_is: str | None = None  # LeetCode's stub for the signature, exactly
    stub_has: tuple[str, ...] = ()  # ... or parts of it
    time_limit: float = 10.0
    memory_mib: int = 256


def filled(signature: Signature, language: str, body: str, blank: str = "\n    \n") -> str:
    """LeetCode's stub for `signature` with its empty body line (`blank`) replaced by `body`."""
    return stub(signature, language).replace(blank, body)


def two_sum(code: str, wrong: tuple[str, str] | None, compile_error: tuple[str, str], *lines: str) -> dict[str, Judged]:
    """Two-sum accepted; with `wrong` replaced, a wrong answer; with `compile_error` replaced, a compile
    error whose output shows each of `lines` (the user's file and line)."""
    judged = {
        "two-sum": Judged(TWO_SUM, code, TWO_SUM_CASES),
        "compile-error": Judged(TWO_SUM, code.replace(*compile_error), TWO_SUM_CASES, Verdict.CE, compile_has=lines),
    }
    if wrong is not None:
        judged["two-sum:wrong"] = Judged(TWO_SUM, code.replace(*wrong), TWO_SUM_CASES, Verdict.WA)
    return judged


def raises(code: str, message: str | None = None, message_has: str | None = None) -> Judged:
    """Two-sum that raises: a runtime error with the exception's message (or a part of it)."""
    return Judged(TWO_SUM, code, TWO_SUM_CASES, Verdict.RE, message=message, message_has=message_has)


def exhausted(
    memory: str, loop: str, signature: Signature, cases: Sequence[Case], memory_seconds: float = 1.0
) -> dict[str, Judged]:
    """Memory that runs out (64 MiB) is MLE, an endless loop (1 s) TLE."""
    return {
        "memory": Judged(signature, memory, cases, Verdict.MLE, time_limit=memory_seconds, memory_mib=64),
        "endless-loop": Judged(signature, loop, cases, Verdict.TLE, time_limit=1.0, memory_mib=64),
    }


def echo_cases(true: str) -> list[Case]:
    """Every base type in, each as the language's own text out (`true` is how it writes a true bool)."""
    return [Case(args=[-(2**63), 0.5, True, 'a"\\\n', "x"], output=[str(-(2**63)), "0.5", true, 'a"\\\n', "x"])]


TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_CASES = [Case(args=[[2, 7, 11, 15], 9], output=[0, 1], sample=True), Case(args=[[3, 2, 4], 6], output=[1, 2])]

REVERSE_LIST = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
REVERSE_LIST_CASES = [Case(args=[[1, 2, 3]], output=[3, 2, 1]), Case(args=[[]], output=[])]

MIRROR = parse_signature("mirror", [("root", "TreeNode")], "TreeNode")
MIRROR_CASES = [Case(args=[[1, 2, 3, None, 4]], output=[1, 3, 2, None, None, 4])]

REVERSE_ARRAY = parse_signature("reverseArray", [("nums", "int[]")], "void")
REVERSE_ARRAY_CASES = [Case(args=[[1, 2, 3]], output=[3, 2, 1])]

ECHO = parse_signature(
    "echo", [("a", "long"), ("b", "double"), ("c", "bool"), ("d", "string"), ("e", "char")], "string[]"
)

BIG = parse_signature("big", [("n", "long")], "long")
OVERFLOW_CASES = [Case(args=[2**62], output=2**62)]  # n * 4 is 2^64: no long, so a wrong answer

CLONE_GRAPH = parse_signature("cloneGraph", [("node", "Node")], "Node")
SQUARE = [[2, 4], [1, 3], [2, 4], [1, 3]]
CLONE_GRAPH_CASES = [Case(args=[SQUARE], output=SQUARE), Case(args=[[]], output=[]), Case(args=[[[]]], output=[[]])]
RING = [[i - 1 if i > 1 else 20_000, i + 1 if i < 20_000 else 1] for i in range(1, 20_001)]
DEEP_CLONE_GRAPH_CASES = [*CLONE_GRAPH_CASES[:2], Case(args=[RING], output=RING)]  # 20,000 nested calls deep

FLATTEN_DEPTHS = parse_signature("flattenDepths", [("nestedList", "NestedInteger[]")], "int[]")
FLATTEN_DEPTHS_CASES = [
    Case(args=[[1, [4, [6]]]], output=[1, 1, 4, 2, 6, 3, 0, 1, 9, 1]),
    Case(args=[[[], [[]]]], output=[0, 1, 9, 1]),
]

HOARD = parse_signature("hoard", [("n", "int")], "int")
HOARD_CASES = [Case(args=[1], output=1)]

STAMP = parse_signature(
    "stamp",
    [("grid", "char[][]"), ("a", "long"), ("b", "double"), ("c", "bool"), ("d", "string"), ("e", "char"),
     ("f", "string[][]")],
    "void",
)  # fmt: skip
STAMPED = f'{-(2**63)}|0.5|true|q"|x|p,q/'
STAMP_CASES = [
    Case(
        args=[[list(" " * len(STAMPED)), ["z"]], -(2**63), 0.5, True, 'q"', "x", [["p", "q"], []]],
        output=[list(STAMPED), ["z"]],
    )
]
"""A void method fills its `char[][]` from a long, a double, a bool, a string, a char and a `string[][]`."""


def grow(keyword: str) -> Signature:
    """A ListNode and an int named by a keyword of the language (the stub renames it), a TreeNode out."""
    return parse_signature("grow", [("head", "ListNode"), (keyword, "int")], "TreeNode")


GROW_CASES = [Case(args=[[1, 2, 3], 10], output=[13, 12, None, 11]), Case(args=[[], 1], output=[])]
"""ListNode in, TreeNode out: each node's value plus the int, the first node deepest on the left."""


def count_blocks(keyword: str) -> Signature:
    """An int named by a keyword of the language (the stub renames it) and an int[], an int out."""
    return parse_signature("countBlocks", [(keyword, "int"), ("blockSizes", "int[]")], "int")


COUNT_BLOCKS_CASES = [Case(args=[3, [1, 4, 3]], output=2)]
"""How many of the sizes are at most the int."""
