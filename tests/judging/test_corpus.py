"""Packages as other tools write them (tests/judging/corpus/), each judged to its own expectations by
`judged problems check`: DOMjudge's export (PDF statement, its folders and @EXPECTED_RESULTS@ headers,
languages judged does not have, a Java class in a package), 2023-07 samples-only packages with
submissions.yaml, output validators that are folders (a source and its header; build/run scripts) and an
interactive problem whose submissions exit early, and multi-file C and C++ programs written for separate
compilation (DOMjudge's `hello` example) with headers in the Kattis spelling DOMjudge reads, and 2023-07
`constants` written into the validator and its arguments, and 2023-07 subtasks graded by `scoring:`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from judged.sandbox import Sandbox

PROJECT = Path(__file__).resolve().parents[2]
CORPUS = PROJECT / "tests" / "judging" / "corpus"

# What each submission must get (the package's expectation is checked by `problems check` itself; these
# pin the verdict judged gives where the format's mapping matters).
VERDICTS = {
    "domjudge-export/submissions/accepted/sum.py": "AC",
    "domjudge-export/submissions/accepted/Solver.java": "AC",  # package se.example.contest; public class Solver
    "domjudge-export/submissions/accepted/Sum.kt": "AC",  # Kotlin's top-level main
    "domjudge-export/submissions/wrong_answer/header_says_correct.py": "AC",  # the header beats the folder
    "domjudge-export/submissions/wrong_answer/int32.c": "WA",
    "domjudge-export/submissions/run_time_error/hoard.py": "MLE",  # Kattis' RTE: agrees
    "domjudge-export/submissions/no_output/silent.py": "WA",
    "domjudge-export/submissions/output_limit/flood.py": "OLE",
    "domjudge-export/submissions/compiler_error/broken.cpp": "CE",
    "domjudge-export/submissions/mixed-verdicts/maybe_slow.py": "AC",
    "samples-only/submissions/accepted/largest.py": "AC",
    "samples-only/submissions/accepted/largest.cpp": "AC",
    "samples-only/submissions/accepted/Largest.scala": "AC",  # an object extending App
    "samples-only/submissions/extra/sorted_last.py": "AC",  # judged by its submissions.yaml rule
    "samples-only/submissions/rejected/smallest.py": "WA",
    "samples-only/submissions/brute_force/spin.py": "TLE",
    "samples-only/submissions/wrong_answer/zero_start.py": "WA",
    "folder-validator/submissions/accepted/root.c": "AC",
    "folder-validator/submissions/accepted/root.py": "AC",
    "folder-validator/submissions/wrong_answer/rough.py": "WA",  # the validator's tolerance from testdata.yaml
    "script-validator/submissions/accepted/reverse.py": "AC",
    "script-validator/submissions/accepted/shout.py": "AC",  # validator_flags reach the built validator
    "script-validator/submissions/wrong_answer/same.py": "WA",
    "script-validator/submissions/time_limit_exceeded/spin.cpp": "TLE",
    "interactive-early/submissions/accepted/count.py": "AC",
    "interactive-early/submissions/wrong_answer/exit_at_once.py": "WA",  # the interactor dies of SIGPIPE: not IE
    "interactive-early/submissions/wrong_answer/off_by_one.py": "WA",
    "interactive-early/submissions/run_time_error/crash.py": "RE",
    "interactive-early/submissions/time_limit_exceeded/spin.py": "TLE",
    "multifile/submissions/accepted/greet-cpp": "AC",  # a header without include guard, in two sources
    "multifile/submissions/accepted/greet-c": "AC",  # ... and a source named main.c
    "multifile/submissions/compiler_error/broken-c": "CE",
    "multifile/submissions/wrong_answer/actually_right.py": "AC",  # @EXPECTED_RESULTS@: ACCEPTED
    "multifile/submissions/mixed/exits_with_one.c": "RE",  # RUN_TIME_ERROR , TIME_LIMIT_EXCEEDED
    "multifile/submissions/accepted/greet-js-module": "AC",  # app.js imports ./greeting.mjs (ES modules)
    "multifile/submissions/accepted/greet-js-require": "AC",  # main.js requires ./greeting (CommonJS)
    "multifile/submissions/run_time_error/missing-module-js": "RE",  # imports a file it does not have
    "constants/submissions/accepted/shift.py": "AC",  # {{shift}} in the validator, {{word}} in its arguments
    "constants/submissions/wrong_answer/off_by_one.py": "WA",
    "constants/submissions/accepted/with_include.py": "AC",  # include/python3/shift.py, {{shift}} filled
    "constants/submissions/accepted/with_include.cpp": "AC",  # include/cpp/shift.h
    "subtasks-2023/submissions/accepted/floor.py": "AC",
    "subtasks-2023/submissions/partially_accepted/even_only.py": "AC",  # 30 of the 70 + 30: `scoring:` groups
    "subtasks-2023/submissions/wrong_answer/double.py": "WA",
}
WARNINGS = {
    "domjudge-export/problem.pdf": "the statement is only a PDF",
    "domjudge-export/submissions/accepted/sum.hs": "a language judged does not have (.hs); not judged",
    "domjudge-export/submissions/accepted/sum2.py": "a Python 2 submission",
    "domjudge-export/submissions/check_manually/unsure.py": "not a verdict folder",
    "samples-only/data/secret": "no secret tests: the samples are the tests",
    "script-validator/input_validators/words.ctd": ".ctd input validators are not supported",
    "constants/include/prolog": "include folder of a language judged does not have; not used",
}
_LINE = re.compile(r"^\s+(agrees|DISAGREES)\s+(\S+)(?: with \S+ of \S+)?\s+\(expected (\S+)\) (\S+)$")


def test_problems_check_agrees_with_every_package_of_the_corpus(sandbox: Sandbox, state_dir: Path) -> None:
    del sandbox  # the session's sandbox proves the host can jail (or the test is skipped loudly)
    config = state_dir.parent / "corpus.toml"
    config.write_text(f'state_dir = "{state_dir}"\nlog_level = "warning"\nlanguages_dir = "{PROJECT / "languages"}"\n')
    packages = sorted(str(path) for path in CORPUS.iterdir() if path.is_dir())
    proc = subprocess.run(
        [sys.executable, "-m", "judged", "--config", str(config), "problems", "check", *packages],
        capture_output=True, text=True, cwd=PROJECT, check=False,
    )  # fmt: skip
    lines = [found.groups() for found in map(_LINE.match, proc.stdout.splitlines()) if found]
    got = {str(Path(path).relative_to(CORPUS)): verdict for _, verdict, _, path in lines}
    assert got == VERDICTS, proc.stdout + proc.stderr
    assert all(agreement == "agrees" for agreement, *_ in lines), proc.stdout
    assert f"check: {len(VERDICTS)} of {len(VERDICTS)} submissions agree; 0 failed" in proc.stdout, proc.stderr
    assert proc.returncode == 0, proc.stderr
    for where, message in WARNINGS.items():
        assert any(line.startswith(f"{CORPUS / where}") and message in line for line in proc.stdout.splitlines()), (
            where,
            proc.stdout,
        )


def test_two_judge_processes_sharing_a_state_folder_judge_one_new_source_alike(
    sandbox: Sandbox, state_dir: Path, tmp_path: Path
) -> None:
    """`judged judge` twice at once on a source neither has built (C++: the compile is long enough to
    overlap): both AC, neither a compile error from the other's half-written build."""
    del sandbox
    config = state_dir.parent / "twice.toml"
    config.write_text(f'state_dir = "{state_dir}"\nlog_level = "warning"\nlanguages_dir = "{PROJECT / "languages"}"\n')
    source = tmp_path / "sum.cpp"
    source.write_text(
        f"// {tmp_path.name}: new to the build cache\n#include <iostream>\n"
        "int main() { long long a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }\n"
    )
    argv = [sys.executable, "-m", "judged", "--config", str(config), "judge", str(CORPUS / "domjudge-export")]
    runs = [subprocess.Popen([*argv, str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=PROJECT) for _ in range(2)]  # fmt: skip
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [output[0].split()[:1] for output in outputs] == [["AC"], ["AC"]], outputs
    assert [run.returncode for run in runs] == [0, 0], outputs
