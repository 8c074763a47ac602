"""Write the tests of the bundled design problems from their Python reference solution.

Each design problem below names its class, the operations a test draws from
and how their arguments are drawn; the expected returns are what the folder's
`solutions/accepted/solution.py` returns. Seeded: a run writes the same files
every time.

    .venv/bin/python problems/_tools/design_tests.py            # every design problem
    .venv/bin/python problems/_tools/design_tests.py lru-cache
"""

from __future__ import annotations

import bisect
import json
import random
import string
import sys
from collections import OrderedDict, defaultdict, deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROBLEMS = Path(__file__).resolve().parent.parent
SEED = 20261207

Operations = tuple[list[str], list[list[Any]]]


def _lru(rng: random.Random, calls: int) -> Operations:
    capacity = rng.randint(1, min(3000, max(1, calls // 4)))
    keys = rng.randint(1, max(1, capacity * 2))
    operations, arguments = ["LRUCache"], [[capacity]]
    for _ in range(calls):
        if rng.random() < 0.5:
            operations.append("get")
            arguments.append([rng.randint(0, keys)])
        else:
            operations.append("put")
            arguments.append([rng.randint(0, keys), rng.randint(0, 10**5)])
    return operations, arguments


def _min_stack(rng: random.Random, calls: int) -> Operations:
    operations: list[str] = ["MinStack"]
    arguments: list[list[Any]] = [[]]
    size = 0
    for _ in range(calls):
        choice = rng.random()
        if size == 0 or choice < 0.45:
            operations.append("push")
            arguments.append([rng.randint(-(2**31), 2**31 - 1) if rng.random() < 0.3 else rng.randint(-50, 50)])
            size += 1
        elif choice < 0.7:
            operations.append("pop")
            arguments.append([])
            size -= 1
        else:
            operations.append(rng.choice(["top", "getMin"]))
            arguments.append([])
    return operations, arguments


def _time_map(rng: random.Random, calls: int) -> Operations:
    keys = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(1, 8))) for _ in range(rng.randint(1, 20))]
    operations: list[str] = ["TimeMap"]
    arguments: list[list[Any]] = [[]]
    timestamp = 0
    for _ in range(calls):
        if rng.random() < 0.5:
            timestamp += rng.randint(1, 5)
            value = "".join(rng.choices(string.ascii_lowercase + string.digits, k=rng.randint(1, 10)))
            operations.append("set")
            arguments.append([rng.choice(keys), value, timestamp])
        else:
            operations.append("get")
            arguments.append([rng.choice([*keys, "missing"]), rng.randint(1, timestamp + 3)])
    return operations, arguments


def _trie(rng: random.Random, calls: int) -> Operations:
    letters = "abcde"
    words: list[str] = []
    operations: list[str] = ["Trie"]
    arguments: list[list[Any]] = [[]]
    for _ in range(calls):
        word = "".join(rng.choices(letters, k=rng.randint(1, 8)))
        if words and rng.random() < 0.5:
            word = rng.choice(words)[: rng.randint(1, 8)] if rng.random() < 0.6 else word
        choice = rng.random()
        if choice < 0.4:
            operations.append("insert")
            words.append(word)
        else:
            operations.append("search" if choice < 0.7 else "startsWith")
        arguments.append([word])
    return operations, arguments


