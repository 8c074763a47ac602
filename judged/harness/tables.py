"""One language's LeetCode conventions as data: `judged/harness/lang_<id>.toml`, beside its harness module.

What a language's stub looks like is a table, not code: how it spells every type (`TypeNames`), the
commented-out node definitions LeetCode shows above a stub, the names a parameter may not have, the words
its runtime writes when memory runs out, how an I/O program of several files is laid out and where it
ranks as the reference. Each harness module reads its table here (`tables("kotlin")`) and declares its
`SUPPORT` from it (`judged.harness.support.declare`); the table and the module are one language's two halves.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from functools import cache
from importlib import resources

import msgspec

from judged.harness.types import NODES, Base, Signature, Type


class TypeNames(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One language's spelling of every base type, and of an array as a template around its element (`{}`).

    This is the plain value type; where a stub puts more around it (C++'s `&` on array parameters, Rust's
    `&mut` on a void function's first parameter, C's size parameters) is the stub's business, in
    `judged.harness.stubs`.
    """

    bases: dict[Base, str]
    array: str
    # Whole types the template does not spell as LeetCode does, by type string (Java's `List<NestedInteger>`).
    exceptions: dict[str, str] = {}
    # A one-dimensional array of a base with a name of its own (Kotlin's `IntArray`), wrapped by `array` beyond.
    arrays: dict[Base, str] = {}

    def spell(self, type_: Type) -> str:
        """This language's name of `type_`: `vector<vector<int>>` for C++'s `int[][]`."""
        if str(type_) in self.exceptions:
            return self.exceptions[str(type_)]
        text = self.bases[type_.base]
        depth = type_.depth
        if depth and type_.base in self.arrays:
            text, depth = self.arrays[type_.base], depth - 1
        for _ in range(depth):
            text = self.array.replace("{}", text)
        return text


class Layout(enum.StrEnum):
    """How an I/O program of several source files is laid out for its language (`judged.judging.sources`)."""

    SINGLE = "single"
    """One source file only; a program of several is refused."""
    C_FAMILY = "c_family"
    """One unit that includes every source file (C, C++)."""
    PYTHON = "python"
    """The main file started with the folder on `sys.path`."""
    JAVA = "java"
    """Every class in one file."""
    JAVASCRIPT = "javascript"
    """The file no other imports is started beside the others."""


class Tables(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """`lang_<id>.toml` decoded: the fields of `judged.harness.support.LanguageSupport` that are data."""

    # File extensions without the dot; the first is the name a single-file program gets (`main.<ext>`).
    extensions: tuple[str, ...]
    type_names: TypeNames
    # LeetCode's commented-out ListNode, TreeNode, Node and NestedInteger above a stub, each a block of lines.
    node_comments: dict[Base, str] = {}
    memory_markers: tuple[str, ...] = ()
    layout: Layout = Layout.SINGLE
    reference_rank: int = 100
    # Words separated by white space (a parameter so named is renamed: `end` -> `end_`).
    reserved: str = ""
    libraries: tuple[str, ...] = ()

    @property
    def comment_lines(self) -> dict[Base, tuple[str, ...]]:
        """The node comments as the stub writes them, a tuple of lines per base."""
        return {base: tuple(text.splitlines()) for base, text in self.node_comments.items()}

    @property
    def reserved_words(self) -> frozenset[str]:
        return frozenset(self.reserved.split())


@cache
def tables(language_id: str) -> Tables:
    """The table of `language_id`, read from `judged/harness/lang_<id>.toml`."""
    text = resources.files("judged.harness").joinpath(f"lang_{language_id}.toml").read_bytes()
    return msgspec.toml.decode(text, type=Tables)


def comments_above(
    signature: Signature, comments: Mapping[Base, tuple[str, ...]], gap: tuple[str, ...] = ()
) -> list[str]:
    """The node comments a stub starts with: the block of each node type the signature uses (in `NODES` order)
    that the language has one for, each followed by `gap` (Erlang's and Elixir's empty line)."""
    return [line for base in NODES if signature.uses(base) and base in comments for line in (*comments[base], *gap)]
