"""From a loaded problem to what the judge runs."""

from __future__ import annotations

from judged.judging.function import Case, FunctionTask
from judged.problems.model import Problem


def function_task(problem: Problem) -> FunctionTask:
    """Every test of a function problem, samples first, as the one run feeds them."""
    if problem.signature is None:
        raise ValueError(f"{problem.slug} is an I/O problem, not a function problem")
    names = [param.name for param in problem.signature.params]
    files = sorted(problem.test_files, key=lambda f: (not f.sample, f.path.name))
    cases = [
        Case(args=[case.input[name] for name in names], output=case.output, sample=case.sample)
        for test_file in files
        for case in test_file.cases
    ]
    return FunctionTask(
        signature=problem.signature,
        cases=cases,
        time_limit=problem.time_limit,
        memory_mib=problem.memory_limit,
        compare=problem.compare,
    )
