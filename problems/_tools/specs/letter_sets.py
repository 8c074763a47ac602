"""letter-sets: group the words that use the same set of letters; groups and words in any order."""

from __future__ import annotations

import random
import string

SLUG = "letter-sets"
PARAMS = ("words",)


def solve(words: list[str]) -> list[list[str]]:
    groups: dict[frozenset[str], list[str]] = {}
    for word in words:
        groups.setdefault(frozenset(word), []).append(word)
    return list(groups.values())


def samples() -> list[tuple[object, ...]]:
    return [(["tea", "eat", "ate", "teat", "tat", "at"],), (["a"],), (["loop", "pool", "polo", "lop", "pull"],)]


def _word(rng: random.Random, letters: str) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(1, 10)))


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    cases: list[tuple[object, ...]] = [
        ([],),
        (["z", "z", "z"],),
        (["ab", "ba", "aab", "abb", "b"],),
        ([string.ascii_lowercase[:10], string.ascii_lowercase[:10][::-1], "abcdefghij"],),
    ]
    for size, letters in (
        (10, "abc"),
        (100, "abcd"),
        (1000, "abcdefgh"),
        (10000, "abcde"),
        (10000, string.ascii_lowercase),
    ):
        cases.append(([_word(rng, letters) for _ in range(size)],))
    return cases
