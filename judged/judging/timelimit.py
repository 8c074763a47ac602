"""Time limits of Kattis packages that carry none: derived the way the format says.

Legacy: the slowest accepted submission's slowest test x `time_multiplier`
(2023-07: `ac_to_time_limit`), rounded up to whole seconds. The accepted
submissions are judged once with a generous limit; the result is kept in the
state folder, keyed by the package's accepted submissions and test files, so
a restart or a second process or host with the same state does not judge them again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
from collections.abc import Awaitable, Callable
from pathlib import Path

import msgspec

from judged.judging.filelock import file_lock
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems.model import ExpectedVerdict, IoProblem, ReferenceSolution

log = logging.getLogger(__name__)

MAX_TIME_LIMIT = 60.0

JudgeWith = Callable[[ReferenceSolution, float], Awaitable[JudgeResult]]


class TimeLimitError(Exception):
    """No limit can be derived (no accepted submission, or one that is not accepted)."""


class Derived(msgspec.Struct, frozen=True):
    key: str
    time_limit: float
    slowest: float


def derivation_key(problem: IoProblem) -> str:
    """What the derived limit depends on: the accepted submissions' files, the test inputs, the multiplier."""
    digest = hashlib.sha256(f"{problem.io.time_multiplier}".encode())
    for solution in sorted(problem.solutions, key=lambda s: s.path):
        if solution.verdict is ExpectedVerdict.ACCEPTED:
            files = [solution.path] if solution.path.is_file() else sorted(solution.path.rglob("*"))
            for file in files:
                digest.update(file.name.encode() + b"\0" + file.read_bytes() if file.is_file() else b"")
    for test in problem.io.tests:
        stat = test.input.stat()
        digest.update(f"{test.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def time_limit_from(slowest: float, multiplier: float) -> float:
    """`slowest` seconds x multiplier, rounded up to whole seconds (at least 1, at most 60)."""
    return float(min(MAX_TIME_LIMIT, max(1, math.ceil(slowest * multiplier - 1e-9))))


async def derive_time_limit(problem: IoProblem, cache_dir: Path, judge_with: JudgeWith) -> float:
    """The problem's derived time limit per test, from the cache or by judging its accepted submissions.

    Deriving holds `<cache_dir>/<slug>.lock` (flock), so judged processes sharing the state folder
    judge the accepted submissions once: the others wait and read the result.
    """
    key = derivation_key(problem)
    cached = cache_dir / f"{problem.slug}.json"
    known = _cached(cached, key)
    if known is not None:
        return known
    await asyncio.to_thread(cache_dir.mkdir, parents=True, exist_ok=True)
    async with file_lock(cache_dir / f"{problem.slug}.lock"):
        known = _cached(cached, key)  # another process derived it while we waited
        if known is not None:
            return known
        derived = await _derive(problem, key, judge_with)
        await asyncio.to_thread(_store, cached, derived)
    log.info(
        "problem %s: time limit %.0f s derived (slowest test %.3f s)", problem.slug, derived.time_limit, derived.slowest
    )
    return derived.time_limit


def _cached(path: Path, key: str) -> float | None:
    if not path.is_file():
        return None
    with_key = msgspec.json.decode(path.read_bytes(), type=Derived)
    return with_key.time_limit if with_key.key == key else None


async def _derive(problem: IoProblem, key: str, judge_with: JudgeWith) -> Derived:
    accepted = [s for s in problem.solutions if s.verdict is ExpectedVerdict.ACCEPTED]
    if not accepted:
        raise TimeLimitError(f"{problem.slug}: no time limit and no accepted submission to derive one from")
    slowest = 0.0
    for solution in accepted:
        result = await judge_with(solution, problem.time_limit)
        if result.verdict is not Verdict.AC:
            raise TimeLimitError(f"{solution.path}: accepted submission got {result.verdict}: {result.message}")
        slowest = max(slowest, result.time)
    return Derived(key, time_limit_from(slowest, problem.io.time_multiplier), slowest)


def _store(path: Path, derived: Derived) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")  # the problem's lock is held: no other writer
    tmp.write_bytes(msgspec.json.encode(derived))
    tmp.rename(path)
