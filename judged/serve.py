"""`judged serve`: run the daemon until SIGTERM or SIGINT, telling systemd when it is ready.

With `server.processes` above 1 (the default with role api: one per core) this process keeps what the
host has once (the embedded Redis, the problem index's sync, the worker slots) and serves no HTTP
itself: it starts that many API processes (`python -m judged.serve`, `serve_process`) sharing the
listen port with SO_REUSEPORT, replaces one that dies and stops them all on SIGTERM
(judged.processes). Each has its own leaderboard snapshot and caches; metrics are summed over all of
them through files in `<state_dir>/metrics` (judged.metrics).
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import os
import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

import msgspec
from aiohttp import web

from judged.api.web import describe as describe_web_client
from judged.connections import ConnectionGuard, connection_cap, quiet_repeats, raise_open_files_limit
from judged.daemon import DAEMON, Daemon, create_app, usable_cores
from judged.metrics import use_multiprocess_dir
from judged.processes import READY, Processes
from judged.settings import Settings, is_loopback

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
PR_SET_PDEATHSIG = 1
MIN_CONNECTIONS = 16
"""The least `server.max_connections` allows."""
STOP_GRACE = 20.0
"""Seconds a SIGTERM leaves judgements in progress to finish (systemd's TimeoutStopSec is 60 s)."""


class ListenError(ValueError):
    """`server.listen` is not HOST:PORT."""


def parse_listen(text: str) -> tuple[str, int]:
    """("0.0.0.0", 8080) from "0.0.0.0:8080"; IPv6 as "[::1]:8080"."""
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ListenError(f"listen address {text!r} is not HOST:PORT")
    host = host.removeprefix("[").removesuffix("]") or "0.0.0.0"  # an empty host: every address
    return host, int(port)


def effective_listen(settings: Settings) -> tuple[str, int, str]:
    """Where to listen, and a warning when the configured host is overridden (no token: loopback only)."""
    host, port = parse_listen(settings.server.listen)
    server = settings.server
    if not server.authenticated and not is_loopback(host):
        warning = (
            f"no API token is configured, so judged listens on {LOOPBACK}:{port} only "
            f"(not {host}); set server.tokens or server.frontends (docs/security.md) to serve other hosts"
        )
        return LOOPBACK, port, warning
    return host, port, ""


def notify_systemd(state: str) -> None:
    """sd_notify(3) without libsystemd: one datagram to $NOTIFY_SOCKET, if systemd gave one."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return
    if address.startswith("@"):
        address = "\0" + address[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.connect(address)
        sock.sendall(state.encode())


def api_processes(settings: Settings) -> int:
    """How many processes serve the API: `server.processes`, or (0) the usable cores with role api, else 1."""
    server = settings.server
    if server.role == "worker":
        return 1  # nothing to serve but /healthz and /metrics
    if server.processes:
        return server.processes
    return usable_cores() if server.role == "api" else 1


async def serve(settings: Settings) -> int:
    host, port, warning = effective_listen(settings)
    if warning:
        log.warning("%s", warning)
        print(f"judged: {warning}", file=sys.stderr)
    quiet_repeats()
    cap = connection_cap(settings.server.max_connections, raise_open_files_limit())
    if cap < settings.server.max_connections:
        log.warning(
            "server.max_connections %d is above what the open-file limit allows: %d connections at most",
            settings.server.max_connections,
            cap,
        )
    count = api_processes(settings)
    if count > 1:
        _port_free(host, port)  # SO_REUSEPORT would share a port someone else holds with them
        use_multiprocess_dir(Path(settings.state_dir) / "metrics")
    app = create_app(settings)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    listener: asyncio.Server | None = None
    processes: Processes | None = None
    try:
        await runner.setup()  # opens Redis, the index and the sandbox; raises with a reason when it cannot
        daemon = app[DAEMON]
        if count == 1:
            listener = await _listen(app, runner, settings, (host, port), cap, reuse_port=False)
        else:
            processes = _api_processes(settings, daemon, count)
            await processes.start()
        _print_serving(daemon, host, port, count)
        notify_systemd("READY=1\nSTATUS=serving")
        await _until_stopped()
        notify_systemd("STOPPING=1\nSTATUS=finishing the judgements in progress")
        log.info("stopping: no new claims; judgements in progress get %.0f s to finish", STOP_GRACE)
        stopping = [] if processes is None else [processes.stop(grace=STOP_GRACE)]
        if daemon.worker is not None:
            stopping.append(daemon.worker.stop(grace=STOP_GRACE))
        await asyncio.gather(*stopping)
    finally:
        if processes is not None:
            await processes.stop(grace=5.0)  # after a failed start: none is left running
        if listener is not None:
            listener.close()  # no new connections; those open are closed by the cleanup
        await runner.cleanup()  # also after a failed start: closes what was opened (the embedded Redis too)
    return 0


async def _listen(
    app: web.Application,
    runner: web.AppRunner,
    settings: Settings,
    address: tuple[str, int],
    cap: int,
    *,
    reuse_port: bool,
) -> asyncio.Server:
    """The listening socket, each connection behind the connection guard (judged.connections)."""
    assert runner.server is not None  # set by setup()
    guard = ConnectionGuard(runner.server, max_connections=cap, header_timeout=settings.server.header_timeout)
    app[DAEMON].metrics.watch_connections(guard)
    loop = asyncio.get_running_loop()
    host, port = address
    return await loop.create_server(guard, host, port, reuse_address=True, reuse_port=reuse_port, backlog=1024)


def _print_serving(daemon: Daemon, host: str, port: int, count: int) -> None:
    shown = f"[{host}]" if ":" in host else host
    processes = f", {count} API processes" if count > 1 else ""
    print(
        f"judged: serving {len(daemon.roots)} problem root(s) on http://{shown}:{port}/ "
        f"(role {daemon.role}, {daemon.slots if daemon.judges else 0} worker slots{processes}, "
        f"Redis: {'embedded in ' + str(daemon.embedded.dir) if daemon.embedded else 'external'})\n"
        f"judged: try  curl http://{shown}:{port}/v1/problems  or  curl http://{shown}:{port}/readyz",
        flush=True,
    )
    if daemon.role != "worker":
        print(f"judged: {describe_web_client(daemon.web, f'http://{shown}:{port}/')}", flush=True)


def _port_free(host: str, port: int) -> None:
    """Raise OSError (address in use) if anything listens on host:port; the API processes then bind it together."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the listeners: TIME_WAIT is no owner
        probe.bind((host, port))


def _api_processes(settings: Settings, daemon: Daemon, count: int) -> Processes:
    """The API processes: role api (this process judges, if the host does), on this process's Redis."""
    redis = settings.redis
    if daemon.embedded is not None:
        redis = msgspec.structs.replace(redis, url=daemon.redis_url)
    # `max_connections` is the host's: shared out (SO_REUSEPORT spreads connections evenly, by address hash).
    connections = max(MIN_CONNECTIONS, settings.server.max_connections // count)
    server = msgspec.structs.replace(settings.server, role="api", processes=1, max_connections=connections)
    child = msgspec.structs.replace(settings, server=server, redis=redis)
    argv = [sys.executable, "-m", "judged.serve", str(os.getpid())]
    return Processes(argv, count, msgspec.json.encode(child), on_exit=daemon.metrics.process_gone)


async def _until_stopped() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()


# One of several API processes ----------------------------------------------------------------------


async def serve_process(settings: Settings) -> int:
    """An API process started by `serve`: the API on the shared port until SIGTERM; `ready` on stdout once listening.

    It leaves the index's sync to the first process (`owner=False`).
    """
    host, port, _ = effective_listen(settings)
    quiet_repeats()
    cap = connection_cap(settings.server.max_connections, raise_open_files_limit())
    app = create_app(settings, owner=False)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    listener: asyncio.Server | None = None
    try:
        await runner.setup()
        listener = await _listen(app, runner, settings, (host, port), cap, reuse_port=True)
        os.write(1, READY)
        os.dup2(2, 1)  # nobody reads the pipe any more: a stray print must not fill it
        await _until_stopped()
    finally:
        if listener is not None:
            listener.close()
        await runner.cleanup()
    return 0


def _die_with_parent(parent: int) -> None:
    """SIGTERM (a graceful stop) when the first process dies, even by SIGKILL; at once if it is gone already."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        sys.exit(0)


def process_main(argv: Sequence[str]) -> int:
    """`python -m judged.serve PARENT_PID`, settings as JSON on stdin (what `serve` starts)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C reaches the first process, which stops us
    _die_with_parent(int(argv[0]))
    settings = msgspec.json.decode(sys.stdin.buffer.read(), type=Settings)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s[%(process)d]: %(message)s"
    )
    return asyncio.run(serve_process(settings))


if __name__ == "__main__":
    sys.exit(process_main(sys.argv[1:]))
