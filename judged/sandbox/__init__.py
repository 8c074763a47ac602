"""Run one command under nsjail with limits and report exactly what happened.

This package imports nothing else of judged.
"""

from judged.sandbox.jail import default_root
from judged.sandbox.runner import Sandbox, SandboxConfig
from judged.sandbox.types import Limits, Mount, RunRequest, RunResult, SandboxError, Status

__all__ = [
    "Limits",
    "Mount",
    "RunRequest",
    "RunResult",
    "Sandbox",
    "SandboxConfig",
    "SandboxError",
    "Status",
    "default_root",
]
