"""The judge as one object: a sandbox, the build cache, the self-tested languages.

The CLI and the daemon both reach judging through this small interface.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path

import msgspec

from judged.judging.build import Builder, BuildSettings
from judged.judging.function import FunctionTask, judge_function
from judged.judging.io import judge_io
from judged.judging.io_runs import run_io
from judged.judging.languages import Language, load_languages
from judged.judging.progress import NO_PROGRESS, Progress
from judged.judging.reports import RunReport
from judged.judging.run_mode import run_submission
from judged.judging.runs import RunOutcome, reference_solution, run_function
from judged.judging.selftest import self_test_all
from judged.judging.selftest_cache import SelfTestCache
from judged.judging.sources import read_program
from judged.judging.statuses import LanguageStatus
from judged.judging.tasks import design_task, function_task
from judged.judging.timelimit import JudgeWith, TimeLimitError, derivation_key, derive_time_limit
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems.model import DesignProblem, ExpectedVerdict, FunctionProblem, IoProblem, Problem, ReferenceSolution
from judged.sandbox import Sandbox, SandboxConfig

log = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT = 2.0
"""Seconds per test of a package that carries no time limit and has no accepted submission to derive one from."""


class CannotJudge(Exception):
    """Nobody can judge this submission here, on any attempt (unknown problem or language): a final IE."""


class LanguageUnavailable(CannotJudge):
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
        self.self_tests_dir = state_dir / "selftests"
        self._derivations: dict[str, asyncio.Lock] = {}
        self._fallbacks: dict[str, float] = {}
        self.languages: dict[str, Language] = {}
        self.statuses: dict[str, LanguageStatus] = {}

    async def start(self, *, only: set[str] | None = None, reuse_self_tests: bool = False) -> None:
        """Start the sandbox, load the languages and self-test them (all, or `only` those)."""
        await self.sandbox.start()
        await self.self_test(only=only, reuse=reuse_self_tests)

    async def self_test(self, *, only: set[str] | None = None, reuse: bool = False) -> None:
        """Load the languages and self-test them; the sandbox is started. The daemon does this in the background.

        Passes are remembered in `<state_dir>/selftests`; with `reuse` (the command line's judging) one
        remembered for the same toolchain version, definition and harness is not judged again.
        """
        languages = load_languages(self.languages_dir)
        self.languages = {k: v for k, v in languages.items() if only is None or k in only}
        cache = SelfTestCache(self.self_tests_dir, reuse=reuse)
        statuses = await self_test_all(self.languages, self.sandbox, self.builder, cache)
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
        self, problem: IoProblem, language_id: str, code: str | dict[str, str], inputs: Sequence[str]
    ) -> RunOutcome:
        """Run mode for an I/O problem: `code` once per input (stdin text), with judging's limits, outputs unscored."""
        language = self.language(language_id)
        time_limit = await self.time_limit(problem)
        return await run_io(
            problem, language, code, inputs, sandbox=self.sandbox, builder=self.builder, time_limit=time_limit
        )

    async def run(
        self, problem: Problem, language_id: str, code: str, inputs: str | None, *, reference_output: bool
    ) -> RunReport:
        """Run mode for any problem (`run_mode.run_submission`): the samples, or the participant's inputs (JSON)."""
        self.language(language_id)  # LanguageUnavailable before anything runs
        return await run_submission(self, problem, language_id, code, inputs, reference_output=reference_output)

    def reference_solution(self, problem: Problem) -> ReferenceSolution | None:
        """The accepted reference solution, in an enabled language, that computes expected outputs for runs."""
        return reference_solution(problem, {id_ for id_, status in self.statuses.items() if status.enabled})

    async def judge_problem(
        self, problem: Problem, language_id: str, code: str | dict[str, str], *, progress: Progress = NO_PROGRESS
    ) -> JudgeResult:
        """Judge `code` on any problem: function and design problems in one harness run, I/O problems one run per
        test.

        `code` is a file's text, or (I/O problems, Kattis multi-file programs) a folder's files by name.
        """
        match problem:
            case IoProblem():
                language = self.language(language_id)
                time_limit = await self.time_limit(problem)
                return await judge_io(
                    problem, language, code, sandbox=self.sandbox, builder=self.builder, language_of=self.language,
                    progress=progress, time_limit=time_limit,
                )  # fmt: skip
            case FunctionProblem():
                task = function_task(problem)
            case DesignProblem():
                task = design_task(problem)
        if not isinstance(code, str):
            return JudgeResult(Verdict.CE, [], 0.0, 0, compile_output=f"a {problem.kind} problem takes one source file")
        return await self.judge_function(task, language_id, code, progress=progress)

    async def time_limit(self, problem: Problem) -> float:
        """The problem's time limit; an I/O problem's per test, derived from its accepted submissions when it
        carries none.

        Only accepted submissions in languages enabled here count (the others are skipped with a warning);
        with none to derive from, or when the derivation fails, the limit is `DEFAULT_TIME_LIMIT`: a package
        is judged, never refused for want of a limit.
        """
        if not isinstance(problem, IoProblem) or problem.io.time_limit_given:
            return problem.time_limit
        enabled = {id_ for id_, status in self.statuses.items() if status.enabled}
        usable = derivable(problem, enabled)
        lock = self._derivations.setdefault(problem.slug, asyncio.Lock())
        fallback_key = f"{problem.slug}:{derivation_key(problem)}"  # a changed package is derived again
        async with lock:
            if fallback_key in self._fallbacks:
                return self._fallbacks[fallback_key]
            try:
                if usable is None:
                    raise TimeLimitError(f"{problem.slug}: no accepted submission in a language enabled here")
                return await derive_time_limit(usable, self.time_limits_dir, self._judge_with(usable))
            except TimeLimitError as exc:
                log.warning("%s; the time limit is %g s per test", exc, DEFAULT_TIME_LIMIT)
                self._fallbacks[fallback_key] = DEFAULT_TIME_LIMIT
                return DEFAULT_TIME_LIMIT

    def _judge_with(self, problem: IoProblem) -> JudgeWith:
        async def judge_with(solution: ReferenceSolution, limit: float) -> JudgeResult:
            code = await asyncio.to_thread(read_program, solution.path)
            return await judge_io(
                problem, self.language(solution.language), code, sandbox=self.sandbox, builder=self.builder,
                language_of=self.language, time_limit=limit,
            )  # fmt: skip

        return judge_with


def derivable(problem: IoProblem, enabled: set[str]) -> IoProblem | None:
    """The problem with only the accepted submissions a time limit can be derived from here (in an enabled
    language); None when there is none."""
    accepted = [s for s in problem.solutions if s.verdict is ExpectedVerdict.ACCEPTED]
    kept = [s for s in accepted if s.language in enabled]
    for solution in accepted:
        if solution.language not in enabled:
            log.warning("%s: %s is not enabled here; not used for the time limit", solution.path, solution.language)
    return msgspec.structs.replace(problem, solutions=tuple(kept)) if kept else None
