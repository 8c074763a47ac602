"""The report of a competition day: latencies overall and per fault window, refusals, the board's numbers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tests.contest_plan import Day, Window, quantile


def in_window(day: Day, seconds: float) -> Window | None:
    return next((window for window in day.windows if window.start <= seconds <= window.end), None)


def latency_table(day: Day) -> dict[str, dict[str, float]]:
    """POST-to-verdict p50/p95/p99 and count, overall, outside every fault window, and in each."""
    return by_window(day, ((sent.submitted, sent.verdict_at - sent.submitted) for sent in day.sent if sent.verdict))


def board_table(day: Day) -> dict[str, dict[str, float]]:
    """The public board's latency through nginx: p50/p95/p99 and count, overall, outside faults and in each."""
    return by_window(day, day.board_samples)


def by_window(day: Day, samples: Iterable[tuple[float, float]]) -> dict[str, dict[str, float]]:
    """p50/p95/p99 and count of (when, latency) samples, overall, outside every fault window, and in each."""
    groups: dict[str, list[float]] = {"overall": [], "outside faults": []}
    for seconds, latency in samples:
        window = in_window(day, seconds)
        groups["overall"].append(latency)
        groups.setdefault("outside faults" if window is None else f"during {window.fault}", []).append(latency)
    return {
        name: {"count": len(values), "p50": quantile(values, 0.5), "p95": quantile(values, 0.95),
               "p99": quantile(values, 0.99)}
        for name, values in groups.items()
    }  # fmt: skip


def refusals(day: Day) -> dict[str, Any]:
    """Refused POSTs per fault window: how many, the span of seconds they covered, and their statuses."""
    found: dict[str, Any] = {}
    for sent in day.sent:
        for seconds, status, retry_after in sent.refusals:
            window = in_window(day, seconds)
            name = "outside faults" if window is None else str(window.fault)
            entry = found.setdefault(name, {"count": 0, "first": seconds, "last": seconds, "statuses": {},
                                            "without_retry_after": 0})  # fmt: skip
            entry["count"] += 1
            entry["first"], entry["last"] = min(entry["first"], seconds), max(entry["last"], seconds)
            entry["statuses"][status] = entry["statuses"].get(status, 0) + 1
            entry["without_retry_after"] += status == 503 and retry_after is None
    return found


def summary(day: Day) -> dict[str, Any]:
    verdicts: dict[str, int] = {}
    for sent in day.sent:
        if sent.verdict:
            verdicts[sent.verdict] = verdicts.get(sent.verdict, 0) + 1
    accepted = [sent for sent in day.sent if sent.sid]
    return {
        "submissions_posted": len(day.sent),
        "accepted_202": len(accepted),
        "given_up": len([sent for sent in day.sent if sent.given_up]),
        "verdicts": verdicts,
        "latency": latency_table(day),
        "refusals": refusals(day),
        "staleness_p99": quantile(day.staleness, 0.99),
        "staleness_p50": quantile(day.staleness, 0.5),
        "staleness_samples": len(day.staleness),
        "board": day.polls,
        "board_latency": board_table(day),
        "lost": len(day.lost),
        "double": len(day.double),
        "board_rows": day.board_rows,
        "board_equal": not day.board_differences,
        "orphans": day.orphans,
        "windows": [(str(window.fault), round(window.start, 1), round(window.end, 1)) for window in day.windows],
        "submit_rate_mean": len(day.sent) / day.plan.duration,
        "slot_seconds": {
            language: {
                "count": len(values),
                "mean": sum(values) / len(values),
                "p50": quantile(values, 0.5),
                "p95": quantile(values, 0.95),
            }
            for language, values in sorted(day.slot_seconds.items())
        },
    }
