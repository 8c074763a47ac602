"""The build cache on disk: entries root owns and every jail may only read, a size budget, cross-process locks.

    <builds>/<key>/              one cached build; folders 0555, files 0444 (0555 when executable), all root's
        build.json               the outcome, written last; its mtime is the entry's last use
        src/  out/               the sources and the compiler's output (a compile error keeps neither)
    <builds>/<key>.lock          flock: building and evicting hold it exclusively, every user of the entry shared
    <builds>/.work/<key>.<pid>.<n>/   a build in progress: src/ (root's), out/ (the compiling run's own user)
    <builds>/.trash/             entries being deleted

A compile writes only into its `.work` folder; the outcome is then sealed
(chowned to root, made read-only, anything but files, folders and symlinks
dropped) and renamed into place, so no jail user, and no host user either,
can change a cached program. When an insert takes the cache over its budget
the least recently used entries nobody is using are evicted.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import shutil
import stat
import weakref
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated

import msgspec

from judged.judging.filelock import acquire, file_lock, try_exclusive
from judged.sandbox import MiB

log = logging.getLogger(__name__)

RECORD = "build.json"


class BuildSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # The most one build's output (every file the compiler writes) may take,
    # in MiB: a bigger one is a compile error, and nothing of it is kept.
    max_build_mib: Annotated[int, msgspec.Meta(ge=1, le=1024 * 1024)] = 256
    # The budget of the whole build cache (<state_dir>/builds), in MiB: when an
    # insert takes it over, the least recently used builds are deleted.
    max_cache_mib: Annotated[int, msgspec.Meta(ge=1)] = 2048


class Build(msgspec.Struct, frozen=True, weakref=True):
    """The outcome of compiling one submission.

    A Build served from the cache holds the entry's lock (shared) for as long
    as the object lives, so that no judged process evicts a program being run.
    """

    ok: bool
    folder: str
    compile_output: str = ""
    # Set when the sandbox itself failed while compiling (IE, not CE).
    internal_error: str = ""
    compile_time: float = 0.0
    # The bytes the cached entry takes on disk.
    size: int = 0

    @property
    def src(self) -> Path:
        return Path(self.folder) / "src"

    @property
    def out(self) -> Path:
        return Path(self.folder) / "out"


class BuildCache:
    """`<state_dir>/builds`: look-ups, the exclusive lock of a key, sealed inserts and eviction."""

    def __init__(self, root: Path, settings: BuildSettings) -> None:
        self.root = root
        self.settings = settings
        self._counter = itertools.count()
        self._sizes: dict[str, int] = {}  # key -> entry size, read once per process (entries never change)
        self.prepared = False

    def prepare(self) -> None:
        """Create the folders; drop what a dead process left mid-way and entries of an older, unsealed layout."""
        if self.prepared:
            return
        for folder, mode in ((self.root, 0o711), (self.root / ".work", 0o711), (self.root / ".trash", 0o700)):
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(mode)  # jails mount from .work as an unmapped user: traversable, not listable
        for folder in (self.root / ".work", self.root / ".trash"):
            for leftover in folder.iterdir():
                if not _alive(leftover.name):
                    remove_tree(leftover)
        for entry in self.root.iterdir():
            if not entry.name.startswith(".") and entry.is_dir() and not entry.is_symlink() and not _sealed(entry):
                log.warning("build cache: removing %s (not sealed: an older layout)", entry)
                remove_tree(entry)
        self.prepared = True

    def lock_path(self, key: str) -> Path:
        return self.root / f"{key}.lock"

    def has(self, key: str) -> bool:
        return (self.root / key / RECORD).is_file()

    async def use(self, key: str) -> Build | None:
        """The cached build of `key`, holding its shared lock while the Build lives; None when there is none."""
        if not self.has(key):
            return None
        fd = await acquire(self.lock_path(key), shared=True, create=False)
        if fd is None:
            return None
        record = self.root / key / RECORD
        try:
            data = record.read_bytes()
            os.utime(record)  # the entry's last use, for eviction; survives restarts
        except FileNotFoundError:
            os.close(fd)  # evicted between the look and the lock
            return None
        build = msgspec.json.decode(data, type=Build)
        weakref.finalize(build, os.close, fd)
        return build

    @contextlib.asynccontextmanager
    async def exclusive(self, key: str) -> AsyncIterator[None]:
        """Hold `key` alone across every judged process; its lock file goes when no entry was installed."""
        path = self.lock_path(key)
        async with file_lock(path):
            try:
                yield
            finally:
                if not self.has(key):
                    path.unlink(missing_ok=True)  # still held: a waiter notices and retries

    def new_work(self, key: str) -> Path:
        """A fresh folder for one build: `src/` root's, `out/` to be given to the compiling run."""
        self.prepare()
        work = self.root / ".work" / f"{key}.{os.getpid()}.{next(self._counter)}"
        work.mkdir(mode=0o711)
        (work / "src").mkdir(mode=0o755)
        (work / "out").mkdir(mode=0o755)
        return work

    def install(self, work: Path, key: str, build: Build) -> Build:
        """Seal `work` (root's, read-only), write its record and move it into place; the key's lock is held."""
        if not build.ok:
            remove_tree(work / "src")  # a compile error keeps its message only
            remove_tree(work / "out")
        size = seal(work)
        entry = self.root / key
        sealed = msgspec.structs.replace(build, folder=str(entry), size=size + 4096)
        fd = os.open(work / RECORD, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o444)
        with os.fdopen(fd, "wb") as handle:
            handle.write(msgspec.json.encode(sealed))
        if entry.exists():  # a half-made entry of a crashed process (no record): replace it
            self._delete(entry)
        # Closed only once in place: moving a folder to another parent rewrites its `..`, which needs
        # write permission on it, and judged under its systemd unit has no CAP_DAC_OVERRIDE.
        os.rename(work, entry)
        os.chmod(entry, 0o555)
        self._sizes[key] = sealed.size
        return sealed

    def discard(self, work: Path) -> None:
        remove_tree(work)

    def evict(self) -> int:
        """Delete least recently used entries nobody uses until the cache fits its budget; the bytes freed."""
        budget = self.settings.max_cache_mib * MiB
        entries = self._entries()
        total = sum(size for _, _, size in entries)
        freed = 0
        for _, key, size in sorted(entries):
            if total - freed <= budget:
                break
            try:
                freed += self._evict(key, size)
            except OSError as exc:  # the cache stays over budget a while; the build itself is fine
                log.warning("build cache: cannot evict %s: %s", key, exc)
        if freed:
            log.info("build cache: evicted %.1f MiB, %.1f MiB left", freed / MiB, (total - freed) / MiB)
        return freed

    def _evict(self, key: str, size: int) -> int:
        """Delete one entry unless some judged process holds its lock; the bytes freed."""
        fd = try_exclusive(self.lock_path(key))
        if fd is None:
            return 0  # in use, or being built, by some judged process
        try:
            freed = 0
            if (self.root / key).is_dir():
                self._delete(self.root / key)
                freed = size
            self.lock_path(key).unlink(missing_ok=True)  # still held: a waiter notices and retries
        finally:
            os.close(fd)
        self._sizes.pop(key, None)
        return freed

    def _entries(self) -> list[tuple[int, str, int]]:
        """(last use, key, size) of every entry."""
        found = []
        for item in os.scandir(self.root):
            if item.name.startswith(".") or not item.is_dir(follow_symlinks=False):
                continue
            try:
                used = os.stat(Path(item.path) / RECORD).st_mtime_ns
                size = self._sizes.get(item.name)
                if size is None:
                    size = msgspec.json.decode((Path(item.path) / RECORD).read_bytes(), type=Build).size
                    self._sizes[item.name] = size
            except (FileNotFoundError, msgspec.DecodeError):
                continue
            found.append((used, item.name, size))
        return found

    def _delete(self, entry: Path) -> None:
        trash = self.root / ".trash" / f"{entry.name}.{os.getpid()}.{next(self._counter)}"
        os.chmod(entry, 0o755)  # writable to its owner (root) again, so that it may move (see install)
        os.rename(entry, trash)
        remove_tree(trash)


