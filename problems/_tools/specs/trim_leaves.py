"""trim-leaves: remove every leaf at once, `rounds` times over."""

from __future__ import annotations

import random

from trees import Node, build, chain, random_tree, serialize

SLUG = "trim-leaves"
PARAMS = ("root", "rounds")


def _height(node: Node | None, rounds: int) -> int:
    """The node's height (a leaf is 1), after cutting away the children that do not outlive `rounds`."""
    if node is None:
        return 0
    left, right = _height(node.left, rounds), _height(node.right, rounds)
    if left <= rounds:
        node.left = None
    if right <= rounds:
        node.right = None
    return 1 + max(left, right)


def solve(root: list[int | None], rounds: int) -> list[int | None]:
    tree = build(root)
    if _height(tree, rounds) <= rounds:
        return []
    return serialize(tree)


def samples() -> list[tuple[object, ...]]:
    return [([1, 2, 3, 4, 5, None, 6, None, None, 7], 1), ([1, 2, 3, 4, 5, None, 6, None, None, 7], 2), ([8], 1)]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([], 0),
        ([], 3),
        ([1], 0),
        ([1, 2], 1),
        ([1, None, 2], 0),
        ([-(2**31), 2**31 - 1], 1),
    ]
    for size in (5, 20, 100, 1000, 10000):
        for rounds in (0, 1, 3, 9):
            cases.append((random_tree(rng, size, -1000, 1000), rounds))
    cases.append((chain(list(range(1, 501)), rng), 250))
    cases.append((chain(list(range(1, 501)), rng), 499))
    cases.append((chain(list(range(1, 501)), rng), 500))
    full = [rng.randint(0, 9) for _ in range(2**12 - 1)]
    cases += [(full, 0), (full, 5), (full, 11), (full, 12), (full, 10000)]
    return cases
