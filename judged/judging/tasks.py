"""From a loaded problem to what the judge runs."""

from __future__ import annotations

from judged.harness.design import ARGUMENTS, OPERATIONS
from judged.judging.function import Case, FunctionTask
from judged.problems.model import DesignProblem, FunctionProblem, TestFile


def function_task(problem: FunctionProblem) -> FunctionTask:
    """Every test of a function problem, samples first, as the one run feeds them."""
    names = [param.name for param in problem.signature.params]
    cases = [
        Case(args=[case.input[name] for name in names], output=case.output, sample=case.sample)
        for test_file in _judging_order(problem.test_files)
        for case in test_file.cases
    ]
    return FunctionTask(
        signature=problem.signature,
        cases=cases,
        time_limit=problem.time_limit,
        memory_mib=problem.memory_limit,
        compare=problem.compare,
    )


def design_task(problem: DesignProblem) -> FunctionTask:
    """Every test of a design problem, samples first: each case's arguments are its two lists (operations, and
    the argument list of each), its output the list of returns."""
    cases = [
        Case(args=[case.input[OPERATIONS], case.input[ARGUMENTS]], output=case.output, sample=case.sample)
        for test_file in _judging_order(problem.test_files)
        for case in test_file.cases
    ]
    return FunctionTask(
        signature=problem.design, cases=cases, time_limit=problem.time_limit, memory_mib=problem.memory_limit
    )


def _judging_order(files: tuple[TestFile, ...]) -> list[TestFile]:
    return sorted(files, key=lambda f: (not f.sample, f.path.name))
