"""The `judged` command line.

It imports what a command uses only once that command is chosen: `judged
--help` loads argparse and the sandbox's types, `judged judge` the judging
side and never the daemon's (aiohttp, Redis, SQLAlchemy). Keep module-level
imports here to that; tests/test_cli_imports.py checks it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from judged.sandbox.types import Limits, Mount, RunRequest, RunResult, SandboxError, Status

if TYPE_CHECKING:
    from judged.settings import Settings

DEFAULT_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}
SIZE = re.compile(r"^(\d+)([KMG]i?B?)?$", re.IGNORECASE)
UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
EXIT_SANDBOX_FAILED = 2


def parse_size(text: str) -> int:
    """Bytes from `1048576`, `256M`, `1GiB`, ..."""
    match = SIZE.match(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use bytes, or a K/M/G suffix)")
    return int(match.group(1)) * UNITS[(match.group(2) or "")[:1].lower()]


def parse_mount(text: str) -> Mount:
    """SRC[:DST[:rw]] -> Mount."""
    parts = text.split(":")
    if not parts[0] or len(parts) > 3 or (len(parts) == 3 and parts[2] not in ("rw", "ro")):
        raise argparse.ArgumentTypeError(f"not a mount: {text!r} (use SRC[:DST[:rw]])")
    target = parts[1] if len(parts) > 1 and parts[1] else None
    return Mount(source=parts[0], target=target, writable=len(parts) == 3 and parts[2] == "rw")


def parse_env(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"not KEY=VALUE: {text!r}")
    return key, value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="judged", description="A judge daemon for coding problems and contests.")
    parser.add_argument("--config", type=Path, default=None, help="settings file (default: built-in defaults)")
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("doctor", help="check that this host can sandbox, and say why not")

    serve = commands.add_parser(
        "serve",
        help="run the daemon: the HTTP API and the worker slots",
        description="Run the daemon. Settings come from --config, then JUDGED_* variables, then these flags.",
    )
    serve.add_argument(
        "--config", type=Path, default=None, dest="serve_config", help="settings file (same as judged --config)"
    )
    serve.add_argument("--listen", default=None, help="HOST:PORT of the HTTP API (server.listen)")
    serve.add_argument("--state-dir", default=None, help="where judged keeps what it writes (state_dir)")
    serve.add_argument("--role", choices=("api", "worker", "all"), default=None, help="what this host does")

    judge = commands.add_parser("judge", help="judge one solution file against a problem folder")
    judge.add_argument("problem", type=Path, help="the problem folder")
    judge.add_argument("solution", type=Path, help="the solution file")
    judge.add_argument("--language", default=None, help="language id (default: from the file's extension)")
    judge.add_argument("--json", action="store_true", help="print one JSON object instead of text")

    problems = commands.add_parser("problems", help="problem folders")
    problem_commands = problems.add_subparsers(dest="problems_command", required=True)
    check = problem_commands.add_parser(
        "check", help="validate folders and judge every reference solution against its verdict folder"
    )
    check.add_argument("folders", type=Path, nargs="+", help="problem folders, or a root holding them")

    competitions = commands.add_parser("competitions", help="competitions in the Redis judged serve uses")
    competition_commands = competitions.add_subparsers(dest="competitions_command", required=True)
    create = competition_commands.add_parser("create", help="create a competition from a TOML file")
    create.add_argument("file", type=Path, help="id, title, start, duration, problems, rule, freeze_minutes, ...")
    create.add_argument("--replace", action="store_true", help="overwrite a competition with the same id")
    rebuild = competition_commands.add_parser(
        "rebuild", help="recompute a leaderboard from the stored results and report differences"
    )
    rebuild.add_argument("competition_id")
    rebuild.add_argument("--dry-run", action="store_true", help="report the differences, change nothing")
    rebuild.add_argument(
        "--from-database",
        action="store_true",
        help="only the submissions database's results, no scan of Redis (after Redis lost its data)",
    )

    backup = commands.add_parser(
        "backup", help="copy the embedded submissions database to a new file, consistently, while judged serves"
    )
    backup.add_argument("path", type=Path, help="the backup file to write (never overwritten)")
    restore = commands.add_parser(
        "restore", help="put a backup in place as the submissions database (stop judged serve first)"
    )
    restore.add_argument("path", type=Path, help="a file written by judged backup")
    restore.add_argument("--replace", action="store_true", help="overwrite an existing submissions database")

    languages = commands.add_parser("languages", help="self-test every language and list them")
    languages.add_argument("--json", action="store_true", help="print JSON")

    sandbox = commands.add_parser("sandbox", help="the sandbox on its own")
    sandbox_commands = sandbox.add_subparsers(dest="sandbox_command", required=True)
    run = sandbox_commands.add_parser(
        "exec",
        help="run one command in a jail and print the result as JSON",
        description="Run one command in a jail; print one JSON object. Exit 0 whenever the sandbox worked.",
    )
    defaults = Limits()
    run.add_argument("--cpu", type=float, default=defaults.cpu, help="CPU seconds (default %(default)s)")
    run.add_argument("--wall", type=float, default=defaults.wall, help="wall seconds (default %(default)s)")
    run.add_argument("--memory", type=parse_size, default=defaults.memory, help="memory cap in bytes (K/M/G ok)")
    run.add_argument("--pids", type=int, default=defaults.processes, help="process cap (default %(default)s)")
    run.add_argument("--output", type=parse_size, default=defaults.output, help="stdout+stderr cap in bytes")
    run.add_argument("--file-size", type=parse_size, default=defaults.file_size, help="largest file it may write")
    run.add_argument("--tmpfs", type=parse_size, default=defaults.tmpfs, help="size of its writable /tmp")
    run.add_argument(
        "--mount",
        type=parse_mount,
        action="append",
        default=[],
        help="SRC[:DST[:rw]] bind mount; repeatable. None given: a read-only default root of system folders",
    )
    run.add_argument("--env", type=parse_env, action="append", default=[], help="KEY=VALUE; repeatable")
    run.add_argument("--cwd", default="/tmp", help="working directory inside the jail")
    run.add_argument("--stdin", type=Path, default=None, help="file to feed on stdin (default: empty)")
    run.add_argument("argv", nargs=argparse.REMAINDER, help="-- CMD ARGS...")
    return parser


def result_json(result: RunResult) -> bytes:
    """The CLI's JSON form of a result: text output decoded, bytes never."""
    import msgspec

    doc = msgspec.structs.asdict(result)
    doc["stdout"] = result.stdout.decode(errors="replace")
    doc["stderr"] = result.stderr.decode(errors="replace")
    return msgspec.json.encode(doc)


