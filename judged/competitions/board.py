"""This host's snapshot of each competition's board: pages, own rows and ranks answered from memory.

A snapshot is refreshed from Redis at most once per `interval` (`leaderboard_refresh`), by the first
request that finds it older: one script returns what changed since the version it holds
(`judged.store.leaderboard_snapshot`), and the board is read whole only at the first read, after a
rebuild, or when more than `MAX_CHANGES` participants changed. Concurrent requests wait for that one
read; everything else is memory. Both views (live, and public with its freeze) are kept and updated in
the same step, and which one a request reads is decided per request from the competition
(`Leaderboard.board_view`), so a freeze or a finalize switches views atomically.

Ranks are the board's own rule: equal scores share a rank, rank = participants strictly better + 1;
among equal scores the order is by user id, descending, as Redis gives it.
"""

from __future__ import annotations

import asyncio
import bisect
import functools
import gc
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import msgspec

from judged.store.competitions import Competition
from judged.store.leaderboard import MAX_LIMIT, Around, LeaderboardPage, board_view
from judged.store.leaderboard_snapshot import BoardRead, BoardReads
from judged.store.page_cache import SharedTasks
from judged.store.scoreboard import Cell, Row, View, make_row

__all__ = ["BoardSnapshot", "Boards", "OwnRow", "ViewBoard"]

log = logging.getLogger(__name__)

RESORT_ABOVE = 2000
"""More changed participants than this in one refresh: sort the board again instead of moving each."""
WARM_ABOVE = 1000
"""More public rows than this not rendered after a refresh (a whole read, a new first solve): render them all,
in the background, instead of on first request."""
WARM_BATCH = 500
"""Rows rendered between two turns of the event loop while warming (about 10 ms)."""


