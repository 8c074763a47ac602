"""`solutions/<verdict>/<file>`: reference solutions, their language from the extension."""

from __future__ import annotations

from pathlib import Path

from judged.harness import registry
from judged.problems.diagnostics import Folder
from judged.problems.model import ExpectedVerdict, ReferenceSolution

SOLUTIONS_DIR = "solutions"

# partially_accepted and several are for Kattis packages only.
NATIVE_VERDICTS = tuple(
    verdict
    for verdict in ExpectedVerdict
    if verdict not in (ExpectedVerdict.PARTIALLY_ACCEPTED, ExpectedVerdict.SEVERAL)
)
_VERDICTS = ", ".join(verdict.value for verdict in NATIVE_VERDICTS)


def read_solutions(folder: Folder) -> list[ReferenceSolution]:
    """Every reference solution, verdict folder by verdict folder in name order; a missing solutions/ is empty."""
    directory = folder.path / SOLUTIONS_DIR
    if not directory.exists() and not directory.is_symlink():
        return []
    if not folder.inside(directory):
        return []
    if not directory.is_dir():
        folder.collector.error(directory, None, "is not a folder")
        return []
    found: list[ReferenceSolution] = []
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith("."):
            continue
        if not entry.is_dir():
            folder.collector.error(entry, None, f"solutions go in a verdict folder: solutions/<verdict>/{entry.name}")
            continue
        try:
            verdict = ExpectedVerdict(entry.name)
            if verdict not in NATIVE_VERDICTS:
                raise ValueError(verdict)
        except ValueError:
            folder.collector.error(entry, None, f"unknown verdict folder {entry.name!r} (expected one of {_VERDICTS})")
            continue
        if folder.inside(entry):
            found += _read_verdict_folder(folder, entry, verdict)
    return found


def check_solutions(folder: Folder, solutions: list[ReferenceSolution]) -> None:
    """A warning when no solution is expected to be accepted: nothing shows the problem can be solved."""
    if not any(solution.verdict is ExpectedVerdict.ACCEPTED for solution in solutions):
        folder.collector.warning(folder.path / SOLUTIONS_DIR, None, "no accepted solution in solutions/accepted/")


def _read_verdict_folder(folder: Folder, directory: Path, verdict: ExpectedVerdict) -> list[ReferenceSolution]:
    found = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        if not folder.is_file_inside(path, "expected a solution file, not a folder"):
            continue
        language = registry.language_of_extension(path.suffix) if path.suffix else None
        if language is None:
            known = " ".join(registry.extensions())
            message = f"unknown language: extension {path.suffix or '(none)'!r} is not one of {known}"
            folder.collector.error(path, None, message)
            continue
        found.append(ReferenceSolution(path, language, verdict))
    return found