async def sandbox_exec(settings: Settings, args: argparse.Namespace) -> int:
    argv = list(args.argv)
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        print("judged sandbox exec: give the command after --", file=sys.stderr)
        return EXIT_SANDBOX_FAILED
    limits = Limits(
        cpu=args.cpu,
        wall=args.wall,
        memory=args.memory,
        processes=args.pids,
        output=args.output,
        file_size=args.file_size,
        tmpfs=args.tmpfs,
    )
    request = RunRequest(
        argv=tuple(argv),
        limits=limits,
        mounts=tuple(args.mount),
        system_root=not args.mount,
        env={**DEFAULT_ENV, **dict(args.env)},
        cwd=args.cwd,
        stdin=args.stdin,
    )
    from judged.sandbox.runner import Sandbox

    sandbox = Sandbox(settings.sandbox, settings.sandbox_dir)
    try:
        await sandbox.start()
        result = await sandbox.run(request)
    finally:
        await sandbox.close()
    sys.stdout.buffer.write(result_json(result) + b"\n")
    return EXIT_SANDBOX_FAILED if result.status is Status.IE else 0


async def doctor(settings: Settings) -> int:
    from judged.sandbox.runner import Sandbox

    sandbox = Sandbox(settings.sandbox, settings.sandbox_dir)
    try:
        await sandbox.start()
        assert sandbox.cgroups is not None
        print(f"ok: root, namespaces, cgroup {sandbox.cgroups.version.name.lower()}, nsjail at {sandbox.nsjail}")
    finally:
        await sandbox.close()
    return 0


def _is_problem(path: Path) -> bool:
    return (path / "problem.toml").exists() or (path / "problem.yaml").exists()


def problem_folders(paths: list[Path]) -> list[Path]:
    """Folders as given; a root without problem.toml (or a Kattis problem.yaml) stands for the problem folders in it."""
    found: list[Path] = []
    for path in paths:
        if _is_problem(path) or not path.is_dir():
            found.append(path)
        else:
            found += sorted(p for p in path.iterdir() if _is_problem(p))
    return found


