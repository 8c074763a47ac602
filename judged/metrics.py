"""The daemon's Prometheus metrics: one registry per app, filled by the worker and the API, read at /metrics."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Protocol

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from judged.store.queue import Queue
from judged.worker import WorkerMetrics

log = logging.getLogger(__name__)

QUEUE_NAMES = ("contest", "practice")
"""The `queue` label of each stream, in the order Keys.queues lists them."""
LATENCY_BUCKETS = (0.05, 0.1, 0.15, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0)


class Metrics(WorkerMetrics):
    """Counters the worker slots update as they go; queue gauges read from Redis when scraped."""

    def __init__(self, queue: Queue | None, slots: int) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self._queue = queue
        self.queue_depth = Gauge(
            "judged_queue_depth", "Submissions queued or being judged, per stream", ["queue"], registry=registry
        )
        self.queue_claimed = Gauge("judged_queue_claimed", "Queue entries claimed and not yet acked", registry=registry)
        self.queue_waiting = Gauge(
            "judged_queue_waiting", "Submissions queued that no slot has claimed yet, per stream", ["queue"],
            registry=registry,
        )  # fmt: skip
        self.queue_oldest = Gauge(
            "judged_queue_oldest_age_seconds",
            "Seconds since the oldest submission queued or being judged was posted, per stream (0: none)",
            ["queue"], registry=registry,
        )  # fmt: skip
        self.redis_up = Gauge("judged_redis_up", "1 when Redis answered the last scrape", registry=registry)
        self.finished_total = Counter(
            "judged_submissions_finished", "Submissions finished by this host's slots, by verdict", ["verdict"],
            registry=registry,
        )  # fmt: skip
        self.latency = Histogram(
            "judged_submission_latency_seconds", "From POST to verdict, as seen by the slot that finished it",
            buckets=LATENCY_BUCKETS, registry=registry,
        )  # fmt: skip
        self.judging = Histogram(
            "judged_judging_seconds", "Time a slot spent judging one submission (compile included)",
            buckets=LATENCY_BUCKETS, registry=registry,
        )  # fmt: skip
        self.slots = Gauge("judged_worker_slots", "Worker slots on this host", registry=registry)
        self.slots_busy = Gauge("judged_worker_slots_busy", "Worker slots judging right now", registry=registry)
        self.busy_seconds = Counter(
            "judged_worker_busy_seconds", "Slot-seconds spent judging (rate / slots = utilisation)", registry=registry
        )
        self.failures = Counter(
            "judged_sandbox_failures", "Judgements that failed for the judge's reasons (retried or IE)",
            registry=registry,
        )  # fmt: skip
        self.slots.set(slots)
        self._busy_since: list[float] = []

    def slot_busy(self, busy: bool) -> None:
        if busy:
            self.slots_busy.inc()
            self._busy_since.append(time.monotonic())
        else:
            self.slots_busy.dec()
            if self._busy_since:
                self.busy_seconds.inc(time.monotonic() - self._busy_since.pop(0))

    def finished(self, verdict: str, latency: float, judging: float) -> None:
        self.finished_total.labels(verdict=verdict).inc()
        self.latency.observe(max(0.0, latency))
        self.judging.observe(max(0.0, judging))

    def infrastructure_failure(self) -> None:
        self.failures.inc()

    def watch_connections(self, guard: ConnectionCounts) -> None:
        """Export the connection guard's numbers (judged.connections), read at each scrape."""
        self.registry.register(_ConnectionCollector(guard))

    async def render(self) -> bytes:
        """The Prometheus text; the queue gauges are read from Redis now (left as they were when it is away)."""
        if self._queue is not None:
            try:
                depths = await self._queue.depths()
                for name, depth in zip(QUEUE_NAMES, depths, strict=True):
                    self.queue_depth.labels(queue=name).set(depth.length)
                    self.queue_waiting.labels(queue=name).set(depth.waiting)
                    self.queue_oldest.labels(queue=name).set(depth.oldest_age)
                self.queue_claimed.set(sum(depth.claimed for depth in depths))
                self.redis_up.set(1)
            except Exception as exc:  # Redis away: say so, serve the rest
                log.warning("metrics: cannot read the queue: %s", exc)
                self.redis_up.set(0)
        return generate_latest(self.registry)


class ConnectionCounts(Protocol):
    """What judged.connections.ConnectionGuard counts."""

    @property
    def open(self) -> int: ...

    timed_out: int
    evicted: int
    refused: int


class _ConnectionCollector(Collector):
    def __init__(self, guard: ConnectionCounts) -> None:
        self._guard = guard

    def collect(self) -> Iterator[Metric]:
        guard = self._guard
        yield GaugeMetricFamily("judged_connections_open", "HTTP connections open now", value=guard.open)
        closed = CounterMetricFamily(
            "judged_connections_closed", "Connections judged closed to protect itself, by reason", labels=["reason"]
        )
        closed.add_metric(["head_timeout"], guard.timed_out)
        closed.add_metric(["evicted_at_cap"], guard.evicted)
        closed.add_metric(["refused_at_cap"], guard.refused)
        yield closed
