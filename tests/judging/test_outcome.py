"""One classifier from how a run ended to the participant's verdict (issue 15), as a table."""

from __future__ import annotations

import pytest

from judged.judging.outcome import Ending, classify
from judged.judging.verdicts import Verdict
from judged.sandbox import RunResult, Status

MiB = 1024 * 1024
LIMIT_MIB = 256


def ended(status: Status, *, message: str = "", memory: int = 10 * MiB, stderr: bytes = b"") -> RunResult:
    return RunResult(
        status=status, exit_code=None, signal=None, cpu_time=0.1, wall_time=0.1, memory=memory,
        stdout=b"", stderr=stderr, message=message,
    )  # fmt: skip


CASES = [
    ("clean exit: the output decides", ended(Status.OK), None),
    ("CPU limit", ended(Status.TLE, message="CPU time limit exceeded"), Ending(Verdict.TLE, "CPU time limit exceeded")),
    ("memory cap", ended(Status.MLE, message="memory limit exceeded"), Ending(Verdict.MLE, "memory limit exceeded")),
    ("output cap", ended(Status.OLE, message="output limit exceeded"), Ending(Verdict.OLE, "output limit exceeded")),
    ("crash", ended(Status.RE, message="killed by SIGSEGV"), Ending(Verdict.RE, "killed by SIGSEGV")),
    ("forbidden call", ended(Status.SV, message="killed for a forbidden system call"),
     Ending(Verdict.RE, "a forbidden system call")),
    ("the runtime's own heap limit, at the cap", ended(
        Status.RE, message="exited with status 1", memory=250 * MiB,
        stderr=b"Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n"),
     Ending(Verdict.MLE, "memory limit exceeded")),
    ("an out-of-memory text far below the cap is only a crash", ended(
        Status.RE, message="exited with status 1", memory=20 * MiB,
        stderr=b"java.lang.OutOfMemoryError: Java heap space\n"),
     Ending(Verdict.RE, "exited with status 1")),
    ("the sandbox failed", ended(Status.IE, message="the jail failed"), Ending(Verdict.IE, "the jail failed")),
]  # fmt: skip


@pytest.mark.parametrize(("run", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_run_is_classified_once_for_every_path(run: RunResult, expected: Ending | None) -> None:
    assert classify(run, LIMIT_MIB) == expected
