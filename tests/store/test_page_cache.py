"""The per-host page cache: one render per page per interval, whatever the number of requests."""

from __future__ import annotations

import asyncio

import pytest

from judged.store.page_cache import PageCache


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_one_render_per_interval() -> None:
    clock = Clock()
    cache = PageCache(1.0, clock=clock)
    bodies = iter([b"one", b"two"])

    async def render() -> bytes:
        return next(bodies)

    first = await cache.get(("c1", "public", 0, 100), render)
    for _ in range(1000):
        assert await cache.get(("c1", "public", 0, 100), render) == first
    assert cache.renders == 1
    clock.now += 1.0
    second = await cache.get(("c1", "public", 0, 100), render)
    assert second.body == b"two"
    assert second.etag != first.etag
    assert cache.renders == 2


async def test_concurrent_requests_share_one_render() -> None:
    cache = PageCache(1.0)
    started = 0
    release = asyncio.Event()

    async def render() -> bytes:
        nonlocal started
        started += 1
        await release.wait()
        return b"page"

    waiting = [asyncio.create_task(cache.get("k", render)) for _ in range(200)]
    await asyncio.sleep(0)
    waiting[0].cancel()  # one client going away does not stop the render for the others
    release.set()
    pages = await asyncio.gather(*waiting[1:])
    assert started == 1
    assert {page.body for page in pages} == {b"page"}


async def test_a_failed_render_is_not_cached() -> None:
    cache = PageCache(1.0)

    async def broken() -> bytes:
        raise ConnectionError("redis went away")

    async def fine() -> bytes:
        return b"ok"

    with pytest.raises(ConnectionError):
        await cache.get("k", broken)
    assert (await cache.get("k", fine)).body == b"ok"


async def test_least_recently_used_pages_go_first() -> None:
    cache = PageCache(10.0, max_entries=2)

    async def render() -> bytes:
        return b"x"

    for key in ("a", "b", "a", "c"):
        await cache.get(key, render)
    assert cache.renders == 3
    await cache.get("a", render)
    assert cache.renders == 3
    await cache.get("b", render)  # evicted by c
    assert cache.renders == 4


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="interval"):
        PageCache(0)
