"""Names in a signature: which are allowed, and how each language spells them.

A function problem's name and parameter names are written once and used
verbatim in every language (Rust in snake_case, C with size parameters
beside its arrays). A name must match `[a-z][A-Za-z0-9]*` (LeetCode's
camelCase; no `_`, so Go's blank identifier and C's reserved `_X` names
cannot occur, and the snake_case form is unambiguous), at most 64 characters.

Some names are reserved in some language (`RESERVED_BY_LANGUAGE`): its
keywords, the names its stubs and harness use, and the builtins whose
shadowing would break ordinary calls in a pasted solution (`len`, `max`,
`free`, ...). A *parameter* with such a name is renamed in that language
only, as LeetCode does: `spelled("dict", python)` is `dict_`, and the stub
says so (the harnesses pass arguments by position, so only the stub shows
the name). A *function* name is called by the harness in every language, so
one reserved anywhere (`RESERVED`) is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_NAME_LENGTH = 64

_IDENTIFIER = re.compile(r"[a-z][A-Za-z0-9]*")
# A word boundary inside camelCase: lower or digit before upper
# ("twoSum"), or the last capital of an acronym before a word ("parseHTMLBody").
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

_PYTHON = """
    and as assert async await break case class continue def del elif else except finally for from global if import
    in is lambda match nonlocal not or pass raise return try type while with yield
    abs bool dict enumerate filter float int len list map max min object print range self set sorted str sum tuple zip
"""
_JAVA = """
    abstract assert boolean break byte case catch char class const continue default do double else enum extends final
    finally float for goto if implements import instanceof int interface long native new null package permits private
    protected public record return sealed short static strictfp super switch synchronized this throw throws transient
    true false try var void volatile while yield
"""
_JAVASCRIPT = """
    arguments await break case catch class const continue debugger default delete do else enum eval export extends
    false finally for function if implements import in instanceof interface let new null package private protected
    public return static super switch this throw true try typeof undefined var void while with yield
"""
_C_CPP = """
    alignas alignof and asm auto bitand bitor bool break case catch char class compl concept const consteval constexpr
    constinit continue decltype default delete do double else enum explicit export extern false float for friend goto
    if inline int long mutable namespace new noexcept not nullptr operator or private protected public register
    requires restrict return short signed sizeof static struct switch template this throw true try typedef typeid
    typename union unsigned using virtual void volatile while xor
    and_eq char8_t char16_t char32_t co_await co_return co_yield const_cast dynamic_cast not_eq or_eq
    reinterpret_cast static_assert static_cast thread_local wchar_t xor_eq
    calloc free main malloc memcpy memset printf qsort realloc std string strlen vector
    returnColumnSizes returnSize
"""
_GO = """
    break case chan const continue default defer else fallthrough for func go goto if import interface map package
    range return select struct switch type var
    any append bool byte cap clear close comparable complex complex64 complex128 copy delete error false float32
    float64 imag int int8 int16 int32 int64 iota len make max min new nil panic print println real recover rune string
    true uint uint8 uint16 uint32 uint64 uintptr
"""
_RUST = """
    abstract as async await become box break const continue crate do dyn else enum extern false final fn for gen if
    impl in let loop macro match mod move mut override priv pub ref return self static struct super trait true try
    type typeof unsafe unsized use virtual where while yield
"""

RESERVED_BY_LANGUAGE: dict[str, frozenset[str]] = {
    "python": frozenset(_PYTHON.split()),
    "java": frozenset(_JAVA.split()),
    "javascript": frozenset(_JAVASCRIPT.split()),
    "c": frozenset(_C_CPP.split()),
    "cpp": frozenset(_C_CPP.split()),
    "go": frozenset(_GO.split()),
    "rust": frozenset(_RUST.split()),
}
"""By language id, the names a parameter is renamed away from in that language (`spelled`)."""

RESERVED: frozenset[str] = frozenset().union(*RESERVED_BY_LANGUAGE.values())
"""Names a function may not have: reserved in some language."""

RENAMED_SUFFIX = "_"


def spelled(name: str, reserved: frozenset[str]) -> str:
    """A parameter's name in a language whose reserved names are `reserved`: `dict_` for `dict` where `dict` is
    a builtin. Never a name a camelCase parameter could have, so it cannot clash with another parameter (a
    one-word name is its own snake_case form, so Rust's check is the same)."""
    return name + RENAMED_SUFFIX if name in reserved else name


def snake_case(name: str) -> str:
    """The Rust spelling of a camelCase name, as LeetCode writes it: `twoSum` -> `two_sum`."""
    return _WORD_BOUNDARY.sub("_", name).lower()


def c_size_names(name: str, depth: int) -> tuple[str, ...]:
    """The size parameters C passes beside an array parameter of `depth` dimensions."""
    if depth == 0:
        return ()
    if depth == 1:
        return (f"{name}Size",)
    return (f"{name}Size", f"{name}ColSize")


def name_problem(name: str, *, function: bool = True) -> str | None:
    """Why `name` cannot be a function (or, with `function=False`, a parameter) name; None when it can be."""
    if not _IDENTIFIER.fullmatch(name):
        return "is not a camelCase identifier ([a-z][A-Za-z0-9]*)"
    if len(name) > MAX_NAME_LENGTH:
        return f"is longer than {MAX_NAME_LENGTH} characters"
    if not function:
        return None
    for spelling in (name, snake_case(name)):
        if spelling in RESERVED:
            return f"is reserved: {spelling!r} is a keyword or builtin in some language"
    return None


def collision(params: Iterable[tuple[str, int]]) -> str | None:
    """Which two parameters would share a name in some language, or None when none would.

    `params` are (name, array depth) pairs. Rust's snake_case forms and C's
    extra size parameters (`numsSize`, `gridColSize`) must not collide either.
    """
    seen: dict[str, tuple[int, str]] = {}  # spelling -> (position, name) of the parameter that has it
    for position, (name, depth) in enumerate(params):
        for spelling in dict.fromkeys((name, snake_case(name), *c_size_names(name, depth))):
            other_position, other = seen.setdefault(spelling, (position, name))
            if other_position != position:
                return f"parameters {other!r} and {name!r} would both be called {spelling!r}"
    return None
