"""The judge as one object: a sandbox, the build cache, the self-tested languages.

The CLI and the daemon both reach judging through this small interface.
"""

from __future__ import annotations

import logging
from pathlib import Path

from judged.judging.build import Builder
from judged.judging.function import FunctionTask, judge_function
from judged.judging.languages import Language, load_languages
from judged.judging.selftest import LanguageStatus, self_test_all
from judged.judging.verdicts import JudgeResult
from judged.sandbox import Sandbox, SandboxConfig

log = logging.getLogger(__name__)


class LanguageUnavailable(Exception):
    """A language that does not exist or failed its self-test; the message says which."""


class Judge:
    def __init__(self, sandbox_config: SandboxConfig, state_dir: Path, languages_dir: Path) -> None:
        self.sandbox = Sandbox(sandbox_config, state_dir / "sandbox")
        self.builder = Builder(self.sandbox, state_dir / "builds", uid=sandbox_config.uid, gid=sandbox_config.gid)
        self.languages_dir = languages_dir
        self.languages: dict[str, Language] = {}
        self.statuses: dict[str, LanguageStatus] = {}

    async def start(self, *, only: set[str] | None = None) -> None:
        """Start the sandbox, load the languages and self-test them (all, or `only` those)."""
        await self.sandbox.start()
        languages = load_languages(self.languages_dir)
        self.languages = {k: v for k, v in languages.items() if only is None or k in only}
        statuses = await self_test_all(self.languages, self.sandbox, self.builder)
        self.statuses = {status.id: status for status in statuses}

    async def close(self) -> None:
        await self.sandbox.close()

    def language(self, language_id: str) -> Language:
        status = self.statuses.get(language_id)
        if status is None:
            known = ", ".join(sorted(self.statuses)) or "none"
            raise LanguageUnavailable(f"unknown language {language_id!r} (known: {known})")
        if not status.enabled:
            raise LanguageUnavailable(f"language {language_id} is disabled: {status.reason}")
        return self.languages[language_id]

    async def judge_function(self, task: FunctionTask, language_id: str, code: str) -> JudgeResult:
        language = self.language(language_id)
        return await judge_function(task, language, code, sandbox=self.sandbox, builder=self.builder)
