"""sign-sort: in place, negatives first, then zeros, then positives, each keeping its order."""

from __future__ import annotations

import random

SLUG = "sign-sort"
PARAMS = ("nums",)
IN_PLACE = True
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def solve(nums: list[int]) -> None:
    nums[:] = [n for n in nums if n < 0] + [n for n in nums if n == 0] + [n for n in nums if n > 0]


def samples() -> list[tuple[object, ...]]:
    return [([3, -1, 0, -7, 2, 0],), ([5, 4],), ([0, -2],)]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([],),
        ([0],),
        ([INT_MIN],),
        ([INT_MAX, 0, INT_MIN],),
        ([1, 2, 3, -1, -2, -3, 0, 0],),
        ([-5] * 10 + [5] * 10,),
    ]
    for size, spread in (
        (10, 1),
        (10, INT_MAX),
        (100, 100),
        (1000, INT_MAX),
        (10000, INT_MAX),
        (100000, 1),
        (100000, 9),
    ):
        cases.append(([rng.randint(-spread, spread) for _ in range(size)],))
    return cases
