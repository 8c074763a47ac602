"""The native loader: what a problem setter sees for each kind of mistake, with file and line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from judged.harness import parse_signature, registry
from judged.problems import (
    CompareMode,
    Diagnostic,
    Difficulty,
    ExpectedVerdict,
    ProblemError,
    Severity,
    check_problem,
    load_problem,
    load_problems,
)
from tests.kinds import as_function
from tests.problems.folders import PROBLEM_TOML, SAMPLE, write_problem


def rendered(diagnostics: list[Diagnostic], root: Path) -> list[str]:
    """The diagnostics as printed, with paths relative to `root`."""
    return [str(diagnostic).replace(f"{root}/", "") for diagnostic in diagnostics]


def errors(folder: Path) -> list[str]:
    found = check_problem(folder)
    return rendered([d for d in found if d.severity is Severity.ERROR], folder.parent)


def warnings(folder: Path) -> list[str]:
    found = check_problem(folder)
    return rendered([d for d in found if d.severity is Severity.WARNING], folder.parent)


def test_a_valid_folder_loads_typed(tmp_path: Path) -> None:
    folder = write_problem(tmp_path)
    problem = as_function(load_problem(folder))
    assert check_problem(folder) == []
    assert problem.slug == "add-two"
    assert problem.difficulty is Difficulty.EASY
    assert problem.tags == ("math",)
    assert problem.time_limit == 2.0
    assert problem.memory_limit == 256
    assert problem.signature == parse_signature("addTwo", [("nums", "int[]"), ("extra", "int")], "long")
    assert problem.compare.mode is CompareMode.EXACT
    assert problem.statement.startswith("Add the numbers")
    assert [(case.file.name, case.line, case.sample) for case in problem.tests] == [
        ("sample.jsonl", 1, True),
        ("secret.jsonl", 1, False),
        ("secret.jsonl", 2, False),
    ]
    assert problem.samples[0].input == {"nums": [1, 2], "extra": 3}
    assert problem.samples[0].arguments == [[1, 2], 3]
    assert problem.samples[0].output == 6
    (solution,) = problem.solutions
    assert (solution.path.name, solution.language, solution.verdict) == ("add.py", "python", ExpectedVerdict.ACCEPTED)
    assert solution.verdict.code == "AC"


def test_arguments_follow_parameter_order_not_the_line(tmp_path: Path) -> None:
    line = '{"output": 6, "input": {"extra": 3, "nums": [1, 2]}}\n'
    problem = as_function(load_problem(write_problem(tmp_path, files={"tests/sample.jsonl": line})))
    assert list(problem.samples[0].input) == ["nums", "extra"]


def test_values_are_canonical(tmp_path: Path) -> None:
    toml = PROBLEM_TOML.replace('returns = "long"', 'returns = "double"\ncompare = "float"\ntolerance = 1e-6')
    line = '{"input": {"nums": [1], "extra": 3}, "output": 4}\n'
    problem = as_function(
        load_problem(write_problem(tmp_path, files={"problem.toml": toml, "tests/sample.jsonl": line}))
    )
    assert problem.samples[0].output == 4.0
    assert isinstance(problem.samples[0].output, float)
    assert problem.compare.tolerance == 1e-6


def test_an_int_that_overflows_names_file_line_and_path(tmp_path: Path) -> None:
    secret = (
        '{"input": {"nums": [], "extra": 0}, "output": 0}\n'
        '{"input": {"nums": [1, 2, 3, 2147483648], "extra": 0}, "output": 0}\n'
    )
    folder = write_problem(tmp_path, files={"tests/secret.jsonl": secret})
    message = "add-two/tests/secret.jsonl:2: error: input.nums[3]: 2147483648 does not fit int (32-bit)"
    assert errors(folder) == [message]
    with pytest.raises(ProblemError, match=r"secret\.jsonl:2: error: input\.nums\[3\]: 2147483648 does not fit"):
        load_problem(folder)


def test_every_bad_line_is_reported_not_only_the_first(tmp_path: Path) -> None:
    secret = (
        '{"input": {"nums": [1.5], "extra": 0}, "output": 0}\n'
        '{"input": {"nums": [], "extra": 0}, "output": 0}\n'
        '{"input": {"nums": [], "extra": 0, "bonus": 1}, "output": 0}\n'
        '{"input": {"nums": []}, "output": 0}\n'
        '{"input": {"nums": [], "extra": 0}, "output": "zero"}\n'
        '{"input": {"nums": [], "extra": 0}}\n'
    )
    folder = write_problem(tmp_path, files={"tests/secret.jsonl": secret})
    assert errors(folder) == [
        "add-two/tests/secret.jsonl:1: error: input.nums[0]: expected int (32-bit), got 1.5",
        "add-two/tests/secret.jsonl:3: error: input: unknown parameter 'bonus' (expected nums, extra)",
        "add-two/tests/secret.jsonl:4: error: input: missing parameter 'extra'",
        'add-two/tests/secret.jsonl:5: error: output: expected long (64-bit), got "zero"',
        "add-two/tests/secret.jsonl:6: error: test: has no output",
    ]


def test_a_json_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    secret = '{"input": {"nums": [], "extra": 0}, "output": 0}\n\n{"input": {"nums": [1,], "extra": 0}, "output": 1}\n'
    folder = write_problem(tmp_path, files={"tests/secret.jsonl": secret})
    (message,) = errors(folder)
    assert message.startswith("add-two/tests/secret.jsonl:3: error: not valid JSON:")


def test_ragged_rows_where_the_parameter_is_rectangular(tmp_path: Path) -> None:
    toml = """\
