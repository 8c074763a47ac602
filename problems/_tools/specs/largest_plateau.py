"""largest-plateau: the most cells of one 4-connected region of equal heights in a grid."""

from __future__ import annotations

import random

SLUG = "largest-plateau"
PARAMS = ("heights",)
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def solve(heights: list[list[int]]) -> int:
    rows = len(heights)
    columns = len(heights[0]) if rows else 0
    seen = [[False] * columns for _ in range(rows)]
    best = 0
    for row in range(rows):
        for column in range(columns):
            if seen[row][column]:
                continue
            seen[row][column] = True
            stack, size = [(row, column)], 0
            while stack:
                r, c = stack.pop()
                size += 1
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    inside = 0 <= nr < rows and 0 <= nc < columns
                    if inside and not seen[nr][nc] and heights[nr][nc] == heights[r][c]:
                        seen[nr][nc] = True
                        stack.append((nr, nc))
            best = max(best, size)
    return best


def samples() -> list[tuple[object, ...]]:
    return [([[1, 1, 2], [3, 1, 2], [3, 3, 3]],), ([[7]],), ([[1, 2], [2, 1]],)]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([],),
        ([[INT_MIN]],),
        ([[INT_MAX, INT_MAX], [INT_MAX, INT_MIN]],),
        ([[5] * 100],),
        ([[5] for _ in range(100)],),
        ([[(r + c) % 2 for c in range(50)] for r in range(50)],),
    ]
    for rows, columns, spread in ((3, 4, 1), (10, 10, 2), (30, 40, 1), (100, 100, 3), (300, 300, 1)):
        cases.append(([[rng.randint(0, spread) for _ in range(columns)] for _ in range(rows)],))
    cases.append(([[0] * 300 for _ in range(300)],))  # one region of every cell: a recount per cell is too slow
    spiral = [[1] * 61 for _ in range(61)]
    for r in range(1, 60, 2):
        for c in range(1, 60):
            spiral[r][c if (r // 2) % 2 else c - 1] = 0
    cases.append((spiral,))
    return cases
