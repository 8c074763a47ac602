"""Finished submissions in the submissions database: kept for ever, read by id, listed as history.

`put` is idempotent by id (an upsert): a redelivered finish writes the same row
again, a rejudge replaces the verdict. Runs are never archived (they expire in
Redis). History pages are newest first with a keyset cursor over (created, id),
so a page costs the same at the millionth row as at the first.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from collections.abc import AsyncIterator, Sequence
from typing import Annotated, Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from judged.judging.verdicts import JudgeResult, Verdict
from judged.store.database import Database
from judged.store.database_schema import submissions as table
from judged.store.index import InvalidCursor
from judged.store.submissions import Kind, Submission, SubmissionStatus

__all__ = [
    "MAX_HISTORY_PAGE",
    "HistoryPage",
    "HistoryQuery",
    "ProblemStatus",
    "SubmissionArchive",
    "SubmissionSummary",
]

MAX_HISTORY_PAGE = 100
_RESULT_ENCODER = msgspec.json.Encoder()
_RESULT_DECODER = msgspec.json.Decoder(JudgeResult)
_CURSOR_DECODER = msgspec.json.Decoder(tuple[float, str])
_BATCH = 1000


class HistoryQuery(msgspec.Struct, frozen=True):
    """Which finished submissions to list: every filter given must hold."""

    user_id: str | None = None
    problem: str | None = None
    competition_id: str | None = None
    verdict: Verdict | None = None
    language: str | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=MAX_HISTORY_PAGE)] = 20
    cursor: str | None = None


class SubmissionSummary(msgspec.Struct, frozen=True, omit_defaults=True):
    """One line of a history: what was submitted and how it ended, without the code or the per-test results."""

    id: str
    problem: str
    language: str
    user_id: str
    verdict: Verdict
    time: float
    memory: int
    created: float
    finished: float
    competition_id: str | None = None
    score: float | None = None


class HistoryPage(msgspec.Struct, frozen=True):
    """Newest first; `next_cursor` fetches the page after this one, None at the end."""

    items: list[SubmissionSummary]
    next_cursor: str | None


class ProblemStatus(msgspec.Struct, frozen=True):
    """A user's standing on one problem: solved (any AC), how many submissions, and the last one's verdict."""

    problem: str
    solved: bool
    attempts: int
    last_verdict: Verdict
    last_submitted: float


_SUMMARY_COLUMNS = (
    table.c.id,
    table.c.problem,
    table.c.language,
    table.c.user_id,
    table.c.verdict,
    table.c.cpu_time,
    table.c.peak_memory,
    table.c.created,
    table.c.finished,
    table.c.competition_id,
    table.c.score,
)


class SubmissionArchive:
    """The submissions table: write finished submissions, read them back, list histories."""

    def __init__(self, database: Database) -> None:
        self.database = database
        insert = postgresql.insert(table) if database.dialect == "postgresql" else sqlite.insert(table)
        self._upsert = insert.on_conflict_do_update(  # built once: SQLAlchemy caches its compiled form
            index_elements=[table.c.id],
            set_={column.name: insert.excluded[column.name] for column in table.columns if column.name != "id"},
        )
        self._waiting: list[tuple[dict[str, Any], asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def put(self, submission: Submission) -> None:
        """Insert or replace the finished submission (same id: same row). Raises ValueError for anything else.

        Group commit: puts that arrive while a write is in flight go together in the next
        transaction, so many worker slots cost the database one commit per batch, not one each.
        """
        row = _row(submission)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((row, done))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_waiting(), name="submission archive writer")
        await done

    async def _write_waiting(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                async with self.database.transaction() as connection:
                    await connection.execute(self._upsert, [row for row, _ in batch])
            except BaseException as exc:  # each caller gets the failure (a cancelled writer: as a failure too)
                for _, done in batch:
                    if not done.done():
                        done.set_exception(
                            exc if isinstance(exc, Exception) else RuntimeError("the write was cancelled")
                        )
                if not isinstance(exc, Exception):
                    raise
            else:
                for _, done in batch:
                    if not done.done():
                        done.set_result(None)

    async def put_many(self, submissions: Sequence[Submission]) -> None:
        """`put` for several, in one transaction."""
        if not submissions:
            return
        rows = [_row(submission) for submission in submissions]
        async with self.database.transaction() as connection:
            await connection.execute(self._upsert, rows)

    async def get(self, submission_id: str) -> Submission | None:
        async with self.database.engine.connect() as connection:
            row = (await connection.execute(sa.select(table).where(table.c.id == submission_id))).first()
        return None if row is None else _submission(row._mapping)

    async def history(self, query: HistoryQuery) -> HistoryPage:
        """A page of finished submissions matching `query`, newest first. Raises InvalidCursor for a bad cursor."""
        statement = sa.select(*_SUMMARY_COLUMNS).where(*_filters(query))
        if query.cursor is not None:
            created, after = decode_cursor(query.cursor)
            statement = statement.where(sa.tuple_(table.c.created, table.c.id) < sa.tuple_(created, after))
        statement = statement.order_by(table.c.created.desc(), table.c.id.desc()).limit(query.limit + 1)
        async with self.database.engine.connect() as connection:
            rows = (await connection.execute(statement)).all()
        items = [_summary(row._mapping) for row in rows[: query.limit]]
        more = len(rows) > query.limit
        return HistoryPage(items=items, next_cursor=encode_cursor(items[-1].created, items[-1].id) if more else None)

    async def problem_statuses(self, user_id: str, problems: Sequence[str] | None = None) -> list[ProblemStatus]:
        """The user's standing on every problem they submitted to (or only on `problems`), by problem id."""
        by_problem = table.c.problem
        solved = sa.func.max(sa.case((table.c.verdict == Verdict.AC.value, 1), else_=0))
        ranked = (
            sa.select(
                table.c.problem,
                table.c.verdict,
                table.c.created,
                sa.func.row_number()
                .over(partition_by=by_problem, order_by=(table.c.created.desc(), table.c.id.desc()))
                .label("rank"),
                sa.func.count().over(partition_by=by_problem).label("attempts"),
                solved.over(partition_by=by_problem).label("solved"),
            )
            .where(table.c.user_id == user_id)
            .where(*([table.c.problem.in_(list(problems))] if problems is not None else []))
            .subquery()
        )
        statement = sa.select(ranked).where(ranked.c.rank == 1).order_by(ranked.c.problem)
        async with self.database.engine.connect() as connection:
            rows = (await connection.execute(statement)).all()
        return [
            ProblemStatus(
                problem=row.problem,
                solved=bool(row.solved),
                attempts=int(row.attempts),
                last_verdict=Verdict(row.verdict),
                last_submitted=float(row.created),
            )
            for row in rows
        ]

    async def of_competition(self, competition_id: str) -> AsyncIterator[Submission]:
        """Every archived submission of a competition, oldest first (for rebuilding its board)."""
        after: tuple[float, str] = (-1.0, "")
        while True:
            statement = (
                sa.select(table)
                .where(table.c.competition_id == competition_id)
                .where(sa.tuple_(table.c.created, table.c.id) > sa.tuple_(*after))
                .order_by(table.c.created, table.c.id)
                .limit(_BATCH)
            )
            async with self.database.engine.connect() as connection:
                rows = (await connection.execute(statement)).all()
            for row in rows:
                yield _submission(row._mapping)
            if len(rows) < _BATCH:
                return
            after = (float(rows[-1].created), str(rows[-1].id))

    async def count(self) -> int:
        async with self.database.engine.connect() as connection:
            return int((await connection.execute(sa.select(sa.func.count()).select_from(table))).scalar() or 0)


