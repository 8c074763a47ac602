"""The language registry: one `SUPPORT` per harness module, found and asked by everything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness import LANGUAGE_IDS, Layout, language_of_extension, parse_signature, registry, stub
from judged.judging.languages import LanguageError, load_language, load_languages

ROOT = Path(__file__).resolve().parents[2]


def test_every_harness_module_is_a_language_with_a_toml() -> None:
    modules = {path.stem.removeprefix("lang_") for path in (ROOT / "judged" / "harness").glob("lang_*.py")}
    assert set(LANGUAGE_IDS) == modules == set(load_languages(ROOT / "languages"))


def test_the_toml_gets_its_extensions_from_the_harness_module() -> None:
    languages = load_languages(ROOT / "languages")
    assert languages["python"].extensions == ("py", "py3")
    assert languages["cpp"].extensions[0] == "cpp"


def test_a_toml_may_not_name_extensions_its_harness_module_already_has(tmp_path: Path) -> None:
    text = (ROOT / "languages" / "go.toml").read_text()
    path = tmp_path / "go.toml"
    path.write_text('extensions = ["go"]\n' + text)
    with pytest.raises(LanguageError, match=r"go.toml: extensions are judged/harness/lang_go.py's"):
        load_language(path)


def test_a_language_without_a_harness_module_names_its_own_extensions(tmp_path: Path) -> None:
    path = tmp_path / "cobol.toml"
    path.write_text(
        'name = "COBOL"\nfiles = ["main.cob"]\nrun = ["/bin/cobc"]\nversion = ["/bin/cobc"]\n[self_test]\ncode = ""\n'
    )
    with pytest.raises(LanguageError, match="extensions must name at least one"):
        load_language(path)
    path.write_text('extensions = ["cob"]\n' + path.read_text())
    assert load_language(path).extensions == ("cob",)


@pytest.mark.parametrize(
    ("extension", "language"),
    [(".py", "python"), ("py3", "python"), (".c", "c"), (".C", "cpp"), (".c++", "cpp"), (".mjs", "javascript"),
     (".rs", "rust"), (".java", "java"), (".go", "go"), (".txt", None), (".h", None)],
)  # fmt: skip
def test_an_extension_names_one_language(extension: str, language: str | None) -> None:
    assert language_of_extension(extension) == language


def test_reference_rank_puts_compiled_languages_first() -> None:
    assert LANGUAGE_IDS.index("cpp") < LANGUAGE_IDS.index("java") < LANGUAGE_IDS.index("python")


def test_layouts_of_several_files() -> None:
    assert registry.support("c").layout is registry.support("cpp").layout is Layout.C_FAMILY
    assert registry.support("go").layout is Layout.SINGLE


def test_an_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(registry.UnknownLanguage, match="no harness for language 'cobol' \\(known: cpp, "):
        stub(parse_signature("f", [("x", "int")], "int"), "cobol")


# A parameter reserved somewhere is renamed there, and only there: (name, language, the stub's spelling).
RENAMES = [
    ("dict", "python", "dict_: List[int]"),
    ("dict", "java", "int[] dict"),
    ("self", "python", "self_: List[int]"),
    ("self", "rust", "self_: Vec<i32>"),
    ("type", "go", "type_ []int"),
    ("type", "rust", "type_: Vec<i32>"),
    ("type", "python", "type_: List[int]"),
    ("type", "java", "int[] type"),
    ("class", "java", "int[] class_"),
    ("class", "cpp", "vector<int>& class_"),
    ("class", "javascript", "function(class_, k)"),
    ("len", "go", "len_ []int"),
    ("len", "python", "len_: List[int]"),
    ("len", "cpp", "vector<int>& len"),
    ("free", "c", "int* free_, int free_Size"),
    ("string", "cpp", "vector<int>& string_"),
    ("string", "go", "string_ []int"),
    ("function", "javascript", "function(function_, k)"),
    ("func", "go", "func_ []int"),
    ("fn", "rust", "fn_: Vec<i32>"),
    ("returnSize", "c", "int* returnSize_"),
    ("new", "java", "int[] new_"),
    ("let", "javascript", "@param {number[]} let_"),
]


@pytest.mark.parametrize(("name", "language", "spelled"), RENAMES)
def test_a_reserved_parameter_is_renamed_in_that_language_only(name: str, language: str, spelled: str) -> None:
    signature = parse_signature("solve", [(name, "int[]"), ("k", "int")], "int")
    assert spelled in stub(signature, language)


def test_every_language_renames_its_own_keywords_in_its_stub() -> None:
    for language in LANGUAGE_IDS:
        for word in sorted(registry.support(language).reserved)[:50]:
            if not word.isalnum() or not word[0].islower():
                continue
            text = stub(parse_signature("solve", [(word, "int")], "int"), language)
            assert f"{word}_" in text, (language, word)


def test_the_registry_says_which_kinds_of_problem_each_language_solves() -> None:
    # A language with a design harness (judged/harness/design_<id>.py) solves design problems too.
    for language_id in ("python", "typescript", "ruby", "php", "csharp", "racket", "kotlin", "scala", "erlang"):
        assert registry.problem_kinds(language_id) == ("function", "design")
        assert language_id in registry.languages_for("design")
        assert language_id in registry.languages_for("function")
    assert set(registry.languages_for("design")) == set(LANGUAGE_IDS)  # every language has one today
    assert registry.languages_for("io") == LANGUAGE_IDS
    assert registry.problem_kinds("cobol") == ()
