"""Compile a generated C or C++ harness on the host with the languages' own commands, and run it with fd 3.

The compile commands are exactly those of languages/c.toml and cpp.toml
(extra flags such as `-Wall -Werror` only where a test asks for them). A
run gets its tests on stdin and a pipe at fd 3; the program is started
with `os.posix_spawn`, whose file actions put the pipe's write end at fd 3
exactly (`subprocess`'s `pass_fds` keeps a descriptor's number and cannot
move it there), with stdin, stdout and stderr in temporary files.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import msgspec

from judged.harness.registry import stub
from judged.harness.types import ALL_VALUE_TYPES, VOID, Base, Param, Signature, Type
from judged.harness.values import canonical

COMMANDS: dict[str, tuple[str, ...]] = {
    "c": ("/usr/bin/gcc", "-std=gnu11", "-O2", "-pipe", "-o", "{out}/main", "{src}/main.c", "-lm"),
    "cpp": ("/usr/bin/g++", "-std=gnu++17", "-O2", "-pipe", "-o", "{out}/main", "{src}/main.cpp"),
}
ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}
RUN_TIMEOUT = 60.0

_CACHE = Path(tempfile.mkdtemp(prefix="judged-native-"))
_LOCK = threading.Lock()
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


class CompileError(Exception):
    """The compiler refused the program; `output` is what it said."""

    def __init__(self, output: str) -> None:
        super().__init__(output)
        self.output = output


@dataclass(frozen=True)
class Run:
    """One run of a harness: its fd-3 lines (decoded), exit status (negative: killed by that signal) and prints."""

    lines: list[bytes]
    status: int
    stdout: str
    stderr: str

    @property
    def results(self) -> list[dict[str, object]]:
        return [msgspec.json.decode(line, type=dict[str, object]) for line in self.lines]

    @property
    def values(self) -> list[object]:
        """The value of every result line (each must be a "v" line)."""
        return [result["v"] for result in self.results]


class Compiled(msgspec.Struct, frozen=True):
    """The outcome of one compile, kept in the cache beside the sources."""

    ok: bool
    output: str


def compile_program(language: str, files: dict[str, str], flags: Sequence[str] = ()) -> Path:
    """The compiled `main` of `files`; `CompileError` when it does not compile. Each distinct program compiles once."""
    folder = _folder(language, files, flags)
    compiled = _compiled(folder)
    if compiled is None:
        compiled = _compile(language, files, flags, folder)
    if not compiled.ok:
        raise CompileError(compiled.output)
    return folder / "out" / "main"


def compiler_output(binary: Path) -> str:
    """What the compiler said (its warnings) while building `binary`."""
    compiled = _compiled(binary.parent.parent)
    assert compiled is not None
    return compiled.output


def prebuild(language: str, programs: Iterable[dict[str, str]], flags: Sequence[str] = ()) -> None:
    """Compile programs in parallel (a C++ compile takes about a second), failures included, for later lookups."""
    unique = {_folder(language, files, flags): files for files in programs}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda item: _compile(language, item[1], flags, item[0]), unique.items()))


def compile_many(language: str, programs: Iterable[dict[str, str]], flags: Sequence[str] = ()) -> list[Path]:
    """Compile several programs at once, in order; `CompileError` if one does not compile."""
    programs = list(programs)
    prebuild(language, programs, flags)
    return [compile_program(language, files, flags) for files in programs]


def _folder(language: str, files: dict[str, str], flags: Sequence[str]) -> Path:
    digest = hashlib.sha256(repr((language, sorted(files.items()), tuple(flags))).encode()).hexdigest()[:20]
    return _CACHE / digest


def _compiled(folder: Path) -> Compiled | None:
    outcome = folder / "outcome.json"
    return msgspec.json.decode(outcome.read_bytes(), type=Compiled) if outcome.exists() else None


def _compile(language: str, files: dict[str, str], flags: Sequence[str], folder: Path) -> Compiled:
    src, out = folder / "src", folder / "out"
    with _LOCK:
        src.mkdir(parents=True, exist_ok=True)
        out.mkdir(exist_ok=True)
    for name, text in files.items():
        (src / name).write_text(text)
    command = [part.format(src=src, out=out) for part in COMMANDS[language]]
    done = subprocess.run([command[0], *flags, *command[1:]], capture_output=True, text=True, check=False)
    compiled = Compiled(ok=done.returncode == 0, output=done.stderr)
    written = folder / "outcome.json.new"
    written.write_bytes(msgspec.json.encode(compiled))
    written.rename(folder / "outcome.json")
    return compiled


def stdin_of(tests: Iterable[Sequence[object]]) -> bytes:
    """stdin for a run: one JSON array of arguments per test."""
    return b"".join(msgspec.json.encode(list(arguments)) + b"\n" for arguments in tests)


def run(binary: Path, stdin: bytes, timeout: float = RUN_TIMEOUT) -> Run:
    """Run `binary` with `stdin`, fd 3 a pipe; its result lines, exit status and prints."""
    with tempfile.TemporaryFile() as given, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        given.write(stdin)
        given.seek(0)
        read_end, write_end = os.pipe()
        try:
            actions = [
                (os.POSIX_SPAWN_DUP2, given.fileno(), 0),
                (os.POSIX_SPAWN_DUP2, out.fileno(), 1),
                (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
                (os.POSIX_SPAWN_DUP2, write_end, 3),
            ]
            pid = os.posix_spawn(str(binary), [str(binary)], ENV, file_actions=actions)
        finally:
            os.close(write_end)
        try:
            raw = _read_until_closed(read_end, pid, time.monotonic() + timeout)
        finally:
            os.close(read_end)
        _, wait_status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return Run(
            lines=_lines(raw),
            status=os.waitstatus_to_exitcode(wait_status),
            stdout=out.read().decode(errors="replace"),
            stderr=err.read().decode(errors="replace"),
        )


def _lines(raw: bytes) -> list[bytes]:
    """The lines of fd 3; a last line without its newline is kept (and will not decode)."""
    lines = raw.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return lines


def _read_until_closed(fd: int, pid: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(remaining, 0))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise TimeoutError("the harness did not finish in time")
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def identity_signature(type_: Type) -> Signature:
    """`identity(value: T) -> T`, for the round trip of every type."""
    return Signature("identity", (Param("value", type_),), type_)


def identity_solution(type_: Type, language: str) -> str:
    """The identity function in `language` ("c" or "cpp"): the stub for `identity_signature`, filled in."""
    text = stub(identity_signature(type_), language)
    if language == "cpp":
        return text.replace("\n        \n    }", "\n        return value;\n    }")
    returned = (
        "return value;",
        "*returnSize = valueSize; return value;",
        "*returnSize = valueSize; *returnColumnSizes = valueColSize; return value;",
    )[type_.depth]
    return text.replace("\n    \n}", f"\n    {returned}\n}}")


def assert_round_trip(binary: Path, type_: Type, values: list[object]) -> None:
    """The identity harness `binary` gives back every value in canonical form, in one run."""
    done = run(binary, stdin_of([value] for value in values))
    assert done.status == 0, done.stderr
    assert done.values == [canonical(value, type_) for value in values]
    assert all(isinstance(result["t"], float) and result["t"] >= 0 for result in done.results)


def every_type_signature(returns: Type) -> Signature:
    """`everything(...)`: a parameter of every type (and first an int[][] to modify, when void)."""
    params = [Param(f"p{index}", type_) for index, type_ in enumerate(ALL_VALUE_TYPES)]
    if returns is VOID:
        params.insert(0, Param("first", Type(Base.INT, 2)))
    return Signature("everything", tuple(params), returns)


def filled_stub(signature: Signature, language: str) -> str:
    """The stub with a body that compiles: it returns nothing, zero or an empty array."""
    if language == "cpp":
        returned = "return;" if signature.in_place else "return {};"
        return stub(signature, "cpp").replace("\n        \n", f"\n        {returned}\n")
    body = ("return 0;", "*returnSize = 0; return 0;", "*returnSize = 0; *returnColumnSizes = 0; return 0;")
    returned = "" if signature.in_place else body[signature.returns.depth]
    return stub(signature, "c").replace("\n    \n}", f"\n    {returned}\n}}")
