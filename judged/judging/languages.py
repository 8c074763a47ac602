"""Languages as data: `languages/<id>.toml` decoded, its argv placeholders checked at load.

The TOML says how to build and run a language; the rest (harness, stubs, extensions, ...) is its harness
module's `SUPPORT` in `judged.harness.registry`. A TOML for an id with no harness module (an operator's own
language for I/O problems) names its `extensions` itself; one with a harness module may not (one place).
"""

from __future__ import annotations

import string
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated

import msgspec

from judged.harness import registry
from judged.harness.types import Signature, parse_signature

PLACEHOLDERS = frozenset({"src", "out", "memory_mib"})
COMPILE_PLACEHOLDERS = PLACEHOLDERS | {"precompiled"}
"""`compile` may also name `{precompiled}`, the folder of its precompiled header (see `Precompile`)."""
PRECOMPILE_PLACEHOLDERS = frozenset({"header", "gch"})
# Flags that must be the same when a precompiled header is built and when it is used (GCC's PCH rules: the
# language standard, optimisation, code-generation and target options, macros); see `_check_precompile`.
MATCHING_FLAGS = ("-std=", "-O", "-f", "-m", "-D", "-U")
TOOLS = "/box/tools"
"""Where the compile step finds the `compile_tools` a language names (read-only)."""
LANGUAGE_IDS = registry.LANGUAGE_IDS

# Every language proves itself on this problem at start (DMOJ's self-test idea):
# a toolchain that cannot compile or run it is switched off, not trusted.
SELF_TEST_SIGNATURE: Signature = parse_signature("addUp", [("nums", "int[]")], "long")
SELF_TEST_CASES: tuple[tuple[list[object], int], ...] = (
    ([[1, 2, 3]], 6),
    ([[2147483647, 2147483647, -5]], 4294967289),
    ([[]], 0),
)

Argv = Annotated[tuple[str, ...], msgspec.Meta(min_length=1)]


class LanguageError(Exception):
    """A language file that cannot be used; the message names the file."""


