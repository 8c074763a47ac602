"""etc/nginx/judged.conf: nginx accepts it, and in front of a real judged app it caches what it should and no more.

nginx runs as a child of the test (`daemon off`), with its own prefix, config, pid file, logs and cache in a
temporary folder, on a free port: a system nginx (port 80) is neither used nor disturbed. Only the three lines the
conf marks `# site:` are replaced (the judged host, the cache folder, the listen address); the rest runs as shipped.
The judged app is `create_app(settings)` with role api (no sandbox) over a real Redis; every request that reaches
it is counted, so "one upstream request" is counted where it happens.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from aiohttp.typedefs import Handler

from judged.daemon import create_app
from judged.judging.verdicts import Verdict
from judged.store.client import connect
from judged.store.competitions import Competition, CompetitionStore
from judged.store.keys import Keys
from judged.store.leaderboard import Leaderboard
from tests.api.test_submissions import settings_for
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

PROJECT = Path(__file__).resolve().parents[1]
CONF = PROJECT / "etc" / "nginx" / "judged.conf"
PREFIX = "nginx-tests:"
FRONTEND = {"Authorization": "Bearer frontend-token"}
ADMIN = {"Authorization": "Bearer admin-token"}
Client = TestClient[web.Request, web.Application]
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
"""Every temporary folder nginx writes, kept in the prefix instead of the build's /var/lib/nginx."""


def cannot_run_nginx(reason: str) -> None:
    """Skip loudly where nginx is not installed; in CI that is a failure (scripts/setup.sh installs it)."""
    message = f"NGINX CANNOT RUN HERE, nginx tests not run: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if found is None:
        cannot_run_nginx("nginx is not installed (bash scripts/setup.sh test installs it)")
    assert found is not None
    return found


def site_config(values: Mapping[str, str]) -> str:
    """judged.conf with the first argument of each active `# site: NAME` line replaced by values[NAME]."""
    lines, replaced = [], []
    for line in CONF.read_text().splitlines():
        directive, marker, name = line.partition("# site: ")
        if not marker or directive.lstrip().startswith("#"):
            lines.append(line)
            continue
        words = directive.split()
        words[1] = values[name.strip()] + (";" if words[1].endswith(";") else "")
        lines.append(directive[: len(directive) - len(directive.lstrip())] + " ".join(words))
        replaced.append(name.strip())
    assert sorted(replaced) == sorted(values), f"the site lines of {CONF.name} changed: {replaced}"
    return "\n".join(lines) + "\n"


def write_prefix(prefix: Path, upstream: str, listen: str, *, workers: int = 1, access_log: bool = True) -> Path:
    """A complete nginx prefix (nginx.conf including judged.conf) with everything nginx writes inside it."""
    site = site_config(
        {"judged host 1": upstream, "the cache folder": str(prefix / "cache"), "where clients reach nginx": listen}
    )
    (prefix / "judged.conf").write_text(site)
    log = f"access_log {prefix / 'access.log'} combined;" if access_log else "access_log off;"
    temp = "\n".join(f"    {kind}_temp_path {prefix / 'temp' / kind};" for kind in TEMP_PATHS)
    (prefix / "nginx.conf").write_text(
        f"daemon off;\nworker_processes {workers};\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\nevents {{ worker_connections 4096; }}\n"
        f"http {{\n    {log}\n{temp}\n    include {prefix / 'judged.conf'};\n}}\n"
    )
    (prefix / "temp").mkdir(exist_ok=True)
    return prefix / "nginx.conf"


def new_prefix() -> Path:
    """A temporary prefix the worker user (nobody) can traverse to reach the cache nginx creates for it."""
    prefix = Path(tempfile.mkdtemp(prefix="judged-nginx-"))
    prefix.chmod(0o711)
    return prefix


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def nginx_argv(binary: str, conf: Path) -> list[str]:
    prefix = conf.parent
    return [binary, "-p", f"{prefix}/", "-e", str(prefix / "error.log"), "-c", str(conf)]


def test_nginx_accepts_the_conf() -> None:
    binary = nginx_binary()
    prefix = new_prefix()
    try:
        conf = write_prefix(prefix, "127.0.0.1:8080", f"127.0.0.1:{free_port()}")
        checked = subprocess.run([*nginx_argv(binary, conf), "-t"], capture_output=True, text=True, check=False)
        assert checked.returncode == 0, checked.stderr
        assert "test is successful" in checked.stderr
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


