"""How judged is told where Redis is: one URL, or the sentinels of a primary that fails over."""

from __future__ import annotations

import asyncio

import pytest
import redis.asyncio as aioredis

from judged.settings import SettingsError, load_settings
from judged.store.client import connect, sentinel_address
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_url_fixture"]


def test_sentinels_come_from_the_environment_as_a_list() -> None:
    settings = load_settings(None, {"JUDGED_REDIS_SENTINEL": "10.0.0.5:26379, [::1]:26380"})
    assert settings.redis.sentinel == ("10.0.0.5:26379", "[::1]:26380")
    assert [sentinel_address(text) for text in settings.redis.sentinel] == [("10.0.0.5", 26379), ("::1", 26380)]


@pytest.mark.parametrize("address", ["10.0.0.5", "10.0.0.5:", ":26379", "host:port", "a b:1"])
def test_a_sentinel_that_is_not_host_port_is_an_error_naming_the_key(address: str) -> None:
    with pytest.raises(SettingsError, match=r"redis\.sentinel\[0\]"):
        load_settings(None, {"JUDGED_REDIS_SENTINEL": address})


def test_a_url_and_sentinels_together_are_refused() -> None:
    with pytest.raises(SettingsError, match=r"url and redis\.sentinel"):
        load_settings(None, {"JUDGED_REDIS_SENTINEL": "127.0.0.1:26379", "JUDGED_REDIS_URL": "redis://127.0.0.1"})


@pytest.mark.parametrize("address", ["127.0.0.1:0", "127.0.0.1:70000", "nohost"])
def test_connecting_to_a_sentinel_out_of_range_says_so(address: str) -> None:
    with pytest.raises(ValueError, match="HOST:PORT"):
        sentinel_address(address)


async def test_a_closed_client_leaves_no_connection_open(redis: aioredis.Redis, redis_url: str) -> None:
    """A daemon stopped (or an app closed) hands back every connection: none piles up on the server or in judged."""
    before = int((await redis.info("clients"))["connected_clients"])
    client = connect(redis_url)
    await asyncio.gather(*(client.blpop(["nothing"], timeout=0.05) for _ in range(3)), client.ping())
    assert int((await redis.info("clients"))["connected_clients"]) >= before + 3
    await client.aclose()
    for _ in range(200):  # the server sees the ends on its next turn
        if int((await redis.info("clients"))["connected_clients"]) == before:
            break
        await asyncio.sleep(0.01)
    assert int((await redis.info("clients"))["connected_clients"]) == before
