"""`problem.yaml` of a Kattis package, legacy and 2023-07 draft, read into what judging needs."""

from __future__ import annotations

import math
import re

import msgspec

from judged.problems.diagnostics import Folder
from judged.problems.io_model import Validation
from judged.problems.kattis_yaml import as_number, as_words, key_line, read_yaml_mapping

FILE_NAME = "problem.yaml"
DEFAULT_MEMORY_MIB = 2048  # the format's defaults
DEFAULT_OUTPUT_MIB = 8
MIN_MEMORY_MIB, MAX_MEMORY_MIB = 16, 4096
MAX_TIME_LIMIT = 60.0
# Both versions' keys; the ones judging does not need are read and ignored.
KNOWN_KEYS = frozenset({
    "problem_format_version", "type", "name", "uuid", "author", "source", "source_url", "license", "rights_owner",
    "limits", "validation", "validator_flags", "grading", "keywords", "credits", "languages", "embargo_until",
    "constants", "version",
})  # fmt: skip
DECISIVE_KEYS = frozenset({"type", "validation"})
"""Keys judging cannot do without understanding; a value judged cannot read elsewhere is a warning."""
TYPES = frozenset({"pass-fail", "scoring", "interactive"})
UNSUPPORTED_TYPES = frozenset({"multi-pass", "submit-answer"})
_CONSTANT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class PackageConfig(msgspec.Struct):
    """What judged takes from `problem.yaml`; defaults are the legacy spec's."""

    name: str = ""
    format_version: str = "legacy"
    scoring: bool = False
    interactive: bool = False
    validation: Validation = Validation.DEFAULT
    score_from_validator: bool = False
    validator_flags: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    time_limit: float | None = None
    time_multiplier: float | None = None
    """None until read: 5 in the legacy format, 2 in the 2023-07 draft (`ac_to_time_limit`)."""
    time_safety_margin: float | None = None
    """None until read: 2 in the legacy format, 1.5 in the 2023-07 draft (`time_limit_to_tle`)."""
    memory_mib: int = DEFAULT_MEMORY_MIB
    output_mib: int = DEFAULT_OUTPUT_MIB
    constants: tuple[tuple[str, str], ...] = ()


def read_package_config(folder: Folder) -> PackageConfig | None:
    path = folder.path / FILE_NAME
    raw = read_yaml_mapping(folder, path)
    if raw is None:
        return None
    config = PackageConfig()
    for key, value in raw.items():
        if key not in KNOWN_KEYS:
            folder.collector.warning(path, key_line(path, key), f"{key}: unknown key, ignored")
            continue
        problem = _READERS[key](config, value) if key in _READERS else None
        if problem and key in DECISIVE_KEYS:
            folder.collector.error(path, key_line(path, key), f"{key}: {problem}")
        elif problem:
            folder.collector.warning(path, key_line(path, key), f"{key}: {problem}; ignored")
    if (folder.path / "output_validator").is_dir() and config.validation is Validation.DEFAULT:
        config.validation = Validation.CUSTOM  # 2023-07: the folder's presence is the setting
    _within_range(folder, config)
    draft = config.format_version != "legacy"
    config.time_multiplier = config.time_multiplier or (2.0 if draft else 5.0)
    config.time_safety_margin = config.time_safety_margin or (1.5 if draft else 2.0)
    if config.interactive and config.validation is Validation.DEFAULT:
        folder.collector.error(path, None, "an interactive problem needs a custom output validator")
    return config


def _within_range(folder: Folder, config: PackageConfig) -> None:
    """Limits beyond what judged runs with are brought into its range, with a warning (not a refusal)."""
    path, line = folder.path / FILE_NAME, key_line(folder.path / FILE_NAME, "limits")
    memory = min(max(config.memory_mib, MIN_MEMORY_MIB), MAX_MEMORY_MIB)
    if memory != config.memory_mib:
        folder.collector.warning(path, line, f"limits.memory {config.memory_mib} MiB: judged runs with {memory} MiB")
        config.memory_mib = memory
    if config.time_limit is not None and config.time_limit > MAX_TIME_LIMIT:
        folder.collector.warning(path, line, f"limits.time_limit {config.time_limit:g} s: judged runs with 60 s")
        config.time_limit = MAX_TIME_LIMIT


def _format(config: PackageConfig, value: object) -> str | None:
    if not isinstance(value, str):
        return "must be a string: legacy or 2023-07-draft"
    config.format_version = value
    return None


