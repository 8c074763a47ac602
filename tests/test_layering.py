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


# Single modules a package may import from a package it may not: the wire types
# (DESIGN.md: the store holds "problem model, wire types"; a verdict is one).
ALLOWED_MODULES: dict[str, set[str]] = {
    "store": {"judged.judging.verdicts"},
}


def judged_modules(path: Path) -> set[str]:
    """The judged modules a source file imports (`judged.x.y`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {name for name in names if name.startswith("judged.")}
    return found


def judged_imports(path: Path) -> set[str]:
    """The top-level judged packages/modules a source file imports."""
    return {name.split(".")[1] for name in judged_modules(path)}


def violations() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        owner = path.relative_to(PACKAGE).with_suffix("").parts[0]
        if owner not in ALLOWED:
            continue
        for module in sorted(judged_modules(path)):
            package = module.split(".")[1]
            if package in ALLOWED[owner] | {owner} or module in ALLOWED_MODULES.get(owner, set()):
                continue
            found.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    return found


def test_packages_import_only_what_the_design_allows() -> None:
    assert violations() == []


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from judged.store import x\nimport judged.api.app\n")
    assert judged_imports(bad) == {"store", "api"}
    assert judged_modules(bad) == {"judged.store", "judged.api.app"}


def test_relative_imports_cannot_escape_the_check() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path}: use absolute judged.* imports"
