"""Prove each language works before trusting it: its version, and its self-test judged end to end."""

from __future__ import annotations

import asyncio
import logging
import os

from judged.harness import registry
from judged.harness.registry import UnknownLanguage
from judged.judging.build import PATH_ENV, Builder, language_mounts
from judged.judging.function import Case, FunctionTask, judge_function
from judged.judging.languages import SELF_TEST_CASES, SELF_TEST_SIGNATURE, Language
from judged.judging.selftest_cache import SelfTestCache
from judged.judging.statuses import LanguageStatus
from judged.judging.verdicts import Verdict
from judged.problems.model import ProblemKind
from judged.sandbox import Limits, RunRequest, Sandbox, Status

log = logging.getLogger(__name__)

SELF_TEST_TASK = FunctionTask(
    signature=SELF_TEST_SIGNATURE,
    cases=[Case(args=args, output=output, sample=True) for args, output in SELF_TEST_CASES],
    time_limit=10.0,
    memory_mib=256,
)


def _status(language: Language, version: str, *, enabled: bool, reason: str = "") -> LanguageStatus:
    problems = (*map(ProblemKind, registry.problem_kinds(language.id)), ProblemKind.IO)
    return LanguageStatus(
        language.id, language.name, version, enabled=enabled, reason=reason, problems=problems,
        libraries=language.libraries, extensions=language.extensions,
    )  # fmt: skip


async def probe_version(language: Language, sandbox: Sandbox) -> str:
    request = RunRequest(
        argv=language.version,
        mounts=language_mounts(language),
        env={"PATH": PATH_ENV, "HOME": "/tmp", "LANG": "C.UTF-8"},
        limits=Limits(cpu=10, wall=20, memory=1024 * 1024 * 1024, processes=64),
    )
    result = await sandbox.run(request)
    text = (result.stdout + result.stderr).decode(errors="replace").strip()
    if result.status is not Status.OK or not text:
        return ""
    return text.splitlines()[0]


async def self_test(
    language: Language, sandbox: Sandbox, builder: Builder, cache: SelfTestCache | None = None
) -> LanguageStatus:
    """Judge the language's own self-test solution; anything but AC disables the language.

    The version probe always runs, then the language's precompiled header is built or found for that
    version (`Builder.precompile`); with a `cache` that reuses, a pass remembered for this
    toolchain version, definition and harness stands in for judging the self-test again.
    """
    version = await probe_version(language, sandbox)
    if not version:
        return _status(language, "", enabled=False, reason="the version probe failed")
    await builder.precompile(language, version)  # before any compile, the self-test's too
    if cache is not None and cache.passed(language, version):
        log.info("language %s: self-test passed before with this toolchain, definition and harness", language.id)
        return _status(language, version, enabled=True)
    log.info("language %s: judging its self-test", language.id)
    try:
        result = await judge_function(
            SELF_TEST_TASK, language, language.self_test.code, sandbox=sandbox, builder=builder
        )
    except UnknownLanguage as exc:
        return _status(language, version, enabled=False, reason=f"no harness: {exc}")
    if result.verdict is not Verdict.AC:
        detail = result.compile_output or result.message or result.stderr
        reason = f"self-test got {result.verdict}: {detail.strip()[:500]}"
        return _status(language, version, enabled=False, reason=reason)
    if cache is not None:
        await asyncio.to_thread(cache.record, language, version)
    return _status(language, version, enabled=True)


async def self_test_all(
    languages: dict[str, Language], sandbox: Sandbox, builder: Builder, cache: SelfTestCache | None = None
) -> list[LanguageStatus]:
    """Self-test every language, as many at once as there are cores; report and log the ones that fail.

    Not all at once: a self-test is judged under the self-test problem's time limits, and sixteen compilers
    started together on a two-core host (javac, kotlinc, scalac, raco, rustc...) took longer than those
    limits allow, so languages that work were disabled at a cold start under load.
    """
    running = asyncio.Semaphore(max(1, len(os.sched_getaffinity(0))))

    async def one(language: Language) -> LanguageStatus:
        async with running:
            return await self_test(language, sandbox, builder, cache)

    statuses = await asyncio.gather(*(one(language) for language in languages.values()))
    for status in statuses:
        if status.enabled:
            log.info("language %s ready: %s", status.id, status.version)
        else:
            log.warning("language %s disabled: %s", status.id, status.reason)
    return list(statuses)
