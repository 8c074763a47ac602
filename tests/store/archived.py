"""Finished submissions as the worker leaves them, for the archive's tests."""

from __future__ import annotations

from judged.judging.verdicts import JudgeResult, TestResult, Verdict
from judged.store.submissions import Submission, SubmissionStatus


def finished(
    submission_id: str,
    *,
    user_id: str = "ada",
    problem: str = "two-sum",
    language: str = "python",
    verdict: Verdict = Verdict.AC,
    created: float = 1_700_000_000.0,
    competition_id: str | None = None,
    tests: int = 3,
) -> Submission:
    results = [TestResult(index=i, verdict=Verdict.AC, time=0.01 * i, sample=i == 0) for i in range(tests)]
    if verdict is not Verdict.AC and results:
        results[-1] = TestResult(index=tests - 1, verdict=verdict, time=0.5)
    result = JudgeResult(verdict=verdict, tests=results, time=0.125, memory=12_345_678, compile_output="ok")
    return Submission(
        id=submission_id,
        problem=problem,
        language=language,
        code=f"print({submission_id!r})\n",
        user_id=user_id,
        competition_id=competition_id,
        status=SubmissionStatus.FINISHED,
        attempts=1,
        created=created,
        started=created + 0.25,
        finished=created + 1.5,
        finished_attempt=1,
        passed=tests if verdict is Verdict.AC else tests - 1,
        total=tests,
        result=result,
    )
