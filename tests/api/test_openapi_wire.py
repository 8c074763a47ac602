"""What the API sends matches the schemas its OpenAPI document gives for it (the web client and any
generated client read those schemas): checked here for every state, not only where a fuzzer happens to
find an existing object."""

from __future__ import annotations

import time

import jsonschema_rs
import msgspec
import pytest

from judged.api.openapi_competitions import WIRE_TYPES, competition_view_schema
from judged.store.competitions import Competition, CompetitionProblem

HOUR = 3600.0


def competition_schema() -> dict[str, object]:
    _, components = msgspec.json.schema_components(WIRE_TYPES, ref_template="#/components/schemas/{name}")
    return {**competition_view_schema(), "components": {"schemas": components}}


@pytest.mark.parametrize(
    ("start", "freeze", "finalized"),
    [(HOUR, None, False), (-60.0, 30, False), (-2 * HOUR, None, False), (-2 * HOUR, 30, True)],
    ids=["scheduled", "frozen", "ended", "finalized"],
)
def test_a_competition_as_sent_matches_its_schema(start: float, freeze: int | None, finalized: bool) -> None:
    competition = Competition(
        id="spring",
        title="Spring",
        start=time.time() + start,
        problems=[CompetitionProblem(problem="aplusb", label="A")],
        duration=3600,
        freeze_minutes=freeze,
        finalized=finalized,
    )
    wire = competition.to_wire()
    assert {"state", "end", "freeze_at"} <= set(wire)
    validator = jsonschema_rs.validator_for(competition_schema())
    assert list(validator.iter_errors(wire)) == []