def _filters(query: HistoryQuery) -> list[sa.ColumnElement[bool]]:
    wanted: list[tuple[sa.Column[Any], str | None]] = [
        (table.c.user_id, query.user_id),
        (table.c.problem, query.problem),
        (table.c.competition_id, query.competition_id),
        (table.c.verdict, query.verdict.value if query.verdict is not None else None),
        (table.c.language, query.language),
    ]
    return [column == value for column, value in wanted if value is not None]


def encode_cursor(created: float, submission_id: str) -> str:
    """The opaque, URL-safe cursor of the position after (created, id) in newest-first order."""
    return base64.urlsafe_b64encode(msgspec.json.encode((created, submission_id))).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return _CURSOR_DECODER.decode(raw)
    except (ValueError, binascii.Error, msgspec.DecodeError) as exc:
        raise InvalidCursor("not a cursor this history handed out") from exc


def _row(submission: Submission) -> dict[str, Any]:
    result = submission.result
    if submission.kind is not Kind.SUBMISSION or submission.status is not SubmissionStatus.FINISHED or result is None:
        raise ValueError(f"only finished submissions are archived ({submission.id} is not one)")
    return {
        "id": submission.id,
        "user_id": submission.user_id,
        "problem": submission.problem,
        "language": submission.language,
        "competition_id": submission.competition_id,
        "code": submission.code,
        "verdict": result.verdict.value,
        "cpu_time": result.time,
        "peak_memory": result.memory,
        "score": result.score,
        "attempts": submission.attempts,
        "created": submission.created,
        "started": submission.started,
        "finished": submission.finished if submission.finished is not None else submission.created,
        "finished_attempt": submission.finished_attempt,
        "passed": submission.passed,
        "total": submission.total,
        "result": _RESULT_ENCODER.encode(result).decode(),
    }


def _submission(row: Any) -> Submission:
    return Submission(
        id=row["id"],
        problem=row["problem"],
        language=row["language"],
        code=row["code"],
        user_id=row["user_id"],
        competition_id=row["competition_id"],
        status=SubmissionStatus.FINISHED,
        attempts=row["attempts"],
        created=row["created"],
        started=row["started"],
        finished=row["finished"],
        finished_attempt=row["finished_attempt"],
        passed=row["passed"],
        total=row["total"],
        result=_RESULT_DECODER.decode(row["result"]),
    )


def _summary(row: Any) -> SubmissionSummary:
    return SubmissionSummary(
        id=row["id"],
        problem=row["problem"],
        language=row["language"],
        user_id=row["user_id"],
        verdict=Verdict(row["verdict"]),
        time=row["cpu_time"],
        memory=row["peak_memory"],
        created=row["created"],
        finished=row["finished"],
        competition_id=row["competition_id"],
        score=row["score"],
    )
