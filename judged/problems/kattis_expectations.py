"""What a Kattis / DOMjudge package expects of each reference submission, in the verdict codes judged reports.

Three sources, the first that speaks wins:

1. DOMjudge's `@EXPECTED_RESULTS@: CORRECT, TIMELIMIT` comment in the source (several results allowed);
2. 2023-07's `submissions/submissions.yaml` (or the earlier draft's `expectations.yaml`): a glob (a
   folder with a trailing `/`, a file, or a pattern) to `permitted` / `required` verdict lists, or to a
   folder name; every rule that matches narrows what is allowed;
3. the folder the submission is in (`accepted`, `wrong_answer`, problemtools' `slow_accepted`, ...).

The format's mapping is applied here, once: Kattis and DOMjudge have no memory limit verdict (running out
of memory is a run-time error there) and report an output limit as a run-time error too, so a run-time
error expectation also agrees with judged's MLE and OLE.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from judged.problems.diagnostics import Collector, Folder
from judged.problems.kattis_yaml import key_line, read_yaml_mapping
from judged.problems.model import ExpectedVerdict

RUN_ERROR = ("RE", "MLE", "OLE")
NOT_ACCEPTED = ("WA", "TLE", *RUN_ERROR)
EXPECTATION_FILES = ("submissions.yaml", "expectations.yaml")

FOLDERS: dict[str, tuple[str, ...]] = {
    "accepted": ("AC",),
    "wrong_answer": ("WA",),
    "time_limit_exceeded": ("TLE",),
    "run_time_error": RUN_ERROR,
    "memory_limit_exceeded": ("MLE", "RE"),
    "compile_error": ("CE",),
    "partially_accepted": ("AC",),
    # problemtools
    "slow_accepted": ("AC", "TLE"),
    "rejected": (*NOT_ACCEPTED, "CE"),
    # 2023-07: brute force is too slow or crashes (runs out of memory, of stack) but never answers wrong.
    "brute_force": ("TLE", *RUN_ERROR),
    # DOMjudge exports
    "no_output": ("WA",),
    "output_limit": ("OLE", "RE"),
    "compiler_error": ("CE",),
    "time_limit": ("TLE",),
    "wrong-answer": ("WA",),
    "run-error": RUN_ERROR,
}
"""Verdict folders of both format versions, problemtools and DOMjudge, and the codes that agree with each."""

_DOMJUDGE = {
    "CORRECT": ("AC",),
    "WRONG-ANSWER": ("WA",),
    "TIMELIMIT": ("TLE",),
    "RUN-ERROR": RUN_ERROR,
    "COMPILER-ERROR": ("CE",),
    "NO-OUTPUT": ("WA",),
    "OUTPUT-LIMIT": ("OLE", "RE"),
    "MEMORY-LIMIT": ("MLE", "RE"),
}
_DOMJUDGE_ALIASES = {
    "ACCEPTED": "CORRECT",
    "WRONG_ANSWER": "WRONG-ANSWER",
    "TIME_LIMIT_EXCEEDED": "TIMELIMIT",
    "RUN_TIME_ERROR": "RUN-ERROR",
    "COMPILER_ERROR": "COMPILER-ERROR",
    "NO_OUTPUT": "NO-OUTPUT",
    "OUTPUT_LIMIT": "OUTPUT-LIMIT",
}
"""The Kattis-style names DOMjudge reads in a header as its own (its `PROBLEM_RESULT_REMAP`)."""
_KATTIS = {"AC": ("AC",), "WA": ("WA",), "TLE": ("TLE",), "RTE": RUN_ERROR, "RE": RUN_ERROR, "CE": ("CE",)}
_HEADER = re.compile(r"@EXPECTED_RESULTS@[ \t]*:[ \t]*([A-Za-z_,\- \t]+)")
_SINGLE = {
    ("AC",): ExpectedVerdict.ACCEPTED,
    ("WA",): ExpectedVerdict.WRONG_ANSWER,
    ("TLE",): ExpectedVerdict.TIME_LIMIT_EXCEEDED,
    RUN_ERROR: ExpectedVerdict.RUN_TIME_ERROR,
    ("CE",): ExpectedVerdict.COMPILE_ERROR,
    ("MLE", "RE"): ExpectedVerdict.MEMORY_LIMIT_EXCEEDED,
}
HEADER_BYTES = 64 * 1024
_ABOUT_KEYS = frozenset({"authors", "language", "entrypoint", "message", "model_solution", "score"})
"""`submissions.yaml` keys (the format's later drafts) that say nothing judged checks."""


class Rule(msgspec.Struct, frozen=True):
    """One entry of `submissions.yaml`: which submissions (a glob below `submissions/`) may get which codes."""

    pattern: str
    permitted: tuple[str, ...]


def verdict_of(permitted: Sequence[str], folder: str) -> ExpectedVerdict:
    """The one verdict the codes stand for, else SEVERAL (`partially_accepted` keeps its own meaning)."""
    if folder == "partially_accepted" and tuple(permitted) == ("AC",):
        return ExpectedVerdict.PARTIALLY_ACCEPTED
    return _SINGLE.get(tuple(permitted), ExpectedVerdict.SEVERAL)


def header_expectation(folder: Folder, program: Path) -> tuple[str, ...] | None:
    """The codes of an `@EXPECTED_RESULTS@:` comment in the program's sources, None when it has none."""
    files = [program] if program.is_file() else sorted(file for file in program.rglob("*") if file.is_file())
    for file in files:
        with file.open("rb") as handle:
            text = handle.read(HEADER_BYTES).decode(errors="replace")
        found = _HEADER.search(text)
        if found is None:
            continue
        words = [word.strip().upper() for word in found.group(1).split(",") if word.strip()]
        words = [_DOMJUDGE_ALIASES.get(word.split()[0], word.split()[0]) for word in words]
        unknown = [word for word in words if word not in _DOMJUDGE]
        if unknown or not words:
            line = text[: found.start()].count("\n") + 1
            known = ", ".join(_DOMJUDGE)
            folder.collector.warning(file, line, f"@EXPECTED_RESULTS@: unknown result {' '.join(unknown)} ({known})")
            words = [word for word in words if word in _DOMJUDGE]
        if words:
            return _union(_DOMJUDGE[word] for word in words)
    return None


def read_rules(folder: Folder, submissions: Path) -> list[Rule]:
    """The rules of `submissions/submissions.yaml` (or `expectations.yaml`); what cannot be used is a warning."""
    path = next((submissions / name for name in EXPECTATION_FILES if (submissions / name).is_file()), None)
    if path is None:
        return []
    quiet = Folder(folder.path, Collector(strict=False))  # a broken file costs its rules, not the package
    raw = read_yaml_mapping(quiet, path)
    for diagnostic in quiet.collector.found:
        folder.collector.warning(diagnostic.file, diagnostic.line, f"{diagnostic.message}; its rules are ignored")
    rules = []
    for pattern, value in (raw or {}).items():
        permitted = _rule_codes(value)
        if permitted is None and isinstance(value, dict) and value and set(value) <= _ABOUT_KEYS:
            continue  # who wrote it, its language, its entry point: nothing about its verdict
        if permitted is None:
            message = f"{pattern}: not understood (permitted/required verdict lists, or a verdict folder); ignored"
            folder.collector.warning(path, key_line(path, pattern), message)
            continue
        rules.append(Rule(pattern, permitted))
    return rules


def expectation(relative: str, folder_name: str, rules: Sequence[Rule]) -> tuple[str, ...] | None:
    """The codes the rules and the folder allow a submission at `relative` (below `submissions/`); None: unknown."""
    allowed = FOLDERS.get(folder_name)
    for rule in rules:
        if _matches(rule.pattern, relative):
            narrowed = tuple(code for code in allowed if code in rule.permitted) if allowed else ()
            allowed = narrowed or rule.permitted
    return allowed


def _matches(pattern: str, relative: str) -> bool:
    pattern = pattern.strip().removeprefix("submissions/")
    if pattern.endswith("/"):
        return relative.startswith(pattern)
    parts = relative.split("/")
    prefixes = ["/".join(parts[: index + 1]) for index in range(len(parts))]
    return any(fnmatch.fnmatchcase(prefix, pattern) for prefix in prefixes)


def _rule_codes(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return FOLDERS.get(value.strip())
    if not isinstance(value, dict):
        return None
    permitted, required = _codes(value.get("permitted")), _codes(value.get("required"))
    if permitted is None and required is None:
        return None
    # Judging stops at the first rejected test, so the verdict is one test's: permitted, and required if given.
    if permitted is not None and required is not None:
        return tuple(code for code in permitted if code in required) or None
    return permitted or required


def _codes(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(word, str) and word.upper() in _KATTIS for word in value):
        return None
    return _union(_KATTIS[word.upper()] for word in value)


def _union(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    found: list[str] = []
    for group in groups:
        found += [code for code in group if code not in found]
    return tuple(found)
