"""A real Redis primary, one replica and one Sentinel on loopback TCP ports, for the failover tests and the bench.

Each is a `redis-server` process in its own folder (Debian's `redis-sentinel` is `redis-server
--sentinel`, which is how the sentinel runs here). The primary and the replica keep an append-only
file. The sentinel watches the primary under `SERVICE` with a quorum of 1 and declares it down
after `DOWN_AFTER_MS` of silence, so a killed primary is replaced within a few seconds.
`kill_primary` SIGKILLs whichever server is primary now; `restart` brings a killed one back on its
port and data folder (the sentinel then makes it a replica of the new primary).
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest
import redis

from tests.daemon_process import free_port, scratch_dir, stop_process

SERVICE = "judged"
DOWN_AFTER_MS = 1000
FAILOVER_TIMEOUT_MS = 10_000
START_TIMEOUT = 15.0


@dataclass
class Server:
    """One redis-server: its port, folder, process and how it was started (to start it again)."""

    name: str
    port: int
    dir: Path
    argv: list[str]
    process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    def start(self) -> None:
        log = self.dir / "server.log"
        self.process = subprocess.Popen([*self.argv, "--logfile", str(log)], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, cwd=self.dir)  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{self.name} did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL, as a host that loses power: no shutdown, no last write."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(64).startswith((b"+PONG", b"-"))
    return False


class RedisHA:
    """A primary, a replica and a sentinel; `close` stops them all and removes their folders."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise AssertionError("redis-server is not installed: these tests need a real Redis")
        self.dir = scratch_dir("judged-redis-ha-")
        self.servers: list[Server] = []
        try:
            self.servers.append(self._data_server(binary, "redis-a", None))
            self.servers.append(self._data_server(binary, "redis-b", self.servers[0].port))
            self._wait_replicating(self.servers[1])
            self.sentinel = self._sentinel(binary, self.servers[0].port)
        except BaseException:
            self.close()
            raise

    @property
    def sentinels(self) -> list[str]:
        """What `redis.sentinel` lists: HOST:PORT of each sentinel."""
        return [f"127.0.0.1:{self.sentinel.port}"]

    def _data_server(self, binary: str, name: str, primary_port: int | None) -> Server:
        folder = self.dir / name
        folder.mkdir()
        port = free_port()
        argv = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder), "--save", ""]
        argv += ["--appendonly", "yes", "--appendfsync", "everysec"]
        if primary_port is not None:
            argv += ["--replicaof", "127.0.0.1", str(primary_port)]
        server = Server(name, port, folder, argv)
        server.start()
        return server

    def _sentinel(self, binary: str, primary_port: int) -> Server:
        folder = self.dir / "sentinel"
        folder.mkdir()
        port = free_port()
        config = folder / "sentinel.conf"  # the sentinel rewrites it as it learns: it must be its own file
        config.write_text(
            f"port {port}\nbind 127.0.0.1\ndir {folder}\n"
            f"sentinel monitor {SERVICE} 127.0.0.1 {primary_port} 1\n"
            f"sentinel down-after-milliseconds {SERVICE} {DOWN_AFTER_MS}\n"
            f"sentinel failover-timeout {SERVICE} {FAILOVER_TIMEOUT_MS}\n"
            f"sentinel parallel-syncs {SERVICE} 1\n"
        )
        server = Server("sentinel", port, folder, [binary, str(config), "--sentinel"])
        server.start()
        self.servers.append(server)
        return server

    def _wait_replicating(self, replica: Server) -> None:
        client = redis.Redis(*replica.address, socket_timeout=2)
        deadline = time.monotonic() + START_TIMEOUT
        try:
            while client.info("replication").get("master_link_status") != "up":
                if time.monotonic() > deadline:
                    raise AssertionError(f"{replica.name} never caught up with its primary")
                time.sleep(0.05)
        finally:
            client.close()

    def primary(self) -> Server:
        """The server the sentinel names as primary now."""
        client = redis.Redis(*self.sentinel.address, socket_timeout=2, decode_responses=True)
        try:
            reply = cast(tuple[str, int], client.sentinel_get_master_addr_by_name(SERVICE))  # typed as a bool
        finally:
            client.close()
        port = int(reply[1])
        return next(server for server in self.servers if server.port == port)

    def kill_primary(self) -> Server:
        """SIGKILL the current primary; the killed server."""
        victim = self.primary()
        victim.kill()
        return victim

    def wait_failover(self, away_from: Server, timeout: float = 60.0) -> Server:
        """Until the sentinel names a primary other than `away_from`; that primary."""
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(redis.RedisError, OSError):
                now = self.primary()
                if now is not away_from:
                    return now
            if time.monotonic() > deadline:
                raise AssertionError(f"no failover away from {away_from.name} within {timeout:.0f} s")
            time.sleep(0.1)

    def set_down_after(self, milliseconds: int) -> None:
        """How long the primary must be silent before the sentinel fails over (raised to restart it in place)."""
        client = redis.Redis(*self.sentinel.address, socket_timeout=2)
        try:
            client.execute_command("SENTINEL", "SET", SERVICE, "down-after-milliseconds", str(milliseconds))  # type: ignore[no-untyped-call]
        finally:
            client.close()

    def restart(self, server: Server) -> None:
        """Start a killed server again, on its port and data (it comes back as it was; the sentinel demotes it)."""
        server.start()

    def close(self) -> None:
        for server in reversed(self.servers):
            server.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(name="redis_ha")
def redis_ha_fixture() -> Iterator[RedisHA]:
    group = RedisHA()
    try:
        yield group
    finally:
        group.close()
