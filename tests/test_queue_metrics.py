"""/metrics' scaling signals: per stream, how many submissions wait and how long the oldest has waited.

A real Redis, the real queue and the Prometheus text as a scraper reads it.
"""

from __future__ import annotations

import asyncio

import pytest
import redis.asyncio as aioredis
from prometheus_client.parser import text_string_to_metric_families

from judged.metrics import Metrics
from judged.store.queue import Queue
from judged.store.submissions import Rules, Submission, SubmissionStore
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_url_fixture"]


@pytest.fixture
def store(redis: aioredis.Redis) -> SubmissionStore:
    return SubmissionStore(redis, rules=Rules(max_active=100, max_per_minute=100))


async def submit(store: SubmissionStore, user: str, competition_id: str | None) -> Submission:
    return await store.create(
        problem="two-sum", language="python", code="pass\n", user_id=user, competition_id=competition_id
    )


async def scrape(metrics: Metrics) -> dict[tuple[str, str], float]:
    """(sample name, queue label) -> value of every judged_queue_* sample with a queue label."""
    text = (await metrics.render()).decode()
    return {
        (sample.name, sample.labels["queue"]): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name.startswith("judged_queue_") and "queue" in sample.labels
    }


async def test_depth_waiting_and_oldest_age_follow_the_queue_per_stream(
    redis: aioredis.Redis, store: SubmissionStore
) -> None:
    queue = Queue(redis, store)
    await queue.ensure_group()
    metrics = Metrics(queue, slots=1)
    empty = await scrape(metrics)
    for name in ("contest", "practice"):
        assert empty[("judged_queue_depth", name)] == 0
        assert empty[("judged_queue_waiting", name)] == 0
        assert empty[("judged_queue_oldest_age_seconds", name)] == 0

    first = await submit(store, "a", "cup")
    await asyncio.sleep(1.2)  # the first contest submission is now at least 1.2 s old by Redis's clock
    await submit(store, "b", "cup")
    await submit(store, "c", "cup")
    await submit(store, "d", None)
    seen = await scrape(metrics)
    assert seen[("judged_queue_depth", "contest")] == 3
    assert seen[("judged_queue_waiting", "contest")] == 3
    assert seen[("judged_queue_depth", "practice")] == 1
    assert seen[("judged_queue_oldest_age_seconds", "contest")] >= 1.2
    assert seen[("judged_queue_oldest_age_seconds", "practice")] < seen[("judged_queue_oldest_age_seconds", "contest")]

    claim = await queue.claim("slot-1")
    assert claim is not None
    assert claim.submission_id == first.id
    judging = await scrape(metrics)
    assert judging[("judged_queue_depth", "contest")] == 3  # still unfinished: being judged
    assert judging[("judged_queue_waiting", "contest")] == 2
    oldest = ("judged_queue_oldest_age_seconds", "contest"), ("judged_queue_oldest_age_seconds", "practice")
    assert judging[oldest[0]] >= judging[oldest[1]] + 1.2  # the first was posted 1.2 s before the practice one

    await queue.ack(claim)
    done = await scrape(metrics)
    assert done[("judged_queue_depth", "contest")] == 2
    assert done[oldest[0]] < done[oldest[1]] + 1.2  # the oldest left was posted after the pause, as the practice one


async def test_an_api_host_before_any_worker_reports_depth_without_the_group(
    redis: aioredis.Redis, store: SubmissionStore
) -> None:
    queue = Queue(redis, store)  # no ensure_group: no worker host has started yet
    await submit(store, "early", None)
    depths = {depth.stream: depth for depth in await queue.depths()}
    practice = depths[store.keys.practice_queue]
    assert (practice.length, practice.claimed, practice.waiting) == (1, 0, 1)
    assert depths[store.keys.contest_queue].length == 0
    scraped = (await Metrics(queue, slots=0).render()).decode()
    assert "judged_redis_up 1.0" in scraped
