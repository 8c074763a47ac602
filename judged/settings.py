"""The daemon's one Settings object, decoded once from etc/judged.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import msgspec

from judged.sandbox import SandboxConfig


class Settings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # Where judged keeps what it writes: the built sandbox helper, later the
    # problem index and the embedded Redis. Created when missing.
    state_dir: str = "/var/lib/judged"
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    # The folder of language definitions (languages/<id>.toml), relative to
    # the working directory unless absolute.
    languages_dir: str = "languages"
    sandbox: SandboxConfig = SandboxConfig()

    @property
    def sandbox_dir(self) -> Path:
        return Path(self.state_dir) / "sandbox"


class SettingsError(Exception):
    """The configuration file cannot be read or does not fit Settings."""


def load_settings(path: Path | None) -> Settings:
    """Decode `path` (TOML) into Settings; None gives the built-in defaults."""
    if path is None:
        return Settings()
    try:
        return msgspec.toml.decode(path.read_bytes(), type=Settings)
    except OSError as exc:
        raise SettingsError(f"{path}: {exc.strerror}") from exc
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc
