"""The reads a per-host board snapshot (`judged.competitions.board`) makes of a competition's board in Redis.

Every update of the board (`leaderboard_lua.UPDATE`, `REPLAY`) takes the next number of the
competition's change counter and writes it beside the participant in a `changes` sorted set; a
rebuild bumps the board's epoch. So a snapshot that read the board at version V asks for what changed
since V in one script (`CHANGES`: the changed participants' scores in both boards and their rows,
each problem's first solve, atomically), and reads the board whole only at its first read, after a
rebuild or when too much changed.
"""

from __future__ import annotations

import itertools
from typing import Any

import msgspec
import redis.asyncio as aioredis

from judged.store import leaderboard_lua
from judged.store.competitions import Competition
from judged.store.keys import Keys
from judged.store.scoreboard import View

__all__ = ["MAX_CHANGES", "BoardRead", "BoardReads", "ParticipantRead"]

MAX_CHANGES = 5000
"""More participants changed than this since a snapshot's version: it reads the board whole instead."""
_BATCH = 1000  # participants' rows per pipeline round trip of a whole read
_SCORES = 2000  # board members per ZRANGE of a whole read (a short reply each, within the read timeout)
_USER = "\x01"  # where CHANGES' row key template takes the user id

ParticipantRead = tuple[str, float | None, float | None, str, str]
"""(user id, live score, public score, live cells, public cells); a score None: not on that board.

Cells are compact text, `label:cell;label:cell` in label order, each cell as `Cell.encode` stores it.
"""


class BoardRead(msgspec.Struct, frozen=True):
    """What a read found: `whole` (every participant, whoever is missing left the board) or the changes."""

    version: int
    epoch: str
    whole: bool
    firsts: dict[View, dict[str, float]]  # per view, each problem's earliest accept (contest seconds)
    participants: list[ParticipantRead]


class BoardReads:
    """Whole and incremental reads of competitions' boards. The client must decode responses."""

    def __init__(self, redis: aioredis.Redis, keys: Keys | None = None) -> None:
        self._redis = redis
        self.keys = keys or Keys()
        self._changes = redis.register_script(leaderboard_lua.CHANGES)

    def _first_keys(self, competition: Competition) -> list[str]:
        cid, labels = competition.id, competition.labels
        return [self.keys.first_solves(cid, view, label) for view in ("live", "public") for label in labels]

    async def changes(self, competition: Competition, version: int, epoch: str) -> BoardRead | None:
        """What changed since `version` of `epoch`, read atomically; None when the board must be read whole."""
        cid, k = competition.id, self.keys
        keys = [k.board(cid, "live"), k.board(cid, "public"), k.board_changes(cid), k.board_version(cid)]
        keys += [k.board_epoch(cid), *self._first_keys(competition)]
        args: list[Any] = [version, epoch, MAX_CHANGES, k.participant(cid, _USER)]
        reply = await self._changes(keys=keys, args=args)
        if reply[3] is None:
            return None
        participants = [_participant(user, live, public, _pairs(fields)) for user, live, public, fields in reply[3]]
        return BoardRead(int(reply[0]), str(reply[1]), False, self._firsts(competition, reply[2]), participants)

    async def whole(self, competition: Competition) -> BoardRead:
        """The whole board: the version, epoch and firsts at once (MULTI), then both boards and every row in batches.

        Whatever changes during the read takes a number above the version returned (the update
        script bumps the version with every change), so the next `changes` reads those participants
        again: a participant moved, skipped or read newer than the rest is right one refresh later.
        """
        cid, k = competition.id, self.keys
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.get(k.board_version(cid))
            pipe.get(k.board_epoch(cid))
            for key in self._first_keys(competition):
                pipe.zrange(key, 0, 0, withscores=True)
            replies = await pipe.execute()
        lowest = [reply[0][1] if reply else "" for reply in replies[2:]]
        live = await self._scores(k.board(cid, "live"))
        public = await self._scores(k.board(cid, "public")) if competition.freeze_minutes is not None else {}
        users = list(live.keys() | public.keys())
        participants: list[ParticipantRead] = []
        for begin in range(0, len(users), _BATCH):
            chunk = users[begin : begin + _BATCH]
            async with self._redis.pipeline(transaction=False) as pipe:
                for user in chunk:
                    pipe.hgetall(k.participant(cid, user))
                rows = await pipe.execute()
            for user, fields in zip(chunk, rows, strict=True):
                participants.append(_participant(user, live.get(user), public.get(user), fields.items()))
        version = int(replies[0] or 0)
        return BoardRead(version, str(replies[1] or "0"), True, self._firsts(competition, lowest), participants)

    async def _scores(self, board: str) -> dict[str, float]:
        """Every member of a board with its score, `_SCORES` at a time."""
        found: dict[str, float] = {}
        for begin in itertools.count(0, _SCORES):
            chunk: list[tuple[str, float]] = await self._redis.zrange(
                board, begin, begin + _SCORES - 1, withscores=True
            )  # type: ignore[assignment]
            found.update(chunk)
            if len(chunk) < _SCORES:
                return found
        raise AssertionError("unreachable")

    def _firsts(self, competition: Competition, lowest: list[Any]) -> dict[View, dict[str, float]]:
        labels = competition.labels
        found: dict[View, dict[str, float]] = {"live": {}, "public": {}}
        for index, score in enumerate(lowest):
            if score != "":
                view: View = "live" if index < len(labels) else "public"
                found[view][labels[index % len(labels)]] = float(score)
        return found


def _pairs(flat: list[str]) -> list[tuple[str, str]]:
    return [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]


def _participant(user: str, live: Any, public: Any, fields: Any) -> ParticipantRead:
    """A participant as read: scores (None when absent) and each view's cells in label order."""
    cells: dict[str, list[str]] = {"L:": [], "P:": []}
    for name, text in sorted(fields):
        view = cells.get(name[:2])
        if view is not None:
            view.append(f"{name[2:]}:{text}")
    as_float = [None if score is None or score is False else float(score) for score in (live, public)]
    live_cells, public_cells = ";".join(cells["L:"]), ";".join(cells["P:"])
    if public_cells == live_cells:
        public_cells = live_cells  # one string for both views where the freeze hides nothing (memory)
    return (user, as_float[0], as_float[1], live_cells, public_cells)
