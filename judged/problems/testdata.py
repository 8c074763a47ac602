"""`tests/*.jsonl`: one test a line, each validated against the signature, every bad line reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec

from judged.harness import InvalidValue, Signature, canonical, validate_test
from judged.harness.design import Design, validate_design_test
from judged.problems.diagnostics import Folder
from judged.problems.model import Shape, TestCase, TestFile

TESTS_DIR = "tests"
SAMPLE_PREFIX = "sample"
EXTENSION = ".jsonl"

_decoder = msgspec.json.Decoder()
TestReader = Callable[[object], tuple[dict[str, object], object]]
"""A decoded test line to its canonical input and expected output; `InvalidValue` when they do not fit."""
_encoder = msgspec.json.Encoder(order="deterministic")


def function_tests(signature: Signature, shape: Shape) -> TestReader:
    """A function problem's test lines: `{"input": {"<param>": value}, "output": value}`."""
    return lambda test: _test_values(test, signature, shape)


def design_tests(design: Design) -> TestReader:
    """A design problem's test lines: `{"input": {"operations": [...], "arguments": [...]}, "output": [...]}`."""

    def read(test: object) -> tuple[dict[str, object], object]:
        if not isinstance(test, dict) or set(test) != {"input", "output"}:
            raise InvalidValue("test", "expected an object with exactly the keys input and output")
        return validate_design_test(design, test["input"], test["output"])

    return read


def read_tests(folder: Folder, reader: TestReader | None) -> list[TestFile]:
    """Every test file in name order. Without a reader (the signature is broken) lines are only parsed as JSON."""
    directory = folder.path / TESTS_DIR
    if not directory.is_dir():
        folder.collector.error(directory, None, "missing: the tests go in tests/*.jsonl")
        return []
    if not folder.inside(directory):
        return []
    files = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix != EXTENSION:
            folder.collector.warning(path, None, f"ignored: test files are tests/*{EXTENSION}")
            continue
        if not folder.is_file_inside(path, "is not a file (a folder, or a symlink that leads nowhere)"):
            continue
        test_file = _read_file(folder, path, reader)
        if test_file is not None:
            files.append(test_file)
    return files


def check_tests(folder: Folder, files: list[TestFile]) -> None:
    """Errors for a problem without samples or tests, warnings for tests that repeat an earlier input."""
    directory = folder.path / TESTS_DIR
    if not any(case for test_file in files for case in test_file.cases):
        folder.collector.error(directory, None, f"no tests: write at least one line in a tests/*{EXTENSION} file")
    elif not any(test_file.cases for test_file in files if test_file.sample):
        folder.collector.error(directory, None, f"no samples: visible examples go in tests/{SAMPLE_PREFIX}*{EXTENSION}")
    seen: dict[bytes, TestCase] = {}
    for test_file in files:
        for case in test_file.cases:
            first = seen.setdefault(_encoder.encode(case.arguments), case)
            if first is not case:
                where = f"{first.file.name}:{first.line}"
                folder.collector.warning(case.file, case.line, f"same input as {where}")


def _read_file(folder: Folder, path: Path, reader: TestReader | None) -> TestFile | None:
    text = folder.read_text(path)
    if text is None:
        return None
    sample = path.name.startswith(SAMPLE_PREFIX)
    cases = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            test = _decoder.decode(line)
        except msgspec.DecodeError as error:
            folder.collector.error(path, number, f"not valid JSON: {error}")
            continue
        if reader is None:
            continue
        try:
            arguments, output = reader(test)
        except InvalidValue as invalid:
            folder.collector.error(path, number, _describe(invalid))
            continue
        cases.append(TestCase(arguments, output, path, number, sample))
    return TestFile(path, sample, tuple(cases))


def _test_values(test: object, signature: Signature, shape: Shape) -> tuple[dict[str, object], object]:
    """The canonical arguments and expected output of a decoded line; `InvalidValue` when they do not fit."""
    validate_test(test, signature)
    assert isinstance(test, dict)  # validate_test checked
    for name in shape.rectangular:
        _check_rectangular(test["input"][name], name)
    if shape.rectangular_output:
        _check_rectangular(test["output"], "output")
    arguments = {param.name: canonical(test["input"][param.name], param.type) for param in signature.params}
    return arguments, canonical(test["output"], signature.result_type)


def _check_rectangular(rows: list[list[object]], path: str) -> None:
    for index, row in enumerate(rows):
        if len(row) != len(rows[0]):
            problem = f"a row of {len(row)}, but row 0 has {len(rows[0])}: {path} must be rectangular"
            raise InvalidValue(f"{path}[{index}]", problem)


def _describe(invalid: InvalidValue) -> str:
    """The error with its JSON path: `input.nums[3]: ...`, `output: ...`, `test: ...`."""
    head = invalid.path.split("[", 1)[0].split(".", 1)[0]
    if head in ("test", "input", "output"):
        return str(invalid)
    return f"input.{invalid.path}: {invalid.problem}"
