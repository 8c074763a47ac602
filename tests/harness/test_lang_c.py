"""The C harness: generated main.c, compiled and run on the host exactly as languages/c.toml does."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judged.harness import lang_c
from judged.harness.stubs import stub
from judged.harness.types import ALL_VALUE_TYPES, VOID, Signature, Type, parse_signature, parse_type
from tests.harness.hostrun_native import (
    CompileError,
    Run,
    assert_round_trip,
    compile_many,
    compile_program,
    compiler_output,
    every_type_signature,
    filled_stub,
    identity_signature,
    identity_solution,
    run,
    stdin_of,
)
from tests.harness.strategies import values_of


def program(signature: Signature, solution: str) -> Path:
    return compile_program("c", lang_c.build(signature, solution))


def judge(binary: Path, *tests: list[object]) -> Run:
    return run(binary, stdin_of(tests))


def values(binary: Path, *tests: list[object]) -> list[object]:
    done = judge(binary, *tests)
    assert done.status == 0, done.stderr
    return done.values


TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_SOLUTION = """/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    for (int i = 0; i < numsSize; i++) {
        for (int j = i + 1; j < numsSize; j++) {
            if (nums[i] + nums[j] == target) {
                int* answer = malloc(2 * sizeof(int));
                answer[0] = i;
                answer[1] = j;
                *returnSize = 2;
                return answer;
            }
        }
    }
    *returnSize = 0;
    return NULL;
}"""


def test_two_sum_end_to_end() -> None:
    done = judge(program(TWO_SUM, TWO_SUM_SOLUTION), [[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[3, 3], 6], [[1], 5])
    assert done.status == 0
    assert done.values == [[0, 1], [1, 2], [0, 1], []]
    assert all(set(result) == {"v", "t"} and isinstance(result["t"], float) for result in done.results)
    assert done.stdout == done.stderr == ""
    assert list(lang_c.build(TWO_SUM, TWO_SUM_SOLUTION)) == ["main.c"]


def test_void_reverses_an_array_in_place() -> None:
    signature = parse_signature("reverseArray", [("nums", "int[]")], "void")
    solution = """void reverseArray(int* nums, int numsSize) {
    for (int i = 0, j = numsSize - 1; i < j; i++, j--) {
        int t = nums[i]; nums[i] = nums[j]; nums[j] = t;
    }
}"""
    assert values(program(signature, solution), [[1, 2, 3]], [[]], [[5, -4]]) == [[3, 2, 1], [], [-4, 5]]


def test_void_flattens_a_tree_in_place() -> None:
    signature = parse_signature("flatten", [("root", "TreeNode")], "void")
    solution = """void flatten(struct TreeNode* root) {
    while (root) {
        if (root->left) {
            struct TreeNode* last = root->left;
            while (last->right) last = last->right;
            last->right = root->right;
            root->right = root->left;
            root->left = NULL;
        }
        root = root->right;
    }
}"""
    assert values(program(signature, solution), [[1, 2, 5, 3, 4, None, 6]], [[]], [[0]]) == [
        [1, None, 2, None, 3, None, 4, None, 5, None, 6],
        [],
        [0],
    ]


def test_lists_in_and_out_and_freed_by_the_solution() -> None:
    signature = parse_signature("removeElements", [("head", "ListNode"), ("val", "int")], "ListNode")
    solution = """struct ListNode* removeElements(struct ListNode* head, int val) {
    struct ListNode dummy = {0, head}, *p = &dummy;
    while (p->next) {
        if (p->next->val == val) {
            struct ListNode* gone = p->next;
            p->next = gone->next;
            free(gone);
        } else {
            p = p->next;
        }
    }
    return dummy.next;
}"""
    tests = ([[1, 2, 6, 3, 4, 5, 6], 6], [[], 1], [[7, 7, 7], 7], [[-(2**31), 2**31 - 1], 0])
    assert values(program(signature, solution), *tests) == [[1, 2, 3, 4, 5], [], [], [-(2**31), 2**31 - 1]]


def test_trees_in_and_out() -> None:
    invert = parse_signature("invertTree", [("root", "TreeNode")], "TreeNode")
    solution = """struct TreeNode* invertTree(struct TreeNode* root) {
    if (!root) return NULL;
    struct TreeNode* left = invertTree(root->left);
    root->left = invertTree(root->right);
    root->right = left;
    return root;
}"""
    assert values(program(invert, solution), [[4, 2, 7, 1, 3, 6, 9]], [[2, 1, None, None, None]], [[]]) == [
        [4, 7, 2, 9, 6, 3, 1],
        [2, None, 1],
        [],
    ]


def test_a_tree_from_an_array_and_a_depth_from_a_tree() -> None:
    build = parse_signature("sortedArrayToBST", [("nums", "int[]")], "TreeNode")
    solution = """struct TreeNode* build(int* nums, int low, int high) {
    if (low > high) return NULL;
    int middle = low + (high - low) / 2;
    struct TreeNode* node = malloc(sizeof *node);
    node->val = nums[middle];
    node->left = build(nums, low, middle - 1);
    node->right = build(nums, middle + 1, high);
    return node;
}
struct TreeNode* sortedArrayToBST(int* nums, int numsSize) { return build(nums, 0, numsSize - 1); }"""
    assert values(program(build, solution), [[-10, -3, 0, 5, 9]], [[1, 3]]) == [
        [0, -10, 5, None, -3, None, 9],
        [1, None, 3],
    ]
    depth = parse_signature("maxDepth", [("root", "TreeNode")], "int")
    solution = """int maxDepth(struct TreeNode* root) {
    if (!root) return 0;
    int left = maxDepth(root->left), right = maxDepth(root->right);
    return 1 + (left > right ? left : right);
}"""
    assert values(program(depth, solution), [[3, 9, 20, None, None, 15, 7]], [[]], [[1, None, 2]]) == [3, 0, 2]


def test_matrices_in_and_out_with_column_sizes() -> None:
    signature = parse_signature("transpose", [("matrix", "int[][]")], "int[][]")
    solution = """int** transpose(int** matrix, int matrixSize, int* matrixColSize,
                int* returnSize, int** returnColumnSizes) {
    int columns = matrixSize ? matrixColSize[0] : 0;
    int** result = malloc(sizeof(int*) * columns);
    *returnColumnSizes = malloc(sizeof(int) * columns);
    for (int c = 0; c < columns; c++) {
        result[c] = malloc(sizeof(int) * matrixSize);
        (*returnColumnSizes)[c] = matrixSize;
        for (int r = 0; r < matrixSize; r++) result[c][r] = matrix[r][c];
    }
    *returnSize = columns;
    return result;
}"""
    assert values(program(signature, solution), [[[1, 2, 3], [4, 5, 6]]], [[]], [[[7]]]) == [
        [[1, 4], [2, 5], [3, 6]],
        [],
        [[7]],
    ]


def test_ragged_rows_from_a_number() -> None:
    signature = parse_signature("generate", [("numRows", "int")], "int[][]")
    solution = """int** generate(int numRows, int* returnSize, int** returnColumnSizes) {
    int** rows = malloc(sizeof(int*) * numRows);
    *returnColumnSizes = malloc(sizeof(int) * numRows);
    for (int i = 0; i < numRows; i++) {
        rows[i] = malloc(sizeof(int) * (i + 1));
        (*returnColumnSizes)[i] = i + 1;
        rows[i][0] = rows[i][i] = 1;
        for (int j = 1; j < i; j++) rows[i][j] = rows[i - 1][j - 1] + rows[i - 1][j];
    }
    *returnSize = numRows;
    return rows;
}"""
    assert values(program(signature, solution), [4], [0]) == [[[1], [1, 1], [1, 2, 1], [1, 3, 3, 1]], []]


def test_a_char_board_in_place_and_strings_out() -> None:
    board = parse_signature("fill", [("board", "char[][]")], "void")
    solution = """void fill(char** board, int boardSize, int* boardColSize) {
    for (int r = 0; r < boardSize; r++)
        for (int c = 0; c < boardColSize[r]; c++)
            if (board[r][c] == '.') board[r][c] = 'x';
}"""
    assert values(program(board, solution), [[[".", "1"], ["2", "."]]]) == [[["x", "1"], ["2", "x"]]]
    words = parse_signature("shout", [("words", "string[]"), ("mark", "char")], "string[]")
    solution = """char** shout(char** words, int wordsSize, char mark, int* returnSize) {
    char** result = malloc(sizeof(char*) * wordsSize);
    for (int i = 0; i < wordsSize; i++) {
        size_t n = strlen(words[i]);
        result[i] = malloc(n + 2);
        for (size_t j = 0; j < n; j++) result[i][j] = (char)toupper((unsigned char)words[i][j]);
        result[i][n] = mark;
        result[i][n + 1] = '\\0';
    }
    *returnSize = wordsSize;
    return result;
}"""
    assert values(program(words, solution), [["hi", "", 'a"b\\'], "!"]) == [["HI!", "!", 'A"B\\!']]


def test_scalar_parameters_and_a_string_result() -> None:
    signature = parse_signature(
        "describe", [("s", "string"), ("c", "char"), ("flag", "bool"), ("x", "double"), ("n", "long")], "string"
    )
    solution = """char* describe(char* s, char c, bool flag, double x, long long n) {
    char* out = malloc(strlen(s) + 100);
    sprintf(out, "%s|%c|%s|%.3f|%lld\\t", s, c, flag ? "yes" : "no", x, n);
    return out;
}"""
    tests = (["ab c", "z", True, 0.5, -(2**63)], ["", "\n", False, -2, 2**63 - 1])
    assert values(program(signature, solution), *tests) == [
        f"ab c|z|yes|0.500|{-(2**63)}\t",
        f"|\n|no|-2.000|{2**63 - 1}\t",
    ]


@pytest.mark.parametrize(
    ("returns", "code", "tests", "expected"),
    [
        ("long", "long long twice(long long x) { return x * 2; }", [[2**61], [-(2**62)]], [2**62, -(2**63)]),
        ("double", "double twice(double x) { return x * 2; }", [[0.05], [1e308], [3]], [0.1, "Infinity", 6.0]),
        ("bool", "bool twice(bool x) { return !x; }", [[True], [False]], [False, True]),
        ("char", "char twice(char x) { return (char)(x + 1); }", [["a"], ["~"]], ["b", "\x7f"]),
        ("int", "int twice(int x) { return x * 2; }", [[-(2**30)]], [-(2**31)]),
    ],
)
def test_scalar_results(returns: str, code: str, tests: list[list[object]], expected: list[object]) -> None:
    signature = parse_signature("twice", [("x", returns)], returns)
    got = values(program(signature, code), *tests)
    assert got == expected
    assert [type(value) for value in got] == [type(value) for value in expected]


def test_prints_never_reach_the_results() -> None:
    signature = parse_signature("noisy", [("nums", "int[]")], "int")
    solution = """int noisy(int* nums, int numsSize) {
    printf("{\\"v\\": 999, \\"t\\": 0}\\n");
    for (int i = 0; i < 1000; i++) printf("line %d of %d\\n", i, numsSize);
    fprintf(stderr, "to stderr");
    fputs("no newline at the end", stdout);
    return numsSize;
}"""
    done = judge(program(signature, solution), [[1, 2]], [[]])
    assert done.status == 0
    assert done.values == [2, 0]
    assert done.stdout.startswith('{"v": 999, "t": 0}\nline 0 of 2\n')
    assert done.stdout.endswith("no newline at the end")
    assert done.stderr == "to stderrto stderr"


def test_a_compile_error_has_the_users_line_number() -> None:
    solution = (
        "int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    *returnSize = 0;\n    int x = ;\n}"
    )
    with pytest.raises(CompileError) as raised:
        program(TWO_SUM, solution)
    assert "solution.c:3:" in raised.value.output
    assert "main.c" not in raised.value.output.replace("solution.c", "")


def test_an_error_in_main_has_main_c_line_numbers() -> None:
    files = lang_c.build(TWO_SUM, "int twoSum;")
    with pytest.raises(CompileError) as raised:
        compile_program("c", files)
    lines = files["main.c"].split("\n")
    numbers = [int(number) for number in re.findall(r"main\.c:(\d+):", raised.value.output)]
    assert numbers
    assert all("twoSum(" in lines[number - 1] for number in numbers)


def test_a_leetcode_solution_with_commented_structs_compiles_unchanged() -> None:
    signature = parse_signature("addTwoNumbers", [("l1", "ListNode"), ("l2", "ListNode")], "ListNode")
    solution = stub(signature, "c").replace(
        "\n    \n}",
        """
    struct ListNode* head = NULL;
    struct ListNode** tail = &head;
    int carry = 0;
    while (l1 || l2 || carry) {
        int sum = carry + (l1 ? l1->val : 0) + (l2 ? l2->val : 0);
        *tail = malloc(sizeof(struct ListNode));
        (*tail)->val = sum % 10;
        (*tail)->next = NULL;
        tail = &(*tail)->next;
        carry = sum / 10;
        l1 = l1 ? l1->next : NULL;
        l2 = l2 ? l2->next : NULL;
    }
    return head;
}""",
    )
    assert " * struct ListNode {" in solution
    assert values(program(signature, solution), [[2, 4, 3], [5, 6, 4]], [[9, 9], [1]]) == [[7, 0, 8], [0, 0, 1]]


def test_a_solution_may_have_a_global_named_time() -> None:
    signature = parse_signature("stamp", [("k", "int")], "int")
    solution = "int time = 5;\nint stamp(int k) { return time++ + k; }"
    assert values(program(signature, solution), [0], [10]) == [5, 16]


def test_a_cycle_is_an_error_line_and_status_1() -> None:
    signature = parse_signature("makeCycle", [("head", "ListNode")], "ListNode")
    solution = "struct ListNode* makeCycle(struct ListNode* head) { if (head) head->next = head; return head; }"
    done = judge(program(signature, solution), [[]], [[1, 2]], [[3]])
    assert done.status == 1
    assert done.results[0]["v"] == []
    assert done.results[1]["e"] == "ListNode has a cycle"
    assert len(done.results) == 2


def test_a_crash_is_a_signal_after_the_earlier_results() -> None:
    signature = parse_signature("crash", [("k", "int")], "int")
    solution = "int crash(int k) { if (k == 2) { volatile int* p = NULL; *p = 1; } return k; }"
    done = judge(program(signature, solution), [1], [2], [3])
    assert done.status == -signal.SIGSEGV
    assert done.values == [1]


@pytest.mark.parametrize(
    "line",
    [b'[[1,2],"x"]\n', b"[[1,2]]\n", b"[[1,2],3,4]\n", b"[[1,2],3] x\n", b"[[1,2],2147483648]\n", b"\n", b"3\n"],
)
def test_a_bad_test_line_exits_with_status_3(line: bytes) -> None:
    done = run(program(TWO_SUM, TWO_SUM_SOLUTION), b"[[1,2],3]\n" + line + b"[[1,2],3]\n")
    assert done.status == 3
    assert done.values == [[0, 1]]
    assert "judged harness: bad test line" in done.stderr


def test_deep_nesting_is_an_input_error_not_a_crash() -> None:
    signature = parse_signature("count", [("grid", "int[][]")], "int")
    binary = program(signature, "int count(int** grid, int gridSize, int* gridColSize) { return gridSize; }")
    done = run(binary, b"[" + b"[" * 200_000 + b"]" * 200_000 + b"]\n")
    assert done.status == 3


def test_a_million_numbers_on_one_line() -> None:
    signature = parse_signature("total", [("nums", "int[]")], "long")
    solution = """long long total(int* nums, int numsSize) {
    long long s = 0;
    for (int i = 0; i < numsSize; i++) s += nums[i];
    return s;
}"""
    numbers = list(range(-500_000, 500_000))
    assert values(program(signature, solution), [numbers], [numbers[::-1]]) == [-500_000, -500_000]


def test_no_tests_no_results() -> None:
    done = run(program(TWO_SUM, TWO_SUM_SOLUTION), b"")
    assert (done.status, done.lines) == (0, [])


def test_every_type_compiles_without_warnings() -> None:
    """Every reader in one program, and both kinds of result; the identity programs cover every writer."""
    signatures = [every_type_signature(parse_type("string[][]")), every_type_signature(VOID)]
    flags = ("-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror")
    programs = [lang_c.build(signature, filled_stub(signature, "c")) for signature in signatures]
    assert len(compile_many("c", programs, flags)) == len(signatures)


@pytest.fixture(scope="module")
def identities() -> dict[Type, Path]:
    """The identity harness of every type, compiled once for the module (and with no warning at all)."""
    programs = [lang_c.build(identity_signature(type_), identity_solution(type_, "c")) for type_ in ALL_VALUE_TYPES]
    binaries = compile_many("c", programs)
    assert [compiler_output(binary) for binary in binaries] == [""] * len(binaries)
    return dict(zip(ALL_VALUE_TYPES, binaries, strict=True))


@pytest.mark.parametrize("type_", ALL_VALUE_TYPES, ids=str)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_type_round_trips(identities: dict[Type, Path], type_: Type, data: st.DataObject) -> None:
    assert_round_trip(identities[type_], type_, data.draw(st.lists(values_of(type_), min_size=1, max_size=30)))


def test_big_values_round_trip(identities: dict[Type, Path]) -> None:
    numbers, words = parse_type("int[]"), parse_type("string[]")
    assert_round_trip(identities[numbers], numbers, [list(range(200_000)), []])
    assert_round_trip(identities[words], words, [["x" * 1000] * 300, ["", "\u0001\t"]])
