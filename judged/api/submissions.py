"""POST /v1/submissions and /v1/runs; GET a submission (long-poll with ?wait=), its progress as server-sent events."""

from __future__ import annotations

import asyncio
import logging
from typing import Annotated, Any, TypeVar

import msgspec
from aiohttp import web

from judged.api.auth import caller
from judged.api.competitions import current_locks
from judged.api.deps import DEPS, ApiError, Submissions, json_response, read_body, wait_seconds
from judged.harness import Signature
from judged.harness.design import Design
from judged.judging.io_runs import custom_inputs
from judged.judging.reports import RUN_REPORT_DECODER, RunReport
from judged.judging.runs import custom_arguments, custom_operations
from judged.judging.verdicts import Failure, JudgeResult, TestResult, Verdict
from judged.judging.visibility import participant_result
from judged.problems.judged_format import MAX_SLUG_LENGTH
from judged.store.competitions import ProblemLocks
from judged.store.events import Event
from judged.store.index import IndexedProblem
from judged.store.submissions import Kind, Submission, SubmissionRefused, SubmissionStatus

__all__ = [
    "Accepted",
    "RunModeRequest",
    "RunView",
    "SubmissionRequest",
    "SubmissionView",
    "create_run",
    "create_submission",
    "get_run",
    "get_submission",
    "rejudge_submission",
    "submission_events",
]

log = logging.getLogger(__name__)
_Body = TypeVar("_Body", "SubmissionRequest", "RunModeRequest")

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,63}$"
SLUG_PATTERN = rf"^[A-Za-z0-9][A-Za-z0-9_.-]{{0,{MAX_SLUG_LENGTH - 1}}}$"
LANGUAGE_PATTERN = r"^[a-z][a-z0-9_+-]{0,31}$"
MAX_RUN_INPUTS = 20
RUN_WAIT = 20.0
"""Seconds POST /v1/runs waits for the outcome before answering 202 with where to fetch it."""
KEEPALIVE = 15.0
"""Seconds between keep-alive comments on an event stream; the submission is re-read each time."""

UserId = Annotated[
    str, msgspec.Meta(pattern=ID_PATTERN, description="the participant, as the frontend knows them", examples=["ada"])
]
CompetitionId = Annotated[str, msgspec.Meta(pattern=ID_PATTERN)]
Slug = Annotated[
    str,
    msgspec.Meta(pattern=SLUG_PATTERN, description="the problem's id (its folder name)", examples=["balance-point"]),
]
LanguageId = Annotated[str, msgspec.Meta(pattern=LANGUAGE_PATTERN, examples=["python"])]
Code = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        description="the source; at most the configured size (64 KiB)",
        examples=["class Solution:\n    def balancePoint(self, weights):\n        return -1\n"],
    ),
]


