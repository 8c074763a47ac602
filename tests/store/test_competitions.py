"""Competitions: validation, state over time, admission of submissions, the TOML loader, and the Redis store."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
import redis.asyncio as aioredis

from judged.store.competitions import (
    Competition,
    CompetitionExists,
    CompetitionInvalid,
    CompetitionNotFound,
    CompetitionProblem,
    CompetitionState,
    CompetitionStore,
    NotAdmitted,
    ProblemLocks,
    admit,
    decode_competition,
    load_competition,
    problem_locks,
)
from judged.store.keys import Keys
from tests.store.redis_server import redis_fixture, redis_url_fixture

__all__ = ["redis_fixture", "redis_url_fixture"]

START = 1_750_000_000.0


def make(**fields: object) -> Competition:
    data: dict[str, object] = {
        "id": "spring-2025",
        "title": "Spring round",
        "start": START,
        "problems": [{"problem": "two-sum"}, {"problem": "lru-cache"}],
    }
    data.update(fields)
    return msgspec.convert(data, Competition)


def test_defaults_and_labels_by_position() -> None:
    competition = make()
    assert competition.duration == 90 * 60
    assert competition.rule == "solved-then-time"
    assert competition.penalty_minutes == 20
    assert competition.freeze_minutes is None
    assert competition.labels == ["A", "B"]
    assert competition.label_of("lru-cache") == "B"
    assert competition.label_of("nope") is None


def test_given_labels_are_kept() -> None:
    competition = make(problems=[{"problem": "x", "label": "Q"}, {"problem": "y"}])
    assert competition.labels == ["Q", "B"]


@pytest.mark.parametrize(
    "fields",
    [
        {"id": "bad id"},
        {"id": "x" * 65},
        {"id": ""},
        {"title": ""},
        {"problems": []},
        {"problems": [{"problem": f"p{i}"} for i in range(27)]},
        {"duration": 10},
        {"duration": 8 * 24 * 3600},
        {"penalty_minutes": -1},
        {"rule": "ioi"},
        {"freeze_minutes": 0},
        {"colour": "red"},
    ],
)
def test_fields_out_of_bounds_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(msgspec.ValidationError):
        make(**fields)


@pytest.mark.parametrize(
    "fields",
    [
        {"problems": [{"problem": "x", "label": "A"}, {"problem": "y", "label": "A"}]},
        {"problems": [{"problem": "x"}, {"problem": "x"}]},
        {"duration": 3600, "freeze_minutes": 61},
    ],
)
def test_inconsistent_competitions_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises((msgspec.ValidationError, CompetitionInvalid)):
        make(**fields)


def test_constructing_directly_validates_too() -> None:
    with pytest.raises(CompetitionInvalid):
        Competition(
            id="c", title="t", start=START, problems=[CompetitionProblem("x", "A"), CompetitionProblem("y", "A")]
        )


def test_json_body_round_trip() -> None:
    competition = make(rule="icpc", freeze_minutes=30)
    assert decode_competition(msgspec.json.encode(competition)) == competition


def test_state_over_time() -> None:
    competition = make(duration=3600, freeze_minutes=15)
    assert competition.state(START - 1) is CompetitionState.SCHEDULED
    assert competition.state(START) is CompetitionState.RUNNING
    assert competition.state(START + 44 * 60) is CompetitionState.RUNNING
    assert competition.state(START + 45 * 60) is CompetitionState.FROZEN
    assert competition.state(START + 3600) is CompetitionState.ENDED
    assert msgspec.structs.replace(competition, finalized=True).state(START + 10) is CompetitionState.FINALIZED
    assert make().state(START + 89 * 60) is CompetitionState.RUNNING  # no freeze: never frozen


def test_wire_form_carries_the_state() -> None:
    wire = make(freeze_minutes=10).to_wire(START + 85 * 60)
    assert wire["state"] == "frozen"
    assert wire["end"] == START + 5400
    assert wire["freeze_at"] == START + 80 * 60
    assert wire["problems"][0] == {"problem": "two-sum", "label": "A"}


def test_admit_while_running_only_and_only_its_problems() -> None:
    competition = make(freeze_minutes=10)
    assert admit(competition, "lru-cache", START + 60) == "B"
    assert admit(competition, "two-sum", START + 85 * 60) == "A"  # frozen still runs
    for moment in (START - 1, START + 5400):
        with pytest.raises(NotAdmitted) as caught:
            admit(competition, "two-sum", moment)
        assert caught.value.code == "competition_not_running"
    with pytest.raises(NotAdmitted) as caught:
        admit(competition, "word-ladder", START + 60)
    assert caught.value.code == "problem_not_in_competition"
    assert "word-ladder" in str(caught.value)


def test_contest_seconds_are_clamped_to_the_competition() -> None:
    competition = make()
    assert competition.contest_seconds(START + 12.5) == 12.5
    assert competition.contest_seconds(START - 5) == 0.0
    assert competition.contest_seconds(START + 10_000) == 5400.0


def test_toml_with_an_offset_datetime(tmp_path: Path) -> None:
    path = tmp_path / "spring.toml"
    path.write_text(
        'id = "spring"\ntitle = "Spring"\nstart = 2025-05-01T14:00:00+02:00\nrule = "icpc"\n'
        "freeze_minutes = 30\n\n"
        '[[problems]]\nproblem = "two-sum"\n\n[[problems]]\nproblem = "lru-cache"\nlabel = "Z"\n'
    )
    competition = load_competition(path)
    assert competition.start == 1746100800.0  # 12:00 UTC
    assert competition.labels == ["A", "Z"]
    assert competition.rule == "icpc"


def test_toml_with_unix_seconds(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'id = "c"\ntitle = "C"\nstart = {int(START)}\nproblems = [{{problem = "two-sum"}}]\n')
    assert load_competition(path).start == START


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('start = 2025-05-01T14:00:00\nproblems = [{problem = "x"}]', "UTC offset"),
        ('start = 2025-05-01\nproblems = [{problem = "x"}]', "UTC offset"),
        ('start = 1\nproblems = [{problem = "x"}]\nfreez_minutes = 3', "freez_minutes"),
        ('start = 1\nproblems = [{problem = "x", lable = "A"}]', "lable"),
    ],
)
def test_toml_mistakes_say_where(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(f'id = "c"\ntitle = "C"\n{text}\n')
    with pytest.raises(ValueError, match=message) as caught:
        load_competition(path)
    assert str(path) in str(caught.value)


async def test_store_create_get_and_refuse_overwrite(redis: aioredis.Redis) -> None:
    store = CompetitionStore(redis)
    competition = make()
    assert await store.get(competition.id) is None
    await store.create(competition)
    assert await store.get(competition.id) == competition
    with pytest.raises(CompetitionExists):
        await store.create(make(title="Other"))
    await store.create(make(title="Other"), replace=True)
    assert (await store.require(competition.id)).title == "Other"
    with pytest.raises(CompetitionNotFound):
        await store.require("missing")


async def test_store_key_carries_the_competition_hash_tag(redis: aioredis.Redis) -> None:
    await CompetitionStore(redis, Keys(prefix="t:")).create(make())
    assert sorted(await redis.keys("*")) == ["t:competitions:by-end", "t:{c:spring-2025}:competition"]


def test_problems_are_hidden_before_the_start_locked_while_running_and_free_after() -> None:
    competition = make(duration=3600, freeze_minutes=10)
    states = {
        "before": START - 1,
        "running": START + 10,
        "frozen": START + 3590,
        "after": START + 3600,
    }
    locks = {name: problem_locks([competition], at) for name, at in states.items()}
    assert not locks["before"].visible("two-sum", admin=False)
    assert locks["before"].visible("two-sum", admin=True)
    assert locks["before"].visible("other", admin=False)
    for name in ("running", "frozen"):
        assert locks[name].visible("two-sum", admin=False)
        assert not locks[name].practice("lru-cache")
        assert not locks[name].reference_outputs("two-sum")
        assert locks[name].practice("other")
    assert locks["after"] == ProblemLocks()
    shown = make(hide_problems=False)
    assert problem_locks([shown], START - 1).visible("two-sum", admin=False)


def test_a_running_competition_shows_a_problem_another_scheduled_one_hides() -> None:
    running = make(id="now")
    later = make(id="later", start=START + 7200)
    locks = problem_locks([running, later], START + 60)
    assert locks.visible("two-sum", admin=False)
    assert not locks.practice("two-sum")


async def test_current_competitions_are_those_not_ended(redis: aioredis.Redis) -> None:
    store = CompetitionStore(redis, Keys(prefix="t:"))
    await store.create(make(id="past", start=START - 7200))
    await store.create(make(id="now"))
    await store.create(make(id="next", start=START + 7200))
    assert [competition.id for competition in await store.current(START + 60)] == ["now", "next"]
    assert [competition.id for competition in await store.current(START + 7200 + 5400)] == []


async def test_competitions_stored_before_the_end_index_are_added_to_it_once(redis: aioredis.Redis) -> None:
    keys = Keys(prefix="t:")
    store = CompetitionStore(redis, keys)
    await store.create(make(id="old"))
    await store.create(make(id="older", start=START + 60))
    await redis.delete(keys.competitions_by_end())  # as a Redis written before the index existed
    assert await store.current(START) == []
    assert await store.index_existing() == 2
    assert [competition.id for competition in await store.current(START)] == ["old", "older"]
    await redis.delete(keys.competitions_by_end())
    assert await store.index_existing() == 0  # once per Redis: the scan is not repeated at every start


async def test_finalize_only_after_the_end(redis: aioredis.Redis) -> None:
    store = CompetitionStore(redis)
    competition = make(freeze_minutes=10)
    await store.create(competition)
    with pytest.raises(CompetitionInvalid):
        await store.finalize(competition.id, now=START + 60)
    final = await store.finalize(competition.id, now=START + 5400)
    assert final.finalized
    assert (await store.require(competition.id)).state(START + 5400) is CompetitionState.FINALIZED
    assert await store.finalize(competition.id, now=START + 6000) == final
