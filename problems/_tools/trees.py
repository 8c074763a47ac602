"""Binary trees and their LeetCode level-order arrays, for the generators' reference solutions."""

from __future__ import annotations

import random
from collections import deque


class Node:
    def __init__(self, val: int) -> None:
        self.val = val
        self.left: Node | None = None
        self.right: Node | None = None


def build(level: list[int | None]) -> Node | None:
    """The tree a level-order array describes (`[]` is the empty tree)."""
    if not level:
        return None
    first = level[0]
    assert first is not None
    root = Node(first)
    queue = deque([root])
    index = 1
    while queue and index < len(level):
        node = queue.popleft()
        for side in ("left", "right"):
            if index < len(level) and level[index] is not None:
                child = Node(level[index] or 0)
                setattr(node, side, child)
                queue.append(child)
            index += 1
    return root


def serialize(root: Node | None) -> list[int | None]:
    """The level-order array of a tree, trailing nulls removed."""
    out: list[int | None] = []
    queue: deque[Node | None] = deque([root] if root else [])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        queue.extend((node.left, node.right))
    while out and out[-1] is None:
        out.pop()
    return out


def random_tree(rng: random.Random, size: int, low: int, high: int) -> list[int | None]:
    """A random tree of `size` nodes: each new node takes a random free child slot."""
    if size == 0:
        return []
    root = Node(rng.randint(low, high))
    slots: list[tuple[Node, str]] = [(root, "left"), (root, "right")]
    for _ in range(size - 1):
        position = rng.randrange(len(slots))
        slots[position], slots[-1] = slots[-1], slots[position]
        parent, side = slots.pop()
        child = Node(rng.randint(low, high))
        setattr(parent, side, child)
        slots += [(child, "left"), (child, "right")]
    return serialize(root)


def chain(values: list[int], rng: random.Random) -> list[int | None]:
    """A tree where every node has one child, on a random side: as deep as it is long."""
    if not values:
        return []
    root = node = Node(values[0])
    for value in values[1:]:
        child = Node(value)
        setattr(node, rng.choice(("left", "right")), child)
        node = child
    return serialize(root)
