"""Whose history a request may read: a participant token its own only; service and admin tokens anyone's.

Through a real `api`-role daemon app (the identity tests' host), its history read from the
embedded submissions database in the state folder.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from judged.store.archive import SubmissionArchive
from judged.store.database import Database, database_url
from tests.api.test_identity import ADMIN, SERVICE, Client, client, participant
from tests.store.archived import finished
from tests.store.redis_server import redis_url_fixture

__all__ = ["client", "redis_url_fixture"]


async def _archive(state_dir: Path, *users: str) -> None:
    database = Database(database_url("", state_dir))
    await database.open()
    try:
        await SubmissionArchive(database).put_many(
            [finished(uuid.uuid4().hex, user_id=user, problem="balance-point") for user in users]
        )
    finally:
        await database.close()


async def test_a_participant_reads_its_own_history_and_standing_only(client: Client, state_dir: Path) -> None:
    ada, bob = f"ada-{uuid.uuid4().hex[:8]}", f"bob-{uuid.uuid4().hex[:8]}"
    await _archive(state_dir, ada, ada, bob)
    as_ada = participant(ada)

    own = await client.get("/v1/submissions", headers=as_ada)  # no user_id: the token's own
    assert own.status == 200
    assert {item["user_id"] for item in (await own.json())["items"]} == {ada}
    assert len((await (await client.get(f"/v1/submissions?user_id={ada}", headers=as_ada)).json())["items"]) == 2
    for url in (f"/v1/submissions?user_id={bob}", f"/v1/users/{bob}/problems", f"/v1/problems?user_id={bob}"):
        response = await client.get(url, headers=as_ada)
        assert response.status == 403, url
    standing = await (await client.get(f"/v1/users/{ada}/problems", headers=as_ada)).json()
    assert [(row["problem"], row["attempts"]) for row in standing] == [("balance-point", 2)]

    for headers in (SERVICE, ADMIN):  # a trusted backend names the participant
        page = await (await client.get(f"/v1/submissions?user_id={bob}", headers=headers)).json()
        assert [item["user_id"] for item in page["items"]] == [bob]
