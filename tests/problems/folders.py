"""Small problem folders written into a temporary directory, valid unless a test breaks them."""

from __future__ import annotations

from pathlib import Path

PROBLEM_TOML = """\
title = "Add Two"
difficulty = "easy"
tags = ["math"]
time_limit = 2
memory_limit = 256

[function]
name = "addTwo"
params = [
  { name = "nums", type = "int[]" },
  { name = "extra", type = "int" },
]
returns = "long"
"""

SAMPLE = '{"input": {"nums": [1, 2], "extra": 3}, "output": 6}\n'
SECRET = '{"input": {"nums": [], "extra": 0}, "output": 0}\n{"input": {"nums": [5], "extra": -5}, "output": 0}\n'
SOLUTION = """class Solution:
    def addTwo(self, nums: List[int], extra: int) -> int:
        return sum(nums) + extra
"""


def write_problem(root: Path, slug: str = "add-two", files: dict[str, str] | None = None) -> Path:
    """A valid problem folder `root/slug`; `files` (path -> text) add to or replace its files."""
    folder = root / slug
    contents = {
        "problem.toml": PROBLEM_TOML,
        "statement.md": "Add the numbers and `extra`.\n",
        "tests/sample.jsonl": SAMPLE,
        "tests/secret.jsonl": SECRET,
        "solutions/accepted/add.py": SOLUTION,
        **(files or {}),
    }
    for name, text in contents.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder
