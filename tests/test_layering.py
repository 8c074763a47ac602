"""docs/architecture.md's import table is a fact: every module of judged imports only what it may.

Every file under judged/ belongs to a row of ALLOWED (a package, or a top-level module such as
`worker` or `daemon`); a module that belongs to no row fails the test, so a new one must be placed.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "judged"

# package or top-level module -> the other judged packages and top-level modules it may import
# (docs/architecture.md, "What may import what"; the packages follow DESIGN.md's table).
ALLOWED: dict[str, set[str]] = {
    # the layers
    "sandbox": set(),
    "harness": {"sandbox"},
    "problems": {"harness"},
    "judging": {"sandbox", "harness", "problems"},
    "store": {"problems", "harness"},
    "competitions": {"store"},
    "api": {"store", "competitions", "judging", "harness", "problems", "sandbox"},
    "worker": {"store", "judging", "problems", "harness", "sandbox"},
    # cross-cutting leaves
    "connections": set(),
    "settings": {"sandbox"},
    "metrics": {"store", "worker", "connections"},
    # the composition root and the edges that start things
    "daemon": {
        "api",
        "competitions",
        "store",
        "judging",
        "problems",
        "harness",
        "sandbox",
        "worker",
        "metrics",
        "settings",
    },
    "serve": {"daemon", "api", "connections", "settings", "metrics", "processes"},
    "processes": set(),
    "commands": {"judging", "problems", "harness", "sandbox", "settings"},
    "competitions_cli": {"store", "settings"},
    "database_cli": {"store", "settings"},
    "cli": {"sandbox", "settings", "serve", "store", "commands", "competitions_cli", "database_cli"},
    "__main__": {"cli"},
    "__init__": set(),
}


# Single modules a package may import from a package it may not: the wire types
# (DESIGN.md: the store holds "problem model, wire types"; a verdict is one), and the settings
# structs of the pieces the one Settings object is made of.
ALLOWED_MODULES: dict[str, set[str]] = {
    "store": {"judged.judging.verdicts", "judged.judging.statuses"},
    "competitions": {"judged.judging.verdicts"},
    "settings": {"judged.judging.build_cache"},
}


def judged_modules(path: Path) -> set[str]:
    """The judged modules a source file imports (`judged.x.y`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "judged" and node.level == 0:
            names = [f"judged.{alias.name}" for alias in node.names]  # from judged import commands
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
            found.append(f"{path.relative_to(PACKAGE.parent)} belongs to no row of the import table")
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
    bad.write_text("from judged.store import x\nimport judged.api.app\nfrom judged import worker\n")
    assert judged_imports(bad) == {"store", "api", "worker"}
    assert judged_modules(bad) == {"judged.store", "judged.api.app", "judged.worker"}


def test_relative_imports_cannot_escape_the_check() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path}: use absolute judged.* imports"


def test_the_competitions_domain_knows_nothing_of_http() -> None:
    """judged/competitions/ raises domain errors; only the API (judged/api/errors.py) turns them into HTTP."""
    for path in (PACKAGE / "competitions").rglob("*.py"):
        tree = ast.parse(path.read_text())
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not {name for name in imported if name.split(".")[0] == "aiohttp"}, path


def test_every_module_of_judged_is_placed_in_the_table() -> None:
    owners = {path.relative_to(PACKAGE).with_suffix("").parts[0] for path in PACKAGE.rglob("*.py")}
    assert owners - set(ALLOWED) == set(), "add the module to ALLOWED and to docs/architecture.md"
    assert {"daemon", "serve", "cli", "metrics", "worker", "settings"} <= owners
