"""Write web/src/wire.ts: the TypeScript types of judged's OpenAPI document (what GET /v1/openapi.json says).

The web client's wire types come from the document instead of being written by hand, so a field the API
renames or an enum it grows fails `npm run build` (tsc) where the client uses it. The document is built
in this process (judged.api.app.full_document: every route, no daemon); openapi-typescript (npm, locked
in web/package-lock.json through the web/openapi workspace) turns it into TypeScript. The file is
committed, so a build needs neither Python nor a running daemon.

    .venv/bin/python scripts/wire_types.py            # after changing a wire Struct or an operation
    .venv/bin/python scripts/wire_types.py --check    # exit 1 when web/src/wire.ts is not what it gives now

tests/web/test_wire_types.py runs the check in CI.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

import msgspec

from judged.api.app import full_document

WEB = Path(__file__).resolve().parents[1] / "web"
WIRE = WEB / "src" / "wire.ts"
GENERATOR = WEB / "openapi" / "node_modules" / ".bin" / "openapi-typescript"
FLAGS = (
    "--root-types",  # `Verdict`, `SubmissionView`, ... exported by name, not only as components["schemas"][...]
    "--root-types-no-schema-prefix",
    "--default-non-nullable=false",  # a default is what a request may leave out (judged/api/openapi_required.py)
)


class GeneratorMissing(Exception):
    """openapi-typescript is not installed: `npm ci` in web/ installs it."""


def generate() -> str:
    """wire.ts as the document gives it now."""
    if not GENERATOR.exists():
        raise GeneratorMissing(f"{GENERATOR} is missing: run `npm ci` in {WEB}")
    done = subprocess.run(
        [str(GENERATOR), *FLAGS],
        input=msgspec.json.encode(full_document()),
        capture_output=True,
        cwd=WEB,
        check=True,
    )
    return done.stdout.decode()


def drift(generated: str) -> str:
    """The unified difference between the committed wire.ts and `generated`; empty when they agree."""
    committed = WIRE.read_text() if WIRE.exists() else ""
    lines = difflib.unified_diff(
        committed.splitlines(keepends=True),
        generated.splitlines(keepends=True),
        "web/src/wire.ts (committed)",
        "web/src/wire.ts (from the OpenAPI document now)",
    )
    return "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file; write nothing")
    args = parser.parse_args()
    generated = generate()
    if not args.check:
        WIRE.write_text(generated)
        return 0
    difference = drift(generated)
    if difference:
        print(difference, end="")
        print("web/src/wire.ts is stale: run .venv/bin/python scripts/wire_types.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
