"""Fresh network namespaces made ahead of the jails that use them, one per jail, never shared.

A jail must have a network namespace of its own: no interface but a loopback
that is down, and its own abstract unix sockets, so no two jails can reach
each other. nsjail makes one at every start (about 0.8 ms of its 7-8 ms on
the project machine, `bench/run_phases.py`). Instead, a thread of the daemon
makes them between runs: `unshare(CLONE_NEWNET)` (a thread may, unlike for a
mount or user namespace), keep a descriptor of the new namespace, `setns`
back. A jail's launcher enters one with `setns` before it execs nsjail, which
then runs with `-N`; the daemon closes its descriptor once the launcher has
its own, so each namespace ends with its jail.

Such a namespace is owned by the host's user namespace, not the jail's: the
jailed program holds no capability over it at all (it cannot even bring its
loopback up), where a namespace nsjail made belonged to the jail's user
namespace. Where `unshare` is refused (no CAP_SYS_ADMIN), nsjail makes its
own as before.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import ctypes
import logging
import os

log = logging.getLogger(__name__)

CLONE_NEWNET = 0x40000000
AHEAD = 2  # namespaces kept ready: the runs of one slot's next test, compile and check overlap at most this much


class NetnsError(OSError):
    """A network namespace could not be made (or the maker could not go back to its own)."""


class Netns:
    """A few fresh network namespaces, made ahead by one thread of their own: `await take()`."""

    def __init__(self, ahead: int = AHEAD) -> None:
        self.ahead = ahead
        self._ready: collections.deque[int] = collections.deque()
        self._maker = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="judged-netns")
        self._filling: asyncio.Future[None] | None = None
        self._libc = ctypes.CDLL(None, use_errno=True)
        self._home = -1  # the maker thread's own namespace, opened there (thread-self)
        self.broken = ""

    async def start(self) -> bool:
        """Make the first namespace; False (and nsjail makes its own) where this host refuses."""
        loop = asyncio.get_running_loop()
        try:
            self._ready.append(await loop.run_in_executor(self._maker, self._make))
        except OSError as exc:
            self.broken = f"cannot make network namespaces ahead ({exc}); nsjail makes one per jail"
            log.info("%s", self.broken)
            return False
        return True

    async def take(self) -> int | None:
        """A descriptor of a fresh namespace, the caller's to close; None once the maker failed."""
        if self.broken:
            return None
        if not self._ready:
            try:
                fd = await asyncio.get_running_loop().run_in_executor(self._maker, self._make)
            except OSError as exc:
                self._fail(exc)
                return None
        else:
            fd = self._ready.popleft()
        return fd

    def refill(self) -> None:
        """Make namespaces up to `ahead` in the maker thread: called once a jail is done starting, so the
        making never competes with nsjail's own start for a core."""
        if self.broken or len(self._ready) >= self.ahead:
            return
        if self._filling is None or self._filling.done():
            self._filling = asyncio.get_running_loop().run_in_executor(self._maker, self._fill)
            self._filling.add_done_callback(self._filled)

    def _fill(self) -> None:
        while len(self._ready) < self.ahead and not self.broken:
            self._ready.append(self._make())

    def _filled(self, future: asyncio.Future[None]) -> None:
        exc = None if future.cancelled() else future.exception()
        if isinstance(exc, OSError):
            self._fail(exc)

    def _fail(self, exc: OSError) -> None:
        if not self.broken:
            self.broken = f"network namespaces ahead stopped ({exc}); nsjail makes one per jail"
            log.warning("%s", self.broken)

    def _make(self) -> int:
        """In the maker thread: a new namespace's descriptor; the thread stays in its own namespace."""
        if self._home < 0:
            self._home = os.open("/proc/thread-self/ns/net", os.O_RDONLY | os.O_CLOEXEC)
        if self._libc.unshare(CLONE_NEWNET) != 0:
            raise NetnsError(ctypes.get_errno(), "unshare(CLONE_NEWNET)")
        try:
            return os.open("/proc/thread-self/ns/net", os.O_RDONLY | os.O_CLOEXEC)
        finally:
            if self._libc.setns(self._home, CLONE_NEWNET) != 0:
                # The thread is left elsewhere: the error stops the maker (the thread does nothing else).
                raise NetnsError(ctypes.get_errno(), "setns back to the maker's own network namespace")

    async def close(self) -> None:
        if self._filling is not None:
            with contextlib.suppress(Exception):
                await self._filling
        self._maker.shutdown(wait=True)
        while self._ready:
            os.close(self._ready.popleft())
        if self._home >= 0:
            os.close(self._home)
            self._home = -1
