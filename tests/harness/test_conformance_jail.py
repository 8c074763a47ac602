"""The jail's conformance table, run: each language's self-test, and each of its `JUDGED` programs judged
end to end in the jail (see `conformance_jail.py`).

One builder for the whole module: a program two entries share is built once.
Run one language with `-k <language>`.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from judged.harness import stub
from judged.judging.build import Builder
from judged.judging.function import FunctionTask, judge_function
from judged.judging.languages import load_languages
from judged.judging.selftest import self_test
from judged.sandbox import Sandbox
from tests.harness.conformance_jail import Judged
from tests.harness.solutions import csharp, kotlin, php, racket, ruby, scala, typescript

JUDGED: dict[str, ModuleType] = {
    "php": php,
    "ruby": ruby,
    "typescript": typescript,
    "kotlin": kotlin,
    "scala": scala,
    "csharp": csharp,
    "racket": racket,
}
"""Every language the jail's table runs, by language id."""

LANGUAGES = load_languages(Path(__file__).resolve().parents[2] / "languages")


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


@pytest.mark.parametrize("language", list(JUDGED))
async def test_the_self_test_passes_and_names_the_version(builder: Builder, language: str) -> None:
    status = await self_test(LANGUAGES[language], builder.sandbox, builder)
    assert status.enabled, status.reason
    assert re.search(JUDGED[language].VERSION, status.version), status.version


@pytest.mark.parametrize(
    ("language", "judged"),
    [
        pytest.param(language, judged, id=f"{key}-{language}")
        for language, module in JUDGED.items()
        for key, judged in module.JUDGED.items()
    ],
)
async def test_judged(builder: Builder, language: str, judged: Judged) -> None:
    text = stub(judged.signature, language)
    if judged.stub_is is not None:
        assert text == judged.stub_is
    for part in judged.stub_has:
        assert part in text, (part, text)
    task = FunctionTask(
        signature=judged.signature, cases=list(judged.cases), time_limit=judged.time_limit, memory_mib=judged.memory_mib
    )
    result = await judge_function(task, LANGUAGES[language], judged.code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is judged.verdict, (judged.code, result.compile_output, result.failure)
    for part in judged.compile_has:
        assert part in result.compile_output, result.compile_output
    if judged.message is not None or judged.message_has is not None:
        assert result.failure is not None
        if judged.message is not None:
            assert result.failure.message == judged.message
        if judged.message_has is not None:
            assert judged.message_has in result.failure.message, result.failure.message
