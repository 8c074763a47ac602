"""What the Kotlin and Scala harness generators share: the checksum their prebuilt runtime jar carries,
LeetCode's node classes put after a user's text that does not declare its own, and a design's types written as
the arrays of strings their runtimes' `judged.Design.run` takes."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from functools import cache

from judged.harness.design import Design
from judged.harness.runtime_sources import read_runtime, undeclared_nodes
from judged.harness.types import Base, Param, Signature

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)


@cache
def runtime_sha(runtime: str) -> str:
    """The SHA-256 of a runtime's source, as `sha256sum` prints it: the jar built from it must carry the same."""
    return hashlib.sha256(read_runtime(runtime).encode()).hexdigest()


def user_text_and_nodes(
    signature: Signature, solution: str, declaration: str, definitions: Mapping[Base, str]
) -> tuple[str, list[str]]:
    """The user's text (Unix line ends) and the definitions of the node classes the signature uses that it does
    not declare itself: outside its comments (LeetCode shows its node classes inside /** */), a line matching
    `declaration` (the modifiers and keyword before the name) and the class's name."""
    text = solution.replace("\r\n", "\n")
    code = _COMMENT.sub("", text)
    missing = undeclared_nodes(
        signature, definitions, lambda base: re.search(rf"{declaration}{base.value}\b", code, re.M) is not None
    )
    return text, missing


def method_arguments(signature: Signature, strings: str) -> str:
    """What the runtime's `judged.Harness.run` takes after the class: the method's name, its parameter types as
    the language writes an array of strings (`strings` around `{}`, as in `design_arrays`), the return type."""
    params = strings.format(", ".join(json.dumps(str(param.type)) for param in signature.params))
    return f"{json.dumps(signature.name)}, {params}, {json.dumps(str(signature.returns))}"


def design_arrays(design: Design, strings: str, nested: str) -> tuple[str, str, str, str]:
    """The design's types as the language writes arrays: the constructor's parameter types, the method names,
    each method's parameter types, the return types. `strings` is an array of strings around `{}` (Kotlin's
    `arrayOf<String>({})`, Scala's `Array[String]({})`), `nested` an array of such arrays around `{}`."""

    def types(params: tuple[Param, ...]) -> str:
        return strings.format(", ".join(json.dumps(str(param.type)) for param in params))

    return (
        types(design.constructor),
        strings.format(", ".join(json.dumps(method.name) for method in design.methods)),
        nested.format(", ".join(types(method.params) for method in design.methods)),
        strings.format(", ".join(json.dumps(str(method.returns)) for method in design.methods)),
    )
