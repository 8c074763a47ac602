"""The embedded default: a private redis-server in the state folder, supervised by the daemon.

It listens on a unix socket only (no TCP port at all), keeps its data in an
append-only file, and is restarted when it dies. `judged serve` uses it when
no `redis.url` is configured.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import signal
import time
from pathlib import Path
from types import TracebackType

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# sun_path is 108 bytes on Linux, the terminating NUL included.
_MAX_SOCKET_PATH = 107


class EmbeddedRedisError(Exception):
    """The embedded redis-server cannot be started."""


class EmbeddedRedis:
    """Start, supervise and stop one private redis-server under `<state_dir>/redis`."""

    def __init__(
        self,
        state_dir: Path,
        *,
        binary: str = "redis-server",
        start_timeout: float = 10.0,
        stop_timeout: float = 10.0,
        restart_delay: float = 1.0,
    ) -> None:
        self.dir = Path(state_dir) / "redis"
        self.socket = self.dir / "redis.sock"
        self.config = self.dir / "redis.conf"
        self._binary = binary
        self._start_timeout = start_timeout
        self._stop_timeout = stop_timeout
        self._restart_delay = restart_delay
        self._process: asyncio.subprocess.Process | None = None
        self._watcher: asyncio.Task[None] | None = None
        self.restarts = 0

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    @property
    def pid(self) -> int | None:
        """The running redis-server's pid, None when it is not running."""
        process = self._process
        return process.pid if process is not None and process.returncode is None else None

    async def start(self) -> None:
        """Start redis-server and return once it answers PING; then keep it running until `stop`."""
        if self._watcher is not None:
            raise EmbeddedRedisError("the embedded redis-server is already started")
        binary = shutil.which(self._binary)
        if binary is None:
            raise EmbeddedRedisError(
                f"{self._binary} not found: install Redis (e.g. apt-get install redis-server) "
                "or set redis.url to a Redis server judged should use"
            )
        if len(os.fsencode(self.socket)) > _MAX_SOCKET_PATH:
            raise EmbeddedRedisError(f"{self.socket}: the socket path is too long for a unix socket")
        self.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.dir.chmod(0o700)
        self.config.write_text(self._config_text())
        await self._spawn(binary)
        self._watcher = asyncio.create_task(self._watch(binary), name="embedded-redis-watcher")

    async def stop(self) -> None:
        """Stop supervising and shut redis-server down cleanly (SIGTERM: it flushes its AOF and exits)."""
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        process, self._process = self._process, None
        if process is None or process.returncode is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            async with asyncio.timeout(self._stop_timeout):
                await process.wait()
        except TimeoutError:
            log.error("redis-server %d did not stop in %.0f s; killed", process.pid, self._stop_timeout)
            process.kill()
            await process.wait()
        log.info("embedded redis-server stopped")

    async def __aenter__(self) -> EmbeddedRedis:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    def _config_text(self) -> str:
        lines = [
            "port 0",
            f'unixsocket "{self.socket}"',
            "unixsocketperm 700",
            f'dir "{self.dir}"',
            "protected-mode no",
            "daemonize no",
            'save ""',
            "appendonly yes",
            "appendfsync everysec",
            f'logfile "{self.dir / "redis.log"}"',
        ]
        return "\n".join(lines) + "\n"

    async def _spawn(self, binary: str) -> None:
        process = await asyncio.create_subprocess_exec(
            binary,
            str(self.config),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C meant for the daemon is not also sent to redis-server
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"},  # not the daemon's secrets
        )
        try:
            await self._wait_ready(process)
        except BaseException:
            if process.returncode is None:
                process.kill()
                await process.wait()
            raise
        self._process = process
        log.info("embedded redis-server %d ready at %s", process.pid, self.url)

    async def _wait_ready(self, process: asyncio.subprocess.Process) -> None:
        """Wait until redis-server answers PING on its socket, or fail with the end of its log."""
        deadline = time.monotonic() + self._start_timeout
        # No retries inside the client: this loop is the retry, and it watches the process meanwhile.
        client = aioredis.Redis(
            unix_socket_path=str(self.socket), socket_connect_timeout=1.0, retry=Retry(NoBackoff(), 0)
        )
        try:
            while True:
                if process.returncode is not None:
                    raise EmbeddedRedisError(f"redis-server exited with {process.returncode}: {self._log_tail()}")
                with contextlib.suppress(RedisError, OSError):
                    if await client.ping():
                        return
                if time.monotonic() > deadline:
                    raise EmbeddedRedisError(f"redis-server did not answer in {self._start_timeout:.0f} s")
                await asyncio.sleep(0.02)
        finally:
            await client.aclose()

    async def _watch(self, binary: str) -> None:
        """Restart redis-server whenever it exits, backing off while it keeps failing."""
        delay = self._restart_delay
        while True:
            process = self._process
            if process is not None:
                code = await process.wait()
                log.error("embedded redis-server %d exited with %d; restarting", process.pid, code)
            await asyncio.sleep(delay)
            try:
                await self._spawn(binary)
            except (EmbeddedRedisError, OSError) as exc:
                log.error("embedded redis-server failed to restart: %s", exc)
                self._process = None
                delay = min(delay * 2, 30.0)
                continue
            self.restarts += 1
            delay = self._restart_delay

    def _log_tail(self) -> str:
        try:
            lines = (self.dir / "redis.log").read_text(errors="replace").splitlines()
        except OSError:
            return "(no log)"
        return " | ".join(lines[-5:])
