"""`judged serve`: run the daemon until SIGTERM or SIGINT, telling systemd when it is ready."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import sys

from aiohttp import web

from judged.api.web import describe as describe_web_client
from judged.connections import ConnectionGuard, connection_cap, quiet_repeats, raise_open_files_limit
from judged.daemon import DAEMON, create_app
from judged.settings import Settings, is_loopback

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
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
    app = create_app(settings)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    listener: asyncio.Server | None = None
    try:
        await runner.setup()  # opens Redis, the index and the sandbox; raises with a reason when it cannot
        assert runner.server is not None  # set by setup()
        guard = ConnectionGuard(runner.server, max_connections=cap, header_timeout=settings.server.header_timeout)
        app[DAEMON].metrics.watch_connections(guard)
        loop = asyncio.get_running_loop()
        listener = await loop.create_server(guard, host, port, reuse_address=True, backlog=1024)
        daemon = app[DAEMON]
        shown = f"[{host}]" if ":" in host else host
        print(
            f"judged: serving {len(daemon.roots)} problem root(s) on http://{shown}:{port}/ "
            f"(role {daemon.role}, {daemon.slots if daemon.judges else 0} worker slots, "
            f"Redis: {'embedded in ' + str(daemon.embedded.dir) if daemon.embedded else 'external'})\n"
            f"judged: try  curl http://{shown}:{port}/v1/problems  or  curl http://{shown}:{port}/readyz",
            flush=True,
        )
        if daemon.role != "worker":
            print(f"judged: {describe_web_client(daemon.web, f'http://{shown}:{port}/')}", flush=True)
        notify_systemd("READY=1\nSTATUS=serving")
        await _until_stopped()
        notify_systemd("STOPPING=1\nSTATUS=finishing the judgements in progress")
        log.info("stopping: no new claims; judgements in progress get %.0f s to finish", STOP_GRACE)
        if daemon.worker is not None:
            await daemon.worker.stop(grace=STOP_GRACE)
    finally:
        if listener is not None:
            listener.close()  # no new connections; those open are closed by the cleanup
        await runner.cleanup()  # also after a failed start: closes what was opened (the embedded Redis too)
    return 0


async def _until_stopped() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
