"""weave-lists: alternate the nodes of two lists, the rest of the longer one at the end."""

from __future__ import annotations

import random

SLUG = "weave-lists"
PARAMS = ("first", "second")
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def solve(first: list[int], second: list[int]) -> list[int]:
    out: list[int] = []
    for index in range(max(len(first), len(second))):
        out += first[index : index + 1] + second[index : index + 1]
    return out


def samples() -> list[tuple[object, ...]]:
    return [([1, 3, 5], [2, 4, 6]), ([7, 7], [1, 2, 3, 4]), ([], [9])]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([], []),
        ([5], []),
        ([INT_MIN], [INT_MAX]),
        ([1, 2, 3, 4, 5, 6], [0]),
        ([0], [1, 2, 3, 4, 5, 6]),
    ]
    for first_size, second_size in ((3, 3), (10, 1), (1, 10), (100, 99), (1000, 10), (10000, 10000), (0, 10000)):
        first = [rng.randint(INT_MIN, INT_MAX) for _ in range(first_size)]
        second = [rng.randint(-100, 100) for _ in range(second_size)]
        cases.append((first, second))
    return cases
