"""The native problem format: one folder per problem, the folder's name is its slug.

```
two-sum/
  problem.toml        title, difficulty, tags, limits, [function] signature and compare settings
  statement.md        the statement, Markdown, not empty
  tests/*.jsonl       {"input": {...}, "output": ...} a line; files named sample* are the examples
  solutions/<verdict>/<file>   reference solutions, the language from the extension
```

`load_problem` raises `ProblemError` at the first error; `check_problem`
reads the same way but collects every error and warning; `load_problems`
loads a whole root and never lets one broken folder stop the others.
A folder with a `problem.yaml` and no `problem.toml` is a Kattis / ICPC
package (`judged.problems.kattis`) and loads as an I/O problem.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from judged.problems.config import FILE_NAME, build_compare, build_shape, build_signature, read_config
from judged.problems.diagnostics import Collector, Diagnostic, Folder
from judged.problems.kattis import is_kattis_package, read_package
from judged.problems.model import Problem
from judged.problems.solutions import check_solutions, read_solutions
from judged.problems.testdata import check_tests, read_tests

logger = logging.getLogger(__name__)

STATEMENT = "statement.md"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG_LENGTH = 64


def load_problem(path: Path) -> Problem:
    """The problem in folder `path`; `ProblemError` naming the file and line of the first error."""
    problem = _read(Folder(path, Collector(strict=True)))
    assert problem is not None  # a strict reading raises before it could return nothing
    return problem


def check_problem(path: Path) -> list[Diagnostic]:
    """Every error and warning about the folder `path`, in the order they were found."""
    collector = Collector(strict=False)
    _read(Folder(path, collector))
    return collector.found


def load_problems(root: Path) -> tuple[list[Problem], dict[Path, list[Diagnostic]]]:
    """Every problem folder under `root`, and the diagnostics of each folder that has any.

    A folder with errors is left out of the problems and keeps its errors;
    one with only warnings loads and keeps its warnings. Folders whose name
    starts with `.` or `_` (tools, drafts) are not problems.
    """
    problems: list[Problem] = []
    diagnostics: dict[Path, list[Diagnostic]] = {}
    seen: dict[str, Path] = {}
    for path in sorted(root.iterdir()):
        if path.name.startswith((".", "_")) or not path.is_dir():
            continue
        collector = Collector(strict=False)
        try:
            problem = _read(Folder(path, collector))
        except (OSError, RuntimeError) as error:
            collector.error(path, None, f"cannot be read: {error}")
            problem = None
        if collector.found:
            diagnostics[path] = collector.found
        if problem is not None and problem.slug in seen:
            collector.error(path, None, f"its id {problem.slug!r} is taken by {seen[problem.slug]}; not loaded")
            diagnostics[path] = collector.found
            problem = None
        if problem is not None:
            seen[problem.slug] = path
            problems.append(problem)
        else:
            logger.warning("problem folder %s not loaded: %s", path, collector.found[0] if collector.found else "?")
    return problems, diagnostics


def _read(folder: Folder) -> Problem | None:
    """One reading of a folder for both load and check: None when anything was an error."""
    collector = folder.collector
    if not folder.path.is_dir():
        collector.error(folder.path, None, "is not a folder")
        return None
    slug = folder.path.resolve().name if folder.path.name in ("", ".", "..") else folder.path.name
    if is_kattis_package(folder.path):
        return read_package(folder, _package_slug(folder, slug))
    if len(slug) > MAX_SLUG_LENGTH or not SLUG.fullmatch(slug):
        collector.error(folder.path, None, f"{slug!r} is not a slug: lowercase letters, digits and single hyphens")
    config = read_config(folder)
    signature = compare = shape = None
    if config is not None:
        signature = build_signature(config.function, folder.path / FILE_NAME, collector)
    if config is not None and signature is not None:
        compare = build_compare(config.function, signature, folder)
        shape = build_shape(config.function, signature, folder.path / FILE_NAME, collector)
    statement = _read_statement(folder)
    typed = signature if shape is not None else None  # without both, test lines are only parsed as JSON
    test_files = read_tests(folder, typed, shape)
    if typed is not None:
        check_tests(folder, test_files)
    solutions = read_solutions(folder)
    check_solutions(folder, solutions)
    if config is None or signature is None or compare is None or shape is None or statement is None:
        return None
    if collector.has_errors:
        return None
    return Problem(
        slug=slug,
        path=folder.path,
        title=config.title,
        difficulty=config.difficulty,
        tags=tuple(config.tags),
        time_limit=config.time_limit,
        memory_limit=config.memory_limit,
        signature=signature,
        compare=compare,
        shape=shape,
        statement=statement,
        test_files=tuple(test_files),
        solutions=tuple(solutions),
        reference_output=config.runs.reference_output,
    )


def problem_id(path: Path) -> str:
    """The id a problem folder loads as: its name; a Kattis package's name made a slug (`Guess` is `guess`)."""
    name = path.resolve().name if path.name in ("", ".", "..") else path.name
    if not is_kattis_package(path) or (len(name) <= MAX_SLUG_LENGTH and SLUG.fullmatch(name)):
        return name
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:MAX_SLUG_LENGTH].strip("-") or name


def _package_slug(folder: Folder, name: str) -> str:
    """A Kattis package keeps the name other tools gave its folder (`Guess`, `pair_sum`): its id is that
    name made a slug, with a warning; only a name with nothing to make one from is an error."""
    if len(name) <= MAX_SLUG_LENGTH and SLUG.fullmatch(name):
        return name
    slug = problem_id(folder.path)
    if not SLUG.fullmatch(slug):
        folder.collector.error(folder.path, None, f"{name!r} cannot be made a slug (lowercase letters, digits, -)")
        return name
    folder.collector.warning(folder.path, None, f"{name!r} is not a slug; the problem's id is {slug!r}")
    return slug


def _read_statement(folder: Folder) -> str | None:
    path = folder.path / STATEMENT
    if not path.is_file():
        folder.collector.error(path, None, "missing: every problem has a statement.md")
        return None
    text = folder.read_text(path)
    if text is not None and not text.strip():
        folder.collector.error(path, None, "is empty")
        return None
    return text
