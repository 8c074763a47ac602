"""loudest-letter: the letter a message uses most, ignoring case; '?' when it has none."""

from __future__ import annotations

import random
import string

SLUG = "loudest-letter"
PARAMS = ("message",)
PRINTABLE = string.ascii_letters + string.digits + " .,!?;:'-\n\t"


def solve(message: str) -> str:
    counts = {letter: message.lower().count(letter) for letter in string.ascii_lowercase}
    best = max(counts.values())
    if best == 0:
        return "?"
    return min(letter for letter, count in counts.items() if count == best)


def samples() -> list[tuple[object, ...]]:
    return [("Hello, World!",), ("Bob saw a Bat",), ("42 + 17 = 59",)]


def secret(rng: random.Random) -> list[tuple[object, ...]]:
    texts = ["", " ", "z", "Z", "zA", "Aa", "!!!", "\t\n", "~" * 100, "ab" * 50 + "b", "ZYXzyx", "Mississippi"]
    for size in (10, 100, 1000, 10000, 100000, 100000):
        alphabet = rng.choice((PRINTABLE, "abcABC .", string.ascii_letters))
        texts.append("".join(rng.choice(alphabet) for _ in range(size)))
    texts.append("".join(chr(code) for code in range(1, 128)))
    texts.append("q" * 50000 + "P" * 50000)
    return [(text,) for text in texts]
