"""Loading a problem folder known to be of one kind, typed as that kind (a test's precondition)."""

from __future__ import annotations

from pathlib import Path

from judged.problems import DesignProblem, FunctionProblem, IoProblem, Problem, load_problem


def function_problem(path: Path) -> FunctionProblem:
    problem = load_problem(path)
    assert isinstance(problem, FunctionProblem), f"{path} is a {problem.kind} problem"
    return problem


def design_problem(path: Path) -> DesignProblem:
    problem = load_problem(path)
    assert isinstance(problem, DesignProblem), f"{path} is a {problem.kind} problem"
    return problem


def io_problem(path: Path) -> IoProblem:
    problem = load_problem(path)
    assert isinstance(problem, IoProblem), f"{path} is a {problem.kind} problem"
    return problem


def as_function(problem: Problem) -> FunctionProblem:
    assert isinstance(problem, FunctionProblem), f"{problem.slug} is a {problem.kind} problem"
    return problem


def as_tested(problem: Problem) -> FunctionProblem | DesignProblem:
    """A function or design problem: one with tests as JSON values."""
    assert not isinstance(problem, IoProblem), f"{problem.slug} is an I/O problem"
    return problem


def as_io(problem: Problem) -> IoProblem:
    assert isinstance(problem, IoProblem), f"{problem.slug} is a {problem.kind} problem"
    return problem
