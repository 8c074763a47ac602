# The Python design harness: appended to python_main.py, whose codecs and protocol it uses.
#
# One test line is [operations, arguments]: the first operation constructs the
# design class (its name), the others call its methods. The result line is
# {"v": [null, <return>, ...], "t": seconds}: null for the constructor and for
# void methods. A call that raises ends the run with an "e" line.

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # in main.py these are python_main.py's own names, defined above this text
    import json
    import os
    import sys
    import time

    from judged.harness.runtime.python_main import (
        EXIT_BAD_TEST,
        RECURSION_LIMIT,
        SOLUTION_FILE,
        BadTest,
        Kind,
        ListNode,
        Mismatch,
        TreeNode,
        decode,
        encode,
        load_class,
        mark_case,
        nonblank_lines,
        parse_kind,
        report_error,
        write_result,
    )


def decode_operations(
    line: bytes, class_name: str, methods: dict[str, tuple[list[Kind], Kind | None]], constructor: list[Kind]
) -> tuple[list[str], list[list[object]]]:
    try:
        test = json.loads(line)
    except ValueError as error:
        raise BadTest(f"not JSON: {error}") from None
    if not isinstance(test, list) or len(test) != 2:
        raise BadTest("expected [operations, arguments]")
    operations, arguments = test
    if not isinstance(operations, list) or not isinstance(arguments, list) or len(operations) != len(arguments):
        raise BadTest("expected two lists of one length")
    decoded: list[list[object]] = []
    for index, (operation, given) in enumerate(zip(operations, arguments, strict=True)):
        if index == 0:
            if operation != class_name:
                raise BadTest(f"the first operation must be {class_name}")
            kinds = constructor
        elif operation in methods:
            kinds = methods[operation][0]
        else:
            raise BadTest(f"unknown method {operation!r}")
        if not isinstance(given, list) or len(given) != len(kinds):
            raise BadTest(f"{operation}: expected {len(kinds)} arguments")
        decoded.append([decode(value, kind) for value, kind in zip(given, kinds, strict=True)])
    return operations, decoded


def run_design(class_name: str, constructor_types: list[str], method_types: dict[str, tuple[list[str], str]]) -> int:
    """Run every test on stdin through the user's class; the process's exit status."""
    sys.setrecursionlimit(RECURSION_LIMIT)
    sys.set_int_max_str_digits(0)
    constructor = [parse_kind(text) for text in constructor_types]
    methods = {
        name: ([parse_kind(text) for text in params], None if returns == "void" else parse_kind(returns))
        for name, (params, returns) in method_types.items()
    }
    solution_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), SOLUTION_FILE)
    tests = sys.stdin.buffer
    try:
        design_class = load_class(solution_path, class_name, {"ListNode": ListNode, "TreeNode": TreeNode})
    except BaseException as error:
        return report_error(error, 0.0, solution_path)
    for number, line in enumerate(nonblank_lines(tests), 1):
        try:
            operations, arguments = decode_operations(line, class_name, methods, constructor)
        except BadTest as error:
            print(f"judged harness: cannot decode test {number}: {error}", file=sys.stderr)
            return EXIT_BAD_TEST
        mark_case()
        results = ["null"]
        start = time.process_time()
        try:
            instance = design_class(*arguments[0])
            for operation, args in zip(operations[1:], arguments[1:], strict=True):
                returned = getattr(instance, operation)(*args)
                kind = methods[operation][1]
                if kind is None:
                    results.append("null")
                    continue
                try:
                    results.append(encode(returned, kind))
                except Mismatch:  # no valid expected value is null
                    results.append("null")
        except BaseException as error:
            return report_error(error, time.process_time() - start, solution_path)
        seconds = time.process_time() - start
        write_result(f'{{"v":[{",".join(results)}],"t":{seconds!r}}}\n')
    return 0
