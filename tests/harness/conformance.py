"""The harness conformance table's machinery: what a case is, and how one language runs one solution.

The table itself is data: `tests/harness/conformance_cases.py` holds the
cases (a signature, the test lines, what must come back), and
`tests/harness/solutions/<language>.py` holds each language's solutions,
keyed by case name. `tests/harness/test_conformance.py` runs every case in
every language that has a solution for it (the way DMOJ keeps its test
suite as data). A language's solution may say what differs in its own
words (the text of an exception, what its runtime prints) by overriding
fields of the case's `Expect`.

A new language adds `solutions/<language>.py` (with `SOLUTIONS`,
`identity` and `EXAMPLES`, see `solutions/__init__.py`) and one entry in
`RUNNERS` below.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import msgspec

from judged.harness import lang_c, lang_cpp, lang_elixir, lang_erlang, lang_javascript, lang_python, registry
from judged.harness.types import Base, Signature, Type
from judged.judging.languages import load_languages
from tests.harness import hostrun, hostrun_beam, hostrun_jvm_go_rust, hostrun_native

Tests = Sequence[Sequence[object]] | bytes
"""The tests of a run: argument lists (one JSON line each), or the raw bytes of stdin."""


@dataclass(frozen=True)
class Outcome:
    """What one language did with one solution: its files, the compiler's complaint if any, and the run."""

    files: dict[str, str]
    compile_output: str | None  # None: it compiled (or needs no compiling)
    results: list[dict[str, object]] = field(default_factory=list)  # the fd 3 lines, decoded
    stdout: str = ""
    stderr: str = ""
    status: int | None = None  # exit status; negative: killed by that signal; None: it did not compile


@dataclass(frozen=True)
class Expect:
    """What must come back from a case. Fields left as they are check the common case: silent, status 0."""

    values: Sequence[object] | None = None  # the `v` of every result line, in order; None: not checked
    error: str | None = None  # the `e` of one more line after the values; the run then exits 1
    error_prefix: str | None = None  # ... or how that `e` begins
    status: int | None = None  # the exit status; None: 1 after an error line, else 0
    stdout: str | None = ""  # exactly what the program printed; None: not checked
    stderr: str | None = ""
    stderr_has: tuple[str, ...] = ()
    stderr_lacks: tuple[str, ...] = ()
    compile_error: tuple[str, ...] = ()  # regular expressions the compiler's output matches; it must not compile
    typed: bool = False  # also compare each value's JSON type (an int is not a float, a bool not an int)
    check: Callable[[Outcome], None] | None = None  # anything more, on the whole outcome


@dataclass(frozen=True)
class Case:
    """One behaviour every language that has a solution for it must show."""

    signature: Signature
    tests: Tests
    expect: Expect


@dataclass(frozen=True)
class Solution:
    """A language's solution to a case, with what it does differently: other tests, or `Expect` fields."""

    code: str
    tests: Tests | None = None
    expect: dict[str, object] = field(default_factory=dict)


def expectation(case: Case, solution: Solution) -> tuple[Tests, Expect]:
    """The tests to run and what must come back, once the solution's own differences are applied."""
    tests = case.tests if solution.tests is None else solution.tests
    return tests, dataclasses.replace(case.expect, **solution.expect)  # type: ignore[arg-type]


def assert_outcome(outcome: Outcome, expect: Expect, signature: Signature, float_times: bool) -> None:
    """Every check `expect` asks for, and the protocol's own: each result line is a value or an error, timed."""
    if expect.compile_error:
        assert outcome.compile_output is not None, "it compiled, but must not"
        for pattern in expect.compile_error:
            assert re.search(pattern, outcome.compile_output), (pattern, outcome.compile_output)
    else:
        assert outcome.compile_output is None, outcome.compile_output
        _assert_run(outcome, expect, signature.result_type, float_times)
    if expect.check is not None:
        expect.check(outcome)


