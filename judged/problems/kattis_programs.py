"""Programs in a Kattis package: validators and submissions, each a single file or a folder of files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from judged.problems.diagnostics import Folder
from judged.problems.model import ExpectedVerdict, ReferenceSolution
from judged.problems.solutions import LANGUAGE_BY_EXTENSION

SUBMISSIONS_DIR = "submissions"
# Kattis' own extensions beyond the native ones.
KATTIS_EXTENSIONS = {**LANGUAGE_BY_EXTENSION, ".py3": "python", ".c++": "cpp", ".C": "cpp"}
# 2023-07 folders that say less than a verdict: read, not judged.
UNJUDGED_FOLDERS = frozenset({"rejected", "brute_force"})
UNSUPPORTED_PROGRAMS = (".ctd", ".viva")


def program_language(path: Path) -> str | None:
    """The language of a program: its extension, or for a folder the extension most of its files have."""
    if path.is_file():
        return KATTIS_EXTENSIONS.get(path.suffix)
    found = Counter(
        KATTIS_EXTENSIONS[file.suffix] for file in sorted(path.rglob("*")) if file.suffix in KATTIS_EXTENSIONS
    )
    return found.most_common(1)[0][0] if found else None


def read_programs(folder: Folder, names: Sequence[str], what: str) -> list[Path]:
    """The programs in the first of the folders `names` that exists, in name order."""
    directory = next((folder.path / name for name in names if (folder.path / name).is_dir()), None)
    if directory is None or not folder.inside(directory):
        return []
    found = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or not _inside_all(folder, path):
            continue
        if path.suffix in UNSUPPORTED_PROGRAMS:
            folder.collector.warning(path, None, f"{path.suffix} {what}s are not supported; not run")
            continue
        if path.is_dir() and ((path / "build").exists() or (path / "run").exists()):
            folder.collector.error(path, None, f"{what}s with build/run scripts are not supported")
            continue
        if program_language(path) is None:
            known = " ".join(KATTIS_EXTENSIONS)
            folder.collector.error(path, None, f"unknown language of this {what}: extensions known are {known}")
            continue
        found.append(path)
    return found


def read_submissions(folder: Folder, *, scoring: bool) -> list[ReferenceSolution]:
    """`submissions/<verdict>/<program>`: every reference solution with the verdict its folder names."""
    directory = folder.path / SUBMISSIONS_DIR
    if not directory.is_dir() or not folder.inside(directory):
        folder.collector.warning(directory, None, "no submissions: nothing shows the problem can be solved")
        return []
    found: list[ReferenceSolution] = []
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir() or entry.name in UNJUDGED_FOLDERS:
            continue
        try:
            verdict = ExpectedVerdict(entry.name)
        except ValueError:
            folder.collector.error(entry, None, f"unknown verdict folder {entry.name!r}")
            continue
        if verdict is ExpectedVerdict.PARTIALLY_ACCEPTED and not scoring:
            folder.collector.error(entry, None, "partially_accepted is only for scoring problems")
            continue
        if folder.inside(entry):
            found += [ReferenceSolution(path, lang, verdict) for path, lang in _programs(folder, entry)]
    if not any(solution.verdict is ExpectedVerdict.ACCEPTED for solution in found):
        folder.collector.warning(directory / "accepted", None, "no accepted submission")
    return found


def _programs(folder: Folder, directory: Path) -> list[tuple[Path, str]]:
    found = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or not _inside_all(folder, path):
            continue
        language = program_language(path)
        if language is None:
            folder.collector.error(path, None, f"unknown language: extensions known are {' '.join(KATTIS_EXTENSIONS)}")
            continue
        found.append((path, language))
    return found


def _inside_all(folder: Folder, path: Path) -> bool:
    """The program and, for a folder, every file in it stay inside the package."""
    if not folder.inside(path):
        return False
    return all(folder.inside(file) for file in path.rglob("*")) if path.is_dir() else True
