"""GET /healthz, /readyz and /v1/languages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from judged.api import build_app
from judged.judging.statuses import LanguageStatus
from tests.api.conftest import CPP, PYTHON, RUST_BROKEN, Client, Daemon
from tests.store.postgres import Cluster, allow_connections, fresh_open_database, postgres_cluster_fixture

__all__ = ["postgres_cluster_fixture"]


async def test_healthz_answers_even_before_anything_is_ready(unsynced: Client, daemon: Daemon) -> None:
    daemon.statuses = []
    response = await unsynced.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}


NONE: dict[str, list[str]] = {"problems": [], "libraries": [], "extensions": []}


async def test_languages_lists_every_status(client: Client) -> None:
    response = await client.get("/v1/languages")
    assert response.status == 200
    assert await response.json() == [
        {
            "id": "python", "name": "Python 3", "version": "Python 3.11.2", "enabled": True, "reason": "",
            "problems": ["function", "io"], "libraries": ["sortedcontainers 2.4.0"], "extensions": ["py", "py3"],
        },
        {"id": "cpp", "name": "C++17", "version": "g++ (Debian 12.2.0) 12.2.0", "enabled": True, "reason": "", **NONE},
        {"id": "rust", "name": "Rust", "version": "", "enabled": False, "reason": "the version probe failed", **NONE},
    ]  # fmt: skip


async def test_languages_follow_the_judge_as_it_changes(client: Client, daemon: Daemon) -> None:
    daemon.statuses = [PYTHON]
    assert [language["id"] for language in await (await client.get("/v1/languages")).json()] == ["python"]


def checks(body: dict[str, object]) -> dict[str, bool]:
    found = body["checks"]
    assert isinstance(found, list)
    return {check["name"]: check["ok"] for check in found}


async def test_not_ready_before_the_first_sync_then_ready(unsynced: Client, daemon: Daemon) -> None:
    response = await unsynced.get("/readyz")
    assert response.status == 503
    body = await response.json()
    assert body["status"] == "not_ready"
    assert checks(body) == {"redis": True, "problem_index": False, "languages": True, "database": True}
    assert "synced" in body["checks"][1]["message"]

    await daemon.sync()
    response = await unsynced.get("/readyz")
    assert response.status == 200
    body = await response.json()
    assert body["status"] == "ready"
    assert checks(body) == {"redis": True, "problem_index": True, "languages": True, "database": True}


async def test_not_ready_with_no_enabled_language(client: Client, daemon: Daemon) -> None:
    daemon.statuses = [RUST_BROKEN]
    response = await client.get("/readyz")
    assert response.status == 503
    body = await response.json()
    assert checks(body) == {"redis": True, "problem_index": True, "languages": False, "database": True}
    assert "rust: the version probe failed" in body["checks"][2]["message"]

    daemon.statuses = []  # the judge has not finished its self-tests
    body = await (await client.get("/readyz")).json()
    assert checks(body) == {"redis": True, "problem_index": True, "languages": False, "database": True}
    assert "self-test" in body["checks"][2]["message"]

    daemon.statuses = [RUST_BROKEN, LanguageStatus(CPP.id, CPP.name, CPP.version, enabled=True)]
    assert (await client.get("/readyz")).status == 200


async def test_nothing_ready_lists_both_checks(daemon: Daemon) -> None:
    daemon.statuses = []
    async with TestClient(TestServer(build_app(daemon.deps()))) as client:
        response = await client.get("/readyz")
        assert response.status == 503
        assert checks(await response.json()) == {
            "redis": True,
            "problem_index": False,
            "languages": False,
            "database": True,
        }


async def test_not_ready_while_the_submissions_database_is_unreachable(
    daemon: Daemon, postgres_cluster: Cluster, tmp_path: Path
) -> None:
    await daemon.sync()
    async with fresh_open_database(postgres_cluster, tmp_path) as (database, name):
        deps = dataclasses.replace(daemon.deps(), database_ping=database.ping)
        async with TestClient(TestServer(build_app(deps))) as client:
            assert (await client.get("/readyz")).status == 200
            await allow_connections(postgres_cluster, name, False)
            response = await client.get("/readyz")
            assert response.status == 503
            body = await response.json()
            assert checks(body)["database"] is False
            assert "submissions database is unreachable" in body["checks"][3]["message"]
            await allow_connections(postgres_cluster, name, True)
            assert (await client.get("/readyz")).status == 200
