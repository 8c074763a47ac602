"""The jails' own users: a range of uids/gids that belong to no account, one leased to each run.

Each run gets a uid (and the gid at the same offset) of its own for as long
as it lives, so that two jails running at once never share a user: neither
can signal, ptrace or write into what the other owns, and per-user kernel
counters are per run. A lease is an exclusive `flock` on
`/run/judged/ids/<uid>`, so every judged process of the host (the daemon, a
`judged problems check`, whatever their state folders) hands out a uid only
when no other holds it; the kernel drops the lock of a process that dies.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import grp
import os
import pwd
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import msgspec

from judged.sandbox.types import RunRequest, SandboxError

NOBODY = 65534
NO_ID = 0xFFFFFFFF  # (uid_t)-1: "unchanged" to the kernel, never a real id
WAIT = 0.05  # seconds between two looks for a free id when every one is leased
LOCK_DIR = Path("/run/judged/ids")  # host-wide: uids are the host's, not a state folder's


class Identity(msgspec.Struct, frozen=True):
    """The uid and gid one run holds, inside the jail and outside alike."""

    uid: int
    gid: int


def id_range_problem(uid_base: int, gid_base: int, count: int) -> str | None:
    """Why the range cannot be the jails' own (it holds 0, nobody or an account or group), or None."""
    uids, gids = range(uid_base, uid_base + count), range(gid_base, gid_base + count)
    for kind, ids in (("uid", uids), ("gid", gids)):
        if 0 in ids or NOBODY in ids or ids.stop - 1 >= NO_ID:
            return f"the sandbox {kind} range {ids.start}-{ids.stop - 1} holds 0, {NOBODY} (nobody) or -1"
    users = sorted((u.pw_uid, u.pw_name) for u in pwd.getpwall() if u.pw_uid in uids)
    if users:
        uid, name = users[0]
        return f"the sandbox uid range {uids.start}-{uids.stop - 1} holds the account {name} (uid {uid})"
    groups = sorted((g.gr_gid, g.gr_name) for g in grp.getgrall() if g.gr_gid in gids)
    if groups:
        gid, name = groups[0]
        return f"the sandbox gid range {gids.start}-{gids.stop - 1} holds the group {name} (gid {gid})"
    for kind, ids, path in (("uid", uids, "/etc/subuid"), ("gid", gids, "/etc/subgid")):
        owner = _delegated_to(path, ids)
        if owner:
            return f"the sandbox {kind} range {ids.start}-{ids.stop - 1} overlaps {owner}'s range in {path}"
    return None


def _delegated_to(path: str, ids: range) -> str | None:
    """The user whose subordinate-id range (rootless containers) in `path` overlaps `ids`, if any."""
    with contextlib.suppress(OSError):
        for line in Path(path).read_text().splitlines():
            name, _, rest = line.partition(":")
            start, _, length = rest.partition(":")
            if start.isdigit() and length.isdigit() and int(start) < ids.stop and int(start) + int(length) > ids.start:
                return name
    return None


class IdentityPool:
    """Leases ids of the range, one per run, across every judged process of the host."""

    def __init__(self, uid_base: int, gid_base: int, count: int, lock_dir: Path = LOCK_DIR) -> None:
        self.uid_base, self.gid_base, self.count = uid_base, gid_base, count
        self.lock_dir = lock_dir
        self._held: dict[int, int] = {}  # offset -> fd holding its lock

    def check(self) -> None:
        """Refuse (SandboxError, one sentence) a range that is not judged's own; make the lock folder."""
        problem = id_range_problem(self.uid_base, self.gid_base, self.count)
        if problem:
            raise SandboxError(f"{problem}: choose sandbox.uid_base/gid_base that no account or group uses")
        try:
            self.lock_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise SandboxError(f"cannot create {self.lock_dir}, where runs lease their uids: {exc.strerror}") from exc

    @contextlib.asynccontextmanager
    async def lease(self) -> AsyncIterator[Identity]:
        """An id no other run (of any judged process on this host) holds until the block ends."""
        offset = self._take()
        while offset is None:
            await asyncio.sleep(WAIT)
            offset = self._take()
        try:
            yield Identity(self.uid_base + offset, self.gid_base + offset)
        finally:
            os.close(self._held.pop(offset))  # closing the last descriptor drops the flock

    def _open(self, offset: int) -> int:
        path = self.lock_dir / str(self.uid_base + offset)
        flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW
        try:
            return os.open(path, flags, 0o600)
        except FileNotFoundError:  # /run/judged was cleared (a reboot, the unit stopped): make it again
            self.lock_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            return os.open(path, flags, 0o600)

    def _take(self) -> int | None:
        for offset in range(self.count):
            if offset in self._held:
                continue
            fd = self._open(offset)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            self._held[offset] = fd
            return offset
        return None


def hand_over(request: RunRequest, identity: Identity) -> str | None:
    """Give the run's uid/gid what it must write: its `owned_by_run` folders and the pipes it is passed.

    Never following a symlink; a passed descriptor that is not a pipe (a host file) stays as it is.
    Returns why that failed, or None.
    """
    try:
        for mount in request.mounts:
            if mount.owned_by_run:
                os.chown(mount.source, identity.uid, identity.gid, follow_symlinks=False)
        for fd in request.extra_fds.values():
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                os.fchown(fd, identity.uid, identity.gid)
    except OSError as exc:
        return f"cannot give the run's user what it writes: {exc}"
    return None
