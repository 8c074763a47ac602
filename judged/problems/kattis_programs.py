"""Programs in a Kattis package: validators and submissions, each a single file or a folder of files.

A folder is one program: with a `build` and/or `run` script it is built and run by them (`SCRIPT`),
else its language is the one most of its files are written in. What judged cannot run is reported and
left out, never a reason to refuse the package: a submission in a language judged does not have, a
`.ctd` / `.viva` input validator.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from judged.harness import registry
from judged.problems.diagnostics import Folder
from judged.problems.kattis_expectations import Rule, expectation, header_expectation, read_rules, verdict_of
from judged.problems.model import ExpectedVerdict, ReferenceSolution

SUBMISSIONS_DIR = "submissions"
SCRIPT = "script"
"""The language id of a program folder with a `build` and/or `run` script."""
SCRIPTS = ("build", "run")
UNSUPPORTED_PROGRAMS = (".ctd", ".viva")
HEADERS = (".h", ".hpp")
_PYTHON2_SHEBANG = re.compile(r"\A#!.*python2")
_PYTHON2_NAMES = re.compile(r"\b(raw_input|xrange|unichr)\s*\(")
_PYTHON2_DEFINED = re.compile(r"\b(raw_input|xrange|unichr)\s*=|def\s+(raw_input|xrange|unichr)\b")
_PRINT_STATEMENT = re.compile(r"^\s*print(\s+[^\s(=]|\s*$)", re.MULTILINE)


def program_language(path: Path) -> str | None:
    """The language of a program: its extension; a folder: `SCRIPT` with a build or run script, else the
    language most of its files are written in (headers do not count)."""
    if path.is_file():
        return _language_of(path)
    if any((path / name).is_file() for name in SCRIPTS):
        return SCRIPT
    found = Counter(_language_of(file) for file in sorted(path.iterdir()) if file.is_file())
    found.pop(None, None)
    return found.most_common(1)[0][0] if found else None


def _language_of(file: Path) -> str | None:
    """The language a file's extension names (`judged.harness.registry`); None for none, or a header."""
    if not file.suffix or file.suffix in HEADERS:
        return None
    return registry.language_of_extension(file.suffix)


def program_folder(path: Path) -> Path:
    """A folder that is only a wrapper round one program (`output_validator/<name>/`) stands for that program."""
    while path.is_dir() and program_language(path) is None:
        inside = [entry for entry in path.iterdir() if not entry.name.startswith(".")]
        if len(inside) != 1 or not inside[0].is_dir():
            break
        path = inside[0]
    return path


def read_programs(folder: Folder, names: Sequence[str], what: str) -> list[Path]:
    """The programs in the first of the folders `names` that exists, in name order; what cannot run is a warning."""
    directory = next((folder.path / name for name in names if (folder.path / name).is_dir()), None)
    if directory is None or not folder.inside(directory):
        return []
    if any(path.suffix in HEADERS for path in directory.iterdir()) and program_language(directory) is not None:
        return [directory]  # loose sources beside their header: the folder is one program
    found = []
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith(".") or not _inside_all(folder, entry):
            continue
        path = program_folder(entry)
        if path.suffix in UNSUPPORTED_PROGRAMS:
            folder.collector.warning(path, None, f"{path.suffix} {what}s are not supported; not run")
            continue
        if program_language(path) is None:
            known = " ".join(registry.extensions())
            folder.collector.warning(path, None, f"{what} in a language judged does not run ({known}); not run")
            continue
        found.append(path)
    return found


def read_submissions(folder: Folder, *, scoring: bool) -> list[ReferenceSolution]:
    """`submissions/<folder>/<program>`: every reference solution judged can run, with what the package expects."""
    directory = folder.path / SUBMISSIONS_DIR
    if not directory.is_dir() or not folder.inside(directory):
        folder.collector.warning(directory, None, "no submissions: nothing shows the problem can be solved")
        return []
    rules = read_rules(folder, directory)
    found: list[ReferenceSolution] = []
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir() or not folder.inside(entry):
            continue
        if entry.name == "partially_accepted" and not scoring:
            folder.collector.warning(entry, None, "partially_accepted is only for scoring problems; not judged")
            continue
        for path in sorted(entry.iterdir()):
            if not path.name.startswith(".") and _inside_all(folder, path):
                solution = _submission(folder, path, rules)
                found += [solution] if solution is not None else []
    if not any(solution.verdict is ExpectedVerdict.ACCEPTED for solution in found):
        folder.collector.warning(directory / "accepted", None, "no accepted submission judged can run")
    return found


def _submission(folder: Folder, path: Path, rules: Sequence[Rule]) -> ReferenceSolution | None:
    relative = path.relative_to(folder.path / SUBMISSIONS_DIR).as_posix()
    permitted = header_expectation(folder, path)
    if permitted is None:
        permitted = expectation(relative, path.parent.name, rules)
    if permitted is None:
        message = f"submissions/{path.parent.name}/ is not a verdict folder and {path.name} has no @EXPECTED_RESULTS@"
        folder.collector.warning(path, None, f"{message}: not judged")
        return None
    language = program_language(path)
    if language is None or language == SCRIPT:
        extension = path.suffix or "(a folder)"
        folder.collector.warning(path, None, f"submission in a language judged does not have ({extension}); not judged")
        return None
    if language == "python" and "CE" not in permitted and _python2(path):
        folder.collector.warning(path, None, "a Python 2 submission; judged runs Python 3; not judged")
        return None
    verdict = verdict_of(permitted, path.parent.name)
    return ReferenceSolution(path, language, verdict, permitted)


def _python2(path: Path) -> bool:
    """A shebang that names python2, Python 2's builtins (`raw_input`, `xrange`) it does not define itself,
    or source that Python 3 cannot parse and that has a print statement."""
    files = [path] if path.is_file() else sorted(file for file in path.iterdir() if file.suffix in (".py", ".py3"))
    for file in files:
        text = file.read_text(encoding="utf-8", errors="replace")
        if _PYTHON2_SHEBANG.match(text) or (_PYTHON2_NAMES.search(text) and not _PYTHON2_DEFINED.search(text)):
            return True
        try:
            compile(text, str(file), "exec", dont_inherit=True)
        except SyntaxError:
            if _PRINT_STATEMENT.search(text):
                return True
        except ValueError:  # NUL bytes: not Python 2 either, the judge's CE will say so
            continue
    return False


def _inside_all(folder: Folder, path: Path) -> bool:
    """The program and, for a folder, every file in it stay inside the package."""
    if not folder.inside(path):
        return False
    return all(folder.inside(file) for file in path.rglob("*")) if path.is_dir() else True
