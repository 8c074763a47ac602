"""The source files an I/O submission (or a validator) is built from: the program as written, in the files
its language's TOML expects.

A program is one file's text, or a folder's files by name (Kattis multi-file
programs). A single file goes in every file the language names (Python's and
JavaScript's `main` and `solution` alike: the run starts `main`, the syntax
check reads `solution`). A folder keeps its files by name beside the entry
file: C and C++ build one unit that includes every source file, Python starts
its main file with the folder on `sys.path`, Java's classes share one file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from judged.harness import registry
from judged.harness.support import Layout
from judged.judging.build import SRC
from judged.judging.languages import Language
from judged.problems.io_model import IoSpec

MAX_FILES = 100
SCRIPT = "script"
"""The language id of a program folder with build/run scripts (`judged.judging.languages.script_language`)."""
_JAVA_PUBLIC = re.compile(r"^(\s*)public\s+((?:final\s+|abstract\s+)*(?:class|interface|enum|record)\s)", re.MULTILINE)
_JAVA_CLASS = re.compile(r"^\s*(?:public\s+)?(?:final\s+)?class\s+(\w+)", re.MULTILINE)
_JAVA_PACKAGE = re.compile(r"^\s*package\s+([\w.]+)\s*;", re.MULTILINE)
_JAVA_IMPORT = re.compile(r"^\s*import\s+[\w.*\s]+;\s*$", re.MULTILINE)
_JAVA_NOISE = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.DOTALL)
_JAVA_TOKEN = re.compile(
    r"\b(?:class|interface|enum|record)\s+(?P<name>\w+)|[{}]|(?P<main>\bstatic\s+void\s+main\s*\()"
)
_C_MAIN = re.compile(r"\bmain\s*\(")
_C_HEADERS = (".h", ".hh", ".hpp", ".hxx", ".h++", ".H")
_JS_IMPORT = re.compile(r"""(?:\bfrom|\bimport|\brequire\s*\()\s*['"]\./([^'"/]+)['"]""")
_PY_MAIN = re.compile(r"__name__\s*==\s*['\"]__main__['\"]")


class SourceError(ValueError):
    """A program that cannot be laid out for its language (no entry point, a name it may not use)."""


def read_program(path: Path) -> str | dict[str, str]:
    """A program on disk: a file's text, or a folder's files (flat) by name; hidden files are left out."""
    if path.is_file():
        return path.read_text(encoding="utf-8", errors="replace")
    entries = [entry for entry in sorted(path.iterdir()) if not entry.name.startswith(".")]
    nested = [entry.name for entry in entries if entry.is_dir()]
    if nested:
        raise SourceError(f"{path}: a program folder holds files only, not folders ({', '.join(nested)})")
    files = {file.name: file.read_text(encoding="utf-8", errors="replace") for file in entries}
    if not files or len(files) > MAX_FILES:
        raise SourceError(f"{path}: a program folder holds 1 to {MAX_FILES} files")
    return files


def submission_sources(language: Language, code: str | dict[str, str], io: IoSpec) -> dict[str, str]:
    """What an I/O submission (judged or run) is built from: its program with the package's include files."""
    return program_sources(language, with_includes(language, code, io.includes, io.fill))


def with_includes(
    language: Language,
    program: str | dict[str, str],
    includes: tuple[tuple[str, Path], ...],
    fill: Callable[[str], str],
) -> str | dict[str, str]:
    """The program with the package's `include/<language>/` (else `include/default/`) files beside it, their
    constants filled; the program's own files win a name both have. A single file becomes `main.<ext>`,
    so the layouts start it (Python runs isolated: the folder layout puts its folder on `sys.path`)."""
    folder = dict(includes).get(language.id) or dict(includes).get("default")
    if folder is None:
        return program
    extra = read_program(folder)
    extra = {folder.name: extra} if isinstance(extra, str) else extra
    own = program if isinstance(program, dict) else {f"main.{language.extensions[0]}": program}
    return {**{name: fill(text) for name, text in extra.items()}, **own}


def program_sources(language: Language, program: str | dict[str, str]) -> dict[str, str]:
    """File name -> text of everything the language's compile and run argv expect."""
    if language.id == SCRIPT:  # build/run scripts: the folder as it is
        return _safe(program) if isinstance(program, dict) else {"run": program}
    if isinstance(program, str):
        if language.id == "java":
            return {language.files[0]: _java_single(program)}
        return dict.fromkeys(language.files, program)
    ours = [name for name in program if _written_in(name, language)]
    if not ours:
        raise SourceError(f"no {language.name} source file among {', '.join(sorted(program))}")
    if len(ours) == 1:
        return {**_safe(program), **program_sources(language, program[ours[0]])}
    support = registry.supports().get(language.id)
    layout = _LAYOUTS.get(support.layout) if support else None
    if layout is None:
        raise SourceError(f"{language.name} programs are one source file, not {len(ours)}")
    return layout(language, _safe(program), sorted(ours))


def _written_in(name: str, language: Language) -> bool:
    """A source file of `language`: one of its extensions (Kattis packages' own, `.py3` and `.c++`, among them)."""
    return Path(name).suffix.lstrip(".") in language.extensions


def _safe(files: dict[str, str]) -> dict[str, str]:
    for name in files:
        if "/" in name or name.startswith(".") or not name:
            raise SourceError(f"{name!r} is not a plain file name")
    return dict(files)


def _java_single(code: str) -> str:
    """Java wants a public class in a file of its name, run as `Main`: the `package` line goes (the class is
    run from the default package), no class stays public, and unless the class holding `main` is a top-level
    `Main` a `Main` that delegates to it is added (contest judges find the main class whatever its name)."""
    stripped = _JAVA_PUBLIC.sub(r"\1\2", _JAVA_PACKAGE.sub("", code))
    main = _main_class(code)
    if main is None or main == "Main" or "Main" in _JAVA_CLASS.findall(code):
        return stripped
    return stripped + f"\nclass Main {{ public static void main(String[] a) throws Exception {{ {main}.main(a); }} }}\n"


def _main_class(code: str) -> str | None:
    """The (dotted, for a nested class) name of the class whose body declares `static void main(`."""
    text = _JAVA_NOISE.sub(lambda found: " " * len(found.group(0)) if found.group(0)[0] != '"' else '""', code)
    stack: list[str | None] = []
    pending: str | None = None
    for token in _JAVA_TOKEN.finditer(text):
        if token.group("name"):
            pending = token.group("name")
        elif token.group(0) == "{":
            stack.append(pending)
            pending = None
        elif token.group(0) == "}":
            if stack:
                stack.pop()
        elif token.group("main"):
            named = [name for name in stack if name is not None]
            if named:
                return ".".join(named)
    return None


def _c_family(language: Language, files: dict[str, str], ours: list[str]) -> dict[str, str]:
    """One unit that includes every source file. A source with the name judged builds the unit as
    (`main.c`, common in multi-file C) moves aside under a free name, `#line` keeping its own name in
    the compiler's messages; headers are read once per unit (`_once`)."""
    if not any(_C_MAIN.search(files[name]) for name in ours):
        raise SourceError("no main function in any source file")
    entry = language.files[0]
    aside = "_" + entry
    while aside in files:
        aside = "_" + aside
    laid = {name: _once(name, text) for name, text in files.items() if name != entry}
    if entry in files:
        laid[aside] = f'#line 1 "{entry}"\n{files[entry]}'
    unit = "".join(f'#include "{aside if name == entry else name}"\n' for name in ours)
    return {**laid, entry: unit}


def _once(name: str, text: str) -> str:
    """A header read once per unit: the sources share one unit here, so a header every source includes
    (DOMjudge's `multifile-cpp`, written for separate compilation, has no include guard) would be defined
    twice. `#line 1` keeps the compiler's line numbers the file's own."""
    if Path(name).suffix not in _C_HEADERS:
        return text
    return f"#pragma once\n#line 1\n{text}"


def _python(language: Language, files: dict[str, str], ours: list[str]) -> dict[str, str]:
    del language  # python.toml's files are main.py (run) and solution.py (syntax-checked)
    main = "main.py" if "main.py" in files else next((n for n in ours if _PY_MAIN.search(files[n])), ours[0])
    launcher = (
        f"import runpy, sys\nsys.path.insert(0, {SRC!r})\nrunpy.run_path({SRC + '/' + main!r}, run_name='__main__')\n"
    )
    renamed = {("_main_.py" if name == "main.py" else name): text for name, text in files.items()}
    if main == "main.py":
        launcher = launcher.replace("/main.py", "/_main_.py")
    return {**renamed, "main.py": launcher, "solution.py": files[main]}


def _java(language: Language, files: dict[str, str], ours: list[str]) -> dict[str, str]:
    packages = {found.group(1) for name in ours for found in _JAVA_PACKAGE.finditer(files[name])}
    imports = sorted(
        {line.strip() for name in ours for line in _JAVA_IMPORT.findall(files[name])}
        - {line.strip() for name in ours for line in _JAVA_IMPORT.findall(files[name]) if _imports_own(line, packages)}
    )
    bodies = [_JAVA_IMPORT.sub("", _JAVA_PACKAGE.sub("", files[name])) for name in ours]
    return {language.files[0]: _java_single("\n".join(imports) + "\n" + "\n".join(bodies))}


def _imports_own(line: str, packages: set[str]) -> bool:
    """An import of the program's own package: its classes share one file now, in the default package."""
    name = line.strip().removeprefix("import").strip().removesuffix(";").strip()
    return any(name.rsplit(".", 1)[0] == package for package in packages)


def _javascript(language: Language, files: dict[str, str], ours: list[str]) -> dict[str, str]:
    """Node starts the file no other file imports (`import ... from './x.js'`, `require('./x')`), `main.js`
    when there is one, beside the others: modules resolve by name (ES module syntax in `.js` included)."""
    imported = {found.group(1) for name in ours for found in _JS_IMPORT.finditer(files[name])}
    entries = [name for name in ours if name not in imported and Path(name).stem not in imported]
    entry = "main.js" if "main.js" in ours else (entries or ours)[0]
    if "solution.js" in files and entry != "solution.js":
        raise SourceError("solution.js is a name judged runs the program as; rename that file")
    return {**files, **dict.fromkeys(language.files, files[entry])}


_LAYOUTS = {Layout.C_FAMILY: _c_family, Layout.PYTHON: _python, Layout.JAVA: _java, Layout.JAVASCRIPT: _javascript}
"""How a program of several source files is laid out, by the language's `SUPPORT.layout` (SINGLE: refused)."""