class ViewBoard:
    """One view's board: participants in score order, their cells, and each problem's first accept."""

    def __init__(self) -> None:
        self.score: dict[str, float] = {}
        self.cells: dict[str, str] = {}  # compact text, `label:cell;...` (BoardRead's ParticipantRead)
        self.firsts: dict[str, float] = {}
        self._order: list[tuple[float, str]] = []  # ascending (score, user): the board read from the end
        self._scores: list[float] = []  # the same scores, for bisecting ranks
        # Each participant's row as JSON after its rank (a rank moves far more often than a row changes), with the
        # cells it was rendered from and a digest of it (for ETags); at most one per participant, dropped when the
        # row, the firsts or the competition's rule change.
        self._rendered: dict[str, tuple[str, Rendered]] = {}
        self._rendered_for: tuple[object, ...] = ()
        self._shape_of: Competition | None = None

    def __len__(self) -> int:
        return len(self._order)

    def replace(self, entries: list[tuple[str, float | None, str]]) -> None:
        """Every participant of the board as read whole: (user, score or None if not on it, cells)."""
        self.score = {user: score for user, score, _ in entries if score is not None}
        self.cells = {user: cells for user, score, cells in entries if score is not None}
        self._rendered.clear()
        self._sort()

    def update(self, entries: list[tuple[str, float | None, str]]) -> None:
        """Participants that changed; a score None takes the participant off the board."""
        resort = len(entries) > RESORT_ABOVE
        for user, score, cells in entries:
            old = self.score.pop(user, None)
            self.cells.pop(user, None)
            self._rendered.pop(user, None)
            if old is not None and not resort:
                index = bisect.bisect_left(self._order, (old, user))
                del self._order[index]
                del self._scores[index]
            if score is None:
                continue
            self.score[user] = score
            self.cells[user] = cells
            if not resort:
                index = bisect.bisect_left(self._order, (score, user))
                self._order.insert(index, (score, user))
                self._scores.insert(index, score)
        if resort:
            self._sort()

    def set_firsts(self, firsts: dict[str, float]) -> None:
        if firsts != self.firsts:
            self._rendered.clear()  # first_to_solve flags may differ in any row
        self.firsts = firsts

    def rendered(self, competition: Competition, window: list[tuple[int, str, str]]) -> list[Rendered]:
        """The window's rows as JSON (each `Row` without its rank), each rendered once per change, not per request."""
        self._check_shape(competition)
        return [self._render(competition, user, cells) for _, user, cells in window]

    def _check_shape(self, competition: Competition) -> None:
        """Drop every kept row if the competition renders differently now (its rule, penalty or labels)."""
        if competition is self._shape_of:  # the same object: the Competitions cache hands one out per second
            return
        shape = (competition.rule, competition.penalty_minutes, *competition.labels)
        if shape != self._rendered_for:
            self._rendered.clear()
            self._rendered_for = shape
        self._shape_of = competition

    @property
    def cold(self) -> int:
        """Participants whose row is not kept rendered."""
        return len(self.cells) - len(self._rendered)

    def warm(self, competition: Competition, users: list[str]) -> None:
        """Render the rows of `users` that are not kept yet (those still on the board)."""
        self._check_shape(competition)
        for user in users:
            cells = self.cells.get(user)
            if cells is not None:
                self._render(competition, user, cells)

    def _render(self, competition: Competition, user: str, cells: str) -> Rendered:
        kept = self._rendered.get(user)
        if kept is not None and kept[0] == cells:
            return kept[1]
        body = _ENCODER.encode(make_row(competition, 0, user, decode_cells(cells), self.firsts))
        if not body.startswith(_RANK_ZERO):
            raise AssertionError(f"a Row's JSON starts with its rank, not {body[:20]!r}")
        tail = body[len(_RANK_ZERO) :]
        rendered = Rendered(tail, hashlib.blake2b(tail, digest_size=8).digest())
        self._rendered[user] = (cells, rendered)
        return rendered

    def _sort(self) -> None:
        self._order = sorted((score, user) for user, score in self.score.items())
        self._scores = [score for score, _ in self._order]

    def rank_of(self, score: float) -> int:
        """Participants strictly better than `score`, plus one."""
        return len(self._scores) - bisect.bisect_right(self._scores, score) + 1

    def position(self, user: str) -> int | None:
        """The participant's place from the top (0-based), None if not on the board."""
        score = self.score.get(user)
        if score is None:
            return None
        return len(self._order) - 1 - bisect.bisect_left(self._order, (score, user))

    def window(self, first: int, last: int) -> list[tuple[int, str, str]]:
        """(rank, user, cells) of places first..last from the top, as far as the board goes."""
        size = len(self._order)
        first, last = max(first, 0), min(last, size - 1)
        found = []
        rank, above = 0, None
        for place in range(first, last + 1):
            score, user = self._order[size - 1 - place]
            if score != above:  # a lower score than the row above: everyone above is strictly better
                rank = self.rank_of(score) if above is None else place + 1
                above = score
            found.append((rank, user, self.cells[user]))
        return found


def decode_cells(text: str) -> dict[str, Cell]:
    if not text:
        return {}
    return {label: _cell(cell) for label, _, cell in (part.partition(":") for part in text.split(";"))}


# Most cells are shared by many participants (unattempted, a rejection or two): decoded once, not once per row
# (a Cell is frozen, so sharing one is safe).
_cell = functools.lru_cache(maxsize=8192)(Cell.decode)


_ENCODER = msgspec.json.Encoder()
_RANK_ZERO = b'{"rank":0,'


class Rendered(NamedTuple):
    """A row's JSON after `{"rank":N,`, and a digest of it."""

    tail: bytes
    digest: bytes


@dataclass
class OwnRow:
    """A participant's row and neighbours in a snapshot: an ETag from the rows' JSON, the JSON from kept rows."""

    etag: str
    competition: Competition
    window: list[tuple[int, str, str]]
    user_id: str
    firsts: dict[str, float]
    rendered: list[Rendered]
    own: int  # the participant's place in `window`

    def body(self) -> bytes:
        """The answer as JSON, exactly `Around`'s encoding."""
        rows = [b'{"rank":%d,' % rank + row.tail for (rank, _, _), row in zip(self.window, self.rendered, strict=True)]
        return b'{"row":' + rows[self.own] + b',"rows":[' + b",".join(rows) + b"]}"

    def around(self) -> Around:
        rows = [
            make_row(self.competition, rank, user, decode_cells(cells), self.firsts)
            for rank, user, cells in self.window
        ]
        own = next(row for row in rows if row.user_id == self.user_id)
        return Around(own, rows)