def _vector2d(rng: random.Random, calls: int) -> Operations:
    rows = [
        [rng.randint(-500, 500) for _ in range(rng.choice([0, 0, 1, 2, 3, 5]))]
        for _ in range(rng.randint(1, max(1, calls // 2)))
    ]
    total = sum(map(len, rows))
    operations, arguments = ["Vector2D"], [[rows]]
    taken = 0
    while taken < total or rng.random() < 0.5:
        if taken < total and rng.random() < 0.6:
            operations.append("next")
            taken += 1
        else:
            operations.append("hasNext")
        arguments.append([])
        if len(operations) > 3 * calls + 2:
            break
    return operations, arguments


def _hit_counter(rng: random.Random, calls: int) -> Operations:
    operations: list[str] = ["HitCounter"]
    arguments: list[list[Any]] = [[]]
    timestamp = 1
    for _ in range(calls):
        timestamp += rng.choice([0, 0, 1, 1, 2, 7, 60, 299, 300, 301])
        operations.append("hit" if rng.random() < 0.6 else "getHits")
        arguments.append([timestamp])
    return operations, arguments


GENERATORS: dict[str, tuple[str, Callable[[random.Random, int], Operations]]] = {
    "lru-cache": ("LRUCache", _lru),
    "min-stack": ("MinStack", _min_stack),
    "time-map": ("TimeMap", _time_map),
    "prefix-trie": ("Trie", _trie),
    "flat-iterator": ("Vector2D", _vector2d),
    "hit-counter": ("HitCounter", _hit_counter),
}
SIZES = [3, 5, 8, 12, 20, 30, 50, 80, 120, 200, 400, 1000, 3000, 10000, 40000]


def expected(cls: Any, operations: list[str], arguments: list[list[Any]]) -> list[Any]:
    obj = cls(*arguments[0])
    return [None, *(getattr(obj, op)(*args) for op, args in zip(operations[1:], arguments[1:], strict=True))]


def write(slug: str, samples: list[Operations]) -> None:
    class_name, generate = GENERATORS[slug]
    folder = PROBLEMS / slug
    namespace: dict[str, Any] = {"OrderedDict": OrderedDict, "defaultdict": defaultdict, "deque": deque}
    namespace["bisect_right"] = bisect.bisect_right
    namespace.update({name: getattr(__import__("typing"), name) for name in ("List", "Optional", "Dict")})
    exec((folder / "solutions" / "accepted" / "solution.py").read_text(), namespace)
    cls = namespace[class_name]
    rng = random.Random(f"{SEED}:{slug}")
    secret = [generate(rng, size) for size in SIZES]

    def lines(tests: list[Operations]) -> str:
        return "".join(
            json.dumps({"input": {"operations": ops, "arguments": args}, "output": expected(cls, ops, args)},
                       separators=(",", ":")) + "\n"
            for ops, args in tests
        )  # fmt: skip

    (folder / "tests").mkdir(exist_ok=True)
    (folder / "tests" / "sample.jsonl").write_text(lines(samples))
    (folder / "tests" / "secret.jsonl").write_text(lines(secret))


SAMPLES: dict[str, list[Operations]] = {
    "lru-cache": [
        (["LRUCache", "put", "put", "get", "put", "get", "put", "get", "get", "get"],
         [[2], [1, 1], [2, 2], [1], [3, 3], [2], [4, 4], [1], [3], [4]]),
    ],
    "min-stack": [
        (["MinStack", "push", "push", "push", "getMin", "pop", "top", "getMin"], [[], [-2], [0], [-3], [], [], [], []]),
    ],
    "time-map": [
        (["TimeMap", "set", "get", "get", "set", "get", "get"],
         [[], ["foo", "bar", 1], ["foo", 1], ["foo", 3], ["foo", "bar2", 4], ["foo", 4], ["foo", 5]]),
    ],
    "prefix-trie": [
        (["Trie", "insert", "search", "search", "startsWith", "insert", "search"],
         [[], ["apple"], ["apple"], ["app"], ["app"], ["app"], ["app"]]),
    ],
    "flat-iterator": [
        (["Vector2D", "next", "next", "next", "hasNext", "hasNext", "next", "hasNext"],
         [[[[1, 2], [3], [4]]], [], [], [], [], [], [], []]),
    ],
    "hit-counter": [
        (["HitCounter", "hit", "hit", "hit", "getHits", "hit", "getHits", "getHits"],
         [[], [1], [2], [3], [4], [300], [300], [301]]),
    ],
}  # fmt: skip


if __name__ == "__main__":
    for slug in sys.argv[1:] or [slug for slug in GENERATORS if (PROBLEMS / slug).is_dir()]:
        write(slug, SAMPLES[slug])
        print(f"wrote {slug}")
