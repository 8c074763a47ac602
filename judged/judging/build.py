"""Build a submission: write its sources, compile them in the sandbox, cache the result.

A build is keyed by the hash of the language definition and the source
files, so a resubmission (or the same reference solution judged again) is
compiled once, by one judged process even when several share the state
folder. The cache itself (its layout, sealing, locks and budget) is
`build_cache.py`. What is cached: a program that built, and a genuine
compile error. Never a failure of the sandbox (IE) nor one of the compile's
own limits (time, memory, output, file size, the build size cap): host load
or a changed setting may turn those out differently next time.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

import msgspec

from judged.judging.build_cache import Build, BuildCache, BuildSettings, tree_size
from judged.judging.languages import TOOLS, Language, Precompile, SelfTest, compile_tools, expand
from judged.judging.verdicts import JudgeResult, Verdict
from judged.sandbox import Limits, MiB, Mount, RunRequest, RunResult, Sandbox, Status

log = logging.getLogger(__name__)

SRC, OUT = "/box/src", "/box/out"
PRECOMPILED = "/box/pch"
"""Where a compile finds its language's precompiled header (read-only): `{precompiled}` in `compile`."""
PATH_ENV = "/usr/local/bin:/usr/bin:/bin"

__all__ = [
    "Build", "BuildFailure", "BuildSettings", "Builder", "build_key", "build_sources", "language_mounts",
    "precompile_build",
]  # fmt: skip


def build_key(language: Language, files: dict[str, str]) -> str:
    digest = hashlib.sha256(msgspec.json.encode(language))
    for name, text in compile_tools(language).items():  # a changed tool checks again
        digest.update(b"\1" + name.encode() + b"\0" + text.encode())
    for name in sorted(files):
        digest.update(b"\0" + name.encode() + b"\0" + files[name].encode())
    return digest.hexdigest()[:32]


def language_mounts(language: Language) -> tuple[Mount, ...]:
    """The language's read-only mounts, then an empty folder over each host path it hides (where there is one)."""
    return tuple(Mount(source=path) for path in language.mounts if os.path.exists(path)) + tuple(
        Mount(source=path, empty=True) for path in language.hidden if os.path.isdir(path)
    )


