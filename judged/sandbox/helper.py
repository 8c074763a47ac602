"""Build (once) the small static helper that launches nsjail and runs as PID 1 in the jail."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from importlib import resources
from pathlib import Path

from judged.sandbox.types import SandboxError


def helper_source() -> bytes:
    return resources.files("judged.sandbox").joinpath("helper.c").read_bytes()


def build_helper(cache_dir: Path) -> Path:
    """Return the path of the compiled helper, compiling it when the source changed."""
    source = helper_source()
    digest = hashlib.sha256(source).hexdigest()[:16]
    target = cache_dir / f"judged-helper-{digest}"
    if target.is_file():
        return target
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise SandboxError("no C compiler (cc) to build the sandbox helper; install gcc and libc6-dev")
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.chmod(0o711)  # jails mount the helper from here as an unmapped user
    src = cache_dir / f"helper-{digest}.c"
    tmp = cache_dir / f".judged-helper-{digest}.{os.getpid()}"
    src.write_bytes(source)
    proc = subprocess.run(
        [compiler, "-O2", "-static", "-Wall", "-o", str(tmp), str(src)],
        capture_output=True,
        text=True,
        check=False,
    )
    src.unlink(missing_ok=True)
    if proc.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise SandboxError(f"cannot build the sandbox helper (static libc from libc6-dev?): {proc.stderr.strip()}")
    tmp.chmod(0o755)
    tmp.rename(target)
    return target
