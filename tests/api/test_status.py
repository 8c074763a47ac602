"""GET /healthz, /readyz and /v1/languages."""

from __future__ import annotations

from aiohttp.test_utils import TestClient, TestServer

from judged.api import build_app
from judged.judging.selftest import LanguageStatus
from tests.api.conftest import CPP, PYTHON, RUST_BROKEN, Client, Daemon


async def test_healthz_answers_even_before_anything_is_ready(unsynced: Client, daemon: Daemon) -> None:
    daemon.statuses = []
    response = await unsynced.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}


async def test_languages_lists_every_status(client: Client) -> None:
    response = await client.get("/v1/languages")
    assert response.status == 200
    assert await response.json() == [
        {"id": "python", "name": "Python 3", "version": "Python 3.11.2", "enabled": True, "reason": ""},
        {"id": "cpp", "name": "C++17", "version": "g++ (Debian 12.2.0) 12.2.0", "enabled": True, "reason": ""},
        {"id": "rust", "name": "Rust", "version": "", "enabled": False, "reason": "the version probe failed"},
    ]


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
    assert checks(body) == {"redis": True, "problem_index": False, "languages": True}
    assert "synced" in body["checks"][1]["message"]

    await daemon.sync()
    response = await unsynced.get("/readyz")
    assert response.status == 200
    body = await response.json()
    assert body["status"] == "ready"
    assert checks(body) == {"redis": True, "problem_index": True, "languages": True}


async def test_not_ready_with_no_enabled_language(client: Client, daemon: Daemon) -> None:
    daemon.statuses = [RUST_BROKEN]
    response = await client.get("/readyz")
    assert response.status == 503
    body = await response.json()
    assert checks(body) == {"redis": True, "problem_index": True, "languages": False}
    assert "rust: the version probe failed" in body["checks"][2]["message"]

    daemon.statuses = []  # the judge has not finished its self-tests
    body = await (await client.get("/readyz")).json()
    assert checks(body) == {"redis": True, "problem_index": True, "languages": False}
    assert "self-test" in body["checks"][2]["message"]

    daemon.statuses = [RUST_BROKEN, LanguageStatus(CPP.id, CPP.name, CPP.version, enabled=True)]
    assert (await client.get("/readyz")).status == 200


async def test_nothing_ready_lists_both_checks(daemon: Daemon) -> None:
    daemon.statuses = []
    async with TestClient(TestServer(build_app(daemon.deps()))) as client:
        response = await client.get("/readyz")
        assert response.status == 503
        assert checks(await response.json()) == {"redis": True, "problem_index": False, "languages": False}
