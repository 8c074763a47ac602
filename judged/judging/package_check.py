"""What `judged problems check` does for I/O problems beyond judging the reference solutions:
run every input validator on every test input, and know which languages the package's own programs need."""

from __future__ import annotations

from collections.abc import Callable

from judged.judging.build import Builder
from judged.judging.languages import Language
from judged.judging.validators import ValidatorFailed, build_program, check_input
from judged.problems.io_model import IoTest, TestGroup
from judged.problems.kattis_programs import SCRIPT, program_language
from judged.problems.model import IoProblem
from judged.sandbox import Sandbox


def program_languages(problem: IoProblem) -> set[str]:
    """The languages of the package's validators (they must be started with the submissions' languages)."""
    programs = (*problem.io.output_validators, *problem.io.input_validators)
    return {language for language in map(program_language, programs) if language not in (None, SCRIPT)}


async def check_inputs(
    problem: IoProblem, sandbox: Sandbox, builder: Builder, language_of: Callable[[str], Language]
) -> list[str]:
    """One line per test input an input validator rejects (or per validator that cannot run)."""
    failures = []
    flags = dict(_flags(problem.io.data))
    for path in problem.io.input_validators:
        try:
            program = await build_program(path, language_of, builder, problem.io.fill)
        except ValidatorFailed as exc:
            failures.append(f"{path}: {exc}")
            continue
        for test in problem.io.tests:
            problem_found = await check_input(sandbox, program, test, tuple(map(problem.io.fill, flags[test.name])))
            if problem_found:
                failures.append(f"{test.input}: {problem_found}")
    return failures


def _flags(group: TestGroup) -> list[tuple[str, tuple[str, ...]]]:
    found: list[tuple[str, tuple[str, ...]]] = []
    for item in group.items:
        if isinstance(item, IoTest):
            found.append((item.name, group.grading.input_validator_flags))
        else:
            found += _flags(item)
    return found
