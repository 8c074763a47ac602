"""The `judged` command line."""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import sys
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path

import msgspec

from judged import commands, competitions_cli, database_cli
from judged.sandbox import Limits, Mount, RunRequest, RunResult, Sandbox, SandboxError, Status
from judged.serve import ListenError, parse_listen, serve
from judged.settings import Settings, SettingsError, from_environment, load_settings
from judged.store.embedded import EmbeddedRedisError

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
    sandbox = Sandbox(settings.sandbox, settings.sandbox_dir)
    try:
        await sandbox.start()
        result = await sandbox.run(request)
    finally:
        await sandbox.close()
    sys.stdout.buffer.write(result_json(result) + b"\n")
    return EXIT_SANDBOX_FAILED if result.status is Status.IE else 0


async def doctor(settings: Settings) -> int:
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


def _command(settings: Settings, args: argparse.Namespace) -> Coroutine[object, object, int]:
    """The coroutine that carries out the parsed command."""
    commands_by_name: dict[str, Callable[[], Coroutine[object, object, int]]] = {
        "serve": lambda: serve(settings),
        "competitions": lambda: (
            competitions_cli.create(settings, args.file, args.replace)
            if args.competitions_command == "create"
            else competitions_cli.rebuild(settings, args.competition_id, args.dry_run, args.from_database)
        ),
        "doctor": lambda: doctor(settings),
        "backup": lambda: database_cli.backup_command(settings, args.path),
        "restore": lambda: database_cli.restore_command(settings, args.path, args.replace),
        "judge": lambda: commands.judge_command(settings, args.problem, args.solution, args.language, args.json),
        "problems": lambda: commands.problems_check_command(settings, problem_folders(args.folders)),
        "languages": lambda: commands.languages_command(settings, args.json),
        "sandbox": lambda: sandbox_exec(settings, args),
    }
    return commands_by_name[args.command]()


async def _dispatch(settings: Settings, args: argparse.Namespace) -> int:
    return await _command(settings, args)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    overrides: dict[str, object] = {}
    if args.command == "serve":
        overrides = {"server.listen": args.listen, "state_dir": args.state_dir, "server.role": args.role}
    config = getattr(args, "serve_config", None) or args.config
    try:
        settings = load_settings(config, from_environment(), overrides)
        if args.command == "serve":
            parse_listen(settings.server.listen)
    except (SettingsError, ListenError) as exc:
        print(f"judged: bad configuration: {exc}", file=sys.stderr)
        return EXIT_SANDBOX_FAILED
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return asyncio.run(_dispatch(settings, args))
    except SandboxError as exc:
        print(f"judged: cannot sandbox: {exc}", file=sys.stderr)
        return EXIT_SANDBOX_FAILED
    except EmbeddedRedisError as exc:
        print(f"judged: cannot start the embedded Redis: {exc}", file=sys.stderr)
        return EXIT_SANDBOX_FAILED
    except OSError as exc:  # the listen address is taken, the state folder cannot be written, ...
        print(f"judged: {exc}", file=sys.stderr)
        return EXIT_SANDBOX_FAILED


if __name__ == "__main__":
    sys.exit(main())
