"""nested-weight-sum: the sum of a nested list's integers, each times its depth (LeetCode's NestedInteger)."""

from __future__ import annotations

import random

SLUG = "nested-weight-sum"
PARAMS = ("nestedList",)

Nested = list["int | Nested"]


def solve(nested_list: Nested, depth: int = 1) -> int:
    return sum(item * depth if isinstance(item, int) else solve(item, depth + 1) for item in nested_list)


def samples() -> list[tuple[object, ...]]:
    return [([[1, 1], 2, [1, 1]],), ([1, [4, [6]]],), ([0],)]


def random_nested(rng: random.Random, size: int, depth: int, low: int, high: int) -> Nested:
    """About `size` integers between low and high, in lists nested at most `depth` deep (empty lists too)."""
    items: Nested = []
    while size > 0:
        if depth > 1 and rng.random() < 0.3:
            part = rng.randint(0, size)
            items.append(random_nested(rng, part, depth - 1, low, high))
            size -= max(part, 1)
        else:
            items.append(rng.randint(low, high))
            size -= 1
    return items


def deep(values: list[int]) -> Nested:
    """One value a level, each a level deeper than the last: [v0, [v1, [v2, ...]]]."""
    nested: Nested = []
    for value in reversed(values):
        nested = [value, nested] if nested else [value]
    return nested


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([[]],),
        ([[], [[]], 5],),
        ([-100, [-100, [-100]]],),
        (deep([100] * 50),),
        (deep([-100] * 50),),
        ([[[[[[[[[[7]]]]]]]]]],),
    ]
    for size, depth in ((10, 3), (100, 10), (1000, 20), (2000, 50)):
        cases.append((random_nested(rng, size, depth, -100, 100),))
        cases.append((random_nested(rng, size, depth, 0, 100),))
    return cases
