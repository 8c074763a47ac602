"""JavaScript's syntax check: a syntax error is CE with its file and line wherever Node would meet it (ES-module
code included, which `node --check` passes unchecked), and code Node runs is never CE for being checked the
wrong way (sloppy-mode CommonJS)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from judged.harness.types import parse_signature
from judged.judging.function import Case, FunctionTask
from judged.judging.service import Judge
from judged.judging.verdicts import JudgeResult, Verdict
from judged.problems import load_problem
from judged.sandbox import Sandbox, SandboxConfig

PROJECT = Path(__file__).resolve().parents[2]
APLUSB = Path(__file__).parent / "packages" / "aplusb"

READ_SUM = "const [a, b] = fs.readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\n"
ESM_AC = "import fs from 'fs';\n" + READ_SUM + "console.log(a + b);\n"
ESM_BROKEN = "import fs from 'fs';\n" + READ_SUM + "console.log(a + );\n"  # line 3
SLOPPY_AC = (
    "const fs = require('fs');\n" + READ_SUM + "var sum = 010 - 8;\nwith (Math) { sum += max(a, a) + min(b, b); }\n"
    "console.log(sum);\n"
)  # `with` and a legacy octal literal: fine in CommonJS, syntax errors in a module


@pytest.fixture(scope="module")
async def judge(sandbox: Sandbox, state_dir: Path) -> AsyncIterator[Judge]:
    del sandbox  # the session's jail ids are set up
    service = Judge(SandboxConfig(), state_dir, PROJECT / "languages")
    await service.start(only={"javascript"})
    yield service
    await service.close()


async def _io(judge: Judge, code: str | dict[str, str]) -> JudgeResult:
    return await judge.judge_problem(load_problem(APLUSB), "javascript", code)


async def test_an_es_module_with_a_syntax_error_is_ce_with_its_line(judge: Judge) -> None:
    result = await _io(judge, ESM_BROKEN)
    assert result.verdict is Verdict.CE, result.message
    assert ".js:3" in result.compile_output
    assert "SyntaxError" in result.compile_output


async def test_a_valid_es_module_is_accepted(judge: Judge) -> None:
    result = await _io(judge, ESM_AC)
    assert result.verdict is Verdict.AC, result.message or result.compile_output


async def test_sloppy_mode_commonjs_still_runs(judge: Judge) -> None:
    result = await _io(judge, SLOPPY_AC)
    assert result.verdict is Verdict.AC, result.message or result.compile_output


async def test_every_file_of_a_program_is_checked(judge: Judge) -> None:
    """A syntax error in a module only the entry imports is CE too, named by its own file."""
    program = {
        "main.js": "import { sum } from './sum.mjs';\n" + ESM_AC.replace("a + b", "sum(a, b)"),
        "sum.mjs": "export function sum(a, b) {\n  return a + ;\n}\n",
    }
    result = await _io(judge, program)
    assert result.verdict is Verdict.CE, result.message
    assert "sum.mjs:2" in result.compile_output
    fixed = {**program, "sum.mjs": "export function sum(a, b) {\n  return a + b;\n}\n"}
    assert (await _io(judge, fixed)).verdict is Verdict.AC


async def test_top_level_await_runs_as_node_detects_it(judge: Judge) -> None:
    code = "const fs = await import('fs');\n" + READ_SUM + "console.log(a + b);\n"
    result = await _io(judge, code)
    assert result.verdict is Verdict.AC, result.message or result.compile_output


async def test_a_function_solution_with_a_syntax_error_stays_ce(judge: Judge) -> None:
    signature = parse_signature("addUp", [("a", "int"), ("b", "int")], "int")
    cases = [Case(args=[1, 2], output=3, sample=True)]
    task = FunctionTask(signature=signature, cases=cases, time_limit=5.0, memory_mib=256)

    async def run(code: str) -> JudgeResult:
        return await judge.judge_function(task, "javascript", code)

    assert (await run("var addUp = function(a, b) {\n  return a + b;\n};\n")).verdict is Verdict.AC
    broken = await run("var addUp = function(a, b) {\n  return a + ;\n};\n")
    assert broken.verdict is Verdict.CE
    assert "solution.js:2" in broken.compile_output
    # The harness runs solution.js as a classic script: module syntax there cannot run, so it is CE too.
    exported = await run("export function addUp(a, b) {\n  return a + b;\n}\n")
    assert exported.verdict is Verdict.CE
    assert "solution.js:1" in exported.compile_output