async def _serve(settings: Settings, _args: argparse.Namespace) -> int:
    from judged.serve import serve
    from judged.store.database import DatabaseError

    try:
        return await _with_embedded_redis(serve(settings))
    except DatabaseError as exc:  # unreachable, or migrated by a newer judged: one line, not a traceback
        print(f"judged: {exc}", file=sys.stderr)
        return EXIT_SANDBOX_FAILED


async def _competitions(settings: Settings, args: argparse.Namespace) -> int:
    from judged import competitions_cli

    if args.competitions_command == "create":
        return await _with_embedded_redis(competitions_cli.create(settings, args.file, args.replace))
    rebuilt = competitions_cli.rebuild(settings, args.competition_id, args.dry_run, args.from_database)
    return await _with_embedded_redis(rebuilt)


async def _with_embedded_redis(command: Awaitable[int]) -> int:
    """Run a command that may start the embedded Redis; its failure is one line, not a traceback."""
    from judged.store.embedded import EmbeddedRedisError

    try:
        return await command
    except EmbeddedRedisError as exc:
        print(f"judged: cannot start the embedded Redis: {exc}", file=sys.stderr)
        return EXIT_SANDBOX_FAILED


async def _backup(settings: Settings, args: argparse.Namespace) -> int:
    from judged import database_cli

    return await database_cli.backup_command(settings, args.path)


async def _restore(settings: Settings, args: argparse.Namespace) -> int:
    from judged import database_cli

    return await database_cli.restore_command(settings, args.path, args.replace)


async def _judge(settings: Settings, args: argparse.Namespace) -> int:
    from judged import commands
    from judged.sandbox import pin_slot

    pin_slot(0)  # one core, as a worker slot has: a rerun meets the same core (judged/sandbox/pinning.py)
    return await commands.judge_command(settings, args.problem, args.solution, args.language, args.json)


async def _problems(settings: Settings, args: argparse.Namespace) -> int:
    from judged import commands
    from judged.sandbox import pin_slot

    pin_slot(0)  # time limits derived on one core; the submissions then one per core (commands.py)
    return await commands.problems_check_command(settings, problem_folders(args.folders))


async def _languages(settings: Settings, args: argparse.Namespace) -> int:
    from judged import commands

    return await commands.languages_command(settings, args.json)


async def _doctor(settings: Settings, _args: argparse.Namespace) -> int:
    return await doctor(settings)


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], Coroutine[object, object, int]]] = {
    "serve": _serve,
    "competitions": _competitions,
    "doctor": _doctor,
    "backup": _backup,
    "restore": _restore,
    "judge": _judge,
    "problems": _problems,
    "languages": _languages,
    "sandbox": sandbox_exec,
}
"""What carries out each command; each imports its own modules when it runs."""


async def _dispatch(settings: Settings, args: argparse.Namespace) -> int:
    return await COMMANDS[args.command](settings, args)


def _load_settings(args: argparse.Namespace, config: Path | None, overrides: dict[str, object]) -> Settings | str:
    """The settings, or what is wrong with them (serve: the listen address too)."""
    from judged.settings import SettingsError, from_environment, load_settings

    try:
        settings = load_settings(config, from_environment(), overrides)
    except SettingsError as exc:
        return str(exc)
    if args.command == "serve":
        from judged.serve import ListenError, parse_listen

        try:
            parse_listen(settings.server.listen)
        except ListenError as exc:
            return str(exc)
    return settings


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    overrides: dict[str, object] = {}
    if args.command == "serve":
        overrides = {"server.listen": args.listen, "state_dir": args.state_dir, "server.role": args.role}
    config = getattr(args, "serve_config", None) or args.config
    settings = _load_settings(args, config, overrides)
    if isinstance(settings, str):
        print(f"judged: bad configuration: {settings}", file=sys.stderr)
        return EXIT_SANDBOX_FAILED
    import asyncio  # not for --help, nor a bad configuration
    import logging

    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return asyncio.run(_dispatch(settings, args))
    except SandboxError as exc:
        print(f"judged: cannot sandbox: {exc}", file=sys.stderr)
        return EXIT_SANDBOX_FAILED
    except OSError as exc:  # the listen address is taken, the state folder cannot be written, ...
        print(f"judged: {exc}", file=sys.stderr)
        return EXIT_SANDBOX_FAILED


if __name__ == "__main__":
    sys.exit(main())
