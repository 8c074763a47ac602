"""What is wrong with a problem folder: diagnostics with file and line, and the collector that gathers them.

Loading and checking share one reading of a folder. A `Collector` made
`strict` raises `ProblemError` at the first error (that is `load_problem`);
otherwise it keeps every error and warning and the reading goes on as far as
it can (that is `check_problem`).
"""

from __future__ import annotations

import enum
from pathlib import Path

import msgspec


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Diagnostic(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One finding about a problem folder: where (file, and line when there is one) and what."""

    file: Path
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = str(self.file) if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.severity}: {self.message}"


class ProblemError(Exception):
    """A problem folder that cannot be loaded; the message names the file and line."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


class Collector:
    """Gathers diagnostics while a folder is read; `strict` raises at the first error instead."""

    def __init__(self, *, strict: bool) -> None:
        self.strict = strict
        self.found: list[Diagnostic] = []

    def error(self, file: Path, line: int | None, message: str) -> None:
        diagnostic = Diagnostic(file, line, Severity.ERROR, message)
        if self.strict:
            raise ProblemError(diagnostic)
        self.found.append(diagnostic)

    def warning(self, file: Path, line: int | None, message: str) -> None:
        self.found.append(Diagnostic(file, line, Severity.WARNING, message))

    @property
    def has_errors(self) -> bool:
        return any(diagnostic.severity is Severity.ERROR for diagnostic in self.found)


class Folder:
    """A problem folder being read: its path as given, and the guard against symlinks that leave it."""

    def __init__(self, path: Path, collector: Collector) -> None:
        self.path = path
        self.collector = collector
        self._real = path.resolve()

    def inside(self, path: Path) -> bool:
        """Whether `path` stays inside the folder once symlinks are followed; reports an error when not."""
        try:
            real = path.resolve()
        except (OSError, RuntimeError) as error:  # a symlink loop: RuntimeError before Python 3.13
            self.collector.error(path, None, f"cannot resolve: {error}")
            return False
        if real.is_relative_to(self._real):
            return True
        self.collector.error(path, None, f"is a symlink to {real}, outside the problem folder; refused")
        return False

    def read_required(self, path: Path, missing: str) -> str | None:
        """The text of a file the folder must have, as `read_text`; the error `missing` when it is not there."""
        if not path.is_file():
            self.collector.error(path, None, missing)
            return None
        return self.read_text(path)

    def is_file_inside(self, path: Path, not_a_file: str) -> bool:
        """Whether `path` is a file inside the folder; reports an error when it leaves the folder, or the error
        `not_a_file` when it is something else (a folder, a symlink that leads nowhere)."""
        if not self.inside(path):
            return False
        if not path.is_file():
            self.collector.error(path, None, not_a_file)
            return False
        return True

    def read_text(self, path: Path) -> str | None:
        """The UTF-8 text of a file inside the folder, or None (with an error) when it cannot be read."""
        if not self.inside(path):
            return None
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            self.collector.error(path, None, f"is not UTF-8 text: {error.reason} at byte {error.start}")
        except OSError as error:
            self.collector.error(path, None, f"cannot be read: {error.strerror or error}")
        return None
