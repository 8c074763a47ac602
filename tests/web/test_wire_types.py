"""The web client's wire types (web/src/wire.ts) are what the OpenAPI document gives now.

The client is type-checked against wire.ts by `npm run build`, so this is what keeps the client and the
API from drifting apart: a changed Struct or operation without a regenerated wire.ts fails here, with
the difference, and the fix is one command (scripts/wire_types.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import cannot_test

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = PROJECT / "scripts" / "wire_types.py"
GENERATOR = PROJECT / "web" / "openapi" / "node_modules" / ".bin" / "openapi-typescript"


def test_the_committed_wire_types_are_the_documents() -> None:
    if not GENERATOR.exists():
        cannot_test(f"openapi-typescript is not installed ({GENERATOR}): run `npm ci` in web/")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], check=False, capture_output=True, text=True, cwd=PROJECT
    )
    assert done.returncode == 0, done.stdout + done.stderr
