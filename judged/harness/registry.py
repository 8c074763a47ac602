"""The language registry: every language judged has a harness for, asked by every module that needs one.

A language is `languages/<id>.toml` (how to build and run it) and `judged/harness/lang_<id>.py`, whose
`SUPPORT` (`judged.harness.support.LanguageSupport`, its tables read from `lang_<id>.toml` beside it) says
everything else. This module finds the harness
modules (a new `lang_*.py` is found, not listed) and answers: which languages there are (`LANGUAGE_IDS`,
in reference-rank order), a language's support, the language of a file extension, a stub.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from functools import cache
from pathlib import Path

from judged.harness import names
from judged.harness.support import LanguageSupport
from judged.harness.types import Param, Signature, Type

_PREFIX = "lang_"


class UnknownLanguage(ValueError):
    """A language id no harness module declares."""


@cache
def supports() -> dict[str, LanguageSupport]:
    """Every language's support by id, in reference-rank order (then by id)."""
    found: list[LanguageSupport] = []
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name.startswith(_PREFIX):
            support: LanguageSupport = importlib.import_module(f"judged.harness.{module.name}").SUPPORT
            if support.id != module.name.removeprefix(_PREFIX):
                raise RuntimeError(f"judged/harness/{module.name}.py declares language {support.id!r}")
            found.append(support)
    return {support.id: support for support in sorted(found, key=lambda s: (s.reference_rank, s.id))}


def support(language_id: str) -> LanguageSupport:
    """The support of one language; `UnknownLanguage` naming the known ones for another id."""
    found = supports().get(language_id)
    if found is None:
        raise UnknownLanguage(f"no harness for language {language_id!r} (known: {', '.join(supports())})")
    return found


def problem_kinds(language_id: str) -> tuple[str, ...]:
    """The kinds of LeetCode problem a language has harnesses for: `function` (its `lang_<id>.py`) and
    `design` (a `design_<id>.py` beside it); none for a language without a harness module."""
    if language_id not in supports():
        return ()
    has_design = importlib.util.find_spec(f"judged.harness.design_{language_id}") is not None
    return ("function", "design") if has_design else ("function",)


def languages_for(kind: str, signature: Signature | None = None) -> tuple[str, ...]:
    """The languages a problem of `kind` (`function`, `design`) can be solved in, in reference-rank order,
    without those that refuse a function problem's `signature`; every language for any other kind (`io`)."""
    if kind not in ("function", "design"):
        return LANGUAGE_IDS
    return tuple(
        language_id
        for language_id in supports()
        if kind in problem_kinds(language_id) and (signature is None or refusal(signature, language_id) is None)
    )


def refusal(signature: Signature, language_id: str) -> str | None:
    """Why `language_id` cannot express `signature` (a void function in Erlang, whose values are immutable),
    or None when it can."""
    return support(language_id).refuses(signature)


def language_of_extension(extension: str) -> str | None:
    """The language of a file extension (`.py3` or `py3`), exactly as spelled (`.C` is C++); None if none."""
    return _by_extension().get(extension.removeprefix("."))


@cache
def _by_extension() -> dict[str, str]:
    table: dict[str, str] = {}
    for language in supports().values():
        for extension in language.extensions:
            owner = table.setdefault(extension, language.id)
            if owner != language.id:
                raise RuntimeError(f"extension {extension!r} is claimed by both {owner} and {language.id}")
    return table


def extensions() -> tuple[str, ...]:
    """Every known extension with its dot, for messages: `.py .py3 .c ...`."""
    return tuple(f".{extension}" for extension in _by_extension())


class SpelledSignature(Signature, frozen=True, forbid_unknown_fields=True):
    """A signature as one language spells it (parameters renamed, `dict_`): checked when the original was."""

    def __post_init__(self) -> None:
        return


def spelled_signature(signature: Signature, language_id: str) -> Signature:
    """`signature` with every parameter reserved in `language_id` renamed (`dict` -> `dict_`)."""
    reserved = support(language_id).reserved
    params = tuple(Param(names.spelled(param.name, reserved), param.type) for param in signature.params)
    if params == signature.params:
        return signature
    return SpelledSignature(signature.name, params, signature.returns)


def stub(signature: Signature, language_id: str) -> str:
    """The stub for `signature` in `language_id`; `UnknownLanguage` for a language with no harness."""
    return "\n".join(support(language_id).stub(spelled_signature(signature, language_id)))


def type_name(type_: Type, language_id: str) -> str:
    """How `language_id` spells `type_`: `type_name(int[][], "cpp")` is `vector<vector<int>>`."""
    return support(language_id).type_names.spell(type_)


LANGUAGE_IDS: tuple[str, ...] = tuple(supports())
"""Every language with a harness: a function problem can be solved in each."""
