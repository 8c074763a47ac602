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
from collections.abc import Awaitable, Callable, Hashable

import msgspec


class CachedPage(msgspec.Struct, frozen=True):
    body: bytes
    etag: str  # a strong ETag, quoted, for If-None-Match
    rendered_at: float  # the cache clock's reading when rendered
    stamp: Hashable = None  # what the page was rendered from (e.g. a board snapshot's version)


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
        self._rendering: dict[Hashable, asyncio.Task[CachedPage]] = {}
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
        task = self._rendering.get(key)
        if task is None:
            # A task of its own: a requester that goes away does not cancel the render the others wait for.
            task = asyncio.create_task(self._render(key, render, stamp))
            task.add_done_callback(_retrieve)
            self._rendering[key] = task
        return await asyncio.shield(task)

    async def _render(self, key: Hashable, render: Callable[[], Awaitable[bytes]], stamp: Hashable) -> CachedPage:
        try:
            body = await render()
            page = CachedPage(body, etag_of(body), self._clock(), stamp)
            self._store(key, page)
            return page
        finally:
            del self._rendering[key]

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


def _retrieve(task: asyncio.Task[CachedPage]) -> None:
    """Mark a failed render's exception as seen, so nobody waiting is no warning."""
    if not task.cancelled():
        task.exception()
