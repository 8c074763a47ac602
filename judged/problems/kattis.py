"""Kattis / ICPC problem packages (the legacy format and the 2023-07 draft), loaded as I/O problems.

```
aplusb/
  problem.yaml                      name, type, limits, validation, validator_flags, keywords
  .timelimit                        optional: the time limit per test, seconds
  problem_statement/problem.en.tex  (or statement/problem.en.md, problem.md, ...; a PDF: linked, not shown)
  data/sample/*.in, *.ans           the visible examples
  data/secret/**/*.in, *.ans        the tests, in nested groups with testdata.yaml
  output_validators/<program>       (2023-07: output_validator/) custom validation
  input_validators/<program>        run on every input by `judged problems check`
  submissions/<verdict>/<program>   reference solutions, a file or a folder each
```
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from judged.problems.diagnostics import Folder
from judged.problems.io_model import IoSpec, TestGroup, Validation, fill_constants
from judged.problems.kattis_config import MAX_TIME_LIMIT, PackageConfig, read_package_config
from judged.problems.kattis_data import read_data
from judged.problems.kattis_programs import program_folder, program_language, read_programs, read_submissions
from judged.problems.model import Difficulty, IoProblem

FILE_NAME = "problem.yaml"
TIMELIMIT_FILE = ".timelimit"
PROVISIONAL_TIME_LIMIT = 10.0
"""Seconds per test while a package without a time limit has none derived yet (the derivation's own runs)."""
STATEMENT_DIRS = ("problem_statement", "statement")
DOMJUDGE_INI = "domjudge-problem.ini"
PDF_STATEMENT = "The statement of this problem is a PDF: [statement.pdf](/v1/problems/{slug}/statement.pdf)\n"
"""The statement shown for a package whose statement is only a PDF (GET /v1/problems/{slug}/statement.pdf)."""
NO_STATEMENT = "This problem has no statement.\n"
INCLUDE_LANGUAGES = {
    "default": "default", "c": "c", "cpp": "cpp", "c++": "cpp", "java": "java", "javascript": "javascript",
    "go": "go", "rust": "rust", "python3": "python", "python": "python",
}  # fmt: skip
"""`include/` folder names (the format's language codes) to judged's language ids."""
_INI_TIME_LIMIT = re.compile(r"^\s*timelimit\s*=\s*['\"]?([0-9]+(?:\.[0-9]+)?)['\"]?\s*$", re.MULTILINE)
_PROBLEMNAME = re.compile(r"\\problemname\{((?:[^{}]|\{[^{}]*\})*)\}")
_PLAIN_NAME = re.compile(r"^%%\s*plainproblemname:\s*(.+)$", re.MULTILINE)
_MARKDOWN_TITLE = re.compile(r"^#\s+(.+)$", re.MULTILINE)


def is_kattis_package(path: Path) -> bool:
    """A folder with a problem.yaml and no native problem.toml."""
    return (path / FILE_NAME).is_file() and not (path / "problem.toml").exists()


def read_package(folder: Folder, slug: str) -> IoProblem | None:
    """One reading of a package for both load and check: None when anything was an error."""
    config = read_package_config(folder)
    if config is None:
        return None
    time_limit = _time_limit(folder, config)
    statement = _read_statement(folder) or _statement_pdf(folder, slug)
    if statement is None:
        folder.collector.warning(folder.path / STATEMENT_DIRS[0], None, "no statement (problem.en.md, .tex or .pdf)")
    data = read_data(folder, scoring=config.scoring, interactive=config.interactive)
    output_validators = _output_validators(folder, config)
    input_validators = read_programs(folder, ("input_validators", "input_format_validators"), "input validator")
    if not input_validators:
        folder.collector.warning(folder.path / "input_validators", None, "no input validator checks the test data")
    solutions = read_submissions(folder, scoring=config.scoring)
    if data is None or folder.collector.has_errors:
        return None
    title, text = statement or ("", NO_STATEMENT)
    flags = tuple(fill_constants(flag, config.constants) for flag in config.validator_flags)
    io = IoSpec(
        data=data, validation=config.validation, validator_flags=flags, constants=config.constants,
        includes=_includes(folder),
        interactive=config.interactive, scoring=config.scoring, score_from_validator=config.score_from_validator,
        output_validators=output_validators, input_validators=tuple(input_validators),
        time_limit_given=time_limit is not None, time_multiplier=config.time_multiplier or 5.0,
        time_safety_margin=config.time_safety_margin or 2.0, output_limit=config.output_mib,
        format_version=config.format_version,
    )  # fmt: skip
    return IoProblem(
        slug=slug, path=folder.path, title=config.name or title or slug, difficulty=Difficulty.MEDIUM,
        tags=config.keywords, time_limit=time_limit or PROVISIONAL_TIME_LIMIT, memory_limit=config.memory_mib,
        statement=io.fill(text), solutions=tuple(solutions), io=io,
    )  # fmt: skip


def samples_text(data: TestGroup) -> list[tuple[str, str]]:
    """The sample tests' input and answer text, for a problem page."""
    return [
        (test.input.read_text(encoding="utf-8", errors="replace"), test.answer.read_text("utf-8", errors="replace"))
        for test in data.tests()
        if test.sample
    ]


def _time_limit(folder: Folder, config: PackageConfig) -> float | None:
    """`.timelimit` (what problemtools and DOMjudge write), else the 2023-07 `limits.time_limit`, else
    `domjudge-problem.ini`'s `timelimit`, else None."""
    path = folder.path / TIMELIMIT_FILE
    if not path.is_file():
        return config.time_limit or _domjudge_time_limit(folder)
    text = folder.read_text(path)
    try:
        seconds = float((text or "").strip())
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < math.inf:
        folder.collector.error(path, 1, f"must hold the time limit in seconds, more than 0: {text!r}")
        return None
    if seconds > MAX_TIME_LIMIT:
        folder.collector.warning(path, 1, f"{seconds:g} s: judged runs with {MAX_TIME_LIMIT:g} s")
    return min(seconds, MAX_TIME_LIMIT)


def _domjudge_time_limit(folder: Folder) -> float | None:
    """`timelimit = 2` (quotes allowed) in a DOMjudge export's `domjudge-problem.ini`."""
    path = folder.path / DOMJUDGE_INI
    text = folder.read_text(path) if path.is_file() else None
    found = _INI_TIME_LIMIT.search(text or "")
    if found is None:
        return None
    seconds = float(found.group(1))
    if seconds <= 0:
        folder.collector.warning(path, None, f"timelimit {seconds:g} is not a time limit; ignored")
        return None
    return min(seconds, MAX_TIME_LIMIT)


def _includes(folder: Folder) -> tuple[tuple[str, Path], ...]:
    """2023-07's `include/<language>/` folders by judged's language id; one for a language judged does not
    have is a warning."""
    root = folder.path / "include"
    if not root.is_dir() or not folder.inside(root):
        return ()
    found = []
    for entry in sorted(path for path in root.iterdir() if path.is_dir() and folder.inside(path)):
        language = INCLUDE_LANGUAGES.get(entry.name)
        if language is None:
            folder.collector.warning(entry, None, "include folder of a language judged does not have; not used")
            continue
        found.append((language, entry))
    return tuple(found)


def _output_validators(folder: Folder, config: PackageConfig) -> tuple[Path, ...]:
    single = folder.path / "output_validator"  # 2023-07: the folder is the one program (or holds it)
    if single.is_dir() and not (folder.path / "output_validators").is_dir():
        program = program_folder(single)
        validators = [program] if program_language(program) is not None and folder.inside(program) else []
    else:
        validators = read_programs(folder, ("output_validators",), "output validator")
    if config.validation is Validation.CUSTOM and not validators:
        where = single if single.is_dir() else folder.path / "output_validators"
        message = "cannot be judged: validation is custom but there is no output validator judged can build"
        folder.collector.error(where, None, f"{message} (a C, C++, Python, Java... program, or build/run scripts)")
    if config.validation is Validation.DEFAULT and validators:
        folder.collector.warning(folder.path / "output_validators", None, "ignored: validation is default")
        return ()
    return tuple(validators)


def _read_statement(folder: Folder) -> tuple[str, str] | None:
    """(the title it names, the statement as Markdown): Markdown as it is, LaTeX shown as its source."""
    candidates = [
        path
        for name in STATEMENT_DIRS
        if (folder.path / name).is_dir()
        for path in sorted((folder.path / name).iterdir())
        if path.name.startswith("problem.") and path.suffix in (".md", ".tex")
    ]
    if not candidates:
        return None
    path = min(candidates, key=_statement_preference)
    text = folder.read_text(path)
    if text is None:
        return None
    if path.suffix == ".md":
        heading = _MARKDOWN_TITLE.search(text)
        return (heading.group(1).strip() if heading else ""), text
    found = _PLAIN_NAME.search(text) or _PROBLEMNAME.search(text)
    title = found.group(1).strip() if found else ""
    return title, f"# {title}\n\n```latex\n{text.rstrip()}\n```\n" if title else f"```latex\n{text.rstrip()}\n```\n"


def statement_pdf(path: Path) -> Path | None:
    """A package's PDF statement: `problem.pdf` at the top (DOMjudge's export) or in the statement folder,
    English first; only a file that stays inside the package."""
    real = path.resolve()
    candidates = [
        file
        for directory in (path, *(path / name for name in STATEMENT_DIRS))
        if directory.is_dir()
        for file in sorted(directory.iterdir())
        if file.name.startswith("problem") and file.suffix == ".pdf" and file.is_file()
        and file.resolve().is_relative_to(real)
    ]  # fmt: skip
    return min(candidates, key=_statement_preference) if candidates else None


def _statement_pdf(folder: Folder, slug: str) -> tuple[str, str] | None:
    """(no title, a statement that links to the PDF) for a package whose statement is only a PDF."""
    path = statement_pdf(folder.path)
    if path is None:
        return None
    folder.collector.warning(path, None, "the statement is only a PDF: the problem page links to it")
    return "", PDF_STATEMENT.format(slug=slug)


def _statement_preference(path: Path) -> tuple[int, int, str]:
    """English (or no language) first, Markdown before LaTeX."""
    language = path.name.removeprefix("problem.").removesuffix(path.suffix)
    return (0 if language in ("", "en") else 1, 0 if path.suffix == ".md" else 1, path.name)
