"""rotate-grid: a rectangular grid turned a quarter clockwise."""

from __future__ import annotations

import random

SLUG = "rotate-grid"
PARAMS = ("grid",)
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def solve(grid: list[list[int]]) -> list[list[int]]:
    return [list(row) for row in zip(*grid[::-1], strict=True)]


def samples() -> list[tuple[object, ...]]:
    return [([[1, 2, 3], [4, 5, 6]],), ([[9]],), ([[1, 2], [3, 4]],)]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([],),
        ([[INT_MIN, INT_MAX]],),
        ([[1], [2], [3]],),
        ([[0] * 7],),
    ]
    for rows, columns in ((2, 5), (5, 2), (10, 10), (1, 300), (300, 1), (200, 300)):
        cases.append(([[rng.randint(-999, 999) for _ in range(columns)] for _ in range(rows)],))
    return cases