def _name(config: PackageConfig, value: object) -> str | None:
    if isinstance(value, dict):  # 2023-07: a name per language
        value = value.get("en", next(iter(value.values()), ""))
    if not isinstance(value, str):
        return "must be a string (or a map of language to string)"
    config.name = value.strip()
    return None


def _type(config: PackageConfig, value: object) -> str | None:
    words = as_words(value)
    if words is None:
        return "must be a string or a list: pass-fail, scoring, interactive"
    unsupported = [word for word in words if word in UNSUPPORTED_TYPES]
    unknown = [word for word in words if word not in TYPES | UNSUPPORTED_TYPES]
    if unsupported or unknown:
        return f"not supported: {', '.join(unsupported + unknown)} (judged knows pass-fail, scoring, interactive)"
    config.scoring = "scoring" in words
    if "interactive" in words:
        config.interactive = True
        config.validation = Validation.CUSTOM
    return None


def _validation(config: PackageConfig, value: object) -> str | None:
    words = as_words(value)
    if not words or words[0] not in ("default", "custom") or not set(words[1:]) <= {"score", "interactive"}:
        return "must be default, or custom followed by score and/or interactive"
    if words[0] == "default" and len(words) > 1:
        return "score and interactive need custom validation"
    config.validation = Validation(words[0])
    config.interactive = config.interactive or "interactive" in words
    config.score_from_validator = "score" in words
    if config.score_from_validator and not config.scoring:
        return "custom score is only for scoring problems (type: scoring)"
    return None


def _validator_flags(config: PackageConfig, value: object) -> str | None:
    words = as_words(value)
    if words is None:
        return "must be a string of flags"
    config.validator_flags = words
    return None


def _constants(config: PackageConfig, value: object) -> str | None:
    if not isinstance(value, dict):
        return "must be a map of names to numbers or strings"
    found = []
    for name, constant in value.items():
        if not (isinstance(name, str) and _CONSTANT_NAME.fullmatch(name)):
            return f"{name!r} is not a constant's name (letters, digits and _)"
        if isinstance(constant, bool) or not isinstance(constant, int | float | str):
            return f"{name}: a constant is a number or a string"
        found.append((name, str(constant)))
    config.constants = tuple(found)
    return None


def _keywords(config: PackageConfig, value: object) -> str | None:
    words = as_words(value)
    if words is None:
        return "must be a string of space separated keywords (or a list)"
    config.keywords = tuple(word[:50] for word in words if word)
    return None


def _limits(config: PackageConfig, value: object) -> str | None:
    if not isinstance(value, dict):
        return "must be a map"
    problems = []
    for key, number in value.items():
        limit = as_number(number)
        if key in _LIMITS and (limit is None or not math.isfinite(limit) or limit <= 0):
            problems.append(f"{key} must be a positive number")
        elif key in _LIMITS and limit is not None:
            problems.extend(_LIMITS[key](config, limit))
        elif key == "time_multipliers" and isinstance(number, dict):
            problems.extend(_multipliers(config, number))
    return "; ".join(problems) or None


def _set_time_limit(config: PackageConfig, seconds: float) -> list[str]:
    config.time_limit = seconds  # judged's own range is applied with a warning (`_within_range`)
    return []


def _set_memory(config: PackageConfig, mib: float) -> list[str]:
    config.memory_mib = math.ceil(mib)
    return []


def _set_output(config: PackageConfig, mib: float) -> list[str]:
    config.output_mib = math.ceil(mib)
    return []


def _set_multiplier(config: PackageConfig, factor: float) -> list[str]:
    config.time_multiplier = factor
    return []


def _set_margin(config: PackageConfig, factor: float) -> list[str]:
    config.time_safety_margin = factor
    return []


def _multipliers(config: PackageConfig, value: dict[object, object]) -> list[str]:
    """2023-07: `time_multipliers: {ac_to_time_limit, time_limit_to_tle}`."""
    for key, setter in (("ac_to_time_limit", _set_multiplier), ("time_limit_to_tle", _set_margin)):
        number = as_number(value.get(key))
        if number is not None and number > 0:
            setter(config, number)
    return []


_LIMITS = {
    "time_limit": _set_time_limit,
    "memory": _set_memory,
    "output": _set_output,
    "time_multiplier": _set_multiplier,
    "time_safety_margin": _set_margin,
}


_READERS = {
    "problem_format_version": _format,
    "name": _name,
    "type": _type,
    "validation": _validation,
    "validator_flags": _validator_flags,
    "keywords": _keywords,
    "constants": _constants,
    "limits": _limits,
}
