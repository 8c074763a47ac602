"""Problem ids up to 128 characters (LeetCode's run to 74) are accepted on the wire, not only on disk."""

from __future__ import annotations

import msgspec
import pytest

from judged.api.submissions import RunModeRequest, SubmissionRequest
from judged.store.competitions import CompetitionProblem

SLUG = "-".join(["ab"] * 42) + "-ab"  # 128 characters


def test_a_submission_and_a_run_name_a_problem_of_128_characters() -> None:
    body = {"problem": SLUG, "language": "python", "code": "x", "user_id": "ada"}
    assert msgspec.convert(body, SubmissionRequest).problem == SLUG
    assert msgspec.convert({"problem": SLUG, "language": "python", "code": "x"}, RunModeRequest).problem == SLUG
    with pytest.raises(msgspec.ValidationError, match="problem"):
        msgspec.convert({**body, "problem": SLUG + "b"}, SubmissionRequest)


def test_a_competition_holds_a_problem_of_128_characters() -> None:
    assert msgspec.convert({"problem": SLUG}, CompetitionProblem).problem == SLUG
    with pytest.raises(msgspec.ValidationError, match="problem"):
        msgspec.convert({"problem": SLUG + "b"}, CompetitionProblem)
