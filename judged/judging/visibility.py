"""What a participant may see of a judged submission: the one place that decides it.

The stored result keeps everything (capped: judged.judging.caps) for admins and
problem setters; the API passes every result it sends to a participant through
`participant_result`, on every route, long-poll and event stream.

For a test that is not a sample the participant sees its verdict, index (and
group), time and memory, never its input, expected output, the program's output
or error text on it, or a checker's or validator's message (which may quote
them). A failing sample keeps everything. Compile output (about the
participant's own code) stays. What the program printed is shown only when it
had been given nothing but samples.
"""

from __future__ import annotations

import msgspec

from judged.judging.verdicts import Failure, JudgeResult, TestResult, Verdict

TIME_DIGITS = 3
"""Decimal digits of a hidden test's time shown to a participant (milliseconds)."""
PRINTS_HIDDEN = "(hidden: the program had been given hidden tests, so what it printed is not shown)"
INTERNAL_ERROR = "internal error: the judge failed on this submission (not your fault); it is logged for the admins"
_WHAT = {
    Verdict.WA: "wrong answer",
    Verdict.RE: "runtime error",
    Verdict.TLE: "time limit exceeded",
    Verdict.MLE: "memory limit exceeded",
    Verdict.OLE: "output limit exceeded",
    Verdict.AC: "accepted",
}


def hidden_message(verdict: Verdict, index: int, group: str = "") -> str:
    """What a participant reads for a failure on hidden test `index` (0-based): `wrong answer on test 7 (...)`."""
    where = f"test {index + 1}" + (f" ({group})" if group else "")
    return f"{_WHAT.get(verdict, str(verdict))} on {where} (hidden test: input not shown)"


def _shown(failure: Failure, result: JudgeResult) -> bool:
    """Whether a failure's details may be shown: a sample's, unless a hidden test came before it (samples come
    first in every problem the judge loads; a test that was not so ordered could quote the hidden one)."""
    return failure.sample and all(test.sample for test in result.tests if test.index < failure.index)


def _coarse(test: TestResult) -> TestResult:
    """A hidden test's time to the millisecond: a harness-reported time is the program's to choose (within the
    wall time it took), so its digits beyond that could carry the test's data."""
    return msgspec.structs.replace(test, time=round(test.time, TIME_DIGITS))


def participant_result(result: JudgeResult) -> JudgeResult:
    """`result` with everything a participant may not see replaced or removed."""
    if result.verdict is Verdict.IE:
        return JudgeResult(Verdict.IE, result.tests, result.time, result.memory, message=INTERNAL_ERROR)
    failure, message = result.failure, result.message
    if failure is not None and not _shown(failure, result):
        group = next((test.group for test in result.tests if test.index == failure.index), "")
        generic = hidden_message(failure.verdict, failure.index, group)
        failure = Failure(index=failure.index, verdict=failure.verdict, message=generic, sample=False)
        message = generic if message else ""
    prints_shown = not result.prints_hidden
    return msgspec.structs.replace(
        result,
        tests=[test if test.sample else _coarse(test) for test in result.tests],
        failure=failure,
        message=message,
        stdout=result.stdout if prints_shown else (PRINTS_HIDDEN if result.stdout else ""),
        stderr=result.stderr if prints_shown else (PRINTS_HIDDEN if result.stderr else ""),
    )
