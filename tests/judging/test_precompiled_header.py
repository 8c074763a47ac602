"""C++ compiles with a precompiled <bits/stdc++.h>: g++ says it used it, and without one (or with one that does
not fit) the submission still compiles and gets its verdict."""

from __future__ import annotations

import uuid
from pathlib import Path

import msgspec
import pytest

from judged.judging.build import Builder, build_key, precompile_build
from judged.judging.callee import harness_files
from judged.judging.function import judge_function
from judged.judging.languages import Language, load_languages
from judged.judging.selftest import SELF_TEST_TASK, probe_version, self_test
from judged.judging.verdicts import Verdict
from judged.sandbox import Sandbox

PROJECT = Path(__file__).resolve().parents[2]
CPP = load_languages(PROJECT / "languages")["cpp"]
assert CPP.precompile is not None
PRECOMPILE = CPP.precompile
USED = "! /box/pch/bits/stdc++.h.gch"
"""g++ -H's line for a precompiled header it used ('!' is a valid one)."""


def telling(language: Language) -> Language:
    """The language with g++ naming every header it reads (-H) and every precompiled one it cannot use."""
    compiler, *rest = language.compile
    return msgspec.structs.replace(language, compile=(compiler, "-H", "-Winvalid-pch", *rest))


@pytest.fixture
def cache_dir(jail_tmp: Path) -> Path:
    return jail_tmp / f"builds-{uuid.uuid4().hex[:8]}"


async def judged_with_compile_output(builder: Builder, sandbox: Sandbox, language: Language) -> tuple[Verdict, str]:
    """The self-test solution in LeetCode's form judged through the builder, and what its compile printed."""
    code = CPP.self_test.code
    result = await judge_function(SELF_TEST_TASK, language, code, sandbox=sandbox, builder=builder)
    build = await builder.build(language, harness_files(SELF_TEST_TASK.signature, language.id, code))  # cached
    return result.verdict, build.compile_output


async def test_a_leetcode_form_submission_compiles_with_the_precompiled_header(
    sandbox: Sandbox, cache_dir: Path
) -> None:
    builder = Builder(sandbox, cache_dir)
    assert (await self_test(CPP, sandbox, builder)).enabled  # precompiles, as judged's start does
    verdict, output = await judged_with_compile_output(builder, sandbox, telling(CPP))
    assert verdict is Verdict.AC
    assert USED in output.splitlines(), output[:2000]
    assert "/usr/include/c++/12/bits/stdc++.h" not in output  # the plain header was never read


async def test_without_a_precompiled_header_the_plain_one_is_read_and_the_verdict_is_the_same(
    sandbox: Sandbox, cache_dir: Path
) -> None:
    builder = Builder(sandbox, cache_dir)  # precompile never called: there is none
    verdict, output = await judged_with_compile_output(builder, sandbox, telling(CPP))
    assert verdict is Verdict.AC
    assert ".gch" not in output
    assert any(line.endswith("/bits/stdc++.h") for line in output.splitlines()), output[:2000]


async def test_a_precompiled_header_that_does_not_fit_is_skipped_with_gccs_word_and_the_verdict_is_the_same(
    sandbox: Sandbox, cache_dir: Path
) -> None:
    other_flags = msgspec.structs.replace(
        PRECOMPILE, compile=tuple(a.replace("-O2", "-O0") for a in PRECOMPILE.compile)
    )
    language = msgspec.structs.replace(CPP, precompile=other_flags)
    builder = Builder(sandbox, cache_dir)
    assert await builder.precompile(language, await probe_version(CPP, sandbox))
    verdict, output = await judged_with_compile_output(builder, sandbox, telling(language))
    assert verdict is Verdict.AC
    assert "stdc++.h.gch: not used because" in output, output[:2000]
    assert USED not in output.splitlines()


def test_the_precompiled_header_is_a_new_build_when_the_compiler_or_its_flags_change() -> None:
    version = "g++ (Debian 12.2.0-14+deb12u1) 12.2.0"
    key = build_key(*precompile_build(CPP, PRECOMPILE, version))
    assert build_key(*precompile_build(CPP, PRECOMPILE, version)) == key
    assert build_key(*precompile_build(CPP, PRECOMPILE, "g++ (Debian 13.2.0-1) 13.2.0")) != key
    o3 = msgspec.structs.replace(PRECOMPILE, compile=tuple(a.replace("-O2", "-O3") for a in PRECOMPILE.compile))
    assert build_key(*precompile_build(CPP, o3, version)) != key
    gnu20 = msgspec.structs.replace(PRECOMPILE, compile=tuple(a.replace("17", "20") for a in PRECOMPILE.compile))
    assert build_key(*precompile_build(CPP, gnu20, version)) != key


def test_a_submissions_build_key_changes_with_the_precompiled_headers_flags() -> None:
    files = {"main.cpp": "#include <bits/stdc++.h>\nint main() {}\n"}
    o3 = msgspec.structs.replace(PRECOMPILE, compile=tuple(a.replace("-O2", "-O3") for a in PRECOMPILE.compile))
    assert build_key(msgspec.structs.replace(CPP, precompile=o3), files) != build_key(CPP, files)
