"""DESIGN.md's package table is a fact: each package imports only what it may."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "judged"

# package -> the other judged packages it may import (DESIGN.md, "Packages").
ALLOWED: dict[str, set[str]] = {
    "sandbox": set(),
    "harness": {"sandbox"},
    "judging": {"sandbox", "harness", "problems"},
    "problems": {"harness"},
    "store": {"problems", "harness"},
    "api": {"store", "judging", "harness", "problems", "sandbox"},
    "worker": {"store", "judging", "problems", "harness", "sandbox"},
}


def judged_imports(path: Path) -> set[str]:
    """The top-level judged packages/modules a source file imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {name.split(".")[1] for name in names if name.startswith("judged.")}
    return found


def violations() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        owner = parts[0]
        if owner not in ALLOWED:
            continue
        for imported in judged_imports(path) - ALLOWED[owner] - {owner}:
            found.append(f"{path.relative_to(PACKAGE.parent)} imports judged.{imported}")
    return found


def test_packages_import_only_what_the_design_allows() -> None:
    assert violations() == []


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from judged.store import x\nimport judged.api.app\n")
    assert judged_imports(bad) == {"store", "api"}


def test_relative_imports_cannot_escape_the_check() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path}: use absolute judged.* imports"
