"""`problem.toml`: decoded into typed Structs, then turned into the problem's signature and compare settings.

Unknown keys and wrong types are errors that name the key path
(`function.params[1].typ`) and, where it can be found, the line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import msgspec

from judged.harness import Base, Signature, SignatureError, parse_signature
from judged.harness.design import Design, parse_design
from judged.problems.diagnostics import Collector, Folder
from judged.problems.model import Compare, CompareMode, Difficulty, Shape

FILE_NAME = "problem.toml"

_TOML_LINE = re.compile(r"\(at line (\d+)")
_KEY_PATH = re.compile(r"- at `\$((?:\.\w+|\[\d+\])*)`$")
_UNKNOWN_FIELD = re.compile(r"unknown field `([^`]+)`")
_SEGMENT = re.compile(r"\.(\w+)|\[(\d+)\]")


class ParamConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    type: str
    rectangular: bool = False


class FunctionConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    params: list[ParamConfig]
    returns: str
    returns_rectangular: bool = False
    compare: CompareMode = CompareMode.EXACT
    tolerance: Annotated[float, msgspec.Meta(ge=0, le=1)] | None = None
    unordered_depth: Annotated[int, msgspec.Meta(ge=1, le=2)] | None = None
    checker: str | None = None


class MethodConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    params: list[ParamConfig] = []
    returns: str = "void"


class DesignConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """`[design]`: the class a design problem asks for."""

    class_name: str = msgspec.field(name="class")
    methods: list[MethodConfig]
    constructor: list[ParamConfig] = []


class RunsConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """`[runs]`: what POST /v1/runs may show of the problem."""

    reference_output: bool = True
    """Whether a run on the participant's own inputs shows the reference solution's outputs beside theirs
    (false: a participant cannot use runs to compute answers)."""


class ProblemConfig(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    difficulty: Difficulty
    time_limit: Annotated[float, msgspec.Meta(gt=0, le=60)]
    memory_limit: Annotated[int, msgspec.Meta(ge=16, le=4096)]
    function: FunctionConfig | None = None
    design: DesignConfig | None = None
    tags: list[Annotated[str, msgspec.Meta(min_length=1, max_length=50)]] = []
    runs: RunsConfig = RunsConfig()


def read_config(folder: Folder) -> ProblemConfig | None:
    """The decoded `problem.toml`, or None with an error naming the file, line and key."""
    path = folder.path / FILE_NAME
    text = folder.read_required(path, "missing: every problem folder has a problem.toml")
    if text is None:
        return None
    try:
        config = msgspec.toml.decode(text, type=ProblemConfig)
    except msgspec.ValidationError as error:
        message, line = _explain(str(error), text)
        folder.collector.error(path, line, message)
        return None
    except msgspec.DecodeError as error:
        match = _TOML_LINE.search(str(error))
        folder.collector.error(path, int(match.group(1)) if match else None, f"not valid TOML: {error}")
        return None
    if (config.function is None) == (config.design is None):
        folder.collector.error(path, None, "declare exactly one of [function] and [design]")
        return None
    return config


def build_design(config: DesignConfig, file: Path, collector: Collector) -> Design | None:
    """The class `[design]` declares, or None with an error."""
    for param in (*config.constructor, *(p for method in config.methods for p in method.params)):
        if param.rectangular:
            collector.error(file, None, f"design: parameter {param.name!r}: rectangular is for function problems")
            return None
    try:
        return parse_design(
            config.class_name,
            ((param.name, param.type) for param in config.constructor),
            ((m.name, ((p.name, p.type) for p in m.params), m.returns) for m in config.methods),
        )
    except SignatureError as error:
        collector.error(file, None, f"design: {error}")
    return None


def build_signature(config: FunctionConfig, file: Path, collector: Collector) -> Signature | None:
    """The signature `[function]` declares, or None with an error."""
    try:
        return parse_signature(config.name, ((param.name, param.type) for param in config.params), config.returns)
    except SignatureError as error:
        collector.error(file, None, f"function: {error}")
    return None


def build_shape(config: FunctionConfig, signature: Signature, file: Path, collector: Collector) -> Shape | None:
    """Which 2-D parameters (and whether the result) must be rectangular; None with errors where that cannot be."""
    problems = [
        f"function.params: {param.name!r} is {typed.type}; only a T[][] can be rectangular"
        for param, typed in zip(config.params, signature.params, strict=True)
        if param.rectangular and typed.type.depth != 2
    ]
    if config.returns_rectangular and signature.result_type.depth != 2:
        problems.append(f"function.returns_rectangular: the result is {signature.result_type}, not a T[][]")
    for problem in problems:
        collector.error(file, None, problem)
    if problems:
        return None
    return Shape(
        rectangular=tuple(param.name for param in config.params if param.rectangular),
        rectangular_output=config.returns_rectangular,
    )


def build_compare(config: FunctionConfig, signature: Signature, folder: Folder) -> Compare | None:
    """The compare settings, checked against the mode and the result type; None with errors when they do not fit."""
    file = folder.path / FILE_NAME
    problems = _compare_problems(config, signature)
    for problem in problems:
        folder.collector.error(file, None, f"function: {problem}")
    checker: Path | None = None
    if config.compare is CompareMode.CUSTOM and config.checker is not None:
        checker = _checker_path(folder, config.checker)
    if problems or (config.compare is CompareMode.CUSTOM and checker is None):
        return None
    return Compare(
        mode=config.compare,
        tolerance=config.tolerance or 0.0,
        unordered_depth=config.unordered_depth or 1,
        checker=checker,
    )


def _compare_problems(config: FunctionConfig, signature: Signature) -> list[str]:
    mode = config.compare
    result = signature.result_type
    problems = []
    for key, value, owner in (
        ("tolerance", config.tolerance, CompareMode.FLOAT),
        ("unordered_depth", config.unordered_depth, CompareMode.UNORDERED),
        ("checker", config.checker, CompareMode.CUSTOM),
    ):
        if value is None and mode is owner:
            problems.append(f"compare = {mode.value!r} needs {key}")
        elif value is not None and mode is not owner:
            problems.append(f"{key} is only for compare = {owner.value!r}, not {mode.value!r}")
    if mode is CompareMode.FLOAT and result.base is not Base.DOUBLE:
        problems.append(f"compare = 'float' needs a double result, not {result}")
    if mode is CompareMode.UNORDERED and result.depth < (config.unordered_depth or 1):
        depth = config.unordered_depth or 1
        problems.append(f"compare = 'unordered' with depth {depth} needs an array of {depth} dimensions, not {result}")
    return problems


def _checker_path(folder: Folder, name: str) -> Path | None:
    path = folder.path / name
    file = folder.path / FILE_NAME
    if Path(name).is_absolute() or ".." in Path(name).parts:
        folder.collector.error(file, None, f"function.checker: {name!r} must be a file inside the problem folder")
        return None
    if not folder.inside(path):
        return None
    if not path.is_file():
        folder.collector.error(file, None, f"function.checker: {name!r} does not exist in the problem folder")
        return None
    return path


def _explain(message: str, text: str) -> tuple[str, int | None]:
    """A msgspec validation message as `key.path: problem`, and the line of that key when it can be found."""
    match = _KEY_PATH.search(message)
    segments: list[str | int] = []
    if match:
        segments = [name if name else int(index) for name, index in _SEGMENT.findall(match.group(1))]
        message = message[: match.start()].strip()
    unknown = _UNKNOWN_FIELD.search(message)
    if unknown:
        segments.append(unknown.group(1))
        message = "unknown key"
    path = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in segments).lstrip(".")
    return (f"{path}: {message}" if path else message), _find_line(text, segments)


def _find_line(text: str, segments: list[str | int]) -> int | None:
    """Best effort: the line where the last key of `segments` is written, under its table when there is one."""
    names = [segment for segment in segments if isinstance(segment, str)]
    if not names:
        return None
    lines = text.splitlines()
    table = ".".join(names[:-1])
    start = 0
    for number, line in enumerate(lines):
        header = line.strip().strip("[]").strip()
        if line.strip().startswith("[") and header in (table, ".".join(names)):
            if header == ".".join(names):
                return number + 1
            start = number + 1
            break
    key = re.compile(rf"(^|[{{,\s]){re.escape(names[-1])}\s*=")
    for number in range(start, len(lines)):
        if key.search(lines[number]):
            return number + 1
    return None
