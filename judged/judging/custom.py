"""Custom checkers of function problems: the problem's checker.py decides, run in the sandbox.

The checker is the problem setter's code, so it never runs inside the daemon;
any failure of it is the judge's (IE), never the participant's.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import msgspec

from judged.sandbox import Limits, MiB, Mount, RunRequest, Sandbox, Status

HOST_NAME = "checker_host.py"


class CheckerFailed(Exception):
    """The custom checker crashed, timed out or answered nonsense."""


class CheckOutcome(msgspec.Struct, frozen=True):
    ok: bool
    message: str = ""


def _host_script(folder: Path) -> Path:
    """The host program, written where jails can mount it from (the installed package may be out of reach)."""
    path = folder / HOST_NAME
    text = resources.files("judged.judging").joinpath("runtime", HOST_NAME).read_text()
    if not path.is_file() or path.read_text() != text:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{HOST_NAME}.tmp"
        tmp.write_text(text)
        tmp.chmod(0o644)
        tmp.rename(path)
    return path


async def run_checker(
    sandbox: Sandbox, scratch: Path, checker: Path, triples: list[tuple[dict[str, object], object, object]]
) -> list[CheckOutcome]:
    """One verdict per (input, expected, actual), in order."""
    stdin = b"".join(
        msgspec.json.encode({"input": given, "expected": expected, "actual": actual}) + b"\n"
        for given, expected, actual in triples
    )
    request = RunRequest(
        argv=("/usr/bin/python3", "-I", "-B", "/checker/host.py"),
        mounts=(
            Mount(source=str(_host_script(scratch)), target="/checker/host.py"),
            Mount(source=str(checker), target="/checker/checker.py"),
        ),
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        limits=Limits(cpu=30, wall=60, memory=1024 * MiB, output=64 * MiB),
        stdin=stdin,
    )
    result = await sandbox.run(request)
    if result.status is not Status.OK:
        raise CheckerFailed(
            f"custom checker {checker.name}: {result.status} {result.message}: {result.stderr[-1000:]!r}"
        )
    try:
        outcomes = [msgspec.json.decode(line, type=CheckOutcome) for line in result.stdout.splitlines()]
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise CheckerFailed(f"custom checker {checker.name} answered nonsense: {exc}") from exc
    if len(outcomes) != len(triples):
        raise CheckerFailed(f"custom checker {checker.name} answered {len(outcomes)} of {len(triples)} tests")
    return outcomes
