"""The daemon under abuse: a cap on open connections, a deadline for each request head, and logs that cannot storm.

aiohttp has no connection cap and no request-head timeout of its own, so `ConnectionGuard` wraps
its protocol factory (the `web.Server` of an `AppRunner`) before `loop.create_server`:

- a connection that has not sent a complete request head (up to its blank line) within
  `header_timeout` seconds of connecting is closed (slowloris);
- with `max_connections` open, a new connection first closes the oldest one still waiting for its
  head; only when every open connection has sent a head is the new one refused (closed at once).
  So a flood of idle or trickling connections cannot keep /healthz or real clients out.

Once a connection has sent a head it is aiohttp's: between requests its keep-alive timeout closes
it when idle. A request body gets its own deadline where it is read (judged.api.deps.read_body).

`raise_open_files_limit` lifts the soft RLIMIT_NOFILE to the hard limit; `connection_cap` keeps the
cap below it with room for Redis, SQLite and the sandbox. `RepeatFilter` lets one line of a
repeated warning or error through per interval, with the count of those it held back: a host out
of file descriptors (EMFILE at every accept) logs a line every few seconds, not megabytes.
"""

from __future__ import annotations

import asyncio
import logging
import resource
import time
from collections.abc import Callable

__all__ = ["ConnectionGuard", "RepeatFilter", "connection_cap", "quiet_repeats", "raise_open_files_limit"]

log = logging.getLogger(__name__)

HEAD_END = b"\r\n\r\n"
FD_RESERVE = 1024
"""File descriptors kept free of connections: Redis pools, SQLite, the sandbox's pipes, log files."""
REPEAT_INTERVAL = 10.0
"""Seconds during which an identical warning or error is logged once."""


class ConnectionGuard:
    """A protocol factory for `loop.create_server`: aiohttp's handlers, each behind a `_Guarded` connection."""

    def __init__(self, factory: Callable[[], asyncio.Protocol], *, max_connections: int, header_timeout: float) -> None:
        self._factory = factory
        self.max_connections = max_connections
        self.header_timeout = header_timeout
        self._open: dict[_Guarded, None] = {}  # insertion order: oldest first
        self._waiting: dict[_Guarded, None] = {}  # open, no complete request head yet; oldest first
        self.timed_out = 0
        """Connections closed for not sending a request head in time."""
        self.evicted = 0
        """Connections waiting for their head that were closed to make room for a new one."""
        self.refused = 0
        """New connections closed at once: every open one had sent a request head."""
        self.changed: Callable[[], None] = lambda: None
        """Called after any of the counts changed (judged.metrics copies them into the host's metrics)."""

    def __call__(self) -> asyncio.Protocol:
        return _Guarded(self)

    @property
    def open(self) -> int:
        return len(self._open)

    def _admit(self, connection: _Guarded) -> bool:
        """Whether `connection` may stay; makes room by closing the oldest waiting one when full."""
        if len(self._open) >= self.max_connections:
            oldest = next(iter(self._waiting), None)
            if oldest is None:
                self.refused += 1
                self.changed()
                log.warning("%d connections open, each with a request: a new one is refused", self.max_connections)
                return False
            self.evicted += 1
            log.warning(
                "%d connections open: the oldest still without a request head is closed for a new one",
                self.max_connections,
            )
            oldest.drop()
        self._open[connection] = None
        self._waiting[connection] = None
        self.changed()
        return True

    def _headed(self, connection: _Guarded) -> None:
        self._waiting.pop(connection, None)

    def _gone(self, connection: _Guarded) -> None:
        if self._open.pop(connection, False) is None:
            self._waiting.pop(connection, None)
            self.changed()


class _Guarded(asyncio.Protocol):
    """One connection: forwards everything to aiohttp's handler, watching for the end of the first request head."""

    def __init__(self, guard: ConnectionGuard) -> None:
        self._guard = guard
        self._inner: asyncio.Protocol | None = None
        self._transport: asyncio.Transport | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._tail = b""  # the last bytes received while waiting, so a head end split across reads is found

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        if not self._guard._admit(self):
            transport.abort()
            return
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self._guard.header_timeout, self._too_slow)
        self._inner = self._guard._factory()
        self._inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self._inner is None:
            return
        if self._timer is not None:
            seen = self._tail + data
            if HEAD_END in seen:
                self._timer.cancel()
                self._timer = None
                self._tail = b""
                self._guard._headed(self)
            else:
                self._tail = seen[-(len(HEAD_END) - 1) :]
        self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received() if self._inner is not None else None

    def pause_writing(self) -> None:
        if self._inner is not None:
            self._inner.pause_writing()

    def resume_writing(self) -> None:
        if self._inner is not None:
            self._inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_timer()
        self._guard._gone(self)
        inner, self._inner = self._inner, None
        if inner is not None:
            inner.connection_lost(exc)

    def drop(self) -> None:
        """Close now (too slow, or evicted for a newer connection); aiohttp's handler sees the connection lost."""
        self._cancel_timer()
        self._guard._gone(self)
        if self._transport is not None:
            self._transport.abort()

    def _too_slow(self) -> None:
        self._timer = None
        self._guard.timed_out += 1
        self.drop()  # reports the change

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def raise_open_files_limit() -> int:
    """Lift the soft RLIMIT_NOFILE to the hard limit (as far as the kernel allows); the soft limit now in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError) as exc:
            log.warning("cannot raise the open-file limit from %d to %d: %s", soft, target, exc)
    return soft


def connection_cap(configured: int, open_files: int) -> int:
    """`configured`, or less so that connections leave `FD_RESERVE` descriptors (at least half the limit) free."""
    return max(1, min(configured, max(open_files - FD_RESERVE, open_files // 2)))


class RepeatFilter(logging.Filter):
    """Lets an identical warning or error through once per `interval`; the next one says how many were held back.

    Identical: the same logger, level, message text and exception type. Info and debug lines pass.
    """

    def __init__(self, interval: float = REPEAT_INTERVAL, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.interval = interval
        self._clock = clock
        self._seen: dict[tuple[str, int, str, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        exc_type = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        key = (record.name, record.levelno, record.getMessage()[:300], exc_type)
        now = self._clock()
        last, held = self._seen.get(key, (float("-inf"), 0))
        if now - last < self.interval:
            self._seen[key] = (last, held + 1)
            return False
        if len(self._seen) > 1000:
            self._seen.clear()
        self._seen[key] = (now, 0)
        if held:
            note = f" ({held} more like this in the last {self.interval:g} s were not logged)"
            record.msg = f"{record.getMessage()}{note}"
            record.args = None
        return True


def quiet_repeats(interval: float = REPEAT_INTERVAL) -> RepeatFilter:
    """Install one `RepeatFilter` on the root logger's handlers, so it sees every logger's lines."""
    repeat = RepeatFilter(interval)
    for handler in logging.getLogger().handlers:
        handler.addFilter(repeat)
    return repeat