class CompileLimits(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Limits of the sandboxed compile step (compilers are untrusted input's first reader)."""

    cpu: float = 20.0
    wall: float = 40.0
    memory_mib: int = 1024
    processes: int = 64
    # The compiler's messages shown to the user are capped at this many bytes.
    output: int = 64 * 1024


class Precompile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A header built once per toolchain version and flags, then shown read-only to every compile (GCC's PCH).

    `header` is the header as sources include it (`bits/stdc++.h`); `compile` builds it, with `{header}` a
    file that includes it and `{gch}` where the result goes. A compile gets the folder that holds
    `<header>.gch` as `{precompiled}`; an argument of `compile` that uses it is left out when there is no
    precompiled header, and the compiler reads the plain header instead.
    """

    header: str
    compile: Argv
    limits: CompileLimits = CompileLimits()


class SelfTest(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    code: str


class Language(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One language: how to build and run a submission, and how to prove the toolchain works."""

    name: str
    files: tuple[str, ...]
    run: Argv
    version: Argv
    self_test: SelfTest
    compile: tuple[str, ...] = ()
    mounts: tuple[str, ...] = ()
    # Host folders the jail shows empty: packages the host happens to have installed for this runtime
    # (Debian's dist-packages) are not part of the language's environment, which must be the same on every host.
    hidden: tuple[str, ...] = ()
    env: dict[str, str] = {}
    compile_env: dict[str, str] = {}
    # Files of `judged/judging/runtime/` the compile step runs, at `/box/tools/<name>` (JavaScript's syntax check).
    compile_tools: tuple[str, ...] = ()
    # Memory the runtime needs beyond the problem's limit (the JVM's metaspace, V8's heaps).
    memory_extra_mib: Annotated[int, msgspec.Meta(ge=0, le=4096)] = 0
    # The pids cap of a run: runtimes start threads (the JVM about 20).
    processes: Annotated[int, msgspec.Meta(ge=1, le=4096)] = 64
    compile_limits: CompileLimits = CompileLimits()
    precompile: Precompile | None = None
    # LeetCode's environment: the libraries the mounts bring (name and version), shown by GET /v1/languages.
    libraries: tuple[str, ...] = ()
    # Only for a language without a harness module; otherwise its `SUPPORT.extensions`, filled in at load.
    extensions: tuple[str, ...] = ()
    # Filled in from the file name, not written in the file.
    id: str = ""

    @property
    def compiled(self) -> bool:
        return bool(self.compile)


def placeholders(argv: tuple[str, ...]) -> set[str]:
    """The `{name}` fields used in an argv."""
    found: set[str] = set()
    for arg in argv:
        found |= {field for _, field, _, _ in string.Formatter().parse(arg) if field is not None}
    return found


def expand(
    argv: tuple[str, ...], *, src: str, out: str, memory_mib: int, precompiled: str | None = None
) -> tuple[str, ...]:
    """The argv with its placeholders filled; an argument naming `{precompiled}` is left out when that is None."""
    return tuple(
        arg.format(src=src, out=out, memory_mib=memory_mib, precompiled=precompiled)
        for arg in argv
        if precompiled is not None or "precompiled" not in placeholders((arg,))
    )


def _check_placeholders(argv: tuple[str, ...], known: frozenset[str], where: str) -> None:
    unknown = placeholders(argv) - known
    if unknown:
        names = ", ".join(sorted(f"{{{u}}}" for u in unknown))
        raise LanguageError(f"{where} uses unknown placeholders {names} (known: {', '.join(sorted(known))})")


def _check_precompile(language: Language, path: Path) -> None:
    precompile = language.precompile
    uses = "precompiled" in placeholders(language.compile)
    if precompile is None:
        if uses:
            raise LanguageError(f"{path}: compile uses {{precompiled}} but there is no [precompile] table")
        return
    if not uses:
        raise LanguageError(f"{path}: [precompile] is never used: compile names no {{precompiled}} folder")
    parts = precompile.header.split("/")
    if precompile.header.startswith("/") or not all(part not in ("", ".", "..") for part in parts):
        raise LanguageError(f"{path}: precompile.header {precompile.header!r} must be relative, as sources include it")
    _check_placeholders(precompile.compile, PRECOMPILE_PLACEHOLDERS, f"{path}: precompile.compile")
    missing = [
        arg for arg in precompile.compile if arg.startswith(MATCHING_FLAGS) and arg not in language.compile
    ]  # fmt: skip
    if missing:
        raise LanguageError(
            f"{path}: precompile.compile has {', '.join(missing)}, which compile lacks: the compiler would never "
            "use the precompiled header"
        )


def _check(language: Language, path: Path) -> None:
    _check_placeholders(language.compile, COMPILE_PLACEHOLDERS, f"{path}: compile")
    for field in ("run", "version"):
        _check_placeholders(getattr(language, field), PLACEHOLDERS, f"{path}: {field}")
    _check_precompile(language, path)
    if "out" in placeholders(language.run) and not language.compiled:
        raise LanguageError(f"{path}: run uses {{out}} but there is no compile step to fill it")
    if not language.files:
        raise LanguageError(f"{path}: files must name at least one source file")
    for mount in language.mounts + language.hidden:
        if not mount.startswith("/"):
            raise LanguageError(f"{path}: mount {mount!r} must be an absolute path")
    for tool in language.compile_tools:
        if "/" in tool or not _runtime_file(tool).is_file():
            raise LanguageError(f"{path}: compile tool {tool!r} is no file of judged/judging/runtime/")


def _runtime_file(name: str) -> Traversable:
    return resources.files("judged.judging").joinpath("runtime", name)


def compile_tools(language: Language) -> dict[str, str]:
    """The text of each compile tool the language names, by name."""
    return {name: _tool_text(name) for name in language.compile_tools}


@cache
def _tool_text(name: str) -> str:
    return _runtime_file(name).read_text(encoding="utf-8")


def load_language(path: Path) -> Language:
    """Decode and check one `languages/<id>.toml`."""
    try:
        language = msgspec.toml.decode(path.read_bytes(), type=Language)
    except OSError as exc:
        raise LanguageError(f"{path}: {exc.strerror}") from exc
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise LanguageError(f"{path}: {exc}") from exc
    _check(language, path)
    support = registry.supports().get(path.stem)
    if support is None:
        if not language.extensions:
            raise LanguageError(f"{path}: extensions must name at least one (no judged/harness/lang_{path.stem}.py)")
        return msgspec.structs.replace(language, id=path.stem)
    if language.extensions:
        raise LanguageError(f"{path}: extensions are judged/harness/lang_{path.stem}.py's (SUPPORT.extensions)")
    return msgspec.structs.replace(language, id=path.stem, extensions=support.extensions)


def load_languages(folder: Path) -> dict[str, Language]:
    """Every language file of a folder, by id; a bad file is an error naming it."""
    languages = {path.stem: load_language(path) for path in sorted(folder.glob("*.toml"))}
    if not languages:
        raise LanguageError(f"{folder}: no language files (*.toml)")
    return languages


PROGRAM_STANDARDS = {"-std=gnu++17": "-std=gnu++20"}
"""Problem setters' programs (validators, interactors) are built with the newest standard the compiler has,
as contest systems build them (DOMjudge: gnu++20); submissions keep their language's own."""


def for_package_programs(language: Language) -> Language:
    """The language as it builds a package's own programs: the newest standard (`PROGRAM_STANDARDS`) and, for
    C and C++, the program's folder on the include path (`#include <testlib.h>` beside the source)."""
    compile_argv = tuple(PROGRAM_STANDARDS.get(arg, arg) for arg in language.compile)
    if language.id in ("c", "cpp") and compile_argv:
        compile_argv = (compile_argv[0], "-I{src}", *compile_argv[1:])
    return language if compile_argv == language.compile else msgspec.structs.replace(language, compile=compile_argv)


def script_language(languages: dict[str, Language]) -> Language:
    """Kattis programs written as a folder with `build` and/or `run` scripts: the scripts are the language.

    The folder is copied into the build output, `build` runs there (with every language's compilers
    and mounts at hand) and must leave a `run`; the program is `run`, started in that folder.
    """
    mounts = tuple(sorted({mount for language in languages.values() for mount in language.mounts}))
    build = (
        "cp -R {src}/. {out}/ && cd {out} && chmod -R u+w . && "
        "if [ -f build ]; then chmod +x build && ./build; fi && "
        "if [ ! -f run ]; then echo 'the build script made no run script' >&2; exit 1; fi && chmod +x run"
    )
    return Language(
        name="build/run scripts", extensions=(), files=("build", "run"), id="script",
        compile=("/bin/sh", "-c", build), run=("/bin/sh", "-c", 'cd {out} && exec ./run "$@"', "run"),
        version=("/bin/sh", "-c", "true"), self_test=SelfTest(code=""), mounts=mounts, processes=256,
        memory_extra_mib=max((language.memory_extra_mib for language in languages.values()), default=0),
        env={key: value for language in languages.values() for key, value in language.env.items()},
        compile_limits=CompileLimits(cpu=60.0, wall=120.0, memory_mib=2048, processes=256),
    )  # fmt: skip


def language_for_file(languages: dict[str, Language], file: Path) -> Language | None:
    """The language whose extensions include the file's, if any."""
    suffix = file.suffix.lstrip(".").lower()
    return next((lang for lang in languages.values() if suffix in lang.extensions), None)
