"""Which core a run is held to: the core of the worker slot whose task starts it.

A worker slot (or the command line) says once which slot it is, for its own
asyncio task and the tasks it starts afterwards (a context variable); every
run started there is pinned to core `slot mod usable cores` through a cpuset
cgroup, so the same submission rerun meets the same core's caches and never
migrates, and two slots never compete for a core. A run started outside any
slot (the daemon's self-tests at start) is not pinned.
"""

from __future__ import annotations

from contextvars import ContextVar

_slot: ContextVar[int | None] = ContextVar("judged_sandbox_slot", default=None)


def pin_slot(slot: int | None) -> None:
    """Pin the runs the calling task (and the tasks it starts from now on) starts to slot `slot`'s core."""
    if slot is not None and slot < 0:
        raise ValueError(f"a slot is a number from 0, not {slot}")
    _slot.set(slot)


def current_slot() -> int | None:
    return _slot.get()


def core_of_slot(slot: int | None, cores: tuple[int, ...]) -> int | None:
    """Slot i runs on core i mod the usable cores; None when not in a slot or the host cannot pin."""
    if slot is None or not cores:
        return None
    return cores[slot % len(cores)]
