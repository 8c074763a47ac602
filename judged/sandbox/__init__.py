"""Run one command under nsjail with limits and report exactly what happened.

This package imports nothing else of judged. The types load with the
package; the runner (asyncio, the jail's command line) only when `Sandbox`,
`SandboxConfig` or `default_root` is first used, so that a command line that
only needs the types (`judged --help`) does not pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from judged.sandbox.pinning import pin_slot
from judged.sandbox.types import Limits, MiB, Mount, RunRequest, RunResult, SandboxError, Status

if TYPE_CHECKING:
    from judged.sandbox.jail import default_root
    from judged.sandbox.runner import Sandbox, SandboxConfig
    from judged.sandbox.warm import WarmJail, WarmJailError

_LAZY = {
    "Sandbox": "judged.sandbox.runner",
    "SandboxConfig": "judged.sandbox.runner",
    "default_root": "judged.sandbox.jail",
    "WarmJail": "judged.sandbox.warm",
    "WarmJailError": "judged.sandbox.warm",
}

__all__ = [
    "Limits",
    "MiB",
    "Mount",
    "RunRequest",
    "RunResult",
    "Sandbox",
    "SandboxConfig",
    "SandboxError",
    "Status",
    "WarmJail",
    "WarmJailError",
    "default_root",
    "pin_slot",
]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
