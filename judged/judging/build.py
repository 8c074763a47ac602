"""Build a submission: write its sources, compile them in the sandbox, cache the result.

A build is keyed by the hash of the language definition and the source
files, so a resubmission (or the same reference solution judged again) is
compiled once. Each cached build is a folder:

    <cache>/<key>/src/     the sources (read-only in every jail)
    <cache>/<key>/out/     the compiler's output (writable only while compiling)
    <cache>/<key>/build.json   written last: the compile's outcome
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import msgspec

from judged.judging.languages import Language, expand
from judged.judging.verdicts import JudgeResult, Verdict
from judged.sandbox import Limits, Mount, RunRequest, RunResult, Sandbox, Status

MiB = 1024 * 1024
SRC, OUT = "/box/src", "/box/out"
PATH_ENV = "/usr/local/bin:/usr/bin:/bin"


class Build(msgspec.Struct, frozen=True):
    """The outcome of compiling one submission."""

    ok: bool
    folder: str
    compile_output: str = ""
    # Set when the sandbox itself failed while compiling (IE, not CE).
    internal_error: str = ""
    compile_time: float = 0.0

    @property
    def src(self) -> Path:
        return Path(self.folder) / "src"

    @property
    def out(self) -> Path:
        return Path(self.folder) / "out"


def build_key(language: Language, files: dict[str, str]) -> str:
    digest = hashlib.sha256(msgspec.json.encode(language))
    for name in sorted(files):
        digest.update(b"\0" + name.encode() + b"\0" + files[name].encode())
    return digest.hexdigest()[:32]


def language_mounts(language: Language) -> tuple[Mount, ...]:
    return tuple(Mount(source=path) for path in language.mounts if os.path.exists(path))


class BuildFailure(msgspec.Struct, frozen=True):
    """Why a submission has no program to run: its own fault (a compile error) or the judge's."""

    internal: bool  # the sandbox failed while compiling: IE, worth another attempt
    message: str = ""
    compile_output: str = ""
    compile_time: float = 0.0

    def result(self) -> JudgeResult:
        """The submission's verdict: IE, or CE with the compiler's output."""
        if self.internal:
            return JudgeResult(Verdict.IE, [], 0.0, 0, message=self.message)
        return JudgeResult(
            Verdict.CE, [], 0.0, 0, compile_output=self.compile_output, message="compile error",
            compile_time=self.compile_time,
        )  # fmt: skip


async def build_sources(
    builder: Builder, language: Language, sources: Callable[[], dict[str, str]]
) -> Build | BuildFailure:
    """`sources()` laid out and built; a ValueError from `sources` (no entry point, ...) is a compile error."""
    try:
        files = sources()
    except ValueError as exc:  # the harness or the layout cannot place the code
        return BuildFailure(internal=False, compile_output=str(exc))
    build = await builder.build(language, files)
    if build.internal_error:
        return BuildFailure(internal=True, message=build.internal_error)
    if not build.ok:
        return BuildFailure(internal=False, compile_output=build.compile_output, compile_time=build.compile_time)
    return build


class Builder:
    """Compiles submissions in the sandbox, once per distinct source."""

    def __init__(self, sandbox: Sandbox, cache_dir: Path, uid: int = 65534, gid: int = 65534) -> None:
        self.sandbox = sandbox
        self.cache_dir = cache_dir
        self.uid, self.gid = uid, gid
        self._locks: dict[str, asyncio.Lock] = {}

    async def build(self, language: Language, files: dict[str, str]) -> Build:
        key = build_key(language, files)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            try:
                return await self._build_locked(key, language, files)
            finally:
                self._locks.pop(key, None)

    async def _build_locked(self, key: str, language: Language, files: dict[str, str]) -> Build:
        folder = self.cache_dir / key
        record = folder / "build.json"
        if record.is_file():
            return msgspec.json.decode(record.read_bytes(), type=Build)
        await asyncio.to_thread(self._lay_out, folder, files)
        build = await self._compile(language, folder) if language.compiled else Build(ok=True, folder=str(folder))
        if not build.internal_error:  # a sandbox failure is retried next time, not cached
            tmp = folder / "build.json.tmp"
            tmp.write_bytes(msgspec.json.encode(build))
            tmp.rename(record)
        return build

    def _lay_out(self, folder: Path, files: dict[str, str]) -> None:
        """A fresh folder the jail's user can read (src) and, while compiling, write (out)."""
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.cache_dir.chmod(0o711)
        if folder.exists():
            shutil.rmtree(folder)  # an interrupted earlier build: start over
        folder.mkdir(mode=0o711)
        src = folder / "src"
        src.mkdir(mode=0o755)
        for name, text in files.items():
            fd = os.open(src / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
        out = folder / "out"
        out.mkdir(mode=0o755)
        # Only a folder made just now, never anything the jail could have planted.
        os.chown(out, self.uid, self.gid, follow_symlinks=False)

    async def _compile(self, language: Language, folder: Path) -> Build:
        limits = language.compile_limits
        request = RunRequest(
            argv=expand(language.compile, src=SRC, out=OUT, memory_mib=limits.memory_mib),
            limits=Limits(
                cpu=limits.cpu,
                wall=limits.wall,
                memory=limits.memory_mib * MiB,
                processes=limits.processes,
                output=limits.output,
                file_size=512 * MiB,
                tmpfs=512 * MiB,
            ),
            mounts=(
                Mount(source=str(folder / "src"), target=SRC),
                Mount(source=str(folder / "out"), target=OUT, writable=True),
                *language_mounts(language),
            ),
            env={"PATH": PATH_ENV, "HOME": "/tmp", "LANG": "C.UTF-8", **language.compile_env},
            cwd="/tmp",
        )
        result = await self.sandbox.run(request)
        return _compile_outcome(result, folder)


COMPILE_FAILURES = {
    Status.TLE: "compilation took too long",
    Status.MLE: "compilation used too much memory",
    Status.OLE: "compilation produced too much output",
    Status.SV: "the compiler made a forbidden system call",
}


def _compile_outcome(result: RunResult, folder: Path) -> Build:
    text = (result.stderr + result.stdout).decode(errors="replace")
    if result.status is Status.IE:
        return Build(ok=False, folder=str(folder), internal_error=result.message, compile_time=result.cpu_time)
    ok = result.status is Status.OK
    if not ok:
        text = (text + "\n" + COMPILE_FAILURES.get(result.status, "")).strip()
    return Build(ok=ok, folder=str(folder), compile_output=text, compile_time=result.cpu_time)
