"""The C++ harness: generated main.cpp, compiled and run on the host exactly as languages/cpp.toml does.

A C++ compile takes about a second (bits/stdc++.h), so every program of
this module is declared at the top (`declare`) and compiled in parallel
once, before the first test (`prebuilt`); a test then finds its program
built, or its compile error recorded.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judged.harness import lang_cpp
from judged.harness.stubs import stub
from judged.harness.types import ALL_VALUE_TYPES, VOID, Signature, Type, parse_signature, parse_type
from tests.harness.hostrun_native import (
    CompileError,
    Run,
    assert_round_trip,
    compile_program,
    compiler_output,
    every_type_signature,
    filled_stub,
    identity_signature,
    identity_solution,
    prebuild,
    run,
    stdin_of,
)
from tests.harness.strategies import values_of

DECLARED: list[dict[str, str]] = []


def declare(signature: Signature, solution: str) -> dict[str, str]:
    """The files of a program this module runs, compiled with the others by `prebuilt`."""
    files = lang_cpp.build(signature, solution)
    DECLARED.append(files)
    return files


def solution_class(*members: str) -> str:
    return "class Solution {\npublic:\n" + "\n".join(members) + "\n};"


def judge(files: dict[str, str], *tests: list[object]) -> Run:
    return run(compile_program("cpp", files), stdin_of(tests))


def values(files: dict[str, str], *tests: list[object]) -> list[object]:
    done = judge(files, *tests)
    assert done.status == 0, done.stderr
    return done.values


TWO_SUM_SIGNATURE = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM = declare(
    TWO_SUM_SIGNATURE,
    """class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> seen;
        for (int i = 0; i < (int)nums.size(); i++) {
            auto found = seen.find(target - nums[i]);
            if (found != seen.end()) return {found->second, i};
            seen[nums[i]] = i;
        }
        return {};
    }
};""",
)
REVERSE = declare(
    parse_signature("reverseArray", [("nums", "int[]")], "void"),
    solution_class("void reverseArray(vector<int>& nums) { reverse(nums.begin(), nums.end()); }"),
)
FLATTEN = declare(
    parse_signature("flatten", [("root", "TreeNode")], "void"),
    solution_class("""    void flatten(TreeNode* root) {
        for (; root; root = root->right) {
            if (!root->left) continue;
            TreeNode* last = root->left;
            while (last->right) last = last->right;
            last->right = root->right;
            root->right = root->left;
            root->left = nullptr;
        }
    }"""),
)
REMOVE_ELEMENTS = declare(
    parse_signature("removeElements", [("head", "ListNode"), ("val", "int")], "ListNode"),
    solution_class("""    ListNode* removeElements(ListNode* head, int val) {
        ListNode dummy(0, head);
        for (ListNode* p = &dummy; p->next;) {
            if (p->next->val == val) {
                ListNode* gone = p->next;
                p->next = gone->next;
                delete gone;
            } else {
                p = p->next;
            }
        }
        return dummy.next;
    }"""),
)
MAKE_CYCLE = declare(
    parse_signature("makeCycle", [("head", "ListNode")], "ListNode"),
    solution_class("ListNode* makeCycle(ListNode* head) { if (head) head->next = head; return head; }"),
)
MIRROR_AND_BUILD = declare(
    parse_signature("mirrorAndBuild", [("root", "TreeNode"), ("nums", "int[]")], "TreeNode"),
    solution_class("""    TreeNode* build(vector<int>& nums, int low, int high) {
        if (low > high) return nullptr;
        int middle = low + (high - low) / 2;
        return new TreeNode(nums[middle], build(nums, low, middle - 1), build(nums, middle + 1, high));
    }
    TreeNode* mirror(TreeNode* root) {
        if (root) swap(root->left, root->right), mirror(root->left), mirror(root->right);
        return root;
    }
    TreeNode* mirrorAndBuild(TreeNode* root, vector<int>& nums) {
        return root ? mirror(root) : build(nums, 0, (int)nums.size() - 1);
    }"""),
)
MIXED = declare(
    parse_signature(
        "mixed", [("grid", "int[][]"), ("board", "char[][]"), ("words", "string[]"), ("flags", "bool[]")], "string[][]"
    ),
    solution_class("""    vector<vector<string>> mixed(vector<vector<int>>& grid, vector<vector<char>>& board,
                                  vector<string>& words, vector<bool>& flags) {
        vector<vector<string>> out;
        for (auto& row : grid) {
            vector<string> texts;
            for (int x : row) texts.push_back(to_string(x));
            out.push_back(texts);
        }
        for (auto& row : board) out.push_back({string(row.begin(), row.end())});
        out.push_back(words);
        string bits;
        for (bool flag : flags) bits += flag ? '1' : '0';
        out.push_back({bits});
        return out;
    }"""),
)
DESCRIBE_SIGNATURE = parse_signature(
    "describe", [("s", "string"), ("c", "char"), ("flag", "bool"), ("x", "double"), ("n", "long")], "string"
)
DESCRIBE_BODY = """
        char text[64];
        snprintf(text, sizeof text, "|%c|%d|%.3f|%lld", c, (int)flag, x, (long long)n);
        return s + text;
    }"""
DESCRIBE = declare(
    DESCRIBE_SIGNATURE,
    solution_class("    string describe(string& s, char& c, const bool& flag, double x, long n) {" + DESCRIBE_BODY),
)
DOUBLES = declare(
    parse_signature("twice", [("x", "long"), ("d", "double"), ("b", "bool"), ("c", "char")], "double[]"),
    solution_class("""    vector<double> twice(long long x, double d, bool b, char c) {
        return {(double)(x * 2), d * 2, (double)!b, (double)(c + 1), -0.0, 1e308 * 10, 0.1};
    }"""),
)
RISKY = declare(
    parse_signature("risky", [("nums", "int[]"), ("k", "int")], "int"),
    """struct Oops : std::runtime_error { using std::runtime_error::runtime_error; };
