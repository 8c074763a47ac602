"""How each language spells the signature's types, following LeetCode's own choices.

The spellings are data, each language's `[type_names]` in `judged/harness/lang_<id>.toml`
(`judged.harness.tables.TypeNames`). Go spells both `int` and `long` as `int` (64-bit on every host the
judge runs on), as LeetCode does. Java arrays are `T[]` there; the Java harness also accepts `List<...>`
where a user's method declares it.
"""

from __future__ import annotations

from judged.harness.tables import TypeNames, tables
from judged.harness.types import Type

__all__ = ["TYPE_NAMES", "TypeNames", "type_name"]

TYPE_NAMES: dict[str, TypeNames] = {
    language_id: tables(language_id).type_names
    for language_id in ("python", "c", "cpp", "java", "javascript", "go", "rust")
}
"""The first seven languages' spelling of the signature's types, by language id (every language's is its
`SUPPORT.type_names`)."""


def type_name(type_: Type, language_id: str) -> str:
    """How a language spells `type_`, from its table (`judged.harness.registry.type_name` asks its `SUPPORT`)."""
    return tables(language_id).type_names.spell(type_)
