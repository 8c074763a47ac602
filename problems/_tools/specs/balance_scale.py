"""balance-scale: can n be weighed with one each of the masses 1, 3, 9, 27, ... all on one pan?"""

from __future__ import annotations

import random

SLUG = "balance-scale"
PARAMS = ("n",)
# JavaScript receives a long as a double (as on LeetCode): above 2^53 it would not be the same number.
LIMIT = 2**53 - 1


def solve(n: int) -> bool:
    while n:
        n, digit = divmod(n, 3)
        if digit == 2:
            return False
    return True


def samples() -> list[tuple[object, ...]]:
    return [(10,), (5,), (1,)]


def _from_ternary(digits: list[int]) -> int:
    value = 0
    for digit in digits:
        value = value * 3 + digit
    return value


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    values = [2, 3, 4, 9, 12, 13, 26, 27, LIMIT, LIMIT - 1, 3**33, 3**33 - 1, (3**34 - 1) // 2, (3**33 - 1) // 2]
    for _ in range(30):  # a yes: base-3 digits 0 and 1 only
        values.append(_from_ternary([1] + [rng.randint(0, 1) for _ in range(rng.randint(0, 33))]))
    for _ in range(30):  # large, and mostly a no: a search over subsets of powers cannot finish
        digits = [1] + [rng.randint(0, 1) for _ in range(32)]
        digits[rng.randrange(1, 33)] = 2
        values.append(_from_ternary(digits))
    return [(value,) for value in dict.fromkeys(values) if 1 <= value <= LIMIT]
