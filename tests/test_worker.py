"""Worker slots against a real Redis and the real sandbox: judged, recorded, acked; redelivered after a failure."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from judged.judging.progress import NO_PROGRESS, Progress
from judged.judging.reports import RUN_REPORT_DECODER, RunReport
from judged.judging.service import Judge
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems import Problem, load_problem
from judged.sandbox import Sandbox, SandboxConfig
from judged.store.queue import Queue
from judged.store.submissions import Kind, Rules, Submission, SubmissionStatus, SubmissionStore
from judged.worker import Worker
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_url_fixture"]

PROJECT = Path(__file__).resolve().parents[1]
BALANCE_POINT = PROJECT / "problems" / "balance-point"
ACCEPTED = (BALANCE_POINT / "solutions" / "accepted" / "solution.py").read_text()
WRONG = (BALANCE_POINT / "solutions" / "wrong_answer" / "last_point.py").read_text()
# Long enough that no normal judgement is redelivered while it runs; the redelivery test sets its own.
VISIBILITY_MS = 30_000


class FlakyJudge(Judge):
    """The real judge, except that the next `failures` judgements raise as a broken sandbox would."""

    failures = 0
    hold: asyncio.Event | None = None  # when set, a judgement waits for it first

    async def judge_problem(
        self, problem: Problem, language_id: str, code: str | dict[str, str], *, progress: Progress = NO_PROGRESS
    ) -> JudgeResult:
        if self.hold is not None:
            await self.hold.wait()
        if self.failures > 0:
            self.failures -= 1
            raise OSError("the sandbox went away")
        return await super().judge_problem(problem, language_id, code, progress=progress)


class RecordingStore(SubmissionStore):
    """The real store, remembering what each finish returned."""

    def __init__(self, redis: aioredis.Redis) -> None:
        super().__init__(redis, rules=Rules(max_active=1000, max_per_minute=1000))
        self.finishes: list[tuple[int, bool]] = []
        self.progress_writes = 0

    async def test_done(self, submission_id: str, index: int, total: int, verdict: str, passed: int) -> bool:
        self.progress_writes += 1
        return await super().test_done(submission_id, index, total, verdict, passed)

    async def finish(self, submission_id: str, result: JudgeResult, attempt: int) -> bool:
        done = await super().finish(submission_id, result, attempt)
        self.finishes.append((attempt, done))
        return done


@pytest.fixture(scope="module")
async def judge(sandbox: Sandbox, state_dir: Path) -> AsyncIterator[FlakyJudge]:
    service = FlakyJudge(SandboxConfig(), state_dir, PROJECT / "languages")
    await service.start(only={"python"})
    yield service
    await service.close()


@pytest.fixture(scope="module")
def problems() -> dict[str, Problem]:
    return {
        "balance-point": load_problem(BALANCE_POINT),
        "aplusb": load_problem(PROJECT / "problems" / "aplusb"),
        "guess": load_problem(PROJECT / "tests" / "judging" / "packages" / "guess"),
    }


@pytest.fixture
def store(redis: aioredis.Redis) -> RecordingStore:
    return RecordingStore(redis)


StartWorker = Callable[..., Awaitable[tuple[Worker, Queue]]]


@pytest.fixture
async def start_worker(
    redis: aioredis.Redis, store: RecordingStore, judge: FlakyJudge, problems: dict[str, Problem]
) -> AsyncIterator[StartWorker]:
    workers: list[Worker] = []

    async def start(*, slots: int = 2, visibility_ms: int = VISIBILITY_MS) -> tuple[Worker, Queue]:
        queue = Queue(redis, store, visibility_timeout_ms=visibility_ms, max_attempts=3)

        async def problem(slug: str) -> Problem | None:
            return problems.get(slug)

        worker = Worker(queue, store, judge, problem, slots=slots, consumer_prefix="test-host", block_ms=100)
        await worker.run()
        workers.append(worker)
        return worker, queue

    yield start
    judge.failures = 0
    judge.hold = None
    for worker in workers:
        await worker.stop()


async def submit(store: SubmissionStore, code: str, problem: str = "balance-point") -> Submission:
    return await store.create(problem=problem, language="python", code=code, user_id="ada")


async def finished(store: SubmissionStore, submission_id: str) -> Submission:
    """The submission once finished; a generous bound, never an assertion about speed."""

    async def wait() -> Submission:
        while True:
            submission = await store.wait_finished(submission_id, 5)
            if submission is not None and submission.status is SubmissionStatus.FINISHED:
                return submission

    return await asyncio.wait_for(wait(), 120)


async def test_an_accepted_solution_is_finished_ac_and_acked(start_worker: StartWorker, store: RecordingStore) -> None:
    _, queue = await start_worker()
    submission = await submit(store, ACCEPTED)
    done = await finished(store, submission.id)
    assert done.result is not None
    assert (done.result.verdict, done.result.message) == (Verdict.AC, "")
    assert (done.attempts, done.finished_attempt) == (1, 1)
    assert done.started is not None
    await asyncio.wait_for(_until_empty(queue), 30)
    assert store.finishes == [(1, True)]


async def test_a_wrong_solution_is_finished_wa(start_worker: StartWorker, store: RecordingStore) -> None:
    _, queue = await start_worker()
    submission = await submit(store, WRONG)
    done = await finished(store, submission.id)
    assert done.result is not None
    assert done.result.verdict is Verdict.WA
    await asyncio.wait_for(_until_empty(queue), 30)


async def test_an_unknown_problem_is_a_final_ie(start_worker: StartWorker, store: RecordingStore) -> None:
    _, queue = await start_worker()
    submission = await submit(store, ACCEPTED, problem="no-such-problem")
    done = await finished(store, submission.id)
    assert done.result is not None
    assert done.result.verdict is Verdict.IE
    assert "no-such-problem" in done.result.message
    await asyncio.wait_for(_until_empty(queue), 30)
    assert (done.attempts, store.finishes) == (1, [(1, True)])


async def test_an_unavailable_language_is_a_final_ie(start_worker: StartWorker, store: RecordingStore) -> None:
    _, queue = await start_worker()
    submission = await store.create(problem="balance-point", language="cobol", code="", user_id="ada")
    done = await finished(store, submission.id)
    assert done.result is not None
    assert done.result.verdict is Verdict.IE
    assert "cobol" in done.result.message
    await asyncio.wait_for(_until_empty(queue), 30)
    assert done.attempts == 1


async def test_an_infrastructure_failure_is_redelivered_and_judged_once(
    start_worker: StartWorker, store: RecordingStore, judge: FlakyJudge
) -> None:
    judge.failures = 1
    _, queue = await start_worker(slots=1, visibility_ms=300)
    submission = await submit(store, ACCEPTED)
    done = await finished(store, submission.id)
    assert done.result is not None
    assert done.result.verdict is Verdict.AC
    assert (done.attempts, done.finished_attempt) == (2, 2)
    assert store.finishes == [(2, True)]
    await asyncio.wait_for(_until_empty(queue), 30)


async def test_repeated_failures_end_in_ie_after_max_attempts(
    start_worker: StartWorker, store: RecordingStore, judge: FlakyJudge
) -> None:
    judge.failures = 10
    _, queue = await start_worker(slots=2, visibility_ms=200)
    submission = await submit(store, ACCEPTED)
    done = await finished(store, submission.id)
    assert done.result is not None
    assert done.result.verdict is Verdict.IE
    assert "failed 3 times" in done.result.message
    assert (done.attempts, store.finishes) == (3, [(3, True)])
    await asyncio.wait_for(_until_empty(queue), 30)


async def test_stop_with_idle_slots_returns(start_worker: StartWorker) -> None:
    worker, _ = await start_worker(slots=3)
    await asyncio.sleep(0.05)  # let the slots block in their claims
    await asyncio.wait_for(worker.stop(), 10)
    await worker.stop()  # a second stop is harmless


async def test_a_submission_cancelled_mid_judgement_is_redelivered(
    start_worker: StartWorker, store: RecordingStore, judge: FlakyJudge
) -> None:
    judge.hold = asyncio.Event()
    worker, queue = await start_worker(slots=1, visibility_ms=300)
    submission = await submit(store, ACCEPTED)
    await asyncio.wait_for(_until_status(store, submission.id, SubmissionStatus.COMPILING), 30)
    await asyncio.wait_for(worker.stop(), 10)
    assert await queue.pending() == 1
    judge.hold.set()
    await start_worker(slots=1, visibility_ms=300)
    done = await finished(store, submission.id)
    assert done.result is not None
    assert (done.result.verdict, done.finished_attempt) == (Verdict.AC, 2)
    assert store.finishes == [(2, True)]


async def test_a_judgement_longer_than_the_visibility_timeout_is_not_taken_over(
    start_worker: StartWorker, store: RecordingStore, judge: FlakyJudge
) -> None:
    # Its slot keeps the claim fresh: the other slots, claiming all along, never see it as stale.
    judge.hold = asyncio.Event()
    await start_worker(slots=3, visibility_ms=300)
    submission = await submit(store, ACCEPTED)
    await asyncio.wait_for(_until_status(store, submission.id, SubmissionStatus.COMPILING), 30)
    await asyncio.sleep(1.5)  # five visibility timeouts
    judge.hold.set()
    done = await finished(store, submission.id)
    assert done.result is not None
    assert (done.result.verdict, done.attempts, done.finished_attempt) == (Verdict.AC, 1, 1)
    assert store.finishes == [(1, True)]


async def test_progress_reaches_the_submission_while_it_is_judged(
    start_worker: StartWorker, store: RecordingStore
) -> None:
    await start_worker(slots=1)
    submission = await submit(store, ACCEPTED)
    done = await finished(store, submission.id)
    assert (done.passed, done.total) == (100, 100)
    assert 1 <= store.progress_writes < 100  # a hundred tests' progress is coalesced, not written a hundred times


async def test_a_graceful_stop_lets_the_judgement_in_progress_finish(
    start_worker: StartWorker, store: RecordingStore, judge: FlakyJudge
) -> None:
    judge.hold = asyncio.Event()
    worker, queue = await start_worker(slots=2)
    submission = await submit(store, ACCEPTED)
    await asyncio.wait_for(_until_status(store, submission.id, SubmissionStatus.COMPILING), 30)
    stopping = asyncio.create_task(worker.stop(grace=60))
    await asyncio.sleep(0.3)
    assert not stopping.done()  # waiting for the judgement, not cancelling it
    judge.hold.set()
    await asyncio.wait_for(stopping, 60)
    done = await store.get(submission.id)
    assert done is not None
    assert done.status is SubmissionStatus.FINISHED
    assert done.finished_attempt == 1
    assert await queue.pending() == 0


async def run_report(store: SubmissionStore, problem: str, code: str, inputs: str | None = None) -> RunReport:
    run = await store.create(problem=problem, language="python", code=code, user_id="ada", kind=Kind.RUN, inputs=inputs)
    done = await finished(store, run.id)
    assert done.output is not None
    return RUN_REPORT_DECODER.decode(done.output)


SUM_PY = "a, b = map(int, input().split())\nprint(a + b)\n"


async def test_an_io_run_on_the_samples_shows_outputs_beside_the_answers(
    start_worker: StartWorker, store: RecordingStore
) -> None:
    await start_worker()
    report = await run_report(store, "aplusb", SUM_PY)
    assert report.outcome.status == "ok"
    assert report.inputs == ["1 2\n", "-7 10\n"]
    assert [output.value for output in report.outcome.outputs] == report.expected == ["3\n", "3\n"]


async def test_an_io_run_on_custom_stdin_is_shown_beside_the_reference_solutions_output(
    start_worker: StartWorker, store: RecordingStore
) -> None:
    await start_worker()
    report = await run_report(store, "aplusb", "print(0)\n", '["2000000000 2000000000\\n", "1 1"]')
    assert [output.value for output in report.outcome.outputs] == ["0\n", "0\n"]
    assert (report.expected, report.expected_from) == (["4000000000\n", "2\n"], "sum.py")  # python: the one enabled
    bad = await run_report(store, "aplusb", SUM_PY, '["1 2", {"a": 1}]')
    assert (bad.outcome.status, bad.outcome.message) == (
        "error",
        "input 2: expected a string (the program's stdin), got an object",
    )
    interactive = await run_report(store, "guess", SUM_PY)
    assert interactive.outcome.message == "runs are not available for interactive problems"


async def _until_empty(queue: Queue) -> None:
    while await queue.length() or await queue.pending():
        await asyncio.sleep(0.02)


async def _until_status(store: SubmissionStore, submission_id: str, status: SubmissionStatus) -> None:
    while (current := await store.get(submission_id)) is None or current.status is not status:
        await asyncio.sleep(0.005)
