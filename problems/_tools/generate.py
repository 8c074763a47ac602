"""Write the tests of the bundled problems: `tests/sample.jsonl` and `tests/secret.jsonl` of each folder.

Each module in `specs/` names its problem's folder, its parameters, a
reference solution and the inputs; the expected outputs are what the
reference returns (for an in-place problem: the first argument after the
call). The inputs come from a seeded random generator, so a run writes the
same files every time.

    .venv/bin/python problems/_tools/generate.py            # every problem
    .venv/bin/python problems/_tools/generate.py rain-window
"""

from __future__ import annotations

import copy
import importlib
import json
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

TOOLS = Path(__file__).resolve().parent
PROBLEMS = TOOLS.parent
SEED = 20240601


def spec_modules() -> list[ModuleType]:
    sys.path.insert(0, str(TOOLS))
    names = sorted(path.stem for path in (TOOLS / "specs").glob("*.py") if path.stem != "__init__")
    return [importlib.import_module(f"specs.{name}") for name in names]


def line(spec: ModuleType, arguments: Sequence[object]) -> str:
    solve: Callable[..., object] = spec.solve
    params: tuple[str, ...] = spec.PARAMS
    if len(arguments) != len(params):
        raise ValueError(f"{spec.SLUG}: {len(arguments)} arguments for {params}")
    given = copy.deepcopy(list(arguments))
    result = solve(*given)
    if getattr(spec, "IN_PLACE", False):
        assert result is None, f"{spec.SLUG}: an in-place reference returns None"
        result = given[0]
    test = {"input": dict(zip(params, arguments, strict=True)), "output": result}
    return json.dumps(test, separators=(",", ":"), allow_nan=False)


def write(spec: ModuleType) -> None:
    rng = random.Random(f"{SEED}-{spec.SLUG}")
    folder = PROBLEMS / spec.SLUG / "tests"
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, cases in (("sample.jsonl", spec.samples()), ("secret.jsonl", spec.secret(rng))):
        text = "".join(line(spec, arguments) + "\n" for arguments in cases)
        (folder / name).write_text(text)
        total += len(cases)
    size = sum(path.stat().st_size for path in folder.glob("*.jsonl"))
    sys.stdout.write(f"{spec.SLUG}: {total} tests, {size / 1000:.0f} kB\n")


def main(argv: list[str]) -> None:
    for spec in spec_modules():
        if not argv or spec.SLUG in argv:
            write(spec)


if __name__ == "__main__":
    main(sys.argv[1:])