def seal(folder: Path) -> int:
    """Make everything below `folder` root's and read-only (`folder` itself: root's, left open for the caller to
    write the record into and move); drop all but files, folders and symlinks.

    Bytes taken on disk. The jail that wrote there is gone; nothing is followed.
    """
    size, folders = _take_back(folder)
    for path in reversed(folders[1:]):  # deepest first: a read-only folder is closed to root too (no DAC override)
        os.chmod(path, 0o555)
    return size


def remove_tree(folder: Path) -> None:
    """Delete a build folder whatever a jail made of its modes (judged may lack CAP_DAC_OVERRIDE)."""
    with contextlib.suppress(FileNotFoundError):
        _take_back(folder)
        shutil.rmtree(folder, ignore_errors=True)


def _take_back(folder: Path) -> tuple[int, list[str]]:
    """Chown everything under `folder` to root (files 0444/0555, folders 0755 for now), dropping fifos and sockets.

    Each folder is opened up before it is walked into, so a jail's 0000 folder cannot hide its contents.
    Returns the bytes taken on disk and every folder, outermost first.
    """
    os.chown(folder, 0, 0, follow_symlinks=False)
    os.chmod(folder, 0o755)
    size, folders = 0, [str(folder)]
    for parent, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(parent, name)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                os.lchown(path, 0, 0)  # it resolves inside the run's jail, never on the host
            elif stat.S_ISDIR(info.st_mode):
                os.chown(path, 0, 0, follow_symlinks=False)
                os.chmod(path, 0o755)
                folders.append(path)
            elif stat.S_ISREG(info.st_mode):
                os.chown(path, 0, 0, follow_symlinks=False)
                os.chmod(path, 0o555 if info.st_mode & 0o111 else 0o444)
            else:
                os.unlink(path)  # a fifo or socket has no place in a build
                continue
            size += info.st_blocks * 512
    return size, folders


def tree_size(folder: Path) -> int:
    """Bytes the files under `folder` hold (apparent sizes, not following symlinks)."""
    total = 0
    for parent, _, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(FileNotFoundError):
                total += os.lstat(os.path.join(parent, name)).st_size
    return total


def _alive(name: str) -> bool:
    """Whether the process whose pid is the second dotted part of `name` still runs."""
    parts = name.split(".")
    if len(parts) < 3 or not parts[1].isdigit():
        return False
    try:
        os.kill(int(parts[1]), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sealed(entry: Path) -> bool:
    info = os.lstat(entry)
    return info.st_uid == 0 and stat.S_IMODE(info.st_mode) == 0o555