class Solution {
public:
    int risky(vector<int>& nums, int k) {
        if (k == 1) return nums.at(10);
        if (k == 2) throw 42;
        if (k == 3) throw Oops("custom \\"quoted\\"\\n");
        if (k == 4) throw "a C string";
        if (k == 5) throw string("a std::string");
        return k;
    }
};""",
)
NOISY_COUNTER = declare(
    parse_signature("countCalls", [("k", "int")], "int"),
    solution_class("""    int memo[3000][3000];
    int calls = 0;
    int countCalls(int k) {
        cout << "{\\"v\\": 999}" << endl;
        for (int i = 0; i < 1000; i++) cout << "line " << i << '\\n';
        printf("printf too\\n");
        cerr << "to stderr";
        memo[k][k] += 1;
        return ++calls * 10 + memo[k][k];
    }"""),
)
BROKEN = declare(  # an error in the user's line 4, and no twoSum for main to call
    TWO_SUM_SIGNATURE,
    "class Solution {\npublic:\n    vector<int> twoSome(vector<int>& nums, int target) {\n        return x;\n    }\n};",
)
ADD_TWO_NUMBERS_SIGNATURE = parse_signature("addTwoNumbers", [("l1", "ListNode"), ("l2", "ListNode")], "ListNode")
ADD_TWO_NUMBERS_TEXT = stub(ADD_TWO_NUMBERS_SIGNATURE, "cpp").replace(
    "\n        \n    }",
    """
        ListNode dummy;
        ListNode* tail = &dummy;
        for (int carry = 0; l1 || l2 || carry; tail = tail->next) {
            int sum = carry + (l1 ? l1->val : 0) + (l2 ? l2->val : 0);
            tail->next = new ListNode(sum % 10);
            carry = sum / 10;
            l1 = l1 ? l1->next : nullptr;
            l2 = l2 ? l2->next : nullptr;
        }
        return dummy.next;
    }""",
)
ADD_TWO_NUMBERS = declare(ADD_TWO_NUMBERS_SIGNATURE, ADD_TWO_NUMBERS_TEXT)


WARNING_FLAGS = ("-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror")
WARNING_CHECKED = [
    lang_cpp.build(signature, filled_stub(signature, "cpp"))
    for signature in (every_type_signature(parse_type("string[][]")), every_type_signature(VOID))
]
IDENTITIES = {
    type_: lang_cpp.build(identity_signature(type_), identity_solution(type_, "cpp")) for type_ in ALL_VALUE_TYPES
}


@pytest.fixture(scope="module", autouse=True)
def prebuilt() -> None:
    prebuild("cpp", [*DECLARED, *IDENTITIES.values()])
    prebuild("cpp", WARNING_CHECKED, WARNING_FLAGS)


def test_two_sum_end_to_end() -> None:
    done = judge(TWO_SUM, [[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[3, 3], 6], [[1], 5])
    assert done.status == 0
    assert done.values == [[0, 1], [1, 2], [0, 1], []]
    assert all(set(result) == {"v", "t"} and isinstance(result["t"], float) for result in done.results)
    assert list(TWO_SUM) == ["main.cpp"]


def test_void_reverses_a_vector_in_place() -> None:
    assert values(REVERSE, [[1, 2, 3]], [[]]) == [[3, 2, 1], []]


def test_void_flattens_a_tree_in_place() -> None:
    assert values(FLATTEN, [[1, 2, 5, 3, 4, None, 6]], [[]]) == [[1, None, 2, None, 3, None, 4, None, 5, None, 6], []]


def test_lists_in_and_out_deleted_by_the_solution() -> None:
    assert values(REMOVE_ELEMENTS, [[1, 2, 6, 3, 6], 6], [[], 1], [[7, 7], 7]) == [[1, 2, 3], [], []]


def test_trees_in_and_out() -> None:
    assert values(MIRROR_AND_BUILD, [[4, 2, 7, 1, 3, 6, 9], []], [[], [-10, -3, 0, 5, 9]], [[], []]) == [
        [4, 7, 2, 9, 6, 3, 1],
        [0, -10, 5, None, -3, None, 9],
        [],
    ]


def test_matrices_chars_strings_and_bools() -> None:
    test = [[[1, -2], [], [3]], [["a", "."], ["\n"]], ["x", "", 'q"'], [True, False]]
    assert values(MIXED, test) == [[["1", "-2"], [], ["3"], ["a."], ["\n"], ["x", "", 'q"'], ["10"]]]


def test_scalars_by_reference() -> None:
    """By value is what the stubs write (the identity programs); references to the arguments work too."""
    tests = (["ab c", "z", True, 0.5, -(2**63)], ["", "\t", False, -2, 2**63 - 1])
    assert values(DESCRIBE, *tests) == [f"ab c|z|1|0.500|{-(2**63)}", f"|\t|0|-2.000|{2**63 - 1}"]


def test_doubles_longs_bools_and_chars() -> None:
    [got] = values(DOUBLES, [2**40, 0.05, True, "a"])
    assert got == [2.0**41, 0.1, 0.0, 98.0, -0.0, "Infinity", 0.1]
    assert str(got[4]) == "-0.0"


def test_exceptions_are_error_lines_and_status_1() -> None:
    messages = {
        1: "std::out_of_range: vector::_M_range_check: __n (which is 10) >= this->size() (which is 1)",
        2: "int",
        3: 'Oops: custom "quoted"\n',
        4: "char const*: a C string",
        5: "std::string: a std::string",
    }
    for k, message in messages.items():
        done = judge(RISKY, [[7], 0], [[7], k], [[7], 0])
        assert done.status == 1
        assert done.results[0]["v"] == 0
        assert done.results[1]["e"] == message
        assert isinstance(done.results[1]["t"], float)
        assert len(done.results) == 2


def test_prints_never_reach_the_results() -> None:
    done = judge(NOISY_COUNTER, [1], [1])
    assert done.status == 0
    assert done.values == [11, 11]
    assert done.stdout.startswith('{"v": 999}\nline 0\n')
    assert done.stderr == "to stderrto stderr"


def test_compile_errors_have_the_right_line_numbers() -> None:
    with pytest.raises(CompileError) as raised:
        compile_program("cpp", BROKEN)
    assert "solution.cpp:4:" in raised.value.output
    lines = BROKEN["main.cpp"].split("\n")
    numbers = [int(number) for number in re.findall(r"main\.cpp:(\d+):", raised.value.output)]
    assert numbers
    assert all("twoSum(" in lines[number - 1] for number in numbers)


def test_a_leetcode_solution_with_commented_structs_compiles_unchanged() -> None:
    assert " *     ListNode(int x, ListNode *next) : val(x), next(next) {}" in ADD_TWO_NUMBERS_TEXT
    assert values(ADD_TWO_NUMBERS, [[2, 4, 3], [5, 6, 4]], [[9, 9], [1]]) == [[7, 0, 8], [0, 0, 1]]


def test_every_test_gets_a_new_solution_with_room_for_big_members() -> None:
    assert values(NOISY_COUNTER, [1], [1], [2]) == [11, 11, 11]


def test_a_cycle_is_an_error_line_and_status_1() -> None:
    done = judge(MAKE_CYCLE, [[]], [[1, 2]], [[3]])
    assert done.status == 1
    assert done.results[0]["v"] == []
    assert done.results[1]["e"] == "ListNode has a cycle"
    assert len(done.results) == 2


def test_a_bad_test_line_exits_with_status_3() -> None:
    done = run(compile_program("cpp", REMOVE_ELEMENTS), b'[[1], 1]\n[["x"], 1]\n[[1], 1]\n')
    assert (done.status, done.values) == (3, [[]])
    assert "judged harness: bad test line" in done.stderr


def test_every_type_compiles_without_warnings() -> None:
    """Every reader in one program, and both kinds of call; the identity programs cover every writer."""
    for files in WARNING_CHECKED:
        assert compiler_output(compile_program("cpp", files, WARNING_FLAGS)) == ""


def test_the_identity_programs_compile_without_a_word() -> None:
    assert [compiler_output(compile_program("cpp", files)) for files in IDENTITIES.values()] == [""] * len(IDENTITIES)


@pytest.mark.parametrize("type_", ALL_VALUE_TYPES, ids=str)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_type_round_trips(type_: Type, data: st.DataObject) -> None:
    drawn = data.draw(st.lists(values_of(type_), min_size=1, max_size=30))
    assert_round_trip(compile_program("cpp", IDENTITIES[type_]), type_, drawn)


def test_big_values_round_trip() -> None:
    numbers, words = parse_type("int[]"), parse_type("string[]")
    assert_round_trip(compile_program("cpp", IDENTITIES[numbers]), numbers, [list(range(200_000)), []])
    assert_round_trip(compile_program("cpp", IDENTITIES[words]), words, [["x" * 1000] * 300, ["", "\u0001\t"]])
