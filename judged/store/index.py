"""The problem index: the problem folders on disk, copied into SQLite for paging, filters and search.

Each host keeps its own index (docs/architecture.md; the design's "Where state lives"). `sync`
fingerprints every folder under the roots (the paths, mtimes and sizes of its
files), parses only the folders whose fingerprint changed, and writes the
result in one transaction: new and edited problems upserted, problems whose
folder disappeared deleted, broken folders kept out with their diagnostics.
`watch` polls the fingerprints every `interval` seconds and syncs when they
change, so problem folders can be added or edited without a restart.

Pages use a keyset cursor over (difficulty_rank, slug): a cursor stays valid
while problems are added or removed, and no problem is seen twice.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import re
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Annotated

import aiosqlite
import msgspec

from judged.harness import Signature
from judged.harness.design import Design
from judged.problems import Difficulty
from judged.store.index_schema import SAMPLES, SCHEMA, SCHEMA_VERSION, SELECT_PROBLEM, STRINGS, TABLES, Sample
from judged.store.index_sync import DIFFICULTY_RANK, Plan, Scan, SyncReport, load_all, scan_roots

__all__ = [
    "MAX_PAGE",
    "IndexedProblem",
    "InvalidCursor",
    "Page",
    "ProblemIndex",
    "ProblemSummary",
    "Sample",
    "SyncReport",
    "decode_cursor",
    "encode_cursor",
    "fts_query",
]

logger = logging.getLogger(__name__)

MAX_PAGE = 100
_WORD = re.compile(r"\w+")


class InvalidCursor(ValueError):
    """A page cursor that this index did not hand out."""


class ProblemSummary(msgspec.Struct, frozen=True):
    slug: str
    title: str
    difficulty: Difficulty
    tags: tuple[str, ...]


class Page(msgspec.Struct, frozen=True):
    """One page of problems; `total` counts every problem matching the filters, `next_cursor` is None at the end."""

    items: list[ProblemSummary]
    next_cursor: str | None
    total: int


class IndexedProblem(msgspec.Struct, frozen=True):
    """What a problem page shows: the statement, limits, samples, and the signature to generate stubs from."""

    slug: str
    title: str
    difficulty: Difficulty
    kind: str
    tags: tuple[str, ...]
    time_limit: float
    memory_limit: int
    languages: tuple[str, ...]
    signature: Signature | Design | None
    """What the stubs are generated from and custom run inputs checked against: a function problem's signature,
    a design problem's class (kind "design"); None for I/O problems (kind "io")."""
    statement: str
    samples: tuple[Sample, ...]
    source: Path
    reference_output: bool = True
    """Whether runs on custom inputs show the reference solution's outputs (the problem's `[runs]` setting)."""


class _Cursor(msgspec.Struct, array_like=True, forbid_unknown_fields=True):
    rank: Annotated[int, msgspec.Meta(ge=0, le=2)]
    slug: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


_CURSOR = msgspec.json.Decoder(_Cursor)
_SIGNATURE = msgspec.json.Decoder(Signature | None)
_DESIGN = msgspec.json.Decoder(Design)


