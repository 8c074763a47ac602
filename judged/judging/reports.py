"""The wire shape of a finished run (POST /v1/runs): written by the worker, read by the API."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from judged.judging.caps import CASE_PRINTS_KEPT, RUN_VALUE_KEPT, TEXT_KEPT, cap_text, cap_value
from judged.judging.runs import CallOutput, RunOutcome


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


def capped_report(report: RunReport) -> RunReport:
    """The report as it is stored: each text and value within its cap (judged.judging.caps)."""
    expected = None if report.expected is None else [cap_value(value, RUN_VALUE_KEPT) for value in report.expected]
    return msgspec.structs.replace(report, outcome=_capped_outcome(report.outcome), expected=expected)


def _capped_outcome(outcome: RunOutcome) -> RunOutcome:
    """A run's outcome as it is stored: messages and compile output within `TEXT_KEPT`, values and the whole run's
    prints within `RUN_VALUE_KEPT`, each input's prints within `CASE_PRINTS_KEPT`."""
    return msgspec.structs.replace(
        outcome,
        outputs=[_capped_output(output) for output in outcome.outputs],
        compile_output=cap_text(outcome.compile_output, TEXT_KEPT),
        message=cap_text(outcome.message),
        stdout=cap_text(outcome.stdout, RUN_VALUE_KEPT),
        stderr=cap_text(outcome.stderr, RUN_VALUE_KEPT),
    )


def _capped_output(output: CallOutput) -> CallOutput:
    return msgspec.structs.replace(
        output,
        value=cap_value(output.value, RUN_VALUE_KEPT),
        message=cap_text(output.message),
        stdout=cap_text(output.stdout, CASE_PRINTS_KEPT),
    )


RUN_REPORT_ENCODER = msgspec.json.Encoder()
RUN_REPORT_DECODER = msgspec.json.Decoder(RunReport)
