"""The harness conformance table, run: every case in every language that has a solution for it.

The cases are in `conformance_cases.py`, each language's solutions in
`solutions/<language>.py`, the machinery in `conformance.py`. Programs run
on the host exactly as each language's TOML runs them (no sandbox: the
harness, not the jail, is under test); compiled languages build all their
programs in parallel before their first case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judged.harness import lang_c, lang_cpp, registry
from judged.harness.types import ALL_VALUE_TYPES, VOID, Param, Signature, Type, parse_type
from judged.harness.values import canonical
from tests.harness import hostrun_native
from tests.harness.conformance import RUNNERS, Case, Solution, assert_outcome, expectation, normal
from tests.harness.conformance_cases import CASES
from tests.harness.hostrun_native import every_type_signature, filled_stub, identity_solution
from tests.harness.solutions import LANGUAGES
from tests.harness.strategies import values_of


def _solutions() -> Iterator[tuple[str, str, Case, Solution]]:
    for language, module in LANGUAGES.items():
        for key, solution in module.SOLUTIONS.items():
            case = CASES[key.split(":")[0]]
            yield language, key, case, solution if isinstance(solution, Solution) else Solution(solution)


TABLE = list(_solutions())


def identity_signature(type_: Type) -> Signature:
    return Signature("identity", (Param("x", type_),), type_)


_prebuilt: set[str] = set()


def _prebuild(language: str) -> None:
    """Compile every program of `language` (its cases and its identities) at once, before its first run."""
    if language in _prebuilt:
        return
    _prebuilt.add(language)
    programs = [(case.signature, solution.code) for name, _, case, solution in TABLE if name == language]
    programs += [
        (identity_signature(type_), identity(type_)) for name, _, type_, identity in _identities() if name == language
    ]
    RUNNERS[language].prebuild(programs)


@pytest.mark.parametrize(
    ("language", "case", "solution"),
    [pytest.param(language, case, solution, id=f"{key}-{language}") for language, key, case, solution in TABLE],
)
def test_conformance(language: str, case: Case, solution: Solution) -> None:
    _prebuild(language)
    tests, expect = expectation(case, solution)
    outcome = RUNNERS[language].run(case.signature, solution.code, tests)
    assert_outcome(outcome, expect, case.signature, RUNNERS[language].float_times)


def _identities() -> Iterator[tuple[str, str, Type, Callable[[Type], str]]]:
    """(language, variant, type, identity) for every type, and for the types of each language's variants."""
    for language, module in LANGUAGES.items():
        yield from ((language, "", type_, module.identity) for type_ in ALL_VALUE_TYPES if _expresses(language, type_))
        for variant, (types, identity) in getattr(module, "IDENTITY_VARIANTS", {}).items():
            yield from ((language, variant, type_, identity) for type_ in types)


def _expresses(language: str, type_: Type) -> bool:
    """Whether the language can take and return `type_` (Erlang and Elixir refuse the graph Node)."""
    return registry.refusal(identity_signature(type_), language) is None


@pytest.mark.parametrize(
    ("language", "type_", "identity"),
    [
        pytest.param(language, type_, identity, id=f"{type_}-{language}{variant and '-' + variant}")
        for language, variant, type_, identity in _identities()
    ],
)
def test_every_type_round_trips(language: str, type_: Type, identity: Callable[[Type], str]) -> None:
    """An identity solution gives back every value of every type in canonical form, many values in one run."""
    _prebuild(language)
    module = LANGUAGES[language]
    signature = identity_signature(type_)
    strategy = getattr(module, "values_of", values_of)(type_)

    @settings(max_examples=module.EXAMPLES, deadline=None)
    @given(st.lists(strategy, min_size=1, max_size=30))
    def round_trip(values: list[object]) -> None:
        outcome = RUNNERS[language].run(signature, identity(type_), [[value] for value in values])
        assert (outcome.compile_output, outcome.status, outcome.stderr) == (None, 0, "")
        got = [result["v"] for result in outcome.results]
        assert [normal(value, type_) for value in got] == [normal(canonical(value, type_), type_) for value in values]

    round_trip()


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_big_values_round_trip(language: str) -> None:
    _prebuild(language)
    for type_text, values in (
        ("int[]", [list(range(200_000)), []]),
        ("string[]", [["x" * 1000] * 300, ["", "\u0001\t"]]),
    ):
        type_ = parse_type(type_text)
        outcome = RUNNERS[language].run(
            identity_signature(type_), LANGUAGES[language].identity(type_), [[value] for value in values]
        )
        assert (outcome.compile_output, outcome.status, outcome.stderr) == (None, 0, "")
        assert [result["v"] for result in outcome.results] == values


@pytest.mark.parametrize("language", ["c", "cpp"])
def test_native_programs_compile_without_warnings(language: str) -> None:
    """Every reader in one program, and both kinds of call, with -Wall -Wextra -Werror; and every identity program
    (every writer) without a word at the default flags."""
    _prebuild(language)
    build = lang_c.build if language == "c" else lang_cpp.build
    flags = ("-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror")
    signatures = [every_type_signature(parse_type("string[][]")), every_type_signature(VOID)]
    checked = [build(signature, filled_stub(signature, language)) for signature in signatures]
    for binary in hostrun_native.compile_many(language, checked, flags):
        assert hostrun_native.compiler_output(binary) == ""
    identities = [build(identity_signature(type_), identity_solution(type_, language)) for type_ in ALL_VALUE_TYPES]
    binaries = hostrun_native.compile_many(language, identities)
    assert [hostrun_native.compiler_output(binary) for binary in binaries] == [""] * len(binaries)
