"""Compile and run the Java, Go and Rust harnesses on the host, with the argv languages/*.toml give them.

Tests are JSON lines on stdin; results are read from fd 3 (a pipe); stdout
and stderr are the user's. Builds are cached by their sources for the
whole session, since javac, go and rustc each take a second or more.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import msgspec

from judged.harness import lang_go, lang_java, lang_rust
from judged.harness.types import Signature


@dataclass(frozen=True)
class Toolchain:
    build: Callable[[Signature, str], dict[str, str]]
    compile: tuple[str, ...]
    run: tuple[str, ...]
    compile_env: Mapping[str, str] = field(default_factory=dict)
    run_env: Mapping[str, str] = field(default_factory=dict)


_PATH = {"PATH": "/usr/bin:/bin"}  # rustc calls `cc` to link
_GO_COMPILE_ENV = {"GOCACHE": "/tmp/gocache", "GOPATH": "/tmp/gopath", "GO111MODULE": "off", "HOME": "/tmp"}
TOOLCHAINS: dict[str, Toolchain] = {
    "java": Toolchain(
        lang_java.build,
        ("/usr/bin/javac", "-encoding", "UTF-8", "-d", "{out}", "{src}/Main.java"),
        ("/usr/bin/java", "-Xmx{memory_mib}m", "-Xss64m", "-XX:+UseSerialGC", "-cp", "{out}", "Main"),
        _PATH,
        _PATH,
    ),
    "go": Toolchain(
        lang_go.build,
        ("/usr/bin/go", "build", "-o", "{out}/main", "{src}/main.go"),
        ("{out}/main",),
        {**_PATH, **_GO_COMPILE_ENV, "GOMAXPROCS": "2"},
        {"GOMAXPROCS": "2", "GOGC": "100"},
    ),
    "rust": Toolchain(
        lang_rust.build,
        ("/usr/bin/rustc", "--edition=2021", "-O", "--cap-lints=allow", "-o", "{out}/main", "{src}/main.rs"),
        ("{out}/main",),
        _PATH,
    ),
}
"""The argv and environment of languages/java.toml, go.toml and rust.toml."""


class CompileError(Exception):
    """The compiler rejected the program; the message is its output."""


@dataclass(frozen=True)
class Run:
    """One run of a program: its fd 3 lines (decoded), the user's stdout and stderr, its exit status."""

    results: list[dict[str, object]]
    stdout: str
    stderr: str
    status: int

    @property
    def values(self) -> list[object]:
        """The values of the results that are values (not errors)."""
        return [result["v"] for result in self.results if "v" in result]


_root = Path(tempfile.mkdtemp(prefix="judged-hostrun-"))
atexit.register(shutil.rmtree, _root, True)
_built: dict[str, Path | CompileError] = {}
_locks: dict[str, threading.Lock] = {}
_locks_lock = threading.Lock()


def _fill(argv: Iterable[str], **values: str) -> list[str]:
    return [arg.format(**values) for arg in argv]


def compile_program(language: str, signature: Signature, solution: str) -> Path:
    """The build folder of `solution` for `signature`; `CompileError` with the compiler's output when it fails."""
    toolchain = TOOLCHAINS[language]
    files = toolchain.build(signature, solution)
    key = hashlib.sha256(msgspec.json.encode([language, sorted(files.items())])).hexdigest()[:16]
    with _locks_lock:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        if key not in _built:
            _built[key] = _compile(toolchain, files, _root / key)
    built = _built[key]
    if isinstance(built, CompileError):
        raise built
    return built


def _compile(toolchain: Toolchain, files: dict[str, str], folder: Path) -> Path | CompileError:
    src, out = folder / "src", folder / "out"
    src.mkdir(parents=True)
    out.mkdir()
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    argv = _fill(toolchain.compile, src=str(src), out=str(out))
    done = subprocess.run(
        argv, capture_output=True, text=True, env=dict(toolchain.compile_env), timeout=300, check=False
    )
    if done.returncode:
        return CompileError(done.stdout + done.stderr)
    return out


def compile_many(language: str, programs: Sequence[tuple[Signature, str]]) -> list[Path]:
    """Build several programs two at a time (the cache then holds them)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda program: compile_program(language, *program), programs))


def run_program(
    language: str, out: Path, tests: Sequence[Sequence[object]] | bytes, memory_mib: int = 512, timeout: float = 60
) -> Run:
    """Run a built program on `tests` (argument lists, or raw stdin bytes)."""
    toolchain = TOOLCHAINS[language]
    stdin = tests if isinstance(tests, bytes) else b"".join(msgspec.json.encode(list(test)) + b"\n" for test in tests)
    read_end, write_end = os.pipe()
    try:
        process = subprocess.Popen(
            _fill(toolchain.run, out=str(out), memory_mib=str(memory_mib)),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(toolchain.run_env),
            close_fds=False,  # Python's own descriptors are not inheritable; the fd 3 made here is
            # No thread of ours runs while this forks: the fd 3 reader starts after.
            preexec_fn=lambda: _make_fd_3(write_end),  # noqa: PLW1509
        )
    except BaseException:
        os.close(read_end)
        raise
    finally:
        os.close(write_end)
    chunks: list[bytes] = []
    reader = threading.Thread(target=_drain, args=(read_end, chunks))
    reader.start()
    try:
        stdout, stderr = process.communicate(stdin, timeout=timeout)
    finally:
        process.kill()
        process.wait()
        reader.join()
    lines = b"".join(chunks).decode().splitlines()
    results = [cast("dict[str, object]", msgspec.json.decode(line)) for line in lines]
    return Run(results, stdout.decode(errors="replace"), stderr.decode(errors="replace"), process.returncode)


def _make_fd_3(fd: int) -> None:
    if fd == 3:
        os.set_inheritable(3, True)
    else:
        os.dup2(fd, 3)


def _drain(fd: int, chunks: list[bytes]) -> None:
    with os.fdopen(fd, "rb", buffering=0) as pipe:
        while chunk := pipe.read(1 << 16):
            chunks.append(chunk)


def build_and_run(language: str, signature: Signature, solution: str, tests: Sequence[Sequence[object]] | bytes) -> Run:
    """Compile (cached) and run `solution` on `tests`."""
    return run_program(language, compile_program(language, signature, solution), tests)
