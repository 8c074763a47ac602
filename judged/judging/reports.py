"""The wire shape of a finished run (POST /v1/runs): written by the worker, read by the API."""

from __future__ import annotations

import msgspec

from judged.judging.runs import RunOutcome


class RunReport(msgspec.Struct, frozen=True):
    """A run's outcome, the inputs it ran on, and the expected outputs where they are known.

    `expected` comes from the samples' expected outputs, or for custom inputs from the problem's
    accepted reference solution (`expected_from` names its file); None when there is neither.
    """

    outcome: RunOutcome
    inputs: list[list[object]]
    expected: list[object] | None = None
    expected_from: str = ""


RUN_REPORT_ENCODER = msgspec.json.Encoder()
RUN_REPORT_DECODER = msgspec.json.Decoder(RunReport)
