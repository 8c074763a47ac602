"""`data/` of a Kattis package: the tree of test groups, their `.in`/`.ans` files and `testdata.yaml` settings."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import msgspec

from judged.problems.diagnostics import Folder
from judged.problems.io_model import Grading, IoTest, OnReject, ScoreMode, TestGroup, VerdictMode
from judged.problems.kattis_yaml import as_number, as_words, key_line, read_yaml_mapping

DATA_DIR = "data"
TESTDATA = "testdata.yaml"
_VERDICT_MODES = {mode.value: mode for mode in VerdictMode}
_SCORE_MODES = {mode.value: mode for mode in ScoreMode}
_SCORING_KEYS = ("accept_score", "reject_score", "range", "scoring")
_IGNORED_KEYS = frozenset({"grading", "args", "static_validation"})
NO_ANSWER = Path("/dev/null")
"""The answer of an interactive test written without `.ans`: empty."""


def read_data(folder: Folder, *, scoring: bool, interactive: bool = False) -> TestGroup | None:
    """The root group `data/`, with `sample` and `secret` under it; None with an error when there is no test at all.

    Without secret tests the samples are the tests (a warning says so). An interactive problem's `.ans`
    is optional (2023-07): its validator then reads an empty answer file.
    """
    directory = folder.path / DATA_DIR
    if not directory.is_dir() or not folder.inside(directory):
        folder.collector.error(directory, None, "cannot be judged: no test data (data/sample/*.in, data/secret/*.in)")
        return None
    root = _read_group(folder, directory, "", Grading(), scoring=scoring, interactive=interactive)
    if not any(root.tests()):
        folder.collector.error(directory, None, "cannot be judged: no test (an .in with its .ans) under data/")
        return None
    if not any(not test.sample for test in root.tests()):
        folder.collector.warning(directory / "secret", None, "no secret tests: the samples are the tests")
    elif not any(test.sample for test in root.tests()):
        folder.collector.warning(directory / "sample", None, "no samples: the problem page shows no example")
    return root


def _read_group(
    folder: Folder, directory: Path, name: str, inherited: Grading, *, scoring: bool, interactive: bool
) -> TestGroup:
    grading = inherited
    settings = directory / TESTDATA
    if settings.is_file():
        grading = _read_testdata(folder, settings, inherited, scoring=scoring)
    items: list[IoTest | TestGroup] = []
    entries = sorted(directory.iterdir(), key=lambda path: path.name)
    for path in entries:
        if path.name.startswith(".") or not folder.inside(path):
            continue
        child = f"{name}/{path.name}".lstrip("/")
        if path.is_dir():
            if name == "" and path.name not in ("sample", "secret"):
                folder.collector.warning(path, None, "ignored: data/ holds only the groups sample and secret")
                continue
            items.append(_read_group(folder, path, child, grading, scoring=scoring, interactive=interactive))
        elif path.suffix == ".in":
            test = _read_test(folder, path, child.removesuffix(".in"), interactive=interactive)
            if test is not None and name != "":
                items.append(test)
    return TestGroup(name=name, grading=grading, items=tuple(items))


def _read_test(folder: Folder, path: Path, name: str, *, interactive: bool) -> IoTest | None:
    answer = path.with_suffix(".ans")
    if not answer.is_file() and interactive:
        return IoTest(name=name, input=path, answer=NO_ANSWER, sample=name.startswith("sample/"))
    if not answer.is_file():
        folder.collector.warning(path, None, f"has no answer file {answer.name}: not a test")
        return None
    if not folder.inside(answer):
        return None
    return IoTest(name=name, input=path, answer=answer, sample=name.startswith("sample/"))


def _read_testdata(folder: Folder, path: Path, inherited: Grading, *, scoring: bool) -> Grading:
    """`testdata.yaml` over the inherited settings (the spec: the closest ancestor's file applies)."""
    config = read_yaml_mapping(folder, path)
    if config is None:
        return inherited
    changes: dict[str, object] = {}
    for key, value in config.items():
        problem = _apply(key, value, changes, scoring=scoring)
        if problem:
            folder.collector.warning(path, key_line(path, key), f"{key}: {problem}; ignored")
    # A group's file replaces its ancestor's, key by key from the defaults (the legacy spec's wording).
    return msgspec.structs.replace(Grading(), **changes)


def _apply(key: str, value: object, changes: dict[str, object], *, scoring: bool) -> str | None:
    if key in _SCORING_KEYS and not scoring:
        return "only for scoring problems (type: scoring)"
    reader = _KEYS.get(key)
    if reader is not None:
        return reader(key, value, changes)
    return None if key in _IGNORED_KEYS else "unknown key"


def _on_reject(key: str, value: object, changes: dict[str, object]) -> str | None:
    if value not in ("break", "continue"):
        return "must be break or continue"
    changes[key] = OnReject(str(value))
    return None


def _score(key: str, value: object, changes: dict[str, object]) -> str | None:
    number = as_number(value)
    if number is None:
        return "must be a number"
    changes[key] = number
    return None


def _flags(key: str, value: object, changes: dict[str, object]) -> str | None:
    words = as_words(value)
    if words is None:
        return "must be a string of flags (per-validator maps are not supported)"
    changes[_FLAG_KEYS[key]] = words
    return None


def _input_args(key: str, value: object, changes: dict[str, object]) -> str | None:
    """2023-07: a string or list for every input validator; a map by validator name is not used."""
    return None if isinstance(value, dict) else _flags(key, value, changes)


def _grader_flags(key: str, value: object, changes: dict[str, object]) -> str | None:
    del key
    words = as_words(value)
    if words is None:
        return "must be a string of flags"
    for word in words:
        if word in _VERDICT_MODES:
            changes["verdict_mode"] = _VERDICT_MODES[word]
        elif word in _SCORE_MODES:
            changes["score_mode"] = _SCORE_MODES[word]
        elif word in ("ignore_sample", "accept_if_any_accepted"):
            changes[word] = True
        else:
            return f"unknown flag {word!r} of the default grader"
    return None


def _range(key: str, value: object, changes: dict[str, object]) -> str | None:
    del key
    words = as_words(value)
    try:
        low, high = (float(word) for word in words or ())
    except ValueError:
        return "must be two numbers (inf and -inf allowed): LOW HIGH"
    if math.isnan(low) or math.isnan(high) or low > high:
        return "must be two numbers LOW HIGH with LOW <= HIGH"
    changes["score_range"] = (low, high)
    return None


def _scoring(key: str, value: object, changes: dict[str, object]) -> str | None:
    """2023-07's `scoring: {score, aggregation}` in the legacy grader's terms: `min` is a subtask (every test
    must pass: stop at the first rejection, the group scores `score` or nothing), `sum` adds its parts up
    (judge them all; accepted when any part is)."""
    del key
    if not isinstance(value, dict):
        return "must be a map (score, aggregation)"
    aggregation = value.get("aggregation", "sum")
    score = value.get("score")
    number = None if score in (None, "unbounded") else as_number(score)
    if aggregation not in ("sum", "min") or (score not in (None, "unbounded") and number is None):
        return "aggregation must be sum or min, score a number"
    if aggregation == "min":
        changes.update(on_reject=OnReject.BREAK, verdict_mode=VerdictMode.FIRST_ERROR, score_mode=ScoreMode.MIN)
        if number is not None:
            changes.update(accept_score=number, score_range=(0.0, number))
    else:
        changes.update(on_reject=OnReject.CONTINUE, verdict_mode=VerdictMode.FIRST_ERROR, score_mode=ScoreMode.SUM)
        changes["accept_if_any_accepted"] = True
        if number is not None:
            changes["score_range"] = (0.0, number)
    return None


_KEYS: dict[str, Callable[[str, object, dict[str, object]], str | None]] = {
    "scoring": _scoring,
    "on_reject": _on_reject,
    "grader_flags": _grader_flags,
    "accept_score": _score,
    "reject_score": _score,
    "range": _range,
    "output_validator_flags": _flags,
    "input_validator_flags": _flags,
    "output_validator_args": _flags,  # 2023-07's name
    "input_validator_args": lambda key, value, changes: (
        None if isinstance(value, dict) else _flags(key, value, changes)
    ),
}
_FLAG_KEYS = {
    "output_validator_flags": "validator_flags",
    "output_validator_args": "validator_flags",
    "input_validator_flags": "input_validator_flags",
    "input_validator_args": "input_validator_flags",
}