title = "Corners"
difficulty = "medium"
time_limit = 1
memory_limit = 64

[function]
name = "corners"
params = [{ name = "grid", type = "int[][]", rectangular = true }, { name = "rows", type = "int[][]" }]
returns = "int[][]"
returns_rectangular = true
"""
    sample = '{"input": {"grid": [[1, 2], [3, 4]], "rows": [[1], [2, 3]]}, "output": [[1], [4]]}\n'
    secret = (
        '{"input": {"grid": [[1, 2], [3]], "rows": []}, "output": []}\n'
        '{"input": {"grid": [], "rows": [[1, 2], []]}, "output": [[1, 2], [3]]}\n'
    )
    files = {"problem.toml": toml, "tests/sample.jsonl": sample, "tests/secret.jsonl": secret}
    folder = write_problem(tmp_path, files=files)
    assert errors(folder) == [
        "add-two/tests/secret.jsonl:1: error: input.grid[1]: a row of 1, but row 0 has 2: grid must be rectangular",
        "add-two/tests/secret.jsonl:2: error: output[1]: a row of 1, but row 0 has 2: output must be rectangular",
    ]


def test_rectangular_needs_a_two_dimensional_type(tmp_path: Path) -> None:
    toml = PROBLEM_TOML.replace(
        '{ name = "extra", type = "int" }', '{ name = "extra", type = "int", rectangular = true }'
    )
    folder = write_problem(tmp_path, files={"problem.toml": toml})
    assert errors(folder) == [
        "add-two/problem.toml: error: function.params: 'extra' is int; only a T[][] can be rectangular"
    ]


def test_a_bad_type_names_the_parameter(tmp_path: Path) -> None:
    toml = PROBLEM_TOML.replace('type = "int[]"', 'type = "integer[]"')
    folder = write_problem(tmp_path, files={"problem.toml": toml})
    (message,) = errors(folder)
    assert message.startswith("add-two/problem.toml: error: function: parameter 'nums': 'integer[]': unknown type")
    with pytest.raises(ProblemError, match="unknown type 'integer'"):
        load_problem(folder)


def test_an_unknown_key_names_the_key_path_and_line(tmp_path: Path) -> None:
    toml = PROBLEM_TOML.replace('{ name = "extra", type = "int" }', '{ name = "extra", typ = "int" }')
    folder = write_problem(tmp_path, files={"problem.toml": toml})
    assert errors(folder) == ["add-two/problem.toml:11: error: function.params[1].typ: unknown key"]
    toml = PROBLEM_TOML.replace("memory_limit = 256", "memory_limit = 256\nmemory = 12")
    folder = write_problem(tmp_path, files={"problem.toml": toml})
    assert errors(folder) == ["add-two/problem.toml:6: error: memory: unknown key"]


def test_limits_and_enums_are_checked_with_their_key(tmp_path: Path) -> None:
    cases = {
        "time_limit = 2": ("time_limit = 0", "problem.toml:4: error: time_limit: Expected `float` > 0.0"),
        "memory_limit = 256": ("memory_limit = 8", "problem.toml:5: error: memory_limit: Expected `int` >= 16"),
        'difficulty = "easy"': ('difficulty = "trivial"', "problem.toml:2: error: difficulty: Invalid enum value"),
    }
    for old, (new, expected) in cases.items():
        folder = write_problem(tmp_path, files={"problem.toml": PROBLEM_TOML.replace(old, new)})
        (message,) = errors(folder)
        assert message.startswith(f"add-two/{expected}"), message


def test_a_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    folder = write_problem(tmp_path, files={"problem.toml": PROBLEM_TOML.replace("math", "math\n")})
    (message,) = errors(folder)
    assert message.startswith("add-two/problem.toml:3: error: not valid TOML: Illegal character")


def test_compare_settings_must_fit_the_mode_and_the_result(tmp_path: Path) -> None:
    toml = PROBLEM_TOML + 'compare = "float"\nunordered_depth = 2\n'
    folder = write_problem(tmp_path, files={"problem.toml": toml})
    assert errors(folder) == [
        "add-two/problem.toml: error: function: compare = 'float' needs tolerance",
        "add-two/problem.toml: error: function: unordered_depth is only for compare = 'unordered', not 'float'",
        "add-two/problem.toml: error: function: compare = 'float' needs a double result, not long",
    ]
    folder = write_problem(
        tmp_path, files={"problem.toml": PROBLEM_TOML + 'compare = "unordered"\nunordered_depth = 1\n'}
    )
    assert errors(folder) == [
        "add-two/problem.toml: error: function: compare = 'unordered' with depth 1 needs an array of 1 dimensions,"
        " not long"
    ]


def test_a_custom_checker_must_exist_in_the_folder(tmp_path: Path) -> None:
    toml = PROBLEM_TOML + 'compare = "custom"\nchecker = "checker.py"\n'
    folder = write_problem(tmp_path, files={"problem.toml": toml})
    assert errors(folder) == [
        "add-two/problem.toml: error: function.checker: 'checker.py' does not exist in the problem folder"
    ]
    (folder / "checker.py").write_text("print('ok')\n")
    problem = as_function(load_problem(folder))
    assert problem.compare.mode is CompareMode.CUSTOM
    assert problem.compare.checker == folder / "checker.py"
    folder = write_problem(tmp_path, files={"problem.toml": PROBLEM_TOML + 'compare = "custom"\nchecker = "../x.py"\n'})
    assert errors(folder) == [
        "add-two/problem.toml: error: function.checker: '../x.py' must be a file inside the problem folder"
    ]


def test_a_missing_or_empty_statement(tmp_path: Path) -> None:
    folder = write_problem(tmp_path)
    (folder / "statement.md").unlink()
    assert errors(folder) == ["add-two/statement.md: error: missing: every problem has a statement.md"]
    with pytest.raises(ProblemError, match=r"statement\.md"):
        load_problem(folder)
    (folder / "statement.md").write_text("  \n")
    assert errors(folder) == ["add-two/statement.md: error: is empty"]


def test_samples_and_tests_are_required(tmp_path: Path) -> None:
    folder = write_problem(tmp_path)
    (folder / "tests" / "sample.jsonl").unlink()
    assert errors(folder) == [
        "add-two/tests: error: no samples: visible examples go in tests/sample*.jsonl",
    ]
    (folder / "tests" / "secret.jsonl").unlink()
    assert errors(folder) == ["add-two/tests: error: no tests: write at least one line in a tests/*.jsonl file"]


def test_unknown_verdict_folders_and_extensions(tmp_path: Path) -> None:
    files = {
        "solutions/accepted/fast.cob": "",
        "solutions/acepted/typo.py": "",
        "solutions/loose.py": "",
        "solutions/wrong_answer/Off.java": "",
    }
    folder = write_problem(tmp_path, files=files)
    assert errors(folder) == [
        "add-two/solutions/accepted/fast.cob: error: unknown language: extension '.cob' is not one of "
        + " ".join(registry.extensions()),
        "add-two/solutions/acepted: error: unknown verdict folder 'acepted' (expected one of accepted, wrong_answer,"
        " time_limit_exceeded, run_time_error, compile_error, memory_limit_exceeded)",
        "add-two/solutions/loose.py: error: solutions go in a verdict folder: solutions/<verdict>/loose.py",
    ]


def test_languages_come_from_extensions(tmp_path: Path) -> None:
    names = ["a.c", "b.cpp", "c.cc", "d.cxx", "e.java", "f.js", "g.go", "h.rs"]
    folder = write_problem(tmp_path, files={f"solutions/wrong_answer/{name}": "" for name in names})
    problem = load_problem(folder)
    languages = [solution.language for solution in problem.solutions if solution.verdict.code == "WA"]
    assert languages == ["c", "cpp", "cpp", "cpp", "java", "javascript", "go", "rust"]


def test_warnings_no_accepted_solution_and_repeated_inputs(tmp_path: Path) -> None:
    folder = write_problem(tmp_path, files={"tests/secret.jsonl": SAMPLE.replace("6}", "6} ")})
    (folder / "solutions" / "accepted" / "add.py").unlink()
    assert errors(folder) == []
    assert warnings(folder) == [
        "add-two/tests/secret.jsonl:1: warning: same input as sample.jsonl:1",
        "add-two/solutions: warning: no accepted solution in solutions/accepted/",
    ]
    assert load_problem(folder).slug == "add-two"  # warnings do not stop loading


def test_a_slug_must_be_a_slug(tmp_path: Path) -> None:
    folder = write_problem(tmp_path, slug="Add_Two")
    message = "'Add_Two' is not a slug: lowercase letters, digits and single hyphens, at most 128 characters"
    assert errors(folder) == [f"Add_Two: error: {message}"]


# LeetCode's slugs run to 74 characters (9 of 807 problems measured are longer than 64).
LONG_SLUG = "number-of-ways-to-reach-a-position-after-exactly-k-steps-with-a-long-slug-x"


@pytest.mark.parametrize("slug", [LONG_SLUG, "a" * 128, "-".join(["ab"] * 42) + "-ab"])
def test_a_slug_up_to_128_characters_loads(tmp_path: Path, slug: str) -> None:
    assert len(slug) > 64
    assert load_problem(write_problem(tmp_path, slug=slug)).slug == slug


def test_a_slug_of_129_characters_is_refused(tmp_path: Path) -> None:
    folder = write_problem(tmp_path, slug="a" * 129)
    assert [error.split(": error: ")[1] for error in errors(folder)] == [
        f"{'a' * 129!r} is not a slug: lowercase letters, digits and single hyphens, at most 128 characters"
    ]


def test_symlinks_that_leave_the_folder_are_refused(tmp_path: Path) -> None:
    folder = write_problem(tmp_path / "problems")
    secret = tmp_path / "elsewhere.jsonl"
    secret.write_text('{"input": {"nums": [], "extra": 1}, "output": 1}\n')
    (folder / "tests" / "secret.jsonl").unlink()
    os.symlink(secret, folder / "tests" / "secret.jsonl")
    message = f"add-two/tests/secret.jsonl: error: is a symlink to {secret}, outside the problem folder; refused"
    assert errors(folder) == [message]
    with pytest.raises(ProblemError, match="outside the problem folder"):
        load_problem(folder)


def test_symlinks_inside_the_folder_are_fine(tmp_path: Path) -> None:
    folder = write_problem(tmp_path)
    (folder / "notes.md").write_text("Same as the statement.\n")
    (folder / "statement.md").unlink()
    os.symlink("notes.md", folder / "statement.md")
    assert errors(folder) == []


def test_an_outside_symlinked_solutions_folder_is_refused(tmp_path: Path) -> None:
    folder = write_problem(tmp_path / "problems")
    (tmp_path / "loot").mkdir()
    os.symlink(tmp_path / "loot", folder / "solutions" / "wrong_answer")
    (message,) = errors(folder)
    assert "solutions/wrong_answer: error: is a symlink to" in message


def test_one_broken_folder_does_not_stop_the_others(tmp_path: Path) -> None:
    write_problem(tmp_path, "first")
    write_problem(tmp_path, "second", files={"problem.toml": "title = \n"})
    write_problem(tmp_path, "third", files={"tests/secret.jsonl": SAMPLE})
    (tmp_path / "_tools").mkdir()
    (tmp_path / "README.md").write_text("not a problem\n")
    problems, diagnostics = load_problems(tmp_path)
    assert [problem.slug for problem in problems] == ["first", "third"]
    assert sorted(path.name for path in diagnostics) == ["second", "third"]
    assert diagnostics[tmp_path / "second"][0].severity is Severity.ERROR
    assert [d.severity for d in diagnostics[tmp_path / "third"]] == [Severity.WARNING]


def test_a_path_that_is_not_a_folder(tmp_path: Path) -> None:
    assert errors(tmp_path / "missing") == ["missing: error: is not a folder"]
    with pytest.raises(ProblemError, match="is not a folder"):
        load_problem(tmp_path / "missing")


def test_a_symlink_loop_is_an_error_not_a_crash(tmp_path: Path) -> None:
    folder = write_problem(tmp_path)
    os.symlink("loop.jsonl", folder / "tests" / "loop.jsonl")
    (message,) = errors(folder)
    assert message.startswith("add-two/tests/loop.jsonl: error:")
