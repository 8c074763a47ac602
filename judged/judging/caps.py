"""Limits on what is kept of a participant's bytes: the one place that says how much of each text is stored.

Everything a submission's program controls — its error messages, what it
printed, its (wrong) answers, a checker's or validator's feedback about them,
the compiler's complaints about its code — is cut here before a result or a
run's report is stored, so one submission cannot fill Redis (or a client)
with megabytes. The sizes count UTF-8 bytes.
"""

from __future__ import annotations

import msgspec

from judged.judging.verdicts import Failure, JudgeResult

TEXT_KEPT = 4096
"""Bytes kept of each text of a stored result: message, failure message, stdout, stderr, compile output, feedback."""
VALUE_KEPT = 4096
"""Bytes kept of each value shown with a failure (a sample's input, expected and actual), as JSON."""
RUN_VALUE_KEPT = 64 * 1024
"""Bytes kept of each output of a run (one per input, at most 20 inputs) and of each expected output, as JSON or
text: a run's report is at most about 3 MB, and expires after an hour."""
CASE_PRINTS_KEPT = 16 * 1024
"""Bytes kept of what a run's program printed during one input (function and design problems' runs, per input; the
whole run's stdout is kept to `RUN_VALUE_KEPT` beside it)."""
RESULT_LINE_LIMIT = 64 * 1024 * 1024
"""Bytes of one result line (fd 3) the judge reads at most; a longer line is never held whole (see function.py)."""

_CUT = "… [cut: {size:,} bytes in all]"
_VALUE_ENCODER = msgspec.json.Encoder()


def cap_text(text: str, limit: int = TEXT_KEPT) -> str:
    """`text`, or its first `limit` bytes (whole characters) and a note of how long it was."""
    data = text.encode(errors="replace")
    if len(data) <= limit:
        return text
    return data[:limit].decode(errors="ignore") + _CUT.format(size=len(data))


def cap_bytes(data: bytes, limit: int = TEXT_KEPT) -> str:
    """The first `limit` bytes of `data` as text, with a note when there was more."""
    if len(data) <= limit:
        return data.decode(errors="replace")
    return data[:limit].decode(errors="ignore") + _CUT.format(size=len(data))


def cap_value(value: object, limit: int = VALUE_KEPT) -> object:
    """`value` when its JSON is at most `limit` bytes; else the start of that JSON as a string, with the size."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return cap_text(value, limit)
    try:
        data = _VALUE_ENCODER.encode(value)
    except (TypeError, msgspec.EncodeError):
        return cap_text(str(value), limit)
    if len(data) <= limit:
        return value
    return cap_bytes(data, limit)


def capped_result(result: JudgeResult) -> JudgeResult:
    """The result as it is stored: every text and shown value within its cap."""
    failure = result.failure
    if failure is not None:
        failure = _capped_failure(failure)
    return msgspec.structs.replace(
        result,
        message=cap_text(result.message),
        failure=failure,
        compile_output=cap_text(result.compile_output),
        stdout=cap_text(result.stdout),
        stderr=cap_text(result.stderr),
    )


def _capped_failure(failure: Failure) -> Failure:
    shown = None if failure.input is None else {name: cap_value(value) for name, value in failure.input.items()}
    return msgspec.structs.replace(
        failure,
        message=cap_text(failure.message),
        input=shown,
        expected=cap_value(failure.expected),
        actual=cap_value(failure.actual),
    )