def _assert_run(outcome: Outcome, expect: Expect, result_type: Type, float_times: bool) -> None:
    for result in outcome.results:
        assert set(result) in ({"v", "t"}, {"e", "t"}), result
        seconds = result["t"]
        assert isinstance(seconds, float if float_times else int | float), result
        assert isinstance(seconds, int | float), result
        assert seconds >= 0, result
    failed = expect.error is not None or expect.error_prefix is not None
    status = expect.status if expect.status is not None else int(failed)
    assert outcome.status == status, (outcome.status, outcome.stderr[-2000:])
    values = [result["v"] for result in outcome.results if "v" in result]
    if expect.values is not None:
        assert [normal(value, result_type) for value in values] == [
            normal(value, result_type) for value in expect.values
        ]
        if expect.typed:
            assert [json_types(value) for value in values] == [json_types(value) for value in expect.values]
        assert len(outcome.results) == len(expect.values) + failed, outcome.results
    if failed:
        error = outcome.results[-1].get("e")
        assert isinstance(error, str), outcome.results[-1]
        if expect.error is not None:
            assert error == expect.error
        if expect.error_prefix is not None:
            assert error.startswith(expect.error_prefix), error
    if expect.stdout is not None:
        assert outcome.stdout == expect.stdout
    if expect.stderr is not None:
        assert outcome.stderr == expect.stderr
    for text in expect.stderr_has:
        assert text in outcome.stderr, (text, outcome.stderr)
    for text in expect.stderr_lacks:
        assert text not in outcome.stderr, (text, outcome.stderr)


def harness_errors_point_at_the_call(harness_file: str) -> Callable[[Outcome], None]:
    """A check for a solution without the function the harness calls: the compiler names lines of `harness_file`
    (the harness, not the user's file), and each of them is a line calling `twoSum`."""

    def check(outcome: Outcome) -> None:
        assert outcome.compile_output is not None
        lines = outcome.files[harness_file].split("\n")
        numbers = [int(number) for number in re.findall(rf"{re.escape(harness_file)}:(\d+):", outcome.compile_output)]
        assert numbers
        assert all("twoSum(" in lines[number - 1] for number in numbers)

    return check


def normal(value: object, type_: Type) -> object:
    """`value` as compared: a double as the repr of its float (-0.0 differs from 0.0), a bool never equal to 1."""
    if type_.is_array and isinstance(value, list):
        return [normal(item, type_.element) for item in value]
    if isinstance(value, bool):
        return ("bool", value)
    if type_.base is Base.DOUBLE and isinstance(value, int | float):
        return repr(float(value))
    return value


def json_types(value: object) -> object:
    """The JSON type of a value, and of each item of an array."""
    if isinstance(value, list):
        return [json_types(item) for item in value]
    return type(value).__name__


# How each language builds and runs a solution on the host, exactly as its languages/*.toml does.


def _interpreted(
    command: tuple[str, ...], build: Callable[[Signature, str], dict[str, str]], *, float_times: bool
) -> Runner:
    def run(signature: Signature, code: str, tests: Tests) -> Outcome:
        files = build(signature, code)
        done = hostrun.run_on_host(command, files, _stdin(tests))
        return _ran(files, done)

    return Runner(run, lambda _programs: None, float_times=float_times)


def _native(language: str, build: Callable[[Signature, str], dict[str, str]]) -> Runner:
    def run(signature: Signature, code: str, tests: Tests) -> Outcome:
        files = build(signature, code)
        try:
            binary = hostrun_native.compile_program(language, files)
        except hostrun_native.CompileError as error:
            return Outcome(files, error.output)
        done = hostrun_native.run(binary, _stdin(tests))
        return _ran(files, done)

    def prebuild(programs: Iterable[tuple[Signature, str]]) -> None:
        hostrun_native.prebuild(language, [build(signature, code) for signature, code in programs])

    return Runner(run, prebuild)


