"""Real `judged serve` processes for the end-to-end tests: each with its own state folder, port and log file.

`Daemons` starts them (and a plain redis-server to share, when a test wants one) and
stops every one at the end: SIGTERM, then SIGKILL, and then whatever each daemon had
started itself (its embedded redis-server, a jail) if that outlived it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

REPO = Path(__file__).resolve().parents[1]
JUDGED = Path(sys.executable).parent / "judged"
SERVING = "judged: serving"
STOP_TIMEOUT = 20.0
"""Seconds a daemon gets to stop after SIGTERM before it is killed."""


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def stop_process(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """SIGTERM, then SIGKILL if it has not stopped within `timeout` seconds; nothing if it already has."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def scratch_dir(prefix: str) -> Path:
    """A temporary folder that jails can mount from (0711, as tests/conftest.py's `jail_tmp`)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o711)
    return path


def children_of(pid: int) -> list[int]:
    """The pids whose parent is `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            stat = (entry / "stat").read_text()
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def descendants_of(pid: int) -> list[int]:
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children_of(todo.pop()):
            found.append(child)
            todo.append(child)
    return found


def identity(pid: int) -> tuple[int, int] | None:
    """(pid, start time in clock ticks) of a live process, so that a reused pid is never mistaken for it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    if fields[0] == "Z":
        return None
    return pid, int(fields[19])


@dataclass
class Daemon:
    """One `judged serve` process."""

    name: str
    url: str
    process: subprocess.Popen[bytes]
    state_dir: Path
    log_path: Path
    helpers: set[tuple[int, int]] = field(default_factory=set)
    """Processes the daemon started (seen while it ran), stopped at cleanup if they outlive it."""

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def consumer_prefix(self) -> str:
        """What its worker slots are called in the consumer group, before `-<slot number>`."""
        return f"{socket.gethostname()}-{self.pid}"

    @property
    def embedded_socket(self) -> Path:
        return self.state_dir / "redis" / "redis.sock"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def tail(self, lines: int = 40) -> str:
        return f"--- last lines of {self.name}'s log ({self.log_path}) ---\n" + "\n".join(
            self.log().splitlines()[-lines:]
        )

    def note_helpers(self) -> None:
        """Remember the processes it runs now (redis-server, nsjail), to clean up after a kill."""
        if self.process.poll() is None:
            self.helpers.update(filter(None, map(identity, descendants_of(self.pid))))

    async def wait_serving(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while SERVING not in self.log():
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited with {self.process.returncode}\n{self.tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name} did not start serving in {timeout:.0f} s\n{self.tail()}")
            await asyncio.sleep(0.1)
        self.note_helpers()

    async def wait_ready(self, session: aiohttp.ClientSession, timeout: float = 120.0) -> None:
        """Until GET /readyz is 200: Redis reachable, index synced, a language self-tested."""
        deadline = time.monotonic() + timeout
        body = ""
        while True:
            with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                async with session.get(f"{self.url}/readyz", timeout=aiohttp.ClientTimeout(total=5)) as response:
                    if response.status == 200:
                        self.note_helpers()
                        return
                    body = await response.text()
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited with {self.process.returncode}\n{self.tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name} not ready in {timeout:.0f} s: {body}\n{self.tail()}")
            await asyncio.sleep(0.25)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL; then stop what it started and left behind."""
        if self.process.poll() is None:
            self.note_helpers()
            stop_process(self.process, STOP_TIMEOUT)
        for pid, started in sorted(self.helpers):
            if identity(pid) == (pid, started):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)  # a test may have stopped it
                    os.kill(pid, signal.SIGKILL)


class RedisServer:
    """A plain redis-server on a unix socket in its own folder (as tests/store/redis_server.py starts one)."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise AssertionError("redis-server is not installed: these tests need a real Redis")
        self.dir = scratch_dir("judged-redis-")
        self.socket = self.dir / "redis.sock"
        argv = [binary, "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700"]
        argv += ["--dir", str(self.dir), "--save", "", "--appendonly", "no", "--logfile", str(self.dir / "redis.log")]
        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not self.socket.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError("redis-server did not start")
            time.sleep(0.01)

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def stop(self) -> None:
        stop_process(self.process)
        shutil.rmtree(self.dir, ignore_errors=True)


class Daemons:
    """Starts daemons for one test; `close` stops them all and removes their folders."""

    def __init__(self) -> None:
        self.dir = scratch_dir("judged-daemons-")
        self.started: list[Daemon] = []
        self.redis_servers: list[RedisServer] = []

    def redis_server(self) -> RedisServer:
        server = RedisServer()
        self.redis_servers.append(server)
        return server

    def start(self, name: str, role: str, env: Mapping[str, str]) -> Daemon:
        """`judged serve --role ROLE` with JUDGED_* from `env` (nothing inherited), in the repository."""
        folder = self.dir / name
        folder.mkdir(mode=0o711)
        state = folder / "state"
        log_path = folder / "daemon.log"
        port = free_port()
        environ = {key: value for key, value in os.environ.items() if not key.startswith("JUDGED_")}
        environ.update({"JUDGED_LANGUAGES_DIR": str(REPO / "languages"), "PYTHONUNBUFFERED": "1", **env})
        argv = [str(JUDGED), "serve", "--state-dir", str(state), "--listen", f"127.0.0.1:{port}", "--role", role]
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                argv, cwd=REPO, env=environ, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
            )
        daemon = Daemon(name, f"http://127.0.0.1:{port}", process, state, log_path)
        self.started.append(daemon)
        return daemon

    def tails(self) -> str:
        return "\n".join(daemon.tail() for daemon in self.started)

    def close(self) -> None:
        try:
            for daemon in reversed(self.started):
                daemon.stop()
        finally:
            for server in self.redis_servers:
                server.stop()
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(name="daemons")
def daemons_fixture() -> Iterator[Daemons]:
    started = Daemons()
    try:
        yield started
    finally:
        started.close()


@pytest.fixture(name="session")
async def session_fixture() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as client:
        yield client
