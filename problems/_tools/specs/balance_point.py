"""balance-point: the first index whose left and right sums are equal. Exactly 100 small tests (a benchmark)."""

from __future__ import annotations

import random

SLUG = "balance-point"
PARAMS = ("weights",)
LIMIT = 10**6


def solve(weights: list[int]) -> int:
    right = sum(weights)
    left = 0
    for index, weight in enumerate(weights):
        right -= weight
        if left == right:
            return index
        left += weight
    return -1


def samples() -> list[tuple[object, ...]]:
    return [([1, 7, 3, 6, 5, 6],), ([1, 2, 3],), ([2, 1, -1],)]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    edges: list[list[int]] = [
        [],
        [0],
        [LIMIT],
        [-LIMIT],
        [0, 0, 0],
        [1, 1],
        [LIMIT] * 1000,
        [-LIMIT] * 999,
        [1, -1, 1, -1, 1, -1, 1],
        [3, -3, 5],
    ]
    cases: list[tuple[object, ...]] = [(weights,) for weights in edges]
    while len(cases) < 97:
        size = rng.choice((2, 3, 5, 10, 50, 200, 1000))
        half = [rng.randint(-LIMIT, LIMIT) for _ in range(size // 2)]
        if rng.random() < 0.6:  # plant a balance point: the right side is the left side shuffled
            other = half[:]
            rng.shuffle(other)
            middle = [rng.randint(-LIMIT, LIMIT)] if rng.random() < 0.5 else [0] * rng.randint(2, 3)
            weights = [*half, *middle, *other]  # zeros in the middle: several balance points
        else:
            weights = [rng.randint(-LIMIT, LIMIT) for _ in range(size)]
        cases.append((weights,))
    return cases