def _managed(language: str) -> Runner:
    toolchain = hostrun_jvm_go_rust.TOOLCHAINS[language]

    def run(signature: Signature, code: str, tests: Tests) -> Outcome:
        files = toolchain.build(signature, code)
        try:
            out = hostrun_jvm_go_rust.compile_program(language, signature, code)
        except hostrun_jvm_go_rust.CompileError as error:
            return Outcome(files, str(error))
        done = hostrun_jvm_go_rust.run_program(language, out, _stdin(tests))
        return _ran(files, done)

    def compile_quietly(program: tuple[Signature, str]) -> None:
        with contextlib.suppress(hostrun_jvm_go_rust.CompileError):  # recorded; the case expecting it looks
            hostrun_jvm_go_rust.compile_program(language, *program)

    def prebuild(programs: Iterable[tuple[Signature, str]]) -> None:
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(compile_quietly, programs))

    return Runner(run, prebuild)


def _from_toml(language_id: str) -> Runner:
    """A language built and run on the host exactly as its TOML says (`{src}`, `{out}`, its compile tools)."""
    language = load_languages(Path(__file__).resolve().parents[2] / "languages")[language_id]
    support = registry.support(language_id)
    built: dict[str, tuple[Path, str | None]] = {}

    def compile_files(files: dict[str, str]) -> tuple[Path, str | None]:
        key = hashlib.sha256(msgspec.json.encode(files)).hexdigest()
        if key not in built:
            built[key] = hostrun.compile_on_host(language, files)
        return built[key]

    def run(signature: Signature, code: str, tests: Tests) -> Outcome:
        files = support.build(signature, code)
        out, complaint = compile_files(files)
        if complaint is not None:
            return Outcome(files, complaint)
        argv = [part.format(src=out, out=out, memory_mib=512) for part in language.run]
        done = hostrun.run_argv(argv, _stdin(tests), dict(language.env))
        return _ran(files, done)

    def prebuild(programs: Iterable[tuple[Signature, str]]) -> None:
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(compile_files, [support.build(signature, code) for signature, code in programs]))

    return Runner(run, prebuild)


def _beam(language: str, build: Callable[[Signature, str], dict[str, str]]) -> Runner:
    def run(signature: Signature, code: str, tests: Tests) -> Outcome:
        files = build(signature, code)
        try:
            built = hostrun_beam.compile_program(language, files)
        except hostrun_beam.CompileError as error:
            return Outcome(files, str(error))
        done = hostrun_beam.run_program(language, built, _stdin(tests))
        return _ran(files, done)

    def prebuild(programs: Iterable[tuple[Signature, str]]) -> None:
        hostrun_beam.prebuild(language, [build(signature, code) for signature, code in programs])

    return Runner(run, prebuild)


class _Ran(Protocol):
    """A program's run on the host, as each host runner reports it."""

    @property
    def results(self) -> list[dict[str, object]]: ...
    @property
    def stdout(self) -> str: ...
    @property
    def stderr(self) -> str: ...
    @property
    def status(self) -> int: ...


def _ran(files: dict[str, str], done: _Ran) -> Outcome:
    """The outcome of a program that compiled and ran."""
    return Outcome(files, None, done.results, done.stdout, done.stderr, done.status)


@dataclass(frozen=True)
class Runner:
    """How one language runs a solution; `prebuild` compiles many programs in parallel before the first run."""

    run: Callable[[Signature, str, Tests], Outcome]
    prebuild: Callable[[Iterable[tuple[Signature, str]]], None]
    float_times: bool = True  # whether its `t` is always written as a float


def _stdin(tests: Tests) -> bytes:
    if isinstance(tests, bytes):
        return tests
    return b"".join(msgspec.json.encode(list(arguments)) + b"\n" for arguments in tests)


RUNNERS: dict[str, Runner] = {
    "python": _interpreted(hostrun.PYTHON_COMMAND, lang_python.build, float_times=True),
    "c": _native("c", lang_c.build),
    "cpp": _native("cpp", lang_cpp.build),
    "java": _managed("java"),
    "javascript": _interpreted(hostrun.JAVASCRIPT_COMMAND, lang_javascript.build, float_times=False),
    "go": _managed("go"),
    "rust": _managed("rust"),
    "racket": _from_toml("racket"),
    "csharp": _from_toml("csharp"),
    "erlang": _beam("erlang", lang_erlang.build),
    "elixir": _beam("elixir", lang_elixir.build),
}
"""Every language the table runs, by language id."""