def precompile_build(language: Language, precompile: Precompile, version: str) -> tuple[Language, dict[str, str]]:
    """The build of a language's precompiled header: a language of its own and its one source file.

    The source includes the header and names the toolchain's version, so a new compiler is a new build key, as
    are new flags (they are the build's `compile`); the result is `out/<header's file name>.gch`.
    """
    name = posixpath.basename(precompile.header)
    argv = tuple(arg.format(header=f"{SRC}/{name}", gch=f"{OUT}/{name}.gch") for arg in precompile.compile)
    header_language = Language(
        name=f"{language.name}: precompiled <{precompile.header}>", files=(name,), id=f"{language.id}.precompile",
        compile=argv, run=("/bin/true",), version=language.version, self_test=SelfTest(code=""),
        mounts=language.mounts, hidden=language.hidden, compile_env=language.compile_env,
        compile_limits=precompile.limits,
    )  # fmt: skip
    return header_language, {name: f"// {version}\n#include <{precompile.header}>\n"}


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
    """Compiles submissions in the sandbox, once per distinct source, into the build cache."""

    def __init__(self, sandbox: Sandbox, cache_dir: Path, settings: BuildSettings | None = None) -> None:
        self.sandbox = sandbox
        self.settings = settings or BuildSettings()
        self.cache = BuildCache(cache_dir, self.settings)
        self._locks: dict[str, asyncio.Lock] = {}
        # The precompiled headers compiles are shown, held (never evicted) while this Builder lives.
        self._precompiled: dict[Precompile, Build] = {}

    async def precompile(self, language: Language, version: str) -> bool:
        """Build (or find in the cache) the language's precompiled header for this toolchain `version`, and
        show it to the language's compiles from now on. False, logged, when it cannot be built: compiles then
        read the plain header, slower but the same program."""
        if language.precompile is None:
            return False
        header_language, files = precompile_build(language, language.precompile, version)
        build = await self.build(header_language, files)
        if not build.ok:
            self._precompiled.pop(language.precompile, None)
            log.warning(
                "language %s: no precompiled <%s>, compiles read the plain header: %s", language.id,
                language.precompile.header, (build.internal_error or build.compile_output).strip()[:500],
            )  # fmt: skip
            return False
        self._precompiled[language.precompile] = build
        log.info("language %s: precompiled <%s> in %s", language.id, language.precompile.header, build.folder)
        return True

    def _precompiled_mount(self, language: Language) -> Mount | None:
        """The folder of the language's precompiled header as its compile sees it, if there is one."""
        if language.precompile is None or (build := self._precompiled.get(language.precompile)) is None:
            return None
        folder = posixpath.dirname(language.precompile.header)
        return Mount(source=str(build.out), target=posixpath.join(PRECOMPILED, folder) if folder else PRECOMPILED)

    @property
    def cache_dir(self) -> Path:
        return self.cache.root

    async def build(self, language: Language, files: dict[str, str]) -> Build:
        key = build_key(language, files)
        lock = self._locks.setdefault(key, asyncio.Lock())  # one waiter per key in this process
        async with lock:
            try:
                return await self._build_locked(key, language, files)
            finally:
                self._locks.pop(key, None)

    async def _build_locked(self, key: str, language: Language, files: dict[str, str]) -> Build:
        if not self.cache.prepared:
            await asyncio.to_thread(self.cache.prepare)
        inserted = False
        while True:
            cached = await self.cache.use(key)  # held from here on: eviction passes it by
            if cached is not None:
                if inserted:
                    await asyncio.to_thread(self.cache.evict)
                return cached
            async with self.cache.exclusive(key):  # across processes: the first builds, the others wait
                if self.cache.has(key):
                    continue  # another process built it meanwhile: use theirs
                build = await self._build_new(key, language, files)
                if build is not None:
                    return build  # not cached
                inserted = True

    async def _build_new(self, key: str, language: Language, files: dict[str, str]) -> Build | None:
        """Compile in a fresh work folder and install the outcome; None once installed, else the uncached outcome."""
        work = await asyncio.to_thread(self.cache.new_work, key)
        try:
            await asyncio.to_thread(_write_sources, work / "src", files)
            if language.compile_tools:
                await asyncio.to_thread(_write_tools, work / "tools", compile_tools(language))
            if language.compiled:
                build, cacheable = await self._compile(language, work)
            else:
                build, cacheable = Build(ok=True, folder=str(work)), True
            if not cacheable:
                return build
            await asyncio.to_thread(self.cache.install, work, key, build)
            return None
        finally:
            await asyncio.to_thread(self.cache.discard, work)

    async def _compile(self, language: Language, work: Path) -> tuple[Build, bool]:
        limits = language.compile_limits
        precompiled = self._precompiled_mount(language)
        argv = expand(
            language.compile, src=SRC, out=OUT, memory_mib=limits.memory_mib,
            precompiled=PRECOMPILED if precompiled else None,
        )  # fmt: skip
        request = RunRequest(
            argv=argv,
            limits=Limits(
                cpu=limits.cpu,
                wall=limits.wall,
                memory=limits.memory_mib * MiB,
                processes=limits.processes,
                output=limits.output,
                # One file past the build cap kills its writer (SIGXFSZ) instead of filling the disk.
                file_size=(self.settings.max_build_mib + 1) * MiB,
                tmpfs=512 * MiB,
            ),
            mounts=(
                Mount(source=str(work / "src"), target=SRC),
                Mount(source=str(work / "out"), target=OUT, owned_by_run=True),
                *((Mount(source=str(work / "tools"), target=TOOLS),) if language.compile_tools else ()),
                *((precompiled,) if precompiled else ()),
                *language_mounts(language),
            ),
            env={"PATH": PATH_ENV, "HOME": "/tmp", "LANG": "C.UTF-8", **language.compile_env},
            cwd="/tmp",
        )
        result = await self.sandbox.run(request)
        size = await asyncio.to_thread(tree_size, work / "out")
        return _compile_outcome(result, work, size, self.settings.max_build_mib)


def _write_sources(src: Path, files: dict[str, str]) -> None:
    """The sources, in a folder made just now (never anything a jail could have planted)."""
    for name, text in files.items():
        fd = os.open(src / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)


def _write_tools(folder: Path, tools: dict[str, str]) -> None:
    """The language's compile tools, beside the sources (the installed package may be out of a jail's reach)."""
    folder.mkdir(mode=0o755)
    _write_sources(folder, tools)


COMPILE_FAILURES = {
    Status.TLE: "compilation took too long",
    Status.MLE: "compilation used too much memory",
    Status.OLE: "compilation produced too much output",
    Status.SV: "the compiler made a forbidden system call",
}


# A compiler whose helper (as, ld, cc1) hit the file-size limit or filled the
# compile's /tmp exits non-zero like any compile error; its message says so.
LIMIT_MARKS = re.compile(r"File size limit exceeded|signal 25\b|SIGXFSZ|No space left on device|File too large")


def _compile_outcome(result: RunResult, work: Path, size: int, max_build_mib: int) -> tuple[Build, bool]:
    """The Build of one compile run, and whether it may be cached (a success or a genuine compile error)."""
    text = (result.stderr + result.stdout).decode(errors="replace")
    if result.status is Status.IE:
        return Build(ok=False, folder=str(work), internal_error=result.message, compile_time=result.cpu_time), False
    if size > max_build_mib * MiB:
        text = f"{text}\nthe compiled program takes {size / MiB:.0f} MiB, over the cap of {max_build_mib} MiB".strip()
        return Build(ok=False, folder=str(work), compile_output=text, compile_time=result.cpu_time), False
    ok = result.status is Status.OK
    if not ok:
        text = (text + "\n" + COMPILE_FAILURES.get(result.status, "")).strip()
    own_limit = result.status in COMPILE_FAILURES or result.signal is not None or bool(LIMIT_MARKS.search(text))
    return Build(ok=ok, folder=str(work), compile_output=text, compile_time=result.cpu_time), ok or not own_limit
