"""The Python environment is exactly requirements.lock: an install gives the same packages every time."""

from __future__ import annotations

import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

PROJECT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def locked() -> dict[str, str]:
    """Name → version of every lock entry whose environment marker holds on this interpreter."""
    pins: dict[str, str] = {}
    for line in (PROJECT / "requirements.lock").read_text().splitlines():
        match = PIN.match(line)
        if match is None:
            continue
        name, version, marker = match.groups()
        if marker is None or Marker(marker).evaluate():
            pins[canonicalize_name(name)] = version
    return pins


def installed() -> dict[str, str]:
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in importlib.metadata.distributions()
        if dist.metadata["Name"]
    }


def test_every_entry_of_the_lock_has_a_hash() -> None:
    text = (PROJECT / "requirements.lock").read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    pinned = [entry for entry in entries if "==" in entry]
    assert len(pinned) >= 40, "the lock lists judged's dependencies and the dev tools"
    for entry in pinned:
        assert "--hash=sha256:" in entry, f"no hash: {entry.splitlines()[0]}"


def test_installed_versions_are_exactly_the_locked_ones() -> None:
    pins = locked()
    have = installed()
    assert sys.prefix != sys.base_prefix, "the tests run in the project's virtual environment"
    wrong = {name: (have.get(name), version) for name, version in pins.items() if have.get(name) != version}
    assert wrong == {}, "installed ≠ locked (name: (installed, locked)); run scripts/setup.sh test"
    extra = sorted(set(have) - set(pins) - {"judged"})
    assert extra == [], f"installed but not in requirements.lock: {extra}"


def test_every_direct_dependency_is_locked() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    names = {canonicalize_name(re.split(r"[<>=!~ \[;]", spec, maxsplit=1)[0]) for spec in wanted}
    assert names - set(locked()) == set()
