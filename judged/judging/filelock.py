"""Cross-process locks on files of the state folder (`flock`), awaited without blocking the event loop.

Two judged processes may share one state folder (the daemon and a `judged
problems check`, two CLI runs): what they both write (the build cache, the
derived time limits) is changed under one of these locks. A holder may
unlink its lock file while it holds it (an evicted cache entry leaves no
lock file behind): a waiter then finds that the file it locked is no longer
the one at the path and locks the new one.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
from collections.abc import AsyncIterator
from pathlib import Path

FIRST_WAIT, LONGEST_WAIT = 0.005, 0.1  # seconds between two attempts while another process holds it


@contextlib.asynccontextmanager
async def file_lock(path: Path, *, shared: bool = False) -> AsyncIterator[int]:
    """Hold an exclusive (or shared) flock on `path`, created when missing; yields its descriptor."""
    fd = await acquire(path, shared=shared, create=True)
    assert fd is not None
    try:
        yield fd
    finally:
        os.close(fd)


async def acquire(path: Path, *, shared: bool, create: bool) -> int | None:
    """A descriptor of `path` holding its flock; None when `path` does not exist and `create` is False."""
    flags = os.O_RDWR | os.O_CLOEXEC | os.O_NOFOLLOW | (os.O_CREAT if create else 0)
    mode = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
    while True:
        try:
            fd = os.open(path, flags, 0o600)
        except FileNotFoundError:
            if create:
                raise
            return None
        wait = FIRST_WAIT
        while not _try(fd, mode):
            await asyncio.sleep(wait)
            wait = min(wait * 2, LONGEST_WAIT)
        if _is_at(fd, path):
            return fd
        os.close(fd)  # the holder before us unlinked it: lock the file now at `path`


def try_exclusive(path: Path) -> int | None:
    """A descriptor holding `path`'s exclusive flock if nobody holds any lock on it now, else None."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CLOEXEC | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    if _try(fd, fcntl.LOCK_EX | fcntl.LOCK_NB) and _is_at(fd, path):
        return fd
    os.close(fd)
    return None


def _try(fd: int, mode: int) -> bool:
    try:
        fcntl.flock(fd, mode)
    except BlockingIOError:
        return False
    return True


def _is_at(fd: int, path: Path) -> bool:
    try:
        now = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)
