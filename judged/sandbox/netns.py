"""Fresh network namespaces made ahead of the jails that use them, one per jail, never shared.

A jail must have a network namespace of its own: no interface but a loopback
that is down, and its own abstract unix sockets, so no two jails can reach
each other. nsjail makes one at every start (about 0.6 ms of a run of
/bin/true on the project machine, `bench/run_phases.py`). Instead the
sandbox helper, in its `netns` role (helper.c), runs beside the daemon and
makes them ahead: for each byte asked it calls `unshare(CLONE_NEWNET)`, sends
a descriptor of the new namespace back over a socket pair and goes back to
its own. A jail's launcher enters one with `setns` before it execs nsjail,
which then runs with `--disable_clone_newnet`; the daemon closes its
descriptor once the launcher holds its own, so each namespace ends with its
jail.

A process, not a thread of the daemon: a thread making them (measured) held
the interpreter's lock while the kernel had it off a core, and the daemon's
next spawn waited for it (the spawn's p90 went from 0.7 to 3.2 ms).

Such a namespace belongs to the host's user namespace, not the jail's: the
jailed program holds no capability over it at all (it cannot even bring its
loopback up), where a namespace nsjail made belonged to the jail's user
namespace. Where the kernel refuses (no CAP_SYS_ADMIN) or the maker dies,
nsjail makes its own as before.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import socket
from pathlib import Path

from judged.sandbox.spawn import DEVNULL, Child, spawn

log = logging.getLogger(__name__)

AHEAD = 2  # namespaces kept ready
FIRST_WAIT = 5.0  # seconds the maker may take for its first namespace
CLOSE_WAIT = 2.0  # seconds the maker may take to end at end-of-file, then again once killed


class Netns:
    """A few fresh network namespaces, made ahead by the helper's `netns` role: `take()`, then `refill()`."""

    def __init__(self, helper: Path, env: dict[str, str], ahead: int = AHEAD) -> None:
        self.helper, self.env, self.ahead = helper, env, ahead
        self._ready: collections.deque[int] = collections.deque()
        self._asked = 0  # namespaces asked for and not yet received
        self._sock: socket.socket | None = None
        self._proc: Child | None = None
        self._first: asyncio.Future[None] | None = None
        self.broken = ""

    async def start(self) -> bool:
        """Start the maker and wait for its first namespace; False (nsjail makes its own) if it cannot."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._proc = await spawn(
                [str(self.helper), "netns", str(theirs.fileno())],
                stdin=DEVNULL,
                stdout=DEVNULL,
                stderr=DEVNULL,
                pass_fds=(theirs.fileno(),),
                env=self.env,
            )
        except OSError as exc:
            ours.close()
            self._fail(f"cannot start the maker: {exc}")
            return False
        finally:
            theirs.close()
        ours.setblocking(False)
        self._sock = ours
        loop = asyncio.get_running_loop()
        self._first = loop.create_future()
        loop.add_reader(ours.fileno(), self._received)
        self.refill()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self._first), FIRST_WAIT)
        if not self._ready and not self.broken:
            self._fail("the maker gave no namespace in time")
        return not self.broken

    @property
    def pid(self) -> int | None:
        """The maker's process id while it runs."""
        return self._proc.pid if self._proc is not None else None

    def take(self) -> int | None:
        """A descriptor of a fresh namespace, the caller's to close; None when none is ready (nsjail makes one)."""
        return self._ready.popleft() if self._ready else None

    def refill(self) -> None:
        """Ask for namespaces up to `ahead`: called once a jail is done starting, off its critical path."""
        wanted = self.ahead - len(self._ready) - self._asked
        if self.broken or wanted <= 0 or self._sock is None:
            return
        try:
            self._sock.send(b"n" * wanted)
        except OSError as exc:
            self._fail(f"the maker cannot be asked: {exc}")
            return
        self._asked += wanted

    def _received(self) -> None:
        assert self._sock is not None
        while True:
            try:
                data, fds, _, _ = socket.recv_fds(self._sock, 64, 64, socket.MSG_CMSG_CLOEXEC)
            except BlockingIOError:
                return
            except ConnectionResetError:  # it died with our asking bytes unread
                self._fail("the maker ended")
                return
            except OSError as exc:
                self._fail(f"the maker's socket failed: {exc}")
                return
            if not data:
                self._fail("the maker ended")
                return
            self._asked -= len(data)
            self._ready.extend(fds)
            if b"e" in data:
                self._fail("the kernel refused a new network namespace")
            if self._first is not None and not self._first.done():
                self._first.set_result(None)

    def _fail(self, why: str) -> None:
        if self.broken:
            return
        self.broken = f"network namespaces are not made ahead ({why}); nsjail makes one per jail"
        log.warning("%s", self.broken)
        if self._sock is not None:
            with contextlib.suppress(ValueError, RuntimeError):
                asyncio.get_running_loop().remove_reader(self._sock.fileno())
        if self._first is not None and not self._first.done():
            self._first.set_result(None)

    async def close(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(ValueError, RuntimeError):
                asyncio.get_running_loop().remove_reader(self._sock.fileno())
            self._sock.close()  # end-of-file: the maker returns
            self._sock = None
        if self._proc is not None:
            # Never an unbounded wait: a maker started on another event loop (a test's) is only killed.
            try:
                await asyncio.wait_for(self._proc.wait(), CLOSE_WAIT)
            except (TimeoutError, ValueError, RuntimeError):
                self._proc.kill()
                with contextlib.suppress(TimeoutError, ValueError, RuntimeError):
                    await asyncio.wait_for(self._proc.wait(), CLOSE_WAIT)
            self._proc = None
        while self._ready:
            os.close(self._ready.popleft())
