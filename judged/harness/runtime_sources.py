"""The harnesses' sources in other languages, kept as files under `judged/harness/runtime/`.

A runtime file may hold sections that only some signatures need, between
lines `//@begin NAME` and `//@end NAME` (the ListNode, TreeNode and Node codecs,
which name types a harness defines only when the signature uses them), and
placeholders `@NAME@` that the generator fills in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from functools import cache
from importlib import resources

from judged.harness.types import NODES, Base, Signature

_SECTION = re.compile(r"^[ \t]*//@begin (\w+)\n(.*?)^[ \t]*//@end \1\n", re.MULTILINE | re.DOTALL)
_PLACEHOLDER = re.compile(r"@([A-Z_]+)@")


@cache
def read_runtime(name: str) -> str:
    """The text of one file of `judged/harness/runtime/`, as it is."""
    return resources.files("judged.harness").joinpath("runtime", name).read_text(encoding="utf-8")


def node_sections(signature: Signature) -> set[str]:
    """The sections a signature's harness keeps: `ListNode`, `TreeNode` and `Node` when it uses them."""
    return {base.value for base in NODES if signature.uses(base)}


def undeclared_nodes(
    signature: Signature, definitions: Mapping[Base, str], declares: Callable[[Base], bool]
) -> list[str]:
    """LeetCode's definitions of the node types the signature uses (in `NODES` order, those the language has one
    for) that the user's text does not declare itself (`declares`): a solution pasted with its own ListNode
    keeps it, instead of failing on a second definition."""
    return [definitions[base] for base in NODES if base in definitions and signature.uses(base) and not declares(base)]


def runtime_source(name: str, sections: Collection[str], values: Mapping[str, str]) -> str:
    """Runtime file `name` with only `sections` kept and every `@KEY@` replaced by `values[KEY]`."""

    def section(match: re.Match[str]) -> str:
        return match.group(2) if match.group(1) in sections else ""

    def placeholder(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _PLACEHOLDER.sub(placeholder, _SECTION.sub(section, read_runtime(name)))
