"""The sync half of the problem index: fingerprint the folders, load the changed ones, write the difference.

A folder's fingerprint hashes the relative path, mtime and size of every
file in it; a folder whose fingerprint matches its row (or its entry among
the broken folders) is not parsed again.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import aiosqlite
import msgspec

from judged.harness import Signature
from judged.harness.design import Design
from judged.problems import (
    DesignProblem,
    Difficulty,
    FunctionProblem,
    IoProblem,
    Problem,
    ProblemError,
    Severity,
    check_problem,
    load_problem,
    problem_id,
    samples_text,
)
from judged.store.index_schema import STRINGS, UPSERT_PROBLEM, Sample

logger = logging.getLogger(__name__)

DIFFICULTY_RANK = {Difficulty.EASY: 0, Difficulty.MEDIUM: 1, Difficulty.HARD: 2}


class SyncReport(msgspec.Struct, frozen=True):
    """What one sync did, counted in problem folders.

    `broken` counts every folder kept out of the index now (newly broken or
    still broken); `diagnostics` holds their messages, and a line for every
    root that is not a folder.
    """

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    broken: int = 0
    diagnostics: dict[Path, list[str]] = msgspec.field(default_factory=dict)


class Scan(msgspec.Struct, frozen=True):
    """The problem folders under the roots with their fingerprints, and the roots that are not folders."""

    folders: dict[Path, str]
    missing: list[Path]


def scan_roots(roots: list[Path]) -> Scan:
    """Every problem folder under `roots` (as `load_problems` picks them) and its fingerprint; blocking."""
    folders: dict[Path, str] = {}
    missing: list[Path] = []
    for root in roots:
        try:
            children = sorted(root.iterdir())
        except OSError:
            missing.append(root)
            continue
        for path in children:
            if not path.name.startswith((".", "_")) and path.is_dir():
                folders[path] = fingerprint(path)
    return Scan(folders, missing)


def fingerprint(folder: Path) -> str:
    """A hash of the relative path, mtime and size of every file under `folder`."""
    digest = hashlib.sha256()
    for directory, subfolders, files in os.walk(folder):
        subfolders.sort()
        for name in sorted(files):
            path = Path(directory, name)
            try:
                stat = path.stat()
                entry = f"{path.relative_to(folder)}\0{stat.st_mtime_ns}\0{stat.st_size}\n"
            except OSError as error:  # a dangling symlink: the loader will say so
                entry = f"{path.relative_to(folder)}\0{error.errno}\n"
            digest.update(entry.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def load_all(folders: list[Path]) -> dict[Path, Problem | list[str]]:
    """Each folder's problem, or the messages saying why it is broken; blocking."""
    return {folder: _load_one(folder) for folder in folders}


def _load_one(folder: Path) -> Problem | list[str]:
    """Load strictly (one reading for a good folder); for a broken one, check it to collect every message."""
    try:
        return load_problem(folder)
    except ProblemError as error:
        first = str(error)
    except Exception as error:  # a bug in one folder's reading must not stop the others
        logger.exception("problem folder %s could not be loaded", folder)
        return [f"{folder}: cannot be loaded: {error}"]
    try:
        found = check_problem(folder)
    except Exception as error:
        logger.exception("problem folder %s could not be checked", folder)
        return [first, f"{folder}: cannot be checked: {error}"]
    errors = [str(diagnostic) for diagnostic in found if diagnostic.severity is Severity.ERROR]
    return [str(diagnostic) for diagnostic in found] if errors else [first]


