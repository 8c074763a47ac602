"""judged's own problem format (the native one, beside Kattis packages): one folder per problem, named by its slug.

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
from typing import Any

import msgspec

from judged.problems.config import (
    FILE_NAME,
    DesignConfig,
    FunctionConfig,
    ProblemConfig,
    build_compare,
    build_design,
    build_shape,
    build_signature,
    read_config,
)
from judged.problems.diagnostics import Collector, Diagnostic, Folder
from judged.problems.kattis import is_kattis_package, read_package
from judged.problems.model import DesignProblem, FunctionProblem, Problem
from judged.problems.solutions import check_solutions, read_solutions
from judged.problems.testdata import check_tests, design_tests, function_tests, read_tests

logger = logging.getLogger(__name__)

STATEMENT = "statement.md"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG_LENGTH = 128
"""LeetCode's longest slug is 74 characters; ids live in URLs and Redis keys, so they stay bounded."""


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
        message = f"lowercase letters, digits and single hyphens, at most {MAX_SLUG_LENGTH} characters"
        collector.error(folder.path, None, f"{slug!r} is not a slug: {message}")
    config = read_config(folder)
    statement_and_tests = None
    problem: Problem | None = None
    if config is not None and config.design is not None:
        problem, statement_and_tests = _design(folder, config, config.design, slug)
    elif config is not None and config.function is not None:
        problem, statement_and_tests = _function(folder, config, config.function, slug)
    if statement_and_tests is None:  # the kind could not be read: the rest is still checked
        _read_statement(folder)
        read_tests(folder, None)
    solutions = read_solutions(folder)
    check_solutions(folder, solutions)
    if problem is None or collector.has_errors:
        return None
    return msgspec.structs.replace(problem, solutions=tuple(solutions))


_Read = tuple[Problem | None, bool | None]
"""The problem without its solutions (None on errors), and whether the statement and tests were read."""


def _function(folder: Folder, config: ProblemConfig, function: FunctionConfig, slug: str) -> _Read:
    file = folder.path / FILE_NAME
    signature = build_signature(function, file, folder.collector)
    if signature is None:
        return None, None
    compare = build_compare(function, signature, folder)
    shape = build_shape(function, signature, file, folder.collector)
    statement = _read_statement(folder)
    reader = function_tests(signature, shape) if shape is not None else None
    test_files = read_tests(folder, reader)
    if reader is not None:
        check_tests(folder, test_files)
    if compare is None or shape is None or statement is None:
        return None, True
    problem = FunctionProblem(
        **_common(folder, config, slug, statement), signature=signature, compare=compare, shape=shape,
        test_files=tuple(test_files),
    )  # fmt: skip
    return problem, True


def _design(folder: Folder, config: ProblemConfig, design_config: DesignConfig, slug: str) -> _Read:
    design = build_design(design_config, folder.path / FILE_NAME, folder.collector)
    if design is None:
        return None, None
    statement = _read_statement(folder)
    test_files = read_tests(folder, design_tests(design))
    check_tests(folder, test_files)
    if statement is None:
        return None, True
    return DesignProblem(**_common(folder, config, slug, statement), design=design, test_files=tuple(test_files)), True


def _common(folder: Folder, config: ProblemConfig, slug: str, statement: str) -> dict[str, Any]:
    """What every native problem has, as keyword arguments; its solutions are added once read."""
    return {
        "slug": slug, "path": folder.path, "title": config.title, "difficulty": config.difficulty,
        "tags": tuple(config.tags), "time_limit": config.time_limit, "memory_limit": config.memory_limit,
        "statement": statement, "solutions": (), "reference_output": config.runs.reference_output,
    }  # fmt: skip


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
    text = folder.read_required(path, "missing: every problem has a statement.md")
    if text is not None and not text.strip():
        folder.collector.error(path, None, "is empty")
        return None
    return text
