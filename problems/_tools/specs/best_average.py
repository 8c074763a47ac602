"""best-average: the largest average of a run of at least min_length consecutive values."""

from __future__ import annotations

import random

SLUG = "best-average"
PARAMS = ("values", "minLength")


def _reachable(values: list[float], min_length: int, target: float) -> bool:
    """Whether some run of at least min_length values has an average >= target."""
    prefix = [0.0]
    for value in values:
        prefix.append(prefix[-1] + value - target)
    lowest = float("inf")
    for end in range(min_length, len(values) + 1):
        lowest = min(lowest, prefix[end - min_length])
        if prefix[end] - lowest >= 0:
            return True
    return False


def solve(values: list[float], min_length: int) -> float:
    low, high = min(values), max(values)
    for _ in range(100):
        middle = (low + high) / 2
        if _reachable(values, min_length, middle):
            low = middle
        else:
            high = middle
    return round(low, 9)


def brute(values: list[float], min_length: int) -> float:
    return max(
        sum(values[start:end]) / (end - start)
        for start in range(len(values))
        for end in range(start + min_length, len(values) + 1)
    )


def samples() -> list[tuple[object, ...]]:
    return [([1.0, 12.0, -5.0, -6.0, 50.0, 3.0], 4), ([5.0], 1), ([-2.5, -1.5, -3.0], 2)]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([10000.0], 1),
        ([-10000.0], 1),
        ([0.0, 0.0, 0.0], 3),
        ([1.5, -1.5] * 50, 1),
        ([-10000.0, 10000.0] * 50, 100),
        ([0.01, 0.02, 0.03], 2),
    ]
    for size in (5, 10, 50, 200):
        for _ in range(3):
            values = [rng.randint(-1000000, 1000000) / 100 for _ in range(size)]
            cases.append((values, rng.randint(1, size)))
    for small, min_length in cases:
        assert isinstance(small, list)
        assert isinstance(min_length, int)
        assert abs(solve(small, min_length) - brute(small, min_length)) < 1e-6
    for size in (20000, 20000):  # large: trying every run is far too slow
        values = [rng.randint(-1000000, 1000000) / 100 for _ in range(size)]
        cases.append((values, rng.randint(1, 50)))
    cases.append(([rng.randint(-100, 100) / 10 for _ in range(20000)], 10000))
    return cases
