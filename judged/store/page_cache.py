"""A per-host cache of rendered leaderboard pages: each page rendered at most once per refresh interval.

A poll storm (100,000 clients refreshing every few seconds) then costs Redis one render per
(competition, view, offset, limit) per interval per host; every other request is served the
same bytes and ETag from memory. Concurrent requests for a page being rendered wait for that
one render instead of starting their own. A failed render is not cached.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine, Hashable
from typing import Generic, TypeVar

import msgspec

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


class CachedPage(msgspec.Struct, frozen=True):
    body: bytes
    etag: str  # a strong ETag, quoted, for If-None-Match
    rendered_at: float  # the cache clock's reading when rendered
    stamp: Hashable = None  # what the page was rendered from (e.g. a board snapshot's version)


class SharedTasks(Generic[K, T]):
    """At most one task per key at a time, awaited by every requester of that key meanwhile: one Redis read
    or one render for a crowd asking at once."""

    def __init__(self) -> None:
        self._running: dict[K, asyncio.Task[T]] = {}

    async def run(self, key: K, start: Callable[[], Coroutine[object, object, T]]) -> T:
        """What `start()` gives, or what the task already running for `key` gives."""
        task = self._running.get(key)
        if task is None:
            # A task of its own: a requester that goes away does not cancel the work the others wait for.
            task = asyncio.create_task(self._run(key, start))
            task.add_done_callback(_retrieve)
            self._running[key] = task
        return await asyncio.shield(task)

    async def _run(self, key: K, start: Callable[[], Coroutine[object, object, T]]) -> T:
        try:
            return await start()
        finally:
            del self._running[key]


def _retrieve(task: asyncio.Task[object]) -> None:
    """Mark a failed task's exception as seen, so that a failure nobody waits for any more is no warning."""
    if not task.cancelled():
        task.exception()


class PageCache:
    """Pages by key, fresh for `interval` seconds; at most `max_entries` kept (least recently used go first)."""

    def __init__(
        self, interval: float = 1.0, *, max_entries: int = 4096, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if interval <= 0 or max_entries < 1:
            raise ValueError("interval must be positive and max_entries at least 1")
        self.interval = interval
        self.max_entries = max_entries
        self._clock = clock
        self._pages: OrderedDict[Hashable, CachedPage] = OrderedDict()
        self._rendering: SharedTasks[Hashable, CachedPage] = SharedTasks()
        self.renders = 0  # how many times a page was rendered (a metric; tests read it)

    async def get(self, key: Hashable, render: Callable[[], Awaitable[bytes]], stamp: Hashable = None) -> CachedPage:
        """The page for `key`, rendered by `render()` only if the cached one is older than the interval.

        With `stamp` (what the page is rendered from, such as a snapshot's version), a page rendered
        from another stamp is rendered again too.
        """
        page = self._pages.get(key)
        if page is not None and self._clock() - page.rendered_at < self.interval and page.stamp == stamp:
            self._pages.move_to_end(key)
            return page
        return await self._rendering.run(key, lambda: self._render(key, render, stamp))

    async def _render(self, key: Hashable, render: Callable[[], Awaitable[bytes]], stamp: Hashable) -> CachedPage:
        body = await render()
        page = CachedPage(body, etag_of(body), self._clock(), stamp)
        self._store(key, page)
        return page

    def _store(self, key: Hashable, page: CachedPage) -> None:
        self.renders += 1
        self._pages[key] = page
        self._pages.move_to_end(key)
        while len(self._pages) > self.max_entries:
            self._pages.popitem(last=False)

    def clear(self) -> None:
        self._pages.clear()


def etag_of(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