class Plan:
    """What one sync does, worked out from a scan and the rows the index holds."""

    def __init__(self, found: Scan, rows: list[tuple[object, ...]], broken_rows: list[tuple[object, ...]]) -> None:
        self.scan = found
        self.current = {str(slug): (str(source), str(print_)) for slug, source, print_ in rows}
        known_broken = {str(source): (str(print_), str(messages)) for source, print_, messages in broken_rows}
        self.to_load: list[Path] = []
        self.kept: set[str] = set()
        """The slugs whose rows stay as they are."""
        self.still_broken: dict[Path, list[str]] = {}
        self.duplicates: dict[Path, list[str]] = {}
        claimed: dict[str, Path] = {}
        for folder, print_ in found.folders.items():
            slug = problem_id(folder)  # a Kattis package named `Guess` is the problem `guess`
            if slug in claimed:
                self.duplicates[folder] = [f"{folder}: the slug {slug!r} is already taken by {claimed[slug]}"]
                continue
            claimed[slug] = folder
            broken = known_broken.get(str(folder))
            if self.current.get(slug) == (str(folder), print_):
                self.kept.add(slug)
            elif broken is not None and broken[0] == print_:
                self.still_broken[folder] = list(STRINGS.decode(broken[1]))
            else:
                self.to_load.append(folder)
        self.claimed = claimed
        self.unchanged = len(self.kept)

    async def apply(self, db: aiosqlite.Connection, loaded: dict[Path, Problem | list[str]]) -> SyncReport:
        """Write the loaded folders and delete what is gone or broken, inside the caller's transaction."""
        added = updated = 0
        broken = dict(self.still_broken)
        for folder, result in loaded.items():
            if isinstance(result, Problem):
                await _write_problem(db, result, folder, self.scan.folders[folder])
                self.kept.add(result.slug)
                updated, added = (updated + 1, added) if result.slug in self.current else (updated, added + 1)
            else:
                broken[folder] = result
        for slug in self.current.keys() - self.kept:
            await db.execute("DELETE FROM problems WHERE slug = ?", [slug])
            await db.execute("DELETE FROM problems_fts WHERE slug = ?", [slug])
        await db.execute("DELETE FROM broken_folders")
        await db.executemany(
            "INSERT INTO broken_folders (source, fingerprint, messages) VALUES (?, ?, ?)",
            [(str(folder), self.scan.folders[folder], _json(messages)) for folder, messages in broken.items()],
        )
        diagnostics = {**broken, **self.duplicates}
        diagnostics.update({root: [f"{root}: is not a readable folder"] for root in self.scan.missing})
        return SyncReport(
            added=added,
            updated=updated,
            removed=len(self.current.keys() - self.claimed.keys()),
            unchanged=self.unchanged,
            broken=len(broken) + len(self.duplicates),
            diagnostics=diagnostics,
        )


async def _write_problem(db: aiosqlite.Connection, problem: Problem, folder: Path, print_: str) -> None:
    callee: Signature | Design | None
    match problem:
        case IoProblem(io=io):  # I/O problems show their sample files' text; interactive ones none (.in is secret)
            shown = [] if io.interactive else samples_text(io.data)
            samples = [Sample(input=given, output=answer) for given, answer in shown]
            callee = None
        case FunctionProblem(signature=callee) | DesignProblem(design=callee):
            samples = [Sample(input=case.input, output=case.output) for case in problem.samples]
    await db.execute(
        UPSERT_PROBLEM,
        {
            "slug": problem.slug,
            "title": problem.title,
            "difficulty": problem.difficulty.value,
            "difficulty_rank": DIFFICULTY_RANK[problem.difficulty],
            "kind": problem.kind.value,
            "tags": _json(list(problem.tags)),
            "time_limit": problem.time_limit,
            "memory_limit": problem.memory_limit,
            "languages": _json(list(problem.languages)),  # those with its kind's harness that can express it
            "signature": _json(callee),
            "statement": problem.statement,
            "samples": _json(samples),
            "source": str(folder),
            "reference_output": int(problem.reference_output),
            "fingerprint": print_,
        },
    )
    await db.execute("DELETE FROM problem_tags WHERE slug = ?", [problem.slug])
    await db.executemany(
        "INSERT OR IGNORE INTO problem_tags (slug, tag) VALUES (?, ?)", [(problem.slug, tag) for tag in problem.tags]
    )
    await db.execute("DELETE FROM problems_fts WHERE slug = ?", [problem.slug])
    await db.execute(
        "INSERT INTO problems_fts (slug, title, statement) VALUES (?, ?, ?)",
        [problem.slug, problem.title, problem.statement],
    )


def _json(value: object) -> str:
    return msgspec.json.encode(value).decode("utf-8")
