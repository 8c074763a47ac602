"""Erlang and Elixir programs built and run on the host (no sandbox), exactly as their languages/*.toml do.

The compile step is the TOML's (`escript erlang_compile.erl SRC OUT`, `elixir elixir_compile.exs SRC OUT`)
with `/box/tools` pointing at `judged/judging/runtime/`, under the TOML's environment; each distinct program
is compiled once (its output folder is kept for the session, keyed by the files' hash).
"""

from __future__ import annotations

import contextlib
import hashlib
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

from judged.judging.languages import TOOLS, Language, load_language
from tests.harness import hostrun

PROJECT = Path(__file__).resolve().parents[2]
RUNTIME = PROJECT / "judged" / "judging" / "runtime"
COMPILE_SECONDS = 120


class CompileError(Exception):
    """The compile step failed; the message is its output."""


@cache
def language(language_id: str) -> Language:
    return load_language(PROJECT / "languages" / f"{language_id}.toml")


def _environment(language_id: str, compile_step: bool) -> list[str]:
    toml = language(language_id)
    env = toml.compile_env if compile_step else toml.env
    return ["/usr/bin/env", "HOME=/tmp", *(f"{key}={value}" for key, value in env.items())]


def _argv(argv: Iterable[str], src: Path, out: Path) -> list[str]:
    return [part.replace(TOOLS, str(RUNTIME)).format(src=src, out=out, memory_mib=256) for part in argv]


_built: dict[str, tuple[Path, Path] | CompileError] = {}


def compile_program(language_id: str, files: dict[str, str]) -> tuple[Path, Path]:
    """The (src, out) folders of `files` compiled; CompileError with the compiler's output."""
    key = hashlib.sha256(repr((language_id, sorted(files.items()))).encode()).hexdigest()
    if key not in _built:
        _built[key] = _compile(language_id, files)
    built = _built[key]
    if isinstance(built, CompileError):
        raise built
    return built


def _compile(language_id: str, files: dict[str, str]) -> tuple[Path, Path] | CompileError:
    root = Path(tempfile.mkdtemp(prefix=f"judged-{language_id}-"))
    src, out = root / "src", root / "out"
    src.mkdir()
    out.mkdir()
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    argv = _environment(language_id, True) + _argv(language(language_id).compile, src, out)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=COMPILE_SECONDS, check=False)
    if done.returncode != 0:
        return CompileError(done.stdout + done.stderr)
    return src, out


def run_program(language_id: str, built: tuple[Path, Path], stdin: bytes) -> hostrun.HostRun:
    src, out = built
    argv = _environment(language_id, False) + _argv(language(language_id).run, src, out)
    return hostrun._run(argv, stdin)


def prebuild(language_id: str, programs: Iterable[dict[str, str]]) -> None:
    """Compile many programs two at a time (the machine's cores) before the first run."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda files: _quietly(language_id, files), programs))


def _quietly(language_id: str, files: dict[str, str]) -> None:
    with contextlib.suppress(CompileError):  # recorded; the case expecting it looks
        compile_program(language_id, files)
