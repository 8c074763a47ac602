"""YAML files of Kattis packages (`problem.yaml`, `testdata.yaml`): parsed safely, errors with their line."""

from __future__ import annotations

from pathlib import Path

import yaml

from judged.problems.diagnostics import Folder


def read_yaml_mapping(folder: Folder, path: Path) -> dict[str, object] | None:
    """The mapping a YAML file holds ({} for an empty file), or None with an error naming the line."""
    text = folder.read_text(path)
    if text is None:
        return None
    try:
        value = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark is not None else None
        folder.collector.error(path, line, f"not valid YAML: {error.problem or error}")
        return None
    except yaml.YAMLError as error:
        folder.collector.error(path, None, f"not valid YAML: {error}")
        return None
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        folder.collector.error(path, None, "must be a mapping of keys to values")
        return None
    return value


def key_line(path: Path, key: str) -> int | None:
    """Best effort: the line where `key:` is written at the start of a line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(f"{key}:"):
            return number
    return None


def as_number(value: object) -> float | None:
    """A YAML number (not a bool), or None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def as_words(value: object) -> tuple[str, ...] | None:
    """A space separated string (or a list of strings, as the 2023-07 draft writes flags) as words; None if neither."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list) and all(isinstance(word, str | int | float) for word in value):
        return tuple(str(word) for word in value)
    return None
