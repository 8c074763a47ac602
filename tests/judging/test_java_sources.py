"""Java I/O programs as contest judges take them: any package, any name for the class holding main."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.judging.languages import load_language
from judged.judging.sources import program_sources

JAVA = load_language(Path(__file__).resolve().parents[2] / "languages" / "java.toml")

HELPER_FIRST = """package contest.solution;

import java.util.*;

/* class Decoy { public static void main(String[] a) {} } */
final class Helper {
    static String brace() { return "}{"; }
}

public class Solver {
    static class Inner { char c = '{'; }
    public static void main(String[] args) { System.out.println(Helper.brace()); }
}
"""


@pytest.mark.parametrize(
    ("code", "delegate"),
    [
        (HELPER_FIRST, "Solver.main(a)"),
        ("public class Main { public static void main(String[] a) {} }", None),
        ("class Outer { static class Entry { public static void main(String[] a) {} } }", "Outer.Entry.main(a)"),
    ],
)
def test_the_class_holding_main_is_run_whatever_its_name_and_package(code: str, delegate: str | None) -> None:
    source = program_sources(JAVA, code)["Main.java"]
    assert "package " not in source
    assert "public class" not in source
    delegates = [line for line in source.splitlines() if "throws Exception {" in line and line.startswith("class Main")]
    if delegate is None:
        assert delegates == []
    else:
        assert [delegate in line for line in delegates] == [True]


def test_a_multi_file_program_in_a_package_shares_one_file_without_importing_itself() -> None:
    files = {
        "Main.java": "package a.b;\nimport a.b.Util;\nimport java.io.*;\npublic class Main { "
        "public static void main(String[] x) { Util.go(); } }\n",
        "Util.java": "package a.b;\nimport java.util.List;\npublic class Util { static void go() {} }\n",
    }
    source = program_sources(JAVA, files)["Main.java"]
    assert "import a.b.Util;" not in source
    assert "import java.io.*;" in source
    assert "import java.util.List;" in source
    assert "package" not in source