# nginx in front of a real judged app --------------------------------------------------------------


@dataclass
class Upstream:
    """What reached judged: (path with query, If-None-Match, status) per request."""

    seen: list[tuple[str, str | None, int]] = field(default_factory=list)

    def count(self, path_qs: str) -> int:
        return sum(1 for seen in self.seen if seen[0] == path_qs)

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await handler(request)
        self.seen.append((request.path_qs, request.headers.get("If-None-Match"), response.status))
        return response


@dataclass
class Stack:
    base: str
    upstream: Upstream
    leaderboard: Leaderboard
    store: CompetitionStore
    http: aiohttp.ClientSession


@pytest.fixture(scope="module")
def nginx_prefix() -> Iterator[Path]:
    nginx_binary()
    prefix = new_prefix()
    yield prefix
    shutil.rmtree(prefix, ignore_errors=True)


@pytest.fixture(scope="module")
async def stack(redis_url: str, nginx_prefix: Path) -> AsyncIterator[Stack]:
    upstream = Upstream()
    (nginx_prefix / "state").mkdir(mode=0o711)
    settings = settings_for(
        nginx_prefix / "state",
        redis_url,
        **{
            "redis.prefix": PREFIX,
            "server.role": "api",
            "server.tokens": ["frontend-token"],
            "server.admin_tokens": ["admin-token"],
        },
    )
    app = create_app(settings)
    app.middlewares.insert(0, upstream.middleware)  # outermost: counts 401s too
    client: Client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    port = free_port()
    conf = write_prefix(nginx_prefix, f"127.0.0.1:{client.server.port}", f"127.0.0.1:{port}")
    errors = (nginx_prefix / "stderr").open("w")
    process = subprocess.Popen(nginx_argv(nginx_binary(), conf), stdin=subprocess.DEVNULL, stderr=errors)
    redis = connect(redis_url)
    http = aiohttp.ClientSession()
    try:
        await until_listening(process, port, nginx_prefix)
        keys = Keys(PREFIX)
        yield Stack(f"http://127.0.0.1:{port}", upstream, Leaderboard(redis, keys), CompetitionStore(redis, keys), http)
    finally:
        await http.close()
        process.terminate()
        process.wait(10)
        errors.close()
        await redis.aclose()
        await client.close()


async def until_listening(process: subprocess.Popen[bytes], port: int, prefix: Path) -> None:
    deadline = time.monotonic() + 10
    while True:
        if process.poll() is not None or time.monotonic() > deadline:
            logs = [(prefix / name).read_text(errors="replace") for name in ("stderr", "error.log")]
            pytest.fail(f"nginx did not start: {' '.join(logs)}")
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        return


_next_id = iter(range(1_000_000))


async def competition(stack: Stack, results: int = 30) -> Competition:
    """A running competition created through nginx (a POST: passed through), with `results` accepted results."""
    body = {
        "id": f"nginx-{next(_next_id)}-{int(time.time())}",
        "title": "Behind nginx",
        "start": time.time() - 600,
        "problems": [{"problem": "balance-point"}, {"problem": "aplusb"}],
    }
    async with stack.http.post(f"{stack.base}/v1/competitions", json=body, headers=ADMIN) as response:
        assert response.status == 201, await response.text()
        assert "X-Cache-Status" not in response.headers
    found = await stack.store.get(str(body["id"]))
    assert found is not None
    for index in range(results):
        await record(stack, found, f"u{index:03d}", f"s{index}", seconds=index)
    return found


async def record(stack: Stack, found: Competition, user: str, sid: str, seconds: float) -> None:
    await stack.leaderboard.record(
        found, sid, user_id=user, problem_label="A", submitted_at=found.start + seconds, verdict=Verdict.AC
    )


async def get(stack: Stack, path: str, headers: Mapping[str, str] = FRONTEND) -> tuple[int, str | None, bytes]:
    async with stack.http.get(stack.base + path, headers=headers) as response:
        return response.status, response.headers.get("X-Cache-Status"), await response.read()


async def test_two_reads_of_a_page_within_a_second_make_one_upstream_request(stack: Stack) -> None:
    board = await competition(stack)
    path = f"/v1/competitions/{board.id}/leaderboard?offset=0&limit=10"
    first = await get(stack, path)
    second = await get(stack, path)
    assert (first[0], first[1]) == (200, "MISS")
    assert (second[0], second[1]) == (200, "HIT")
    assert second[2] == first[2]
    assert stack.upstream.count(path) == 1
    for export in ("scoreboard.json", "scoreboard.csv"):
        url = f"/v1/competitions/{board.id}/{export}"
        assert [(await get(stack, url))[1] for _ in range(2)] == ["MISS", "HIT"]
        assert stack.upstream.count(url) == 1


async def test_a_storm_on_a_new_page_makes_one_upstream_request(stack: Stack) -> None:
    board = await competition(stack)
    path = f"/v1/competitions/{board.id}/leaderboard?offset=5&limit=7"
    answers = await asyncio.gather(*(get(stack, path) for _ in range(40)))
    assert {status for status, _, _ in answers} == {200}
    assert len({body for _, _, body in answers}) == 1
    assert stack.upstream.count(path) == 1


async def test_an_expired_page_is_revalidated_with_its_etag(stack: Stack) -> None:
    board = await competition(stack)
    path = f"/v1/competitions/{board.id}/leaderboard?limit=3"
    async with stack.http.get(stack.base + path, headers=FRONTEND) as response:
        etag = response.headers["ETag"]
        assert response.headers["Cache-Control"] == "public, max-age=1"  # judged's, passed on unchanged
    # nginx counts max-age in whole seconds of its clock: a page stored at t is fresh until t's second + 1, so
    # up to 2 s.
    await asyncio.sleep(2.1)
    assert (await get(stack, path))[1] in ("STALE", "UPDATING", "EXPIRED", "REVALIDATED")
    await asyncio.sleep(0.3)  # the background revalidation
    assert (path, etag, 304) in stack.upstream.seen
    assert (await get(stack, path))[1] == "HIT"
    async with stack.http.get(stack.base + path, headers={**FRONTEND, "If-None-Match": etag}) as response:
        assert response.status == 304  # nginx answers the client's own revalidation from the cache


async def test_the_live_view_is_never_served_from_the_cache(stack: Stack) -> None:
    board = await competition(stack)
    path = f"/v1/competitions/{board.id}/leaderboard?view=live"
    statuses = [await get(stack, path, ADMIN) for _ in range(3)]
    assert [(status, cache) for status, cache, _ in statuses] == [(200, "BYPASS")] * 3
    assert stack.upstream.count(path) == 3
    public = f"/v1/competitions/{board.id}/leaderboard?view=public"
    assert [(await get(stack, public, ADMIN))[1] for _ in range(2)] == ["MISS", "HIT"]


async def test_a_cached_page_is_not_served_without_a_valid_token(stack: Stack) -> None:
    board = await competition(stack)
    path = f"/v1/competitions/{board.id}/leaderboard"
    assert [(await get(stack, path))[:2] for _ in range(2)] == [(200, "MISS"), (200, "HIT")]
    assert (await get(stack, path, {}))[0] == 401
    assert (await get(stack, path, {"Authorization": "Bearer guessed"}))[0] == 401


async def test_own_rows_and_problem_pages(stack: Stack) -> None:
    board = await competition(stack)
    own = f"/v1/competitions/{board.id}/leaderboard/u007"
    assert [(await get(stack, own))[:2] for _ in range(2)] == [(200, None)] * 2  # private: never cached
    assert stack.upstream.count(own) == 2
    problem = "/v1/problems/balance-point?language=cpp"
    assert [(await get(stack, problem))[:2] for _ in range(2)] == [(200, "MISS"), (200, "HIT")]
    assert stack.upstream.count(problem) == 1


async def test_server_sent_events_arrive_one_by_one(stack: Stack) -> None:
    board = await competition(stack, results=2)
    url = f"{stack.base}/v1/competitions/{board.id}/leaderboard/events?limit=10"
    async with stack.http.get(url, headers=FRONTEND) as response:
        assert response.headers["Content-Type"].startswith("text/event-stream")
        assert "X-Cache-Status" not in response.headers
        assert await asyncio.wait_for(response.content.readline(), 5) == b"event: snapshot\n"
        assert b'"u001"' in await response.content.readline()
        assert await response.content.readline() == b"\n"
        await record(stack, board, "newcomer", "late", seconds=1)
        started = time.monotonic()
        assert await asyncio.wait_for(response.content.readline(), 5) == b"event: changes\n"
        assert b'"newcomer"' in await response.content.readline()
        assert time.monotonic() - started < 3  # within a refresh or two, not when a buffer fills
