"""The Scala harness: `Main.scala` holding the user's `object Solution` and a one-line `JudgedMain`.

LeetCode's Scala form is `object Solution { def twoSum(nums: Array[Int], target: Int): Array[Int] = { ... } }`
with `class ListNode(_x: Int = 0, _next: ListNode = null)` and `class TreeNode(_value: Int = 0, ...)` in a
comment above it. The runtime that decodes the tests, calls the method by reflection and encodes the results
(`runtime/scala_harness.scala`) is compiled once, at install time, into a jar (`scripts/leetcode_libraries.sh`):
scalac starts in seconds, so a submission's compile reads only this file. `Main.scala` is the user's text
unchanged (Scala's imports may stand anywhere, so nothing goes in front of it and scalac's line
numbers are the user's), then LeetCode's node classes where the signature uses them and the user did not
declare their own, then `object JudgedMain`, which names the method, the signature's types and the SHA-256 of
the runtime's source (a stale jar refuses to run). The run starts `judged.Launch`, which runs `JudgedMain`,
or for an I/O program the one object with a `main`.
"""

from __future__ import annotations

import json

from judged.harness import jvm
from judged.harness.stubs import method_in_class
from judged.harness.support import declare
from judged.harness.tables import comments_above, tables
from judged.harness.types import Base, Signature

FILE_NAME = "Main.scala"
RUNTIME = "scala_harness.scala"

TYPE_NAMES = tables("scala").type_names
NODE_COMMENTS = tables("scala").comment_lines

_DEFINITIONS = {
    base: "\n".join(line.removeprefix(" * ") for line in NODE_COMMENTS[base][2:-1]) + "\n"
    for base in (Base.LIST_NODE, Base.TREE_NODE, Base.NODE)
}
# LeetCode shows NestedInteger as a trait; a class with its methods (and an empty and an integer constructor) stands in.
_DEFINITIONS[Base.NESTED_INTEGER] = """\
class NestedInteger {
  private var value: Option[Int] = None
  private val items = scala.collection.mutable.ArrayBuffer[NestedInteger]()
  def this(value: Int) = { this(); this.value = Some(value) }
  def isInteger: Boolean = value.isDefined
  def getInteger: Int = value.getOrElse(0)
  def setInteger(i: Int): Unit = value = Some(i)
  def getList: Array[NestedInteger] = items.toArray
  def add(ni: NestedInteger): Unit = { value = None; items += ni }
}
"""


def runtime_sha() -> str:
    """The SHA-256 of the runtime's source: the jar built from it must carry the same."""
    return jvm.runtime_sha(RUNTIME)


def build(signature: Signature, solution: str) -> dict[str, str]:
    """`Main.scala` for `signature` around the user's `solution` (LeetCode's Scala form)."""
    text, classes = jvm.user_text_and_nodes(
        signature, solution, r"^\s*(?:(?:case|final)\s+)*(?:class|trait)\s+", _DEFINITIONS
    )
    parts = [text, "", *classes]
    arguments = jvm.method_arguments(signature, "Array[String]({})")
    parts.append(
        "object JudgedMain { def main(args: Array[String]): Unit = judged.Harness.run("
        f'{json.dumps(runtime_sha())}, "Solution", {arguments}) }}\n'
    )
    return {FILE_NAME: "\n".join(parts)}


def stub(signature: Signature) -> list[str]:
    """LeetCode's Scala stub: `object Solution {` / `    def twoSum(nums: Array[Int], target: Int): Array[Int] = {`."""
    params = ", ".join(f"{_name(param.name)}: {TYPE_NAMES.spell(param.type)}" for param in signature.params)
    head = f"    def {signature.name}({params}): {TYPE_NAMES.spell(signature.returns)} = {{"
    return method_in_class(comments_above(signature, NODE_COMMENTS), "object Solution {", head)


def _name(name: str) -> str:
    """A parameter's name before its `:`: a renamed keyword (`type_`) gets a space, since Scala reads `type_:` as one
    identifier (an underscore joins the operator characters after it)."""
    return f"{name} " if name.endswith("_") else name


SUPPORT = declare("scala", build=build, stub=stub)
