"""`LanguageSupport`: what judged knows about one language beyond its TOML, declared once by its harness module.

Every `judged/harness/lang_<id>.py` ends with `SUPPORT = declare("<id>", build=..., stub=...)`, naming the
functions it has (the harness generator, the stub renderer, a refusal); the rest is data in `lang_<id>.toml`
beside it (`judged.harness.tables`): the spelling of types, the commented-out node definitions, the words its
runtime uses for running out of memory, how a program of several files is laid out, where it ranks as the
reference that computes expected outputs, the names it may not use, and the libraries of LeetCode's
environment it offers. `judged.harness.registry` collects them; every other module asks the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import msgspec

from judged.harness.tables import Layout, TypeNames, tables
from judged.harness.types import Base, Signature

__all__ = ["LanguageSupport", "Layout", "declare", "solves_every_signature"]

Generator = Callable[[Signature, str], dict[str, str]]
"""The harness generator: the files to build and run for a signature and the user's solution text."""
StubRenderer = Callable[[Signature], list[str]]
"""The stub's lines for a signature (parameter names already as the language spells them)."""
Refusal = Callable[[Signature], str | None]
"""Why a language cannot express a signature (Erlang: a void one, its values being immutable), or None."""


def solves_every_signature(signature: Signature) -> str | None:
    """The refusal of a language that can express every signature: none."""
    del signature
    return None


class LanguageSupport(msgspec.Struct, frozen=True, kw_only=True):
    """One language's harness, stubs and conventions; the TOML of the same id says how to build and run it."""

    id: str
    # File extensions without the dot; the first is the name a single-file program gets (`main.<ext>`). Kattis
    # packages' own spellings (`py3`, `c++`) belong here too.
    extensions: tuple[str, ...]
    build: Generator
    stub: StubRenderer
    type_names: TypeNames
    node_comments: Mapping[Base, tuple[str, ...]]
    # Words the runtime writes when it runs out of memory (a claim; the judge wants the memory measured too).
    memory_markers: tuple[str, ...] = ()
    layout: Layout = Layout.SINGLE
    # Lower ranks first when choosing the accepted reference solution that computes expected outputs.
    reference_rank: int = 100
    # Keywords and builtins a parameter may not be called here: such a parameter is renamed (`dict` -> `dict_`).
    reserved: frozenset[str] = frozenset()
    # LeetCode's environment: the libraries a solution may use beside the standard library (name and version).
    libraries: tuple[str, ...] = ()
    # The signatures it cannot express (LeetCode does not offer it for them either): such a function problem
    # does not list it, and a submission in it is refused (`registry.refusal`).
    refuses: Refusal = solves_every_signature


def declare(
    language_id: str,
    *,
    build: Generator,
    stub: StubRenderer,
    node_comments: Mapping[Base, tuple[str, ...]] | None = None,
    reserved: frozenset[str] | None = None,
    refuses: Refusal = solves_every_signature,
) -> LanguageSupport:
    """A harness module's `SUPPORT`: its functions, and the rest from its table (`lang_<id>.toml`). Node comments
    a module makes from its own definitions (Erlang's records) and reserved words `judged.harness.names` keeps
    for the first languages (where they refuse function names too) are passed instead."""
    table = tables(language_id)
    return LanguageSupport(
        id=language_id,
        extensions=table.extensions,
        build=build,
        stub=stub,
        type_names=table.type_names,
        node_comments=table.comment_lines if node_comments is None else node_comments,
        memory_markers=table.memory_markers,
        layout=table.layout,
        reference_rank=table.reference_rank,
        reserved=table.reserved_words if reserved is None else reserved,
        libraries=table.libraries,
        refuses=refuses,
    )
