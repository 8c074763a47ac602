"""rain-window: the largest total of k consecutive days; totals need 64 bits."""

from __future__ import annotations

import random

SLUG = "rain-window"
PARAMS = ("rain", "k")
INT_MAX = 2**31 - 1


def solve(rain: list[int], k: int) -> int:
    window = sum(rain[:k])
    best = window
    for day in range(k, len(rain)):
        window += rain[day] - rain[day - k]
        best = max(best, window)
    return best


def samples() -> list[tuple[object, ...]]:
    return [([3, 0, 8, 2, 5, 1], 2), ([4], 1), ([1, 9, 2, 8], 4)]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([0], 1),
        ([INT_MAX], 1),
        ([INT_MAX, INT_MAX], 2),
        ([INT_MAX] * 5000, 2500),
        ([0] * 1000, 7),
        ([5, 0, 0, 0, 0, 5], 5),
    ]
    for size in (10, 100, 1000, 10000):
        for _ in range(4):
            rain = [rng.randint(0, rng.choice((10, 1000, INT_MAX))) for _ in range(size)]
            cases.append((rain, rng.randint(1, size)))
    for size in (40000, 40000):  # large: a solution that re-adds every window is far too slow
        rain = [rng.randint(0, 10**9 - 1) for _ in range(size)]
        cases.append((rain, size // 2))
    return cases
