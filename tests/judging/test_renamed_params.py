"""A parameter reserved in some language is renamed there (`dict` -> `dict_`): the stub as shown, filled in,
is accepted in every language (the harness passes arguments by position, whatever they are called)."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness import LANGUAGE_IDS, parse_signature, stub
from judged.judging.build import Builder
from judged.judging.function import Case, FunctionTask, judge_function
from judged.judging.languages import load_languages
from judged.judging.verdicts import Verdict
from judged.sandbox import Sandbox

LANGUAGES = load_languages(Path(__file__).resolve().parents[2] / "languages")

# `dict` is a Python builtin, `type` a keyword of Go and Rust (and Python's soft keyword).
SIGNATURE = parse_signature("countLength", [("dict", "string[]"), ("type", "int")], "int")
TASK = FunctionTask(
    signature=SIGNATURE,
    cases=[
        Case(args=[["a", "bb", "cc", "ddd"], 2], output=2, sample=True),
        Case(args=[[], 1], output=0),
        Case(args=[["xyz"], 3], output=1),
    ],
    time_limit=10.0,
    memory_mib=256,
)

BODIES = {
    "python": "return sum(1 for w in dict_ if len(w) == type_)",
    "c": "int n = 0; for (int i = 0; i < dictSize; i++) if ((int)strlen(dict[i]) == type) n++; return n;",
    "cpp": "int n = 0; for (auto& w : dict) if ((int)w.size() == type) n++; return n;",
    "java": "int n = 0; for (String w : dict) if (w.length() == type) n++; return n;",
    "javascript": "return dict.filter(w => w.length === type).length;",
    "go": "n := 0\n    for _, w := range dict {\n        if len(w) == type_ {\n            n++\n        }\n    }\n"
    "    return n",
    "rust": "dict.iter().filter(|w| w.len() as i32 == type_).count() as i32",
    "typescript": "return dict.filter(w => w.length === type).length;",
    "ruby": "dict.count { |w| w.length == type }",
    "php": "return count(array_filter($dict, fn($w) => strlen($w) === $type));",
    "kotlin": "return dict.count { it.length == type }",
    "scala": "dict.count(_.length == type_)",
    "csharp": "int n = 0; foreach (var w in dict) if (w.Length == type) n++; return n;",
    "racket": "(count (lambda (w) (= (string-length w) type)) dict)",
    "erlang": "length([W || W <- Dict, byte_size(W) =:= Type])",
    "elixir": "Enum.count(dict, &(String.length(&1) == type))",
}


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


def filled(language: str) -> str:
    """The stub with its cursor line (the one of spaces alone; PHP's has an empty line too) replaced by the body.

    Racket's stub has none: its body goes before the closing parenthesis on the last line. Erlang's cursor line
    is `  .`: the body goes before its dot."""
    lines = stub(SIGNATURE, language).split("\n")
    if language == "racket":
        lines[-1] = lines[-1].replace(")", BODIES[language] + ")")
        return "\n".join(lines) + "\n"
    if "  ." in lines:
        lines[lines.index("  .")] = f"  {BODIES[language]}."
        return "\n".join(lines) + "\n"
    cursor = next(index for index, line in enumerate(lines) if line and not line.strip())
    lines[cursor] = lines[cursor] + BODIES[language]
    return "\n".join(lines) + "\n"


def test_every_language_has_a_body_here() -> None:
    assert set(BODIES) == set(LANGUAGE_IDS)


@pytest.mark.parametrize("language", sorted(BODIES))
async def test_the_renamed_stub_filled_in_is_accepted(language: str, builder: Builder) -> None:
    code = filled(language)
    result = await judge_function(TASK, LANGUAGES[language], code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)
