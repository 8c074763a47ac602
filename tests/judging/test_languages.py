"""languages/*.toml load, and a broken one says what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.judging.languages import (
    LANGUAGE_IDS,
    LanguageError,
    expand,
    language_for_file,
    load_language,
    load_languages,
)

LANGUAGES = Path(__file__).resolve().parents[2] / "languages"


def test_the_seven_languages_load() -> None:
    languages = load_languages(LANGUAGES)
    assert sorted(languages) == sorted(LANGUAGE_IDS)
    assert all(lang.id == lang_id for lang_id, lang in languages.items())
    assert languages["python"].compile[0] == "/usr/bin/python3"  # a syntax check only
    assert languages["cpp"].compiled is True


def test_extensions_pick_the_language() -> None:
    languages = load_languages(LANGUAGES)
    picks = {name: language_for_file(languages, Path(f"sol.{name}")) for name in ("py", "cpp", "java", "rs", "go")}
    assert {name: lang.id if lang else None for name, lang in picks.items()} == {
        "py": "python", "cpp": "cpp", "java": "java", "rs": "rust", "go": "go",
    }  # fmt: skip
    assert language_for_file(languages, Path("notes.txt")) is None


def test_placeholders_expand() -> None:
    java = load_languages(LANGUAGES)["java"]
    argv = expand(java.run, src="/box/src", out="/box/out", memory_mib=256)
    assert "-Xmx256m" in argv
    assert argv[-3:] == ("-cp", "/box/out", "Main")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lang.toml"
    path.write_text(text)
    return path


BASE = 'name = "X"\nextensions = ["x"]\nfiles = ["main.x"]\nversion = ["/bin/x"]\n[self_test]\ncode = "x"\n'


def test_an_unknown_placeholder_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, 'run = ["/bin/x", "{sauce}/main.x"]\n' + BASE)
    with pytest.raises(LanguageError, match=r"lang.toml: run uses unknown placeholders \{sauce\}"):
        load_language(path)


def test_out_without_a_compile_step_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, 'run = ["{out}/main"]\n' + BASE)
    with pytest.raises(LanguageError, match="no compile step"):
        load_language(path)


def test_an_unknown_key_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, 'run = ["/bin/x"]\ncompiler = ["cc"]\n' + BASE)
    with pytest.raises(LanguageError, match="compiler"):
        load_language(path)


def test_a_compile_tool_judged_does_not_ship_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, 'run = ["/bin/x"]\ncompile_tools = ["../build.py"]\n' + BASE)
    with pytest.raises(LanguageError, match=r"lang.toml: compile tool '\.\./build\.py' is no file of"):
        load_language(path)
    path = _write(tmp_path, 'run = ["/bin/x"]\ncompile_tools = ["nothing.js"]\n' + BASE)
    with pytest.raises(LanguageError, match=r"compile tool 'nothing\.js'"):
        load_language(path)


COMPILE_PCH = (
    'run = ["{out}/main"]\ncompile = ["/bin/cc", "-O2", "-I{precompiled}", "-o", "{out}/main", "{src}/main.x"]\n'
)


def _precompile(compile_argv: str, header: str = "bits/all.h") -> str:
    return f'[precompile]\nheader = "{header}"\ncompile = {compile_argv}\n'


def test_the_precompiled_folder_argument_is_left_out_when_there_is_none() -> None:
    cpp = load_languages(LANGUAGES)["cpp"]
    assert "-I/box/pch" in expand(cpp.compile, src="/s", out="/o", memory_mib=1, precompiled="/box/pch")
    without = expand(cpp.compile, src="/s", out="/o", memory_mib=1)
    assert not any("pch" in arg or arg == "-I" for arg in without)
    assert without == ("/usr/bin/g++", "-std=gnu++17", "-O2", "-pipe", "-o", "/o/main", "/s/main.cpp")


PCH_ARGV = '["/bin/cc", "-O2", "-o", "{gch}", "{header}"]'


@pytest.mark.parametrize(
    ("top", "table", "error"),
    [
        (COMPILE_PCH.replace("-I{precompiled}", "-I."), _precompile(PCH_ARGV), r"\[precompile\] is never used"),
        (COMPILE_PCH, "", r"compile uses \{precompiled\} but there is no \[precompile\] table"),
        (COMPILE_PCH, _precompile(PCH_ARGV.replace("-O2", "-O3")), "precompile.compile has -O3, which compile lacks"),
        (COMPILE_PCH, _precompile(PCH_ARGV.replace("{gch}", "{out}")), r"unknown placeholders \{out\}"),
        (COMPILE_PCH, _precompile(PCH_ARGV, header="/usr/include/all.h"), "must be relative"),
        (COMPILE_PCH, _precompile(PCH_ARGV, header="../all.h"), "must be relative"),
    ],
)  # fmt: skip
def test_a_precompiled_header_that_could_not_work_is_an_error(tmp_path: Path, top: str, table: str, error: str) -> None:
    with pytest.raises(LanguageError, match=error):
        load_language(_write(tmp_path, top + BASE + table))


def test_a_precompiled_header_whose_flags_are_compiles_loads(tmp_path: Path) -> None:
    text = COMPILE_PCH + BASE + _precompile('["/bin/cc", "-O2", "-x", "c-header", "-o", "{gch}", "{header}"]')
    language = load_language(_write(tmp_path, text))
    assert language.precompile is not None
    assert language.precompile.header == "bits/all.h"
