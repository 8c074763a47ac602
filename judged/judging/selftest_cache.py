"""Self-test passes remembered in the state folder, so that a command line call need not judge them again.

One file per language, `<state_dir>/selftests/<id>.json`, holding the key of
the last pass. The key is a digest of what the pass proved something about:

- the toolchain: its version probe's output (`version` of the language),
  which is run on every call, so a new compiler or interpreter misses;
- the language's definition: its TOML as decoded (argv, files, mounts,
  limits, the self-test program) and the text of its `compile_tools`, so
  any change of meaning misses;
- the harness: every file of `judged/harness` (the generators and the
  runtime sources that run in the jail) and the self-test's cases.

Only passes are remembered: a language that failed is tested again next
time (a failure may be the host's passing trouble, and a disabled language
costs nothing to retry). A missing, unreadable or stale entry is a miss.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import msgspec

from judged.judging.languages import SELF_TEST_CASES, SELF_TEST_SIGNATURE, Language, compile_tools

log = logging.getLogger(__name__)


class SelfTestPass(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What one language's entry holds."""

    key: str
    version: str


_decoder = msgspec.json.Decoder(SelfTestPass)


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                found += _files(entry, f"{name}/")
        else:
            found.append((name, entry))
    return found


@functools.cache
def harness_version() -> str:
    """A digest of the harness judged runs self-tests with: `judged/harness`'s files and the self-test cases."""
    digest = hashlib.sha256()
    for name, entry in sorted(_files(resources.files("judged.harness")), key=lambda item: item[0]):
        if name.endswith((".pyc", ".pyo")):
            continue
        digest.update(name.encode() + b"\0" + entry.read_bytes() + b"\0")
    digest.update(msgspec.json.encode([SELF_TEST_SIGNATURE, SELF_TEST_CASES]))
    return digest.hexdigest()


def pass_key(language: Language, version: str) -> str:
    """The key a pass of `language` with toolchain `version` is remembered under."""
    digest = hashlib.sha256()
    tools = msgspec.json.encode(compile_tools(language))
    for part in (version.encode(), msgspec.json.encode(language), tools, harness_version().encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


class SelfTestCache:
    """The remembered passes. `reuse` False: record passes but never skip a self-test (the daemon's start)."""

    def __init__(self, folder: Path, *, reuse: bool) -> None:
        self.folder = folder
        self.reuse = reuse

    def _path(self, language_id: str) -> Path:
        return self.folder / f"{language_id}.json"

    def passed(self, language: Language, version: str) -> bool:
        """Whether this language passed with this toolchain, definition and harness (and reuse is on)."""
        if not self.reuse:
            return False
        try:
            entry = _decoder.decode(self._path(language.id).read_bytes())
        except (OSError, msgspec.DecodeError):
            return False
        return entry.key == pass_key(language, version)

    def record(self, language: Language, version: str) -> None:
        """Remember a pass; a state folder that cannot be written only costs the next call a self-test."""
        data = msgspec.json.encode(SelfTestPass(key=pass_key(language, version), version=version))
        path = self._path(language.id)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            tmp.replace(path)  # atomic: a reader sees the old entry or the new one
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            log.warning("cannot remember the self-test of %s in %s: %s", language.id, self.folder, exc)
