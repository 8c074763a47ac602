"""The command line imports what the chosen command uses, nothing of the daemon's side for judging."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
DAEMON_SIDE = ("aiohttp", "redis", "sqlalchemy", "judged.store", "judged.api", "judged.daemon", "judged.serve")

PROBE = """
import sys
from judged.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)))
"""


def modules_after(*args: str) -> set[str]:
    """The modules loaded once `judged ARGS` has run, in a fresh interpreter."""
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=PROJECT, check=True)
    return set(proc.stdout.splitlines()[-1].split())


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_help_loads_neither_asyncio_nor_judging_nor_the_daemon() -> None:
    modules = modules_after("--help")
    assert (
        loaded(modules, ("asyncio", "judged.judging", "judged.settings", "judged.sandbox.runner", *DAEMON_SIDE)) == []
    )


def test_judge_loads_judging_and_not_the_daemon(tmp_path: Path) -> None:
    # A missing problem folder: the command runs (its modules load) and stops before any jail.
    modules = modules_after("judge", str(tmp_path / "no-such-problem"), str(tmp_path / "x.py"))
    assert "judged.commands" in modules
    assert loaded(modules, DAEMON_SIDE) == []
