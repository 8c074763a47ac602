"""The daemon's Prometheus metrics: one registry per app, filled by the worker and the API, read at /metrics.

With several API processes (`server.processes`), every process of the host writes its metrics to files in
one folder (prometheus_client's multiprocess mode, `use_multiprocess_dir`, set before any metric is made)
and a scrape of any process reads them all: counters and histograms are summed over the processes (those
of a process that died included, so they never go backwards), each gauge says how it combines
(`multiprocess_mode`): slots and connections are summed over the live processes, the queue gauges read
from Redis at a scrape are the most recent value written.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, values
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead

from judged.connections import ConnectionGuard
from judged.store.queue import Queue
from judged.worker import WorkerMetrics

log = logging.getLogger(__name__)

QUEUE_NAMES = ("contest", "practice")
"""The `queue` label of each stream, in the order Keys.queues lists them."""
LATENCY_BUCKETS = (0.05, 0.1, 0.15, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0)
MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"


def use_multiprocess_dir(directory: Path) -> None:
    """This process's metrics, and those of the processes it starts, go to files in `directory` (emptied now).

    Call it before any metric is made: prometheus_client picks its value class when it is imported, so it
    is picked again here (`values.ValueClass`, the hook prometheus_client keeps for this).
    """
    if directory.exists():
        for leftover in directory.glob("*.db"):  # a previous run's processes: not this one's
            leftover.unlink()
    directory.mkdir(parents=True, exist_ok=True)
    os.environ[MULTIPROCESS_ENV] = str(directory)
    values.ValueClass = values.get_value_class()  # type: ignore[no-untyped-call]


def multiprocess_dir() -> Path | None:
    found = os.environ.get(MULTIPROCESS_ENV)
    return Path(found) if found else None


class Metrics(WorkerMetrics):
    """Counters the worker slots update as they go; queue gauges read from Redis when scraped."""

    def __init__(self, queue: Queue | None, slots: int) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self._queue = queue

        def scraped(name: str, documentation: str, labels: tuple[str, ...] = ()) -> Gauge:
            """A gauge set from Redis when /metrics is scraped: any process's newest value is the value."""
            return Gauge(name, documentation, labels, registry=registry, multiprocess_mode="mostrecent")

        def live(name: str, documentation: str) -> Gauge:
            """A gauge of this host's processes, summed over those alive."""
            return Gauge(name, documentation, registry=registry, multiprocess_mode="livesum")

        self.queue_depth = scraped("judged_queue_depth", "Submissions queued or being judged, per stream", ("queue",))
        self.queue_claimed = scraped("judged_queue_claimed", "Queue entries claimed and not yet acked")
        self.queue_waiting = scraped(
            "judged_queue_waiting", "Submissions queued that no slot has claimed yet, per stream", ("queue",)
        )
        self.queue_oldest = scraped(
            "judged_queue_oldest_age_seconds",
            "Seconds since the oldest submission queued or being judged was posted, per stream (0: none)",
            ("queue",),
        )
        self.redis_up = scraped("judged_redis_up", "1 when Redis answered the last scrape")
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
        self.slots = live("judged_worker_slots", "Worker slots on this host")
        self.slots_busy = live("judged_worker_slots_busy", "Worker slots judging right now")
        self.busy_seconds = Counter(
            "judged_worker_busy_seconds", "Slot-seconds spent judging (rate / slots = utilisation)", registry=registry
        )
        self.failures = Counter(
            "judged_sandbox_failures", "Judgements that failed for the judge's reasons (retried or IE)",
            registry=registry,
        )  # fmt: skip
        self.connections_open = live("judged_connections_open", "HTTP connections open now")
        self.connections_closed = Counter(
            "judged_connections_closed", "Connections judged closed to protect itself, by reason", ["reason"],
            registry=registry,
        )  # fmt: skip
        self.slots.set(slots)
        self._busy_since: list[float] = []
        self._guard: ConnectionGuard | None = None
        self._closed_seen = {"head_timeout": 0, "evicted_at_cap": 0, "refused_at_cap": 0}
        self._files = multiprocess_dir()

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

    def watch_connections(self, guard: ConnectionGuard) -> None:
        """Export the connection guard's numbers (judged.connections), copied at each change: with several API
        processes a scrape reaches one of them and reads what every one wrote."""
        self._guard = guard
        for reason in self._closed_seen:
            self.connections_closed.labels(reason=reason)  # shown at 0 before the first
        guard.changed = self.sync_connections

    def sync_connections(self) -> None:
        guard = self._guard
        if guard is None:
            return
        self.connections_open.set(guard.open)
        counts = {"head_timeout": guard.timed_out, "evicted_at_cap": guard.evicted, "refused_at_cap": guard.refused}
        for reason, count in counts.items():
            if count > self._closed_seen[reason]:
                self.connections_closed.labels(reason=reason).inc(count - self._closed_seen[reason])
                self._closed_seen[reason] = count

    def process_gone(self, pid: int) -> None:
        """Another process of this host exited: its live gauges (slots, connections) no longer count."""
        if self._files is not None:
            mark_process_dead(pid, str(self._files))  # type: ignore[no-untyped-call]

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
        if self._files is None:
            return generate_latest(self.registry)
        every = CollectorRegistry()  # every process's files, read now
        MultiProcessCollector(every, str(self._files))  # type: ignore[no-untyped-call]
        return generate_latest(every)