class ProblemIndex:
    """The SQLite index of the problem folders at `db_path`; `open` before use, `close` after."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._db: aiosqlite.Connection | None = None
        self._db_lock = asyncio.Lock()  # one unit of statements at a time on the one connection
        self._sync_lock = asyncio.Lock()

    async def open(self) -> None:
        db = await aiosqlite.connect(self.db_path, isolation_level=None)
        try:
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA foreign_keys = ON")
            async with db.execute("PRAGMA user_version") as cursor:
                row = await cursor.fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                for table in TABLES:  # a cache of the folders: rebuilt by the next sync
                    await db.execute(f"DROP TABLE IF EXISTS {table}")
            await db.executescript(SCHEMA)
            await db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            await db.close()
            raise
        self._db = db

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("the problem index is not open")
        return self._db

    async def sync(self, roots: Sequence[Path]) -> SyncReport:
        """Bring the index up to date with the problem folders under `roots` (an earlier root wins a slug)."""
        return await self._sync(await asyncio.to_thread(scan_roots, list(roots)))

    async def watch(self, roots: Sequence[Path], interval: float) -> None:
        """Sync now, then poll the folders' fingerprints every `interval` seconds and sync when they change.

        Runs until cancelled (start it as a task). Polling costs one `stat` per
        file per interval; it needs no inotify and works on any filesystem. A
        failed sync is logged and tried again after the next interval.
        """
        seen: Scan | None = None
        while True:
            found = await asyncio.to_thread(scan_roots, list(roots))
            if found != seen:
                try:
                    report = await self._sync(found)
                except (OSError, aiosqlite.Error):
                    logger.exception("problem index sync failed; retrying in %s s", interval)
                else:
                    seen = found
                    logger.info("problem index synced: %s", _summary(report))
            await asyncio.sleep(interval)

    async def _sync(self, found: Scan) -> SyncReport:
        async with self._sync_lock:
            rows = await self._fetch("SELECT slug, source, fingerprint FROM problems")
            broken_rows = await self._fetch("SELECT source, fingerprint, messages FROM broken_folders")
            plan = Plan(found, rows, broken_rows)
            loaded = await asyncio.to_thread(load_all, plan.to_load)
            async with self._db_lock:
                await self.db.execute("BEGIN IMMEDIATE")
                try:
                    report = await plan.apply(self.db, loaded)
                except BaseException:
                    await self.db.execute("ROLLBACK")
                    raise
                await self.db.execute("COMMIT")
        return report

    async def _fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        async with self._db_lock, self.db.execute(sql, params) as cursor:
            return [tuple(row) for row in await cursor.fetchall()]

    async def page(
        self,
        limit: int,
        cursor: str | None = None,
        difficulty: Difficulty | str | None = None,
        tag: str | None = None,
        q: str | None = None,
        *,
        exclude: Collection[str] = (),
    ) -> Page:
        """Up to `limit` (1..100) problems after `cursor`, easiest first then by slug, matching every filter given.

        `q` matches words (and word prefixes) of titles and statements; `exclude` names slugs
        left out (and out of `total`); a malformed cursor or difficulty is a `ValueError`.
        """
        if not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit must be between 1 and {MAX_PAGE}, not {limit}")
        where, params = _filters(difficulty, tag, q)
        if exclude:
            where += f" AND slug NOT IN ({', '.join('?' * len(exclude))})"
            params += sorted(exclude)
        after = ""
        after_params: list[object] = []
        if cursor is not None:
            position = decode_cursor(cursor)
            after, after_params = " AND (difficulty_rank, slug) > (?, ?)", [position.rank, position.slug]
        select = (
            f"SELECT slug, title, difficulty, tags, difficulty_rank FROM problems WHERE {where}{after}"
            " ORDER BY difficulty_rank, slug LIMIT ?"
        )
        async with self._db_lock:
            await self.db.execute("BEGIN")  # one snapshot for the count and the rows
            try:
                async with self.db.execute(f"SELECT count(*) FROM problems WHERE {where}", params) as rows:
                    total = (await rows.fetchone() or (0,))[0]
                async with self.db.execute(select, [*params, *after_params, limit + 1]) as rows:
                    found = list(await rows.fetchall())
            finally:
                await self.db.execute("COMMIT")
        items = [ProblemSummary(row[0], row[1], Difficulty(row[2]), STRINGS.decode(row[3])) for row in found[:limit]]
        next_cursor = encode_cursor(found[limit - 1][4], found[limit - 1][0]) if len(found) > limit else None
        return Page(items=items, next_cursor=next_cursor, total=int(total))

    async def get(self, slug: str) -> IndexedProblem | None:
        """The problem `slug`, or None when the index has no such problem."""
        rows = await self._fetch(SELECT_PROBLEM, [slug])
        if not rows:
            return None
        slug_, title, difficulty, kind, tags, time_limit, memory_limit, languages, signature, statement = rows[0][:10]
        samples, source, reference_output = rows[0][10:]
        return IndexedProblem(
            slug=str(slug_),
            title=str(title),
            difficulty=Difficulty(str(difficulty)),
            kind=str(kind),
            tags=STRINGS.decode(str(tags)),
            time_limit=float(str(time_limit)),
            memory_limit=int(str(memory_limit)),
            languages=STRINGS.decode(str(languages)),
            signature=_DESIGN.decode(str(signature)) if kind == "design" else _SIGNATURE.decode(str(signature)),
            statement=str(statement),
            samples=SAMPLES.decode(str(samples)),
            source=Path(str(source)),
            reference_output=bool(reference_output),
        )


def encode_cursor(rank: int, slug: str) -> str:
    """The opaque, URL-safe cursor of the position after (rank, slug)."""
    raw = msgspec.json.encode(_Cursor(rank, slug))
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_cursor(cursor: str) -> _Cursor:
    """The position a cursor encodes; `InvalidCursor` (a `ValueError`) when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii") + b"=" * (-len(cursor) % 4))
        return _CURSOR.decode(raw)
    except (UnicodeEncodeError, binascii.Error, ValueError, msgspec.DecodeError) as error:
        raise InvalidCursor(f"malformed page cursor {cursor[:40]!r}") from error


def fts_query(q: str) -> str | None:
    """`q` as an FTS5 query: every word must occur, as a word or a word's prefix; None when `q` has no words.

    Only the words of `q` are kept and each is quoted, so quotes, operators
    (AND, OR, NOT, NEAR) and column filters in user input are plain text.
    """
    words = _WORD.findall(q)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def _filters(difficulty: Difficulty | str | None, tag: str | None, q: str | None) -> tuple[str, list[object]]:
    clauses = ["1"]
    params: list[object] = []
    if difficulty is not None:
        clauses.append("difficulty_rank = ?")
        try:
            params.append(DIFFICULTY_RANK[Difficulty(difficulty)])
        except ValueError:
            raise ValueError(f"unknown difficulty {difficulty!r}: one of easy, medium, hard") from None
    if tag is not None:
        clauses.append("slug IN (SELECT slug FROM problem_tags WHERE tag = ?)")
        params.append(tag)
    if q is not None and q.strip():
        match = fts_query(q)
        if match is None:
            clauses.append("0")  # a search with no words in it finds nothing
        else:
            clauses.append("slug IN (SELECT slug FROM problems_fts WHERE problems_fts MATCH ?)")
            params.append(match)
    return " AND ".join(clauses), params


def _summary(report: SyncReport) -> str:
    return (
        f"{report.added} added, {report.updated} updated, {report.removed} removed,"
        f" {report.unchanged} unchanged, {report.broken} broken"
    )
