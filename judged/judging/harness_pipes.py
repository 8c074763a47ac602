"""The harness's pipes: its tests on stdin, fed as far as judging allows; its result lines on fd 3, read within a limit.

A function problem's harness (docs/harness-protocol.md) reads one JSON line per
test on stdin and writes one result line per test on fd 3. The judge gives the
samples one at a time and the hidden tests together once the samples are
answered (`_Feeder`), so a program answering a sample never holds a later
test; it reads fd 3 in chunks and never holds a line past the run's limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable
from typing import Protocol

from judged.judging.verdicts import Verdict
from judged.sandbox import RunRequest, RunResult, Sandbox

CHUNK = 1 << 16
"""Bytes read from fd 3 at once."""


class ResultSink(Protocol):
    """Takes the harness's fd 3 lines as they arrive."""

    def line(self, raw: bytes, elapsed: float) -> None:
        """One result line; `elapsed`: the wall seconds since its test was given or the previous result came,
        whichever was later (a bound on the call's own time)."""

    def overlong(self, head: bytes) -> None:
        """A line longer than the run's line limit arrived (`head`: its first bytes); nothing after it is read."""


def call_time(value: object, limit: float) -> float:
    """The CPU seconds the harness says a call took, within [0, limit] (the program can write anything: `limit` is
    the time limit or, if less, the wall time the judge saw the call take, so a made-up time cannot exceed it)."""
    if not isinstance(value, int | float) or isinstance(value, bool) or value != value:  # noqa: PLR0124 (NaN)
        return 0.0
    return min(max(float(value), 0.0), limit)


def overlong_verdict(head: bytes) -> tuple[Verdict, str]:
    """The verdict of a result line too long to read: RE for an error report (its text is too long to be
    useful), WA for anything else (no right answer is that long)."""
    if head.lstrip().startswith(b'{"e"'):
        return Verdict.RE, "an exception whose message is too long to keep (over the result line limit)"
    return Verdict.WA, "a result far longer than the expected answer (over the result line limit)"


class _Feeder:
    """Hands the harness its tests: the samples one at a time (the next only once the previous test's result has
    come), then, once the samples are answered, every hidden test in one write.

    So a program answering a sample holds no test after it: a failure on a sample (whose message and prints a
    participant sees) cannot quote a hidden test, and `given` says whether the program was given a hidden test.
    Past the samples nothing of the run is shown to a participant, so the hidden tests cost no round trip each.
    """

    def __init__(
        self, lines: list[bytes], samples: list[bool], transport: asyncio.WriteTransport, stop: asyncio.Event
    ) -> None:
        self.lines = lines
        self.samples = samples
        self.transport = transport
        self.stop = stop  # set once judging has decided: no further test is given
        self.given = 0
        self.given_at: list[float] = []  # when each test was written
        self.answered_at = 0.0  # when the last result line came

    def took(self, index: int) -> float:
        """The wall seconds result line `index` took: since its test was given or the previous result came, whichever
        was later (0 for a line no test was given for). Call once per line, in order."""
        now = asyncio.get_running_loop().time()
        start = max(self.given_at[index], self.answered_at) if index < len(self.given_at) else now
        self.answered_at = now
        return now - start

    def next(self) -> None:
        if self.stop.is_set() or self.transport.is_closing():
            return
        if self.given < len(self.lines):
            batch = 1 if self.samples[self.given] else len(self.lines) - self.given
            now = asyncio.get_running_loop().time()
            self.transport.write(b"".join(self.lines[self.given : self.given + batch]))
            self.given_at += [now] * batch
            self.given += batch
        if self.given == len(self.lines):
            self.transport.close()  # end of file once the last test is read


async def _read_results(read_fd: int, sink: ResultSink, feeder: _Feeder, limit: int) -> None:
    """Feed result lines to the sink (and the next test to the harness after each) until the pipe is drained.

    A line is held only up to `limit` bytes: a longer one goes to `sink.overlong` and nothing more is read.
    """
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=CHUNK)
    transport, _ = await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(read_fd, "rb", buffering=0)
    )
    pending = bytearray()
    lines = 0
    try:
        while chunk := await reader.read(CHUNK):
            searched = len(pending)
            pending += chunk
            start = 0
            while (end := pending.find(b"\n", max(start, searched))) >= 0:
                sink.line(bytes(pending[start : end + 1]), feeder.took(lines))
                lines += 1
                feeder.next()
                start = end + 1
            del pending[:start]
            if len(pending) > limit:
                sink.overlong(bytes(pending[:64]))
                return
        if pending.strip():
            sink.line(bytes(pending), feeder.took(lines))
    finally:
        transport.close()


def _close(*fds: int) -> None:
    for fd in fds:
        os.close(fd)


async def run_piped(
    sandbox: Sandbox,
    request: Callable[[int, int], RunRequest],
    lines: list[bytes],
    samples: list[bool],
    *,
    sink: ResultSink,
    stop: asyncio.Event,
    line_limit: int,
) -> tuple[RunResult, int]:
    """One sandboxed run of `request(stdin_fd, results_fd)`: `lines` fed on its stdin as `_Feeder` says, each fd 3
    line handed to `sink` as it arrives. Returns the run and how many test lines it was given."""
    read_fd, write_fd = os.pipe2(os.O_CLOEXEC)
    stdin_r, stdin_w = os.pipe2(os.O_CLOEXEC)
    loop = asyncio.get_running_loop()
    stdin, _ = await loop.connect_write_pipe(asyncio.Protocol, os.fdopen(stdin_w, "wb", buffering=0))
    feeder = _Feeder(lines, samples, stdin, stop)
    feeder.next()
    run = asyncio.ensure_future(sandbox.run(request(stdin_r, write_fd), stop=stop))
    # Our copies of the jail's ends go when the run ends, so the reader sees end-of-file.
    run.add_done_callback(lambda _: _close(write_fd, stdin_r))
    try:
        await _read_results(read_fd, sink, feeder, line_limit)
        return await run, feeder.given
    finally:
        if not stdin.is_closing():
            stdin.abort()
        if not run.done():
            stop.set()
            with contextlib.suppress(Exception):
                await run
