"""level-sums: the sum of each level of a binary tree, top down; sums need 64 bits."""

from __future__ import annotations

import random

from trees import build, chain, random_tree

SLUG = "level-sums"
PARAMS = ("root",)
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def solve(root: list[int | None]) -> list[int]:
    level = [build(root)] if root else []
    sums = []
    while level:
        sums.append(sum(node.val for node in level if node))
        level = [child for node in level if node for child in (node.left, node.right) if child]
    return sums


def samples() -> list[tuple[object, ...]]:
    return [([4, 9, 2, None, 1, 7],), ([5],), ([],)]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([INT_MAX, INT_MAX, INT_MAX],),
        ([INT_MIN, INT_MIN, INT_MIN],),
        ([0, -1, 1],),
        ([1, None, 2, None, 3],),
        ([INT_MAX] * (2**12 - 1),),
        ([INT_MIN] * (2**12 - 1),),
    ]
    for size in (10, 100, 1000, 10000):
        cases.append((random_tree(rng, size, INT_MIN, INT_MAX),))
        cases.append((random_tree(rng, size, -10, 10),))
    cases.append((chain([rng.randint(INT_MIN, INT_MAX) for _ in range(500)], rng),))
    return cases
