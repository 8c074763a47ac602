"""The participant's view and the storage caps, on results as the judge makes them (no sandbox needed)."""

from __future__ import annotations

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from judged.judging.caps import TEXT_KEPT, VALUE_KEPT, cap_text, cap_value, capped_result
from judged.judging.verdicts import Failure, JudgeResult, Verdict
from judged.judging.verdicts import TestResult as Run  # not a name pytest collects
from judged.judging.visibility import INTERNAL_ERROR, PRINTS_HIDDEN, participant_result

SECRET = "the hidden input 31415926"


def result(failure: Failure, *tests: Run, **fields: object) -> JudgeResult:
    return JudgeResult(failure.verdict, list(tests), 0.5, 1 << 20, message=failure.message, failure=failure, **fields)  # type: ignore[arg-type]


@given(st.text())
def test_a_capped_text_is_within_the_cap_and_a_short_one_unchanged(text: str) -> None:
    capped = cap_text(text)
    if len(text.encode()) <= TEXT_KEPT:
        assert capped == text
    else:
        kept, _, note = capped.rpartition("… [cut: ")
        assert len(kept.encode()) <= TEXT_KEPT
        assert text.startswith(kept)
        assert note == f"{len(text.encode()):,} bytes in all]"


def test_a_large_value_is_kept_as_the_start_of_its_json() -> None:
    assert cap_value([1, 2, 3]) == [1, 2, 3]
    big = list(range(10_000))
    capped = cap_value(big)
    assert isinstance(capped, str)
    assert capped.startswith("[0,1,2,3")
    assert len(capped.encode()) < VALUE_KEPT + 100


def test_a_stored_result_keeps_every_text_within_its_cap() -> None:
    huge = "A" * (1 << 20)
    failure = Failure(0, Verdict.WA, huge, sample=True, input={"s": huge}, expected=huge, actual=[huge])
    stored = capped_result(result(failure, Run(0, Verdict.WA, 0.1, sample=True), stdout=huge, stderr=huge))
    assert len(msgspec.json.encode(stored)) < 8 * (TEXT_KEPT + 100)


def test_a_hidden_failure_keeps_its_verdict_index_and_time_only() -> None:
    failure = Failure(3, Verdict.WA, f'Judge: "{SECRET}" User: "0"', sample=False)
    tests = [Run(0, Verdict.AC, 0.1, sample=True), Run(3, Verdict.WA, 0.123456, group="secret/07")]
    view = participant_result(result(failure, *tests, stdout=SECRET, stderr=SECRET, prints_hidden=True))
    assert SECRET not in msgspec.json.encode(view).decode()
    assert view.message == "wrong answer on test 4 (secret/07) (hidden test: input not shown)"
    assert view.failure == Failure(3, Verdict.WA, view.message, sample=False)
    assert (view.stdout, view.stderr) == (PRINTS_HIDDEN, PRINTS_HIDDEN)
    assert [test.time for test in view.tests] == [0.1, 0.123]


def test_a_failing_sample_keeps_everything() -> None:
    failure = Failure(0, Verdict.WA, "expected 3, got 4", sample=True, input={"a": 1}, expected=3, actual=4)
    original = result(failure, Run(0, Verdict.WA, 0.1, sample=True), stdout="debug", prints_hidden=False)
    assert participant_result(original) == original


def test_a_sample_after_a_hidden_test_is_shown_as_hidden() -> None:
    failure = Failure(1, Verdict.RE, f"ValueError: {SECRET}", sample=True, input={"a": 1})
    tests = [Run(0, Verdict.AC, 0.1), Run(1, Verdict.RE, 0.1, sample=True)]
    assert SECRET not in msgspec.json.encode(participant_result(result(failure, *tests))).decode()


def test_an_internal_error_says_nothing_of_the_judges_insides() -> None:
    ie = JudgeResult(Verdict.IE, [], 0.0, 0, message=f"output validator v.py: RE exit 1 {SECRET}")
    assert participant_result(ie).message == INTERNAL_ERROR


def test_a_compile_error_keeps_the_compilers_message() -> None:
    ce = JudgeResult(Verdict.CE, [], 0.0, 0, compile_output="solution.c:1: error: x", message="compile error")
    assert participant_result(ce) == ce
