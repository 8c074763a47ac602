"""Runs a problem's custom checker in the sandbox: one JSON line in, one verdict line out.

The checker file (mounted at /checker/checker.py) defines
    check(input: dict, expected, actual) -> bool | tuple[bool, str]
Input lines: {"input": {...}, "expected": ..., "actual": ...}
Output lines: {"ok": true} or {"ok": false, "message": "..."}
"""

import importlib.util
import json
import sys

spec = importlib.util.spec_from_file_location("checker", "/checker/checker.py")
assert spec is not None
assert spec.loader is not None
checker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checker)

for line in sys.stdin:
    case = json.loads(line)
    answer = checker.check(case["input"], case["expected"], case["actual"])
    ok, message = answer if isinstance(answer, tuple) else (answer, "")
    sys.stdout.write(json.dumps({"ok": bool(ok), "message": str(message)}) + "\n")
sys.stdout.flush()