class SubmissionRequest(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """`user_id`: required with a service token; with a participant token absent, or the token's own `sub`."""

    problem: Slug
    language: LanguageId
    code: Code
    user_id: UserId | None = None
    competition_id: CompetitionId | None = None


class RunModeRequest(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A run on the samples (`tests` absent) or on the participant's own inputs.

    An input is a `{"param": value}` object, or for a stdin/stdout problem a string: the program's stdin (64 KiB).
    """

    problem: Slug
    language: LanguageId
    code: Code
    user_id: UserId | None = None
    tests: Annotated[list[object], msgspec.Meta(min_length=1, max_length=MAX_RUN_INPUTS)] | None = None


class Accepted(msgspec.Struct, frozen=True):
    id: str
    status: SubmissionStatus
    url: str
    events_url: str | None = None


class TestsPassed(msgspec.Struct, frozen=True):
    passed: int
    total: int


class SubmissionView(msgspec.Struct, frozen=True, omit_defaults=True):
    """A submission as its caller may see it; the verdict and its details once `status` is `finished`.

    A participant sees a hidden test's verdict, index, time and memory only (judged.judging.visibility);
    an admin sees everything the judge kept.
    """

    id: str
    problem: str
    language: str
    user_id: str
    status: SubmissionStatus
    created: float
    competition_id: str | None = None
    started: float | None = None
    finished: float | None = None
    progress: TestsPassed | None = None
    verdict: Verdict | None = None
    tests: list[TestResult] | None = None
    time: float | None = None
    memory: int | None = None
    compile_output: str | None = None
    compile_time: float | None = None
    message: str | None = None
    failure: Failure | None = None
    score: float | None = None
    stdout: str | None = None
    """What the program printed (capped); for a participant only when it had been given samples alone."""
    stderr: str | None = None


class RunView(msgspec.Struct, frozen=True, omit_defaults=True):
    """A run; `report` once `status` is `finished`."""

    id: str
    problem: str
    language: str
    status: SubmissionStatus
    report: RunReport | None = None


def view(submission: Submission, *, admin: bool) -> SubmissionView:
    """The submission as the caller sees it: everything for an admin, the participant's view for anyone else."""
    progress = TestsPassed(submission.passed, submission.total) if submission.total else None
    base = SubmissionView(
        id=submission.id,
        problem=submission.problem,
        language=submission.language,
        user_id=submission.user_id,
        status=submission.status,
        created=submission.created,
        competition_id=submission.competition_id,
        started=submission.started,
        finished=submission.finished,
        progress=progress,
    )
    result: JudgeResult | None = submission.result
    if result is None:
        return base
    if not admin:
        result = participant_result(result)
    return msgspec.structs.replace(
        base,
        verdict=result.verdict,
        tests=result.tests,
        time=result.time,
        memory=result.memory,
        compile_output=result.compile_output,
        compile_time=result.compile_time,
        message=result.message,
        failure=result.failure,
        score=result.score,
        stdout=result.stdout or None,
        stderr=result.stderr or None,
    )


def run_view(run: Submission) -> RunView:
    report = RUN_REPORT_DECODER.decode(run.output) if run.output is not None else None
    return RunView(id=run.id, problem=run.problem, language=run.language, status=run.status, report=report)


def _submissions(request: web.Request) -> Submissions:
    submissions = request.app[DEPS].submissions
    if submissions is None:
        raise ApiError(404, "not_found", "this host does not serve submissions")
    return submissions


async def _decode(request: web.Request, kind: type[_Body]) -> _Body:
    body = await read_body(request)
    try:
        return msgspec.json.decode(body, type=kind)
    except msgspec.ValidationError as exc:
        raise ApiError(400, "bad_request", f"invalid request: {exc}") from exc
    except msgspec.DecodeError as exc:
        raise ApiError(400, "bad_request", f"the body is not JSON: {exc}") from exc


async def _validate(request: web.Request, problem: str, language: str, code: str) -> IndexedProblem:
    """Known problem, enabled language, code within the size limit; ApiError otherwise."""
    deps = request.app[DEPS]
    submissions = _submissions(request)
    size = len(code.encode())
    if size > submissions.max_code_bytes:
        limit = submissions.max_code_bytes // 1024
        raise ApiError(413, "payload_too_large", f"the code is {size} bytes; the limit is {limit} KiB")
    indexed = await deps.index.get(problem)
    if indexed is None:
        raise ApiError(404, "not_found", f"no problem {problem!r}")
    statuses = {status.id: status for status in deps.languages()}
    if not statuses:
        raise ApiError(503, "unavailable", "the judge is still self-testing its languages; try again shortly")
    status = statuses.get(language)
    if status is None:
        raise ApiError(422, "unknown_language", f"no language {language!r} (known: {', '.join(sorted(statuses))})")
    if not status.enabled:
        raise ApiError(422, "language_disabled", f"language {language} is disabled: {status.reason}")
    if indexed.kind != "io" and language not in indexed.languages:  # no design harness, or a signature it refuses
        known = ", ".join(indexed.languages)
        raise ApiError(
            422, "unknown_language", f"{indexed.kind} problem: no {language} harness can solve it (one of {known})"
        )
    return indexed


def _participant(request: web.Request, named: str | None) -> str:
    """Who the request acts for: a participant token's `sub` (a differing body `user_id` is 403), else `user_id`."""
    who = caller(request)
    if who.participant is not None:
        if named is not None and named != who.participant:
            raise ApiError(403, "forbidden", "user_id differs from the participant your token names")
        return who.participant
    if named is None:
        raise ApiError(400, "bad_request", "invalid request: user_id is required (or send a participant token)")
    return named


async def _locks(request: web.Request, problem: str) -> ProblemLocks:
    """What competitions allow of `problem` now; 404 for a problem a scheduled competition hides from this caller."""
    locks = await current_locks(request)
    if not locks.visible(problem, admin=caller(request).admin):
        raise ApiError(404, "not_found", f"no problem {problem!r}")
    return locks


async def create_submission(request: web.Request) -> web.Response:
    body = await _decode(request, SubmissionRequest)
    user_id = _participant(request, body.user_id)
    await _validate(request, body.problem, body.language, body.code)
    locks = await _locks(request, body.problem)
    submissions = _submissions(request)
    if body.competition_id is None and not locks.practice(body.problem):
        raise ApiError(
            409,
            "problem_in_competition",
            f"problem {body.problem} is in a running competition: submit with its competition_id",
        )
    if body.competition_id is not None:
        if submissions.competition_check is None:
            raise ApiError(404, "not_found", f"no competition {body.competition_id!r}")
        await submissions.competition_check(body.competition_id, body.problem)
    created = await _store(submissions, body, user_id, competition_id=body.competition_id)
    if submissions.on_created is not None:
        await submissions.on_created(created)
    return _accepted(created.id)


async def create_run(request: web.Request) -> web.Response:
    body = await _decode(request, RunModeRequest)
    user_id = _participant(request, body.user_id)
    indexed = await _validate(request, body.problem, body.language, body.code)
    locks = await _locks(request, body.problem)
    # Reference outputs beside custom inputs: where the problem allows them (`[runs] reference_output`) AND
    # no running competition holds the problem. One boolean, stored on the run, honoured by the worker.
    reference_output = indexed.reference_output and locks.reference_outputs(body.problem)
    if body.tests is not None:
        try:
            match indexed.signature:
                case Signature():
                    custom_arguments(body.tests, indexed.signature)
                case Design():
                    custom_operations(body.tests, indexed.signature)
                case None:
                    custom_inputs(body.tests)
        except ValueError as exc:
            raise ApiError(400, "bad_request", f"invalid test: {exc}") from exc
    submissions = _submissions(request)
    inputs = msgspec.json.encode(body.tests).decode() if body.tests is not None else None
    created = await _store(submissions, body, user_id, kind=Kind.RUN, inputs=inputs, reference_output=reference_output)
    run = await _wait_finished(submissions, created.id, RUN_WAIT)
    url = f"/v1/runs/{created.id}"
    if run is None:
        raise ApiError(404, "not_found", f"the run {created.id} expired")
    if run.status is SubmissionStatus.FINISHED:
        return json_response(run_view(run))
    return json_response(run_view(run), status=202, headers={"Location": url})


async def get_run(request: web.Request) -> web.Response:
    submissions = _submissions(request)
    run = await submissions.store.get(request.match_info["run_id"])
    if run is None or run.kind is not Kind.RUN or not _readable(request, run):
        raise ApiError(404, "not_found", "no such run (runs are kept for an hour)")
    return json_response(run_view(run))


async def _store(
    submissions: Submissions, body: SubmissionRequest | RunModeRequest, user_id: str, **fields: Any
) -> Submission:
    """Store and queue what `body` sends for `user_id`; a fairness limit's refusal is the 429 with Retry-After."""
    try:
        return await submissions.store.create(
            problem=body.problem, language=body.language, code=body.code, user_id=user_id, **fields
        )
    except SubmissionRefused as refused:
        raise _too_many(refused) from refused


def _accepted(submission_id: str) -> web.Response:
    """202: queued, with where to follow it."""
    url = f"/v1/submissions/{submission_id}"
    accepted = Accepted(id=submission_id, status=SubmissionStatus.QUEUED, url=url, events_url=f"{url}/events")
    return json_response(accepted, status=202, headers={"Location": url})


def _too_many(refused: SubmissionRefused) -> ApiError:
    admission = refused.admission
    if admission.reason == "active":
        message = "too many submissions queued or being judged; wait for one to finish"
    else:
        message = "too many submissions this minute"
    return ApiError(429, "too_many_requests", message, headers={"Retry-After": str(admission.retry_after)})


async def rejudge_submission(request: web.Request) -> web.Response:
    """Judge a finished submission again (admin); its new verdict replaces the old one, on the leaderboard too."""
    submissions = _submissions(request)
    sid = request.match_info["submission_id"]
    submission = await submissions.find(sid)
    if submission is None or submission.kind is not Kind.SUBMISSION:
        raise ApiError(404, "not_found", f"no submission {sid!r}")
    if not await submissions.rejudge(submission):
        raise ApiError(409, "conflict", "the submission is still queued or being judged")
    log.info("submission %s queued for rejudging by %s", sid, caller(request).name)
    again = await submissions.find(sid)
    if again is not None and submissions.on_created is not None:
        await submissions.on_created(again)  # pending on the board until the new verdict
    return _accepted(sid)


async def get_submission(request: web.Request) -> web.Response:
    submissions = _submissions(request)
    sid = request.match_info["submission_id"]
    seconds = wait_seconds(request, submissions.max_wait)
    if seconds > 0:
        submission = await _wait_finished(submissions, sid, seconds)
    else:
        submission = await submissions.find(sid)
    if submission is None or submission.kind is not Kind.SUBMISSION or not _readable(request, submission):
        raise ApiError(404, "not_found", f"no submission {sid!r}")
    return json_response(view(submission, admin=caller(request).sees_hidden_tests))


def _readable(request: web.Request, submission: Submission) -> bool:
    """A participant token reads only its own submissions and runs (another's code is not its to see, even
    through a shared link); service and admin tokens read any."""
    participant = caller(request).participant
    return participant is None or submission.user_id == participant


async def _wait_finished(submissions: Submissions, sid: str, seconds: float) -> Submission | None:
    """The submission once finished or after `seconds`, woken by its `finished` event, never by polling."""
    async with submissions.events.listen(sid) as events:
        submission = await submissions.find(sid)
        if submission is None or submission.status is SubmissionStatus.FINISHED:
            return submission
        try:
            async with asyncio.timeout(seconds):
                while (await events.get()).event != "finished":
                    pass
        except TimeoutError:
            pass
        return await submissions.find(sid)


async def submission_events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: `status` first, then `status`/`test` as judging goes, `finished` with the result last."""
    submissions = _submissions(request)
    sid = request.match_info["submission_id"]
    async with submissions.events.listen(sid) as events:
        submission = await submissions.find(sid)
        if submission is None or submission.kind is not Kind.SUBMISSION or not _readable(request, submission):
            raise ApiError(404, "not_found", f"no submission {sid!r}")
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        )
        await response.prepare(request)
        admin = caller(request).sees_hidden_tests
        await _send(response, "status", view(submission, admin=admin))
        while submission.status is not SubmissionStatus.FINISHED:
            try:
                async with asyncio.timeout(KEEPALIVE):
                    event = await events.get()
            except TimeoutError:
                await response.write(b": keep-alive\n\n")
                event = Event(event="reread")
            if event.event in ("finished", "reread"):
                again = await submissions.find(sid)
                if again is None:
                    break
                submission = again
            else:  # a progress event: a test's index and verdict and the counts, never its data (store.events.Event)
                await _send(response, event.event, event)
        if submission.status is SubmissionStatus.FINISHED:
            await _send(response, "finished", view(submission, admin=admin))
        await response.write_eof()
        return response


async def _send(response: web.StreamResponse, name: str, data: object) -> None:
    await response.write(b"event: " + name.encode() + b"\ndata: " + msgspec.json.encode(data) + b"\n\n")
