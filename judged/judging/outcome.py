"""How a run of the participant's program becomes a verdict: one classifier (issue 15).

The sandbox says how a run ended (`RunResult.status`, measured outside the
jail); this says what that means for the participant: None when it exited
cleanly (its output decides), else the verdict and the reason shown with it.

- a limit the sandbox stopped it at is that limit's verdict (TLE, MLE, OLE);
- a runtime that died of its own heap limit (the JVM, V8) is MLE, when the
  peak memory measured backs it up (`function.out_of_memory`);
- a forbidden system call is RE ("a forbidden system call");
- a crash or a non-zero exit is RE with the sandbox's description;
- the sandbox's own failure is IE: never the participant's, the caller retries.

Used by I/O judging and I/O runs (`io.py`, `io_runs.py`). Function judging,
function runs and interactive judging (`function.py` `_final`/`_ending`,
`runs.py`, `interactive.py`) still decide the same things in their own
words; they are to call `classify` too, and `LIMIT_VERDICTS` and
`out_of_memory` to move here with them.
"""

from __future__ import annotations

import msgspec

from judged.judging.function import LIMIT_VERDICTS, out_of_memory
from judged.judging.verdicts import Verdict
from judged.sandbox import RunResult, Status


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
