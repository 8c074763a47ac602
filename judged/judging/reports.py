"""The wire shape of a finished run (POST /v1/runs): written by the worker, read by the API."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from judged.judging.runs import RunOutcome


class RunReport(msgspec.Struct, frozen=True):
    """A run's outcome, the inputs it ran on, and the expected outputs where they are known.

    An input is an argument list (function problems) or the program's stdin as text (I/O problems),
    and an expected output a value or the expected stdout text. `expected` comes from the samples'
    expected outputs, or for custom inputs from the problem's accepted reference solution
    (`expected_from` names its file); None when there is neither.
    """

    outcome: RunOutcome
    inputs: Sequence[object]
    expected: list[object] | None = None
    expected_from: str = ""


RUN_REPORT_ENCODER = msgspec.json.Encoder()
RUN_REPORT_DECODER = msgspec.json.Decoder(RunReport)