@dataclass
class BoardSnapshot:
    """Both views of one competition's board as of `version` (of `epoch`), read at `read_at` (host clock)."""

    version: int = 0
    epoch: str = ""
    read_at: float = float("-inf")
    boards: dict[View, ViewBoard] = field(default_factory=lambda: {"live": ViewBoard(), "public": ViewBoard()})

    def apply(self, read: BoardRead) -> None:
        """Take in a read, both views in one synchronous step (no request sees half of it)."""
        participants = read.participants
        views: dict[View, list[tuple[str, float | None, str]]] = {
            "live": [(user, score, cells) for user, score, _, cells, _ in participants],
            "public": [(user, score, cells) for user, _, score, _, cells in participants],
        }
        for view, entries in views.items():
            board = self.boards[view]
            if read.whole:
                board.replace(entries)
            else:
                board.update(entries)
            board.set_firsts(read.firsts[view])
        self.version, self.epoch = read.version, read.epoch


Key = tuple[str, tuple[str, ...], bool]


def _key(competition: Competition) -> Key:
    """A snapshot per competition and shape: a competition replaced with other problems or freeze starts afresh."""
    return (competition.id, tuple(competition.labels), competition.freeze_minutes is not None)


class Boards:
    """This host's board snapshots, at most `max_competitions` (the least recently used go first)."""

    def __init__(
        self,
        reads: BoardReads,
        interval: float = 1.0,
        *,
        max_competitions: int = 64,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if interval <= 0 or max_competitions < 1:
            raise ValueError("interval must be positive and max_competitions at least 1")
        self.reads = reads
        self.interval = interval
        self.max_competitions = max_competitions
        self._clock = clock
        self._snapshots: OrderedDict[Key, BoardSnapshot] = OrderedDict()
        self._refreshing: SharedTasks[Key, BoardSnapshot] = SharedTasks()
        self._warming: dict[Key, asyncio.Task[None]] = {}
        self.whole_reads = 0  # metrics, and what tests read
        self.change_reads = 0

    async def snapshot(self, competition: Competition) -> BoardSnapshot:
        """The competition's snapshot, refreshed first if it was read `interval` or more ago."""
        key = _key(competition)
        snapshot = self._snapshots.get(key)
        if snapshot is not None:
            self._snapshots.move_to_end(key)
            if self._clock() - snapshot.read_at < self.interval:
                return snapshot
        return await self._refreshing.run(key, lambda: self._refresh(key, competition, snapshot))

    async def _refresh(self, key: Key, competition: Competition, snapshot: BoardSnapshot | None) -> BoardSnapshot:
        started = self._clock()  # what the read shows is at least as new as its start
        try:
            read = None if snapshot is None else await self.reads.changes(competition, snapshot.version, snapshot.epoch)
            if read is None:
                read = await self.reads.whole(competition)
                self.whole_reads += 1
            else:
                self.change_reads += 1
        except Exception as exc:
            if snapshot is None:
                raise
            log.warning("board of %s cannot be read (%s); serving the last snapshot", competition.id, exc)
            snapshot.read_at = started
            return snapshot
        fresh = snapshot or BoardSnapshot()
        fresh.apply(read)
        fresh.read_at = started
        self._snapshots[key] = fresh
        self._snapshots.move_to_end(key)
        while len(self._snapshots) > self.max_competitions:
            self._snapshots.popitem(last=False)
        self._warm_later(key, competition, fresh, read_whole=read.whole)
        return fresh

    def _warm_later(self, key: Key, competition: Competition, snapshot: BoardSnapshot, *, read_whole: bool) -> None:
        """Render the public rows not kept yet, in batches between requests, if there are many.

        After a whole read every row is cold, so the first requests would each render their window's rows (four
        times the CPU of an answer from kept rows); rendering them all at once costs the same in total, once.
        """
        board = snapshot.boards[board_view(competition, "public")]
        if key in self._warming:
            return
        if board.cold < WARM_ABOVE:
            if read_whole:
                _settle()
            return
        task = asyncio.create_task(self._warm(key, competition, snapshot, board))
        self._warming[key] = task
        task.add_done_callback(_retrieve)
        task.add_done_callback(lambda _: self._warming.pop(key, None))

    async def _warm(self, key: Key, competition: Competition, snapshot: BoardSnapshot, board: ViewBoard) -> None:
        users = [user for _, user, _ in board.window(0, len(board) - 1)]  # the top first
        for start in range(0, len(users), WARM_BATCH):
            if self._snapshots.get(key) is not snapshot:
                return  # evicted or replaced: nobody reads this board any more
            board.warm(competition, users[start : start + WARM_BATCH])
            await asyncio.sleep(0)
        _settle()

    def clear(self) -> None:
        self._snapshots.clear()

    # Reads ---------------------------------------------------------------------------------------

    async def board(self, competition: Competition, view: View) -> ViewBoard:
        snapshot = await self.snapshot(competition)
        return snapshot.boards[board_view(competition, view)]

    async def page(self, competition: Competition, *, offset: int, limit: int, view: View) -> LeaderboardPage:
        """Rows offset..offset+limit-1 in rank order, as `Leaderboard.page` reads them from Redis."""
        if offset < 0 or not 1 <= limit <= MAX_LIMIT:
            raise ValueError(f"offset must be >= 0 and limit within 1..{MAX_LIMIT}")
        board = await self.board(competition, view)
        rows = self._rows(competition, board, board.window(offset, offset + limit - 1))
        return LeaderboardPage(competition.id, view, len(board), offset, limit, rows)

    async def own_row(self, competition: Competition, user_id: str, *, neighbours: int, view: View) -> OwnRow | None:
        """The participant's row with up to `neighbours` above and below; None if they are not on the board."""
        if not 0 <= neighbours <= MAX_LIMIT // 2:
            raise ValueError(f"neighbours must be within 0..{MAX_LIMIT // 2}")
        board = await self.board(competition, view)
        place = board.position(user_id)
        if place is None:
            return None
        window = board.window(place - neighbours, place + neighbours)
        rendered = board.rendered(competition, window)
        own = place - max(place - neighbours, 0)
        return OwnRow(_etag(own, window, rendered), competition, window, user_id, board.firsts, rendered, own)

    async def around(
        self, competition: Competition, user_id: str, *, neighbours: int = 5, view: View = "public"
    ) -> Around | None:
        own = await self.own_row(competition, user_id, neighbours=neighbours, view=view)
        return None if own is None else own.around()

    async def rows(self, competition: Competition, *, view: View = "public") -> list[Row]:
        """The whole board in rank order (the exports)."""
        board = await self.board(competition, view)
        return self._rows(competition, board, board.window(0, len(board) - 1))

    async def version(self, competition: Competition) -> tuple[str, int]:
        """(epoch, version) of the snapshot: what a cached rendering of it is keyed by."""
        snapshot = await self.snapshot(competition)
        return snapshot.epoch, snapshot.version

    @staticmethod
    def _rows(competition: Competition, board: ViewBoard, window: list[tuple[int, str, str]]) -> list[Row]:
        return [make_row(competition, rank, user, decode_cells(cells), board.firsts) for rank, user, cells in window]


def _etag(own: int, window: list[tuple[int, str, str]], rendered: list[Rendered]) -> str:
    """A strong ETag from the answer's JSON (ranks, rows, which is the participant's): the same on every host."""
    hasher = hashlib.blake2b(b"%d" % own, digest_size=12)
    for (rank, _, _), row in zip(window, rendered, strict=True):
        hasher.update(b" %d " % rank)
        hasher.update(row.digest)
    return '"' + hasher.hexdigest() + '"'


def _settle() -> None:
    """A board read whole and rendered is long-lived: keep it out of the garbage collector's full collections.

    A full collection walks every container object: with a 100,000-participant board (both views, rows
    rendered) about 110 ms on the 2-core bench machine under load, during which no request is answered, and
    requests' allocations trigger them. What is frozen is still freed when no longer referenced (the
    snapshot's objects hold no cycles).
    """
    gc.freeze()


def _retrieve(task: asyncio.Task[None]) -> None:
    if not task.cancelled():
        task.exception()
