"""A contest deployment on one machine, for tests/contest_day.py: every part a real process that can be hurt.

- PostgreSQL (the submissions database), a private cluster on a unix socket, stoppable and
  startable again (the "database unreachable" fault);
- Redis: a primary, a replica and a sentinel (tests/redis_ha.py);
- judged: one API-only daemon and two worker daemons (`--role`), all configured with
  `redis.sentinel` and the PostgreSQL URL (tests/daemon_process.py starts them);
- nginx in front of the API daemon with the shipped etc/nginx/judged.conf.

`ContestStack.open()` starts everything and waits until the API answers /readyz through nginx;
`close()` stops everything it started, whatever state the faults left it in.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import asyncpg  # type: ignore[import-untyped]

from tests.daemon_process import REPO, Daemon, Daemons, children_of, free_port, scratch_dir, stop_process
from tests.redis_ha import SERVICE, RedisHA
from tests.store.postgres import _as_user, _binaries
from tests.test_nginx_conf import new_prefix, nginx_argv, nginx_binary, write_prefix

DATABASE = "judged_contest"
VISIBILITY_TIMEOUT = 8.0
"""Seconds before a submission claimed by a killed worker is taken over by another slot."""


class Postgres:
    """A private PostgreSQL cluster on a unix socket; `stop` and `start` make it unreachable and back."""

    def __init__(self) -> None:
        binaries = _binaries()
        if binaries is None:
            raise AssertionError("PostgreSQL is not installed (Debian's postgresql package)")
        self.binaries = binaries
        self.user = _as_user()
        self.dir = scratch_dir("judged-contest-pg-")
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        self.data, self.log = self.dir / "data", self.dir / "server.log"
        self._run("initdb", "-D", str(self.data), "--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
        self.start()

    def _run(self, tool: str, *argv: str) -> None:
        done = subprocess.run([str(self.binaries / tool), *argv], user=self.user, cwd=self.dir,
                              capture_output=True, text=True, check=False)  # fmt: skip
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise AssertionError(f"{tool} {' '.join(argv)} failed: {done.stderr}{done.stdout}{log}")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@/{DATABASE}?host={self.dir}"

    def start(self) -> None:
        options = f"-k {self.dir} -c listen_addresses='' -c fsync=off -c max_connections=300"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self) -> None:
        """Immediate shutdown: connections drop at once and new ones are refused until `start`."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    async def create_database(self) -> None:
        connection = await asyncpg.connect(host=str(self.dir), user="postgres", database="postgres")
        try:
            await connection.execute(f'CREATE DATABASE "{DATABASE}"')
        finally:
            await connection.close()

    async def connect(self) -> asyncpg.Connection:
        return await asyncpg.connect(host=str(self.dir), user="postgres", database=DATABASE)

    def close(self) -> None:
        with contextlib.suppress(AssertionError):
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Nginx:
    """nginx with the shipped judged.conf in a prefix of its own, on a free loopback port."""

    def __init__(self, upstream: str) -> None:
        self.prefix = new_prefix()
        self.port = free_port()
        conf = write_prefix(self.prefix, upstream, f"127.0.0.1:{self.port}", workers=1, access_log=False)
        with (self.prefix / "stderr").open("wb") as errors:
            self.process = subprocess.Popen(nginx_argv(nginx_binary(), conf), stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=errors)  # fmt: skip

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        stop_process(self.process)
        shutil.rmtree(self.prefix, ignore_errors=True)


@dataclass
class ContestStack:
    """Everything of one contest deployment; the processes' handles for the faults."""

    daemons: Daemons = field(default_factory=Daemons)
    redis: RedisHA | None = None
    postgres: Postgres | None = None
    nginx: Nginx | None = None
    api: Daemon | None = None
    workers: list[Daemon] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """Where participants reach judged: nginx."""
        assert self.nginx is not None
        return self.nginx.url

    async def open(self, session: aiohttp.ClientSession, languages: Sequence[str], worker_slots: int = 1) -> None:
        """Start everything; the daemons offer only `languages` (fewer self-tests at start: the contest's own)."""
        offered = self.daemons.dir / "languages"
        offered.mkdir(mode=0o755)
        for language in languages:
            shutil.copy(REPO / "languages" / f"{language}.toml", offered)
        self.redis = await asyncio.to_thread(RedisHA)
        self.postgres = await asyncio.to_thread(Postgres)
        await self.postgres.create_database()
        self.env = {
            "JUDGED_REDIS_SENTINEL": ",".join(self.redis.sentinels),
            "JUDGED_REDIS_SENTINEL_SERVICE": SERVICE,
            "JUDGED_REDIS_WAIT_REPLICAS": "1",
            "JUDGED_DATABASE_URL": self.postgres.url,
            "JUDGED_WORKER_SLOTS": str(worker_slots),
            "JUDGED_WORKER_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "JUDGED_WORKER_MAX_ATTEMPTS": "10",
            "JUDGED_LOG_LEVEL": "warning",
            "JUDGED_LANGUAGES_DIR": str(offered),
        }
        self.api = self.daemons.start("api", "api", self.env)
        self.workers = [self.daemons.start(f"worker-{n}", "worker", self.env) for n in (1, 2)]
        for worker in self.workers:
            await worker.wait_ready(session, timeout=300)
        await self.api.wait_ready(session, timeout=300)
        self.nginx = Nginx(self.api.url.removeprefix("http://"))
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                async with session.get(f"{self.url}/readyz") as response:
                    if response.status == 200:
                        return
            if time.monotonic() > deadline:
                raise AssertionError("nginx in front of the API daemon does not answer /readyz")
            await asyncio.sleep(0.1)

    # The faults.

    def kill_worker(self, index: int) -> None:
        worker = self.workers[index]
        worker.note_helpers()
        worker.process.send_signal(signal.SIGKILL)
        worker.process.wait(30)

    def restart_worker(self, index: int) -> Daemon:
        """A new daemon in the dead one's place (its own folder, as a restarted host would have)."""
        name = f"{self.workers[index].name}-r{len(self.daemons.started)}"
        self.workers[index] = self.daemons.start(name, "worker", self.env)
        return self.workers[index]

    def stop_api(self) -> None:
        for pid in self._api_pids():
            os.kill(pid, signal.SIGSTOP)

    def continue_api(self) -> None:
        for pid in self._api_pids():
            os.kill(pid, signal.SIGCONT)

    def _api_pids(self) -> list[int]:
        """The API daemon and the API processes it runs (server.processes), which serve its port."""
        assert self.api is not None
        serving = []
        for pid in children_of(self.api.pid):
            with contextlib.suppress(OSError):
                if b"judged.serve" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    serving.append(pid)
        return [self.api.pid, *serving]

    def close(self) -> None:
        if self.api is not None:
            self.continue_api()  # a stopped daemon cannot act on SIGTERM
        self.daemons.close()
        for part in (self.nginx, self.redis, self.postgres):
            if part is not None:
                with contextlib.suppress(Exception):
                    part.close()
