"""The problems bundled in problems/, copied into a test's own folder where it indexes or changes them."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

BUNDLED = Path(__file__).resolve().parents[1] / "problems"


def copy_bundled(root: Path, slugs: Iterable[str]) -> Path:
    """`root`, made, holding a copy of each bundled problem named."""
    root.mkdir()
    for slug in slugs:
        shutil.copytree(BUNDLED / slug, root / slug)
    return root
