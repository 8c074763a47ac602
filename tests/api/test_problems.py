"""GET /v1/problems and /v1/problems/{slug} over a real index of copied problem folders."""

from __future__ import annotations

import re
from typing import Any

import pytest

from judged.harness import Signature, stub
from judged.store.index import MAX_PAGE
from tests.api.conftest import SLUGS, Client, Daemon

RANK = {"easy": 0, "medium": 1, "hard": 2}


async def get_json(client: Client, path: str, status: int = 200, /, **params: str) -> Any:
    response = await client.get(path, params=params)
    assert response.status == status, await response.text()
    assert response.content_type == "application/json"
    return await response.json()


async def all_slugs(client: Client, limit: int, **filters: str) -> list[str]:
    slugs: list[str] = []
    params = {"limit": str(limit), **filters}
    while True:
        page = await get_json(client, "/v1/problems", **params)
        slugs += [item["slug"] for item in page["items"]]
        if page["next_cursor"] is None:
            return slugs
        params["cursor"] = page["next_cursor"]


async def test_paging_visits_every_problem_once_easiest_first(client: Client) -> None:
    first = await get_json(client, "/v1/problems")
    assert first["total"] == len(SLUGS)
    assert first["next_cursor"] is None  # the default limit of 20 holds all six
    ordered = [item["slug"] for item in first["items"]]
    for limit in (1, 2, 4, 100):
        assert await all_slugs(client, limit) == ordered
    difficulties = [RANK[item["difficulty"]] for item in first["items"]]
    assert difficulties == sorted(difficulties)
    assert sorted(ordered) == sorted(SLUGS)


async def test_a_page_item_is_a_summary(client: Client) -> None:
    page = await get_json(client, "/v1/problems", limit="1")
    assert page["items"] == [
        {"slug": "balance-point", "title": "Balance Point", "difficulty": "easy", "tags": ["array", "prefix-sum"]}
    ]
    assert page["total"] == len(SLUGS)
    assert isinstance(page["next_cursor"], str)


async def test_filters_by_difficulty_and_tag(client: Client) -> None:
    assert await all_slugs(client, 1, difficulty="medium") == ["balance-scale", "trim-leaves"]
    assert await all_slugs(client, 1, difficulty="hard") == ["best-average"]
    assert await all_slugs(client, 2, tag="tree") == ["level-sums", "trim-leaves"]
    assert await all_slugs(client, 2, tag="prefix-sum", difficulty="hard") == ["best-average"]
    page = await get_json(client, "/v1/problems", tag="prefix-sum")
    assert page["total"] == 2
    assert await all_slugs(client, 5, tag="no-such-tag") == []


async def test_a_limit_with_leading_zeros_reads_as_the_number_as_on_every_route(client: Client) -> None:
    padded = await get_json(client, "/v1/problems", limit="0002")
    assert len(padded["items"]) == 2


async def test_q_searches_titles_and_statements(client: Client) -> None:
    assert await all_slugs(client, 5, q="rainfall") == ["rain-window"]
    assert await all_slugs(client, 5, q="Balanc") == ["balance-point", "balance-scale"]
    assert await all_slugs(client, 5, q='rainfall" (') == ["rain-window"]  # quotes and operators are not syntax
    assert await all_slugs(client, 5, q="!!!") == []


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": str(MAX_PAGE + 1)}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "1_0"}, "limit"),
        ({"limit": "-1"}, "limit"),
        ({"limit": "1e1"}, "limit"),
        ({"limit": "\u0661\u0660"}, "limit"),  # Arabic-Indic digits: int() reads them, the API does not
        ({"difficulty": "impossible"}, "difficulty"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "WzksImJhbGFuY2UtcG9pbnQiXQ"}, "cursor"),  # well-formed JSON, rank out of range
        ({"q": "x" * 201}, "q"),
    ],
)
async def test_bad_parameters_are_a_400_with_the_json_error(client: Client, params: dict[str, str], words: str) -> None:
    body = await get_json(client, "/v1/problems", 400, **params)
    assert body["error"]["code"] == "bad_request"
    assert words in body["error"]["message"]
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}


async def test_problem_page_has_everything_and_a_python_stub_by_default(client: Client, daemon: Daemon) -> None:
    body = await get_json(client, "/v1/problems/balance-point")
    problem = await daemon.index.get("balance-point")
    assert problem is not None
    assert body["slug"] == "balance-point"
    assert body["title"] == "Balance Point"
    assert body["difficulty"] == "easy"
    assert body["tags"] == ["array", "prefix-sum"]
    assert body["statement"] == problem.statement
    assert body["statement"].strip()
    assert body["limits"] == {"time_limit": 3.0, "memory_limit": 256}
    assert body["samples"]
    assert body["samples"] == [{"input": sample.input, "output": sample.output} for sample in problem.samples]
    assert body["signature"] == {
        "name": "balancePoint",
        "params": [{"name": "weights", "type": "int[]"}],
        "returns": "int",
    }
    assert body["language"] == "python"
    assert isinstance(problem.signature, Signature)
    assert body["stub"] == stub(problem.signature, "python")
    assert "def balancePoint(self, weights: List[int]) -> int:" in body["stub"]
    assert body["languages"] == list(problem.languages)
    assert {"python", "cpp"} <= set(body["languages"])


async def test_problem_page_in_cpp(client: Client, daemon: Daemon) -> None:
    body = await get_json(client, "/v1/problems/level-sums", language="cpp")
    problem = await daemon.index.get("level-sums")
    assert problem is not None
    assert body["language"] == "cpp"
    assert isinstance(problem.signature, Signature)
    assert body["stub"] == stub(problem.signature, "cpp")
    assert "TreeNode" in body["stub"]
    assert body["signature"]["params"][0]["type"] == "TreeNode"


async def test_unknown_problem_is_a_404_json(client: Client) -> None:
    body = await get_json(client, "/v1/problems/no-such-problem", 404)
    assert body["error"]["code"] == "not_found"
    assert "no-such-problem" in body["error"]["message"]


async def test_unknown_language_is_a_400_json(client: Client) -> None:
    body = await get_json(client, "/v1/problems/balance-point", 400, language="cobol")
    assert body["error"]["code"] == "bad_request"
    assert "cobol" in body["error"]["message"]
    assert "python" in body["error"]["message"]  # and it says which are known


@pytest.mark.parametrize("path", ["/v1/problems?limit=2", "/v1/problems/rain-window?language=cpp"])
async def test_problem_pages_are_cacheable_with_an_etag(client: Client, path: str) -> None:
    first = await client.get(path)
    assert first.status == 200
    etag = first.headers["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    assert first.headers["Cache-Control"] == "public, max-age=1"
    body = await first.read()

    again = await client.get(path)
    assert again.headers["ETag"] == etag  # the same body, the same tag
    assert await again.read() == body

    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        cached = await client.get(path, headers={"If-None-Match": header})
        assert cached.status == 304, header
        assert await cached.read() == b""
        assert cached.headers["ETag"] == etag

    stale = await client.get(path, headers={"If-None-Match": '"something-else"'})
    assert stale.status == 200
    assert await stale.read() == body


async def test_etag_changes_with_the_body(client: Client) -> None:
    python = await client.get("/v1/problems/rain-window")
    cpp = await client.get("/v1/problems/rain-window", params={"language": "cpp"})
    assert python.headers["ETag"] != cpp.headers["ETag"]
    stale = await client.get(
        "/v1/problems/rain-window", params={"language": "cpp"}, headers={"If-None-Match": python.headers["ETag"]}
    )
    assert stale.status == 200
