"""The Racket harness generator: `main.rkt` (the harness) and `solution.rkt` (the user's text).

LeetCode's Racket form is a `define/contract` of the problem's name in kebab-case with kebab-case parameters
and a contract (`(define/contract (two-sum nums target) (-> (listof exact-integer?) exact-integer? (listof
exact-integer?)) ...)`), with `list-node` and `tree-node` structs. Arrays are lists; a void function's first
argument is a mutable vector (of vectors), since a list cannot be changed in place (LeetCode offers no Racket
for such problems; judged's form is the nearest one). The user's text is a module of the language `leetcode`
(`#lang racket` plus the structs), named on its first line so the user's line numbers stay; a `#lang racket`
line of the user's own is replaced by it. The language compiles both files (`raco make`, through
`judged/judging/runtime/racket_compile.rkt`) and runs `racket main.rkt`; `main.rkt` is
`judged/harness/runtime/racket_main.rkt` followed by one call naming the function.
"""

from __future__ import annotations

import json
import re

from judged.harness.names import RENAMED_SUFFIX, snake_case
from judged.harness.runtime_sources import read_runtime
from judged.harness.support import declare
from judged.harness.tables import TypeNames, comments_above, tables
from judged.harness.types import Signature, Type

MAIN_FILE = "main.rkt"
SOLUTION_FILE = "solution.rkt"
LANGUAGE_LINE = '#lang s-exp (submod "main.rkt" leetcode) '
_USERS_LANG = re.compile(r"\A(\s*)#lang\s+racket(?:/base)?(?=\s)")

TYPE_NAMES = tables("racket").type_names
NODE_COMMENTS = tables("racket").comment_lines

_IN_PLACE_NAMES = TypeNames(bases=TYPE_NAMES.bases, array="(vectorof {})")


def kebab_case(name: str) -> str:
    """LeetCode's Racket spelling of a camelCase name: `twoSum` -> `two-sum` (a renamed `if_` stays `if_`)."""
    stem = name.removesuffix(RENAMED_SUFFIX)
    return snake_case(stem).replace("_", "-") + name[len(stem) :]


def in_leetcode_language(solution: str) -> str:
    """The user's text as a module of the `leetcode` language, its first line still its first line."""
    if _USERS_LANG.match(solution):
        return _USERS_LANG.sub(lambda match: match.group(1) + LANGUAGE_LINE.rstrip(), solution, count=1)
    return LANGUAGE_LINE + solution


def build(signature: Signature, solution: str) -> dict[str, str]:
    """The files to compile: the harness, and the user's code in LeetCode's language."""
    name, returns = json.dumps(kebab_case(signature.name)), json.dumps(str(signature.returns))
    params = " ".join(json.dumps(str(param.type)) for param in signature.params)
    call = f"(exit (run {name} '({params}) {returns}))\n"
    return {MAIN_FILE: f"{read_runtime('racket_main.rkt')}\n{call}", SOLUTION_FILE: in_leetcode_language(solution)}


def _contract(type_: Type, first_in_place: bool) -> str:
    return (_IN_PLACE_NAMES if first_in_place else TYPE_NAMES).spell(type_)


def stub(signature: Signature) -> list[str]:
    """LeetCode's Racket stub: `(define/contract (two-sum nums target)`, its contract, and `  )`."""
    comments = comments_above(signature, NODE_COMMENTS)
    params = [kebab_case(param.name) for param in signature.params]
    contracts = [
        _contract(param.type, signature.in_place and index == 0) for index, param in enumerate(signature.params)
    ]
    contracts.append(TYPE_NAMES.spell(signature.returns))
    head = f"(define/contract ({' '.join([kebab_case(signature.name), *params])})"
    return [*comments, head, f"  (-> {' '.join(contracts)})", "  )"]


SUPPORT = declare("racket", build=build, stub=stub)
