"""Packages as other tools write them load with what judging needs; the rest is a warning, never a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.problems import ExpectedVerdict, IoProblem, ProblemError, check_problem, load_problem
from judged.problems.io_model import OnReject, ScoreMode, TestGroup
from judged.problems.kattis_data import NO_ANSWER
from judged.problems.kattis_programs import SCRIPT, program_language

CORPUS = Path(__file__).resolve().parents[1] / "judging" / "corpus"


def package(root: Path, files: dict[str, str], name: str = "pkg") -> Path:
    folder = root / name
    for relative, text in {"problem.yaml": "name: P\n", "data/secret/1.in": "1\n", "data/secret/1.ans": "1\n",
                           **files}.items():  # fmt: skip
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


def expectations(folder: Path) -> dict[str, tuple[ExpectedVerdict, tuple[str, ...]]]:
    return {s.path.name: (s.verdict, s.expected) for s in load_problem(folder).solutions}


def warnings(folder: Path) -> list[str]:
    return [f"{d.file.relative_to(folder)}: {d.message}" for d in check_problem(folder)]


def test_headers_beat_folders_and_unknown_folders_without_one_are_left_out(tmp_path: Path) -> None:
    folder = package(tmp_path, {
        "submissions/wrong_answer/fine.py": "# @EXPECTED_RESULTS@: CORRECT\nprint(1)\n",
        "submissions/mixed-verdicts/either.c": "/* @EXPECTED_RESULTS@: TIMELIMIT,RUN-ERROR */\nint main(){}\n",
        "submissions/check_manually/who.py": "print(2)\n",
        "submissions/accepted/ok.py": "print(1)\n",
    })  # fmt: skip
    assert expectations(folder) == {
        "ok.py": (ExpectedVerdict.ACCEPTED, ("AC",)),
        "fine.py": (ExpectedVerdict.ACCEPTED, ("AC",)),
        "either.c": (ExpectedVerdict.SEVERAL, ("TLE", "RE", "MLE", "OLE")),
    }
    assert (
        "submissions/check_manually/who.py: submissions/check_manually/ is not a verdict folder and who.py has no "
        "@EXPECTED_RESULTS@: not judged"
    ) in warnings(folder)


def test_folder_conventions_of_problemtools_and_the_kattis_mapping(tmp_path: Path) -> None:
    folder = package(tmp_path, {
        "submissions/accepted/a.py": "print(1)\n",
        "submissions/slow_accepted/slow.py": "print(1)\n",
        "submissions/run_time_error/oom.py": "x = [0] * 10**12\n",
        "submissions/rejected/no.py": "print(2)\n",
        "submissions/brute_force/bf.py": "print(1)\n",
    })  # fmt: skip
    found = expectations(folder)
    assert found["slow.py"] == (ExpectedVerdict.SEVERAL, ("AC", "TLE"))
    assert found["oom.py"] == (ExpectedVerdict.RUN_TIME_ERROR, ("RE", "MLE", "OLE"))  # Kattis has no MLE
    assert "AC" not in found["no.py"][1]
    assert found["bf.py"][1] == ("TLE", "RE", "MLE", "OLE")


def test_submissions_yaml_narrows_and_names_what_folders_do_not(tmp_path: Path) -> None:
    folder = package(tmp_path, {
        "submissions/submissions.yaml": (
            "extra/:\n  permitted: [AC]\n"
            "run_time_error/*.py:\n  permitted: [AC, RTE]\n  required: [RTE]\n"
            "rejected/wa.py: wrong_answer\n"
        ),
        "submissions/extra/also.py": "print(1)\n",
        "submissions/run_time_error/boom.py": "raise SystemExit(3)\n",
        "submissions/rejected/wa.py": "print(2)\n",
        "submissions/accepted/a.py": "print(1)\n",
    })  # fmt: skip
    found = expectations(folder)
    assert found["also.py"] == (ExpectedVerdict.ACCEPTED, ("AC",))
    assert found["boom.py"] == (ExpectedVerdict.RUN_TIME_ERROR, ("RE", "MLE", "OLE"))
    assert found["wa.py"] == (ExpectedVerdict.WRONG_ANSWER, ("WA",))


def test_languages_judged_does_not_have_are_warned_about_not_refused(tmp_path: Path) -> None:
    folder = package(tmp_path, {
        "submissions/accepted/a.py": "print(1)\n",
        "submissions/accepted/A.kt": "fun main() = println(1)\n",  # Kotlin is one of judged's languages now too
        "submissions/accepted/a.hs": "main = print 1\n",
        "submissions/accepted/a.rb": "puts 1\n",  # Ruby is one of judged's languages now: judged
        "submissions/accepted/old.py": "print 1\n",
        "submissions/accepted/shebang.py": "#!/usr/bin/env python2\nprint(1)\n",
        "submissions/accepted/builtins.py": "n = int(raw_input())\nprint(n)\n",
        "submissions/accepted/both.py": "try:\n    input = raw_input\nexcept NameError:\n    pass\nprint(1)\n",
    })  # fmt: skip
    assert set(expectations(folder)) == {"a.py", "a.rb", "both.py", "A.kt"}
    found = warnings(folder)
    assert "submissions/accepted/a.hs: submission in a language judged does not have (.hs); not judged" in found
    assert "submissions/accepted/old.py: a Python 2 submission; judged runs Python 3; not judged" in found
    assert "submissions/accepted/shebang.py: a Python 2 submission; judged runs Python 3; not judged" in found
    assert "submissions/accepted/builtins.py: a Python 2 submission; judged runs Python 3; not judged" in found


def test_samples_only_no_statement_and_the_format_defaults(tmp_path: Path) -> None:
    folder = package(tmp_path, {"data/sample/1.in": "2\n", "data/sample/1.ans": "2\n"})
    (folder / "data" / "secret" / "1.in").unlink()
    (folder / "data" / "secret" / "1.ans").unlink()
    problem = load_problem(folder)
    assert isinstance(problem, IoProblem)
    assert [test.name for test in problem.io.tests] == ["sample/1"]
    assert (problem.memory_limit, problem.io.output_limit) == (2048, 8)
    assert problem.statement == "This problem has no statement.\n"
    found = warnings(folder)
    assert "data/secret: no secret tests: the samples are the tests" in found
    assert "problem_statement: no statement (problem.en.md, .tex or .pdf)" in found


def test_a_package_without_any_test_is_refused_saying_why(tmp_path: Path) -> None:
    folder = package(tmp_path, {})
    (folder / "data" / "secret" / "1.ans").unlink()
    with pytest.raises(ProblemError, match="cannot be judged: no test"):
        load_problem(folder)


def test_validator_folders_wrapped_in_a_name_and_with_build_scripts(tmp_path: Path) -> None:
    wrapped = package(tmp_path, {
        "problem.yaml": "problem_format_version: 2023-07-draft\nname: W\n",
        "output_validator/checker/validate.cc": "#include \"validate.h\"\nint main() { return 42; }\n",
        "output_validator/checker/validate.h": "#pragma once\n",
        "data/testdata.yaml": "output_validator_args: [\"1e-6\", relative]\n",
    }, "wrapped")  # fmt: skip
    problem = load_problem(wrapped)
    assert isinstance(problem, IoProblem)
    assert problem.io.output_validators == (wrapped / "output_validator" / "checker",)
    assert program_language(problem.io.output_validators[0]) == "cpp"
    assert problem.io.data.grading.validator_flags == ("1e-6", "relative")
    scripted = package(tmp_path, {
        "problem.yaml": "name: S\nvalidation: custom\n",
        "output_validators/v/build": "#!/bin/sh\ngcc -o v v.c\n",
        "output_validators/v/run": "#!/bin/sh\nexec ./v \"$@\"\n",
        "output_validators/v/v.c": "int main(void) { return 42; }\n",
    }, "scripted")  # fmt: skip
    problem = load_problem(scripted)
    assert isinstance(problem, IoProblem)
    assert [program_language(path) for path in problem.io.output_validators] == [SCRIPT]


def test_an_interactive_test_may_leave_out_its_answer(tmp_path: Path) -> None:
    folder = package(tmp_path, {
        "problem.yaml": "problem_format_version: 2023-07-draft\nname: I\ntype: interactive\n",
        "output_validator/interactor.py": "raise SystemExit(42)\n",
        "data/sample/1.in": "5\n",
    })  # fmt: skip
    problem = load_problem(folder)
    assert isinstance(problem, IoProblem)
    assert [(test.name, test.answer) for test in problem.io.samples] == [("sample/1", NO_ANSWER)]


def test_the_corpus_loads_with_warnings_only() -> None:
    for folder in sorted(CORPUS.iterdir()):
        assert not [d for d in check_problem(folder) if d.severity == "error"], folder


def test_limits_beyond_judgeds_range_are_brought_into_it_with_a_warning(tmp_path: Path) -> None:
    folder = package(tmp_path, {"problem.yaml": "name: L\nlimits:\n  memory: 8192\n  time_limit: 90\n"})
    problem = load_problem(folder)
    assert (problem.memory_limit, problem.time_limit) == (4096, 60.0)
    found = warnings(folder)
    assert "problem.yaml: limits.memory 8192 MiB: judged runs with 4096 MiB" in found
    assert "problem.yaml: limits.time_limit 90 s: judged runs with 60 s" in found


def test_settings_judged_cannot_read_are_ignored_but_how_to_judge_is_not(tmp_path: Path) -> None:
    folder = package(tmp_path, {
        "problem.yaml": "name: S\nkeywords: 5\nlimits:\n  memory: lots\n",
        "data/secret/testdata.yaml": "full_feedback: true\noutput_validator_flags: {checker: float_tolerance 1e-6}\n",
    })  # fmt: skip
    assert load_problem(folder).memory_limit == 2048
    found = warnings(folder)
    assert "data/secret/testdata.yaml: full_feedback: unknown key; ignored" in found
    assert any(line.startswith("problem.yaml: limits: memory must be a positive number") for line in found), found
    (folder / "problem.yaml").write_text("name: S\ntype: multi-pass\n")
    with pytest.raises(ProblemError, match="type: not supported: multi-pass"):
        load_problem(folder)


def test_a_broken_submissions_yaml_costs_its_rules_not_the_package(tmp_path: Path) -> None:
    folder = package(tmp_path, {
        "submissions/submissions.yaml": "accepted/: [unclosed\n",
        "submissions/accepted/a.py": "print(1)\n",
    })  # fmt: skip
    assert expectations(folder) == {"a.py": (ExpectedVerdict.ACCEPTED, ("AC",))}
    assert any(line.startswith("submissions/submissions.yaml: not valid YAML") for line in warnings(folder))


def test_loose_sources_beside_their_header_are_one_program(tmp_path: Path) -> None:
    folder = package(tmp_path, {
        "problem.yaml": "name: H\nvalidation: custom\n",
        "output_validators/check.cpp": "#include \"validate.h\"\nint main() { return 42; }\n",
        "output_validators/validate.h": "#pragma once\n",
    })  # fmt: skip
    problem = load_problem(folder)
    assert isinstance(problem, IoProblem)
    assert problem.io.output_validators == (folder / "output_validators",)


def test_a_package_folder_named_by_another_tool_loads_under_a_slug(tmp_path: Path) -> None:
    folder = package(tmp_path, {"submissions/accepted/a.py": "print(1)\n"}, "Pair_Sum")
    assert load_problem(folder).slug == "pair-sum"
    assert f"{folder.name!r} is not a slug; the problem's id is 'pair-sum'" in [
        d.message for d in check_problem(folder)
    ]


def test_constants_fill_the_statement_and_the_validator_arguments_and_a_bad_one_is_a_warning(tmp_path: Path) -> None:
    problem = load_problem(CORPUS / "constants")
    assert isinstance(problem, IoProblem)
    assert "Print the number plus 42, then the word `shifted`." in problem.statement
    assert problem.io.fill("{{shift}} {{word}} {{unknown}}") == "42 shifted {{unknown}}"
    folder = package(tmp_path, {"problem.yaml": "name: C\nconstants: [42]\nvalidator_flags: '{{x}}'\n"})
    loaded = load_problem(folder)
    assert isinstance(loaded, IoProblem)
    assert loaded.io.validator_flags == ("{{x}}",)
    assert "problem.yaml: constants: must be a map of names to numbers or strings; ignored" in warnings(folder)


def test_2023_scoring_groups_grade_as_subtasks_and_authors_only_entries_are_no_rules() -> None:
    folder = CORPUS / "subtasks-2023"
    problem = load_problem(folder)
    assert isinstance(problem, IoProblem)
    secret = next(item for item in problem.io.data.items if isinstance(item, TestGroup) and item.name == "secret")
    easy, hard = (item for item in secret.items if isinstance(item, TestGroup))
    assert (secret.grading.on_reject, secret.grading.accept_if_any_accepted) == (OnReject.CONTINUE, True)
    assert (easy.grading.score_mode, easy.grading.accept_score, easy.grading.on_reject) == (
        ScoreMode.MIN, 30.0, OnReject.BREAK,
    )  # fmt: skip
    assert hard.grading.accept_score == 70.0
    assert not [line for line in warnings(folder) if "submissions.yaml" in line or "scoring" in line]
