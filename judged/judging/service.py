"""The judge as one object: a sandbox, the build cache, the self-tested languages.

The CLI and the daemon both reach judging through this small interface.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path

from judged.judging.build import Builder, BuildSettings
from judged.judging.function import FunctionTask, judge_function
from judged.judging.io import judge_io
from judged.judging.io_runs import run_io
from judged.judging.languages import Language, load_languages
from judged.judging.progress import NO_PROGRESS, Progress
from judged.judging.runs import RunOutcome, reference_solution, run_function
from judged.judging.selftest import LanguageStatus, self_test_all
from judged.judging.sources import read_program
from judged.judging.tasks import function_task
from judged.judging.timelimit import derive_time_limit
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems.model import Problem, ReferenceSolution
from judged.sandbox import Sandbox, SandboxConfig

log = logging.getLogger(__name__)


class LanguageUnavailable(Exception):
    """A language that does not exist or failed its self-test; the message says which."""


class Judge:
    def __init__(
        self,
        sandbox_config: SandboxConfig,
        state_dir: Path,
        languages_dir: Path,
        builds: BuildSettings | None = None,
    ) -> None:
        self.sandbox = Sandbox(sandbox_config, state_dir / "sandbox")
        self.builder = Builder(self.sandbox, state_dir / "builds", builds)
        self.languages_dir = languages_dir
        self.time_limits_dir = state_dir / "timelimits"
        self._derivations: dict[str, asyncio.Lock] = {}
        self.languages: dict[str, Language] = {}
        self.statuses: dict[str, LanguageStatus] = {}

    async def start(self, *, only: set[str] | None = None) -> None:
        """Start the sandbox, load the languages and self-test them (all, or `only` those)."""
        await self.sandbox.start()
        await self.self_test(only=only)

    async def self_test(self, *, only: set[str] | None = None) -> None:
        """Load the languages and self-test them; the sandbox is started. The daemon does this in the background."""
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

    async def judge_function(
        self, task: FunctionTask, language_id: str, code: str, *, progress: Progress = NO_PROGRESS
    ) -> JudgeResult:
        language = self.language(language_id)
        return await judge_function(task, language, code, sandbox=self.sandbox, builder=self.builder, progress=progress)

    async def run_function(
        self, task: FunctionTask, language_id: str, code: str, inputs: Sequence[list[object]]
    ) -> RunOutcome:
        """Run mode: `code` on `inputs` (argument lists) under `task`'s signature and limits, outputs unscored."""
        language = self.language(language_id)
        return await run_function(task, language, code, inputs, sandbox=self.sandbox, builder=self.builder)

    async def run_io(
        self, problem: Problem, language_id: str, code: str | dict[str, str], inputs: Sequence[str]
    ) -> RunOutcome:
        """Run mode for an I/O problem: `code` once per input (stdin text), with judging's limits, outputs unscored."""
        language = self.language(language_id)
        time_limit = await self.time_limit(problem)
        return await run_io(
            problem, language, code, inputs, sandbox=self.sandbox, builder=self.builder, time_limit=time_limit
        )

    def reference_solution(self, problem: Problem) -> ReferenceSolution | None:
        """The accepted reference solution, in an enabled language, that computes expected outputs for runs."""
        return reference_solution(problem, {id_ for id_, status in self.statuses.items() if status.enabled})

    async def judge_problem(
        self, problem: Problem, language_id: str, code: str | dict[str, str], *, progress: Progress = NO_PROGRESS
    ) -> JudgeResult:
        """Judge `code` on any problem: function problems in one harness run, I/O problems one run per test.

        `code` is a file's text, or (I/O problems, Kattis multi-file programs) a folder's files by name.
        """
        if problem.io is None:
            if not isinstance(code, str):
                return JudgeResult(Verdict.CE, [], 0.0, 0, compile_output="a function problem takes one source file")
            return await self.judge_function(function_task(problem), language_id, code, progress=progress)
        language = self.language(language_id)
        time_limit = await self.time_limit(problem)
        return await judge_io(
            problem, language, code, sandbox=self.sandbox, builder=self.builder, language_of=self.language,
            progress=progress, time_limit=time_limit,
        )  # fmt: skip

    async def time_limit(self, problem: Problem) -> float:
        """The time limit per test of an I/O problem; derived from its accepted submissions when it carries none."""
        if problem.io is None or problem.io.time_limit_given:
            return problem.time_limit

        async def judge_with(solution: ReferenceSolution, limit: float) -> JudgeResult:
            code = await asyncio.to_thread(read_program, solution.path)
            return await judge_io(
                problem, self.language(solution.language), code, sandbox=self.sandbox, builder=self.builder,
                language_of=self.language, time_limit=limit,
            )  # fmt: skip

        lock = self._derivations.setdefault(problem.slug, asyncio.Lock())
        async with lock:
            return await derive_time_limit(problem, self.time_limits_dir, judge_with)
