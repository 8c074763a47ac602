"""Each language's solutions to the conformance cases (`tests/harness/conformance_cases.py`).

A module `<language>.py` here has:

- `SOLUTIONS: dict[str, str | Solution]`: the solution to a case, keyed by
  the case's name (`name:variant` for one more solution to the same case);
  a `Solution` says what the language does in its own words (its error
  text, its own tests);
- `identity(type_) -> str`: a solution returning its one argument, for the
  round trip of every type;
- `EXAMPLES`: how many hypothesis examples each type's round trip draws
  (fewer where a run is slow).

`LANGUAGES` lists the modules the table runs; a new language adds its
module here and its runner in `tests/harness/conformance.py`.
"""

from __future__ import annotations

from types import ModuleType

from tests.harness.solutions import c, cpp, csharp, elixir, erlang, go, java, javascript, python, racket, rust

LANGUAGES: dict[str, ModuleType] = {
    "python": python,
    "c": c,
    "cpp": cpp,
    "java": java,
    "javascript": javascript,
    "go": go,
    "rust": rust,
    "racket": racket,
    "csharp": csharp,
    "erlang": erlang,
    "elixir": elixir,
}
