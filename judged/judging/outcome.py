"""How a run of the participant's program becomes a verdict: one classifier (issue 15).

The sandbox says how a run ended (`RunResult.status`, measured outside the
jail); this says what that means for the participant: None when it exited
cleanly (its output decides), else the verdict and the reason shown with it.

- a limit the sandbox stopped it at is that limit's verdict (TLE, MLE, OLE);
- a runtime that died of its own heap limit (the JVM, V8) is MLE, when the
  peak memory measured backs it up (`out_of_memory`);
- a forbidden system call is RE ("a forbidden system call");
- a crash or a non-zero exit is RE with the sandbox's description;
- the sandbox's own failure is IE: never the participant's, the caller retries.

Every judging path asks it: I/O judging and I/O runs (`io.py`, `io_runs.py`),
function and design judging (`function.py`), function runs (`runs.py`) and
interactive judging (`interactive.py`). Each keeps its own words for where the
run ended (which test, which input); the verdict is decided here only.
"""

from __future__ import annotations

import msgspec

from judged.harness import registry
from judged.judging.verdicts import Verdict
from judged.sandbox import MiB, RunResult, Status

LIMIT_VERDICTS = {Status.TLE: Verdict.TLE, Status.MLE: Verdict.MLE, Status.OLE: Verdict.OLE}
"""The sandbox's limits, as the participant's verdicts."""
# How each runtime says it ran out of memory (each harness module's `SUPPORT.memory_markers`: the JVM's heap,
# an allocation that cannot be served, V8's heap limit, Go's and Rust's allocators). The program can write these
# words too, so they are only a claim: `out_of_memory` wants the memory measured as well.
MEMORY_ERRORS = tuple(marker for support in registry.supports().values() for marker in support.memory_markers)
MEMORY_EVIDENCE = 0.8
"""A runtime's own out-of-memory report counts as MLE when the jail's peak memory reached this share of the
problem's limit (the JVM's -Xmx and V8's old space are set to that limit); below it, the report is just text."""


def claims_out_of_memory(text: str) -> bool:
    """Whether `text` reads like a runtime's out-of-memory report (a claim, not evidence)."""
    return any(marker in text for marker in MEMORY_ERRORS)


def out_of_memory(run: RunResult, memory_mib: int, *, claim: str = "") -> bool:
    """MLE from measurements: the sandbox saw the memory cap kill the program (status MLE), or the runtime
    reported running out of its own heap (`claim`, or the run's stderr) while the jail's peak memory was at
    least `MEMORY_EVIDENCE` of the problem's limit. A text alone is never MLE."""
    if run.status is Status.MLE:
        return True
    if run.memory < memory_mib * MiB * MEMORY_EVIDENCE:
        return False
    return claims_out_of_memory(claim) or claims_out_of_memory(run.stderr[-4096:].decode(errors="replace"))


class Ending(msgspec.Struct, frozen=True):
    """How a run that did not exit cleanly ended, for the participant."""

    verdict: Verdict
    reason: str


def classify(run: RunResult, memory_mib: int) -> Ending | None:
    """The verdict `run` earns by how it ended, with its reason; None when it exited cleanly.

    `memory_mib` is the problem's memory limit (the evidence a runtime's own
    out-of-memory report is weighed against).
    """
    if run.status is Status.OK:
        return None
    if run.status is Status.IE:
        return Ending(Verdict.IE, run.message or "the sandbox failed")
    verdict = LIMIT_VERDICTS.get(run.status, Verdict.RE)
    if verdict is Verdict.RE and out_of_memory(run, memory_mib):
        return Ending(Verdict.MLE, "memory limit exceeded")  # the runtime's own heap limit, measured
    if run.status is Status.SV:
        return Ending(Verdict.RE, "a forbidden system call")
    return Ending(verdict, run.message or "runtime error")
