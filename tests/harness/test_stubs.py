"""Stubs: the exact text a user sees for a signature, in LeetCode's form for each language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given

from judged.harness import LANGUAGE_IDS, TYPE_NAMES, registry, stub, support, type_name
from judged.harness.lang_csharp import pascal_case
from judged.harness.lang_racket import kebab_case
from judged.harness.names import snake_case
from judged.harness.types import ALL_VALUE_TYPES, Base, Signature, parse_signature, parse_type
from tests.harness.strategies import signatures


def text(*lines: str) -> str:
    return "\n".join(lines)


TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")

TWO_SUM_STUBS = {
    "python": text(
        "class Solution:",
        "    def twoSum(self, nums: List[int], target: int) -> List[int]:",
        "        ",
    ),
    "c": text(
        "/**",
        " * Note: The returned array must be malloced, assume caller calls free().",
        " */",
        "int* twoSum(int* nums, int numsSize, int target, int* returnSize) {",
        "    ",
        "}",
    ),
    "cpp": text(
        "class Solution {",
        "public:",
        "    vector<int> twoSum(vector<int>& nums, int target) {",
        "        ",
        "    }",
        "};",
    ),
    "java": text(
        "class Solution {",
        "    public int[] twoSum(int[] nums, int target) {",
        "        ",
        "    }",
        "}",
    ),
    "javascript": text(
        "/**",
        " * @param {number[]} nums",
        " * @param {number} target",
        " * @return {number[]}",
        " */",
        "var twoSum = function(nums, target) {",
        "    ",
        "};",
    ),
    "go": text(
        "func twoSum(nums []int, target int) []int {",
        "    ",
        "}",
    ),
    "rust": text(
        "impl Solution {",
        "    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {",
        "        ",
        "    }",
        "}",
    ),
    "typescript": text(
        "function twoSum(nums: number[], target: number): number[] {",
        "    ",
        "};",
    ),
    "ruby": text(
        "# @param {Integer[]} nums",
        "# @param {Integer} target",
        "# @return {Integer[]}",
        "def two_sum(nums, target)",
        "    ",
        "end",
    ),
    "php": text(
        "class Solution {",
        "",
        "    /**",
        "     * @param Integer[] $nums",
        "     * @param Integer $target",
        "     * @return Integer[]",
        "     */",
        "    function twoSum($nums, $target) {",
        "        ",
        "    }",
        "}",
    ),
    "racket": text(
        "(define/contract (two-sum nums target)",
        "  (-> (listof exact-integer?) exact-integer? (listof exact-integer?))",
        "  )",
    ),
    "csharp": text(
        "public class Solution {",
        "    public int[] TwoSum(int[] nums, int target) {",
        "        ",
        "    }",
        "}",
    ),
    "kotlin": text(
        "class Solution {",
        "    fun twoSum(nums: IntArray, target: Int): IntArray {",
        "        ",
        "    }",
        "}",
    ),
    "scala": text(
        "object Solution {",
        "    def twoSum(nums: Array[Int], target: Int): Array[Int] = {",
        "        ",
        "    }",
        "}",
    ),
    "erlang": text(
        "-spec two_sum(Nums :: [integer()], Target :: integer()) -> [integer()].",
        "two_sum(Nums, Target) ->",
        "  .",
    ),
    "elixir": text(
        "defmodule Solution do",
        "  @spec two_sum(nums :: [integer], target :: integer) :: [integer]",
        "  def two_sum(nums, target) do",
        "    ",
        "  end",
        "end",
    ),
}

SOLVE_SUDOKU = parse_signature("solveSudoku", [("board", "char[][]")], "void")

SOLVE_SUDOKU_STUBS = {
    "python": text(
        "class Solution:",
        "    def solveSudoku(self, board: List[List[str]]) -> None:",
        '        """',
        "        Do not return anything, modify board in-place instead.",
        '        """',
        "        ",
    ),
    "c": text(
        "void solveSudoku(char** board, int boardSize, int* boardColSize) {",
        "    ",
        "}",
    ),
    "cpp": text(
        "class Solution {",
        "public:",
        "    void solveSudoku(vector<vector<char>>& board) {",
        "        ",
        "    }",
        "};",
    ),
    "java": text(
        "class Solution {",
        "    public void solveSudoku(char[][] board) {",
        "        ",
        "    }",
        "}",
    ),
    "javascript": text(
        "/**",
        " * @param {character[][]} board",
        " * @return {void} Do not return anything, modify board in-place instead.",
        " */",
        "var solveSudoku = function(board) {",
        "    ",
        "};",
    ),
    "go": text(
        "func solveSudoku(board [][]byte) {",
        "    ",
        "}",
    ),
    "rust": text(
        "impl Solution {",
        "    pub fn solve_sudoku(board: &mut Vec<Vec<char>>) {",
        "        ",
        "    }",
        "}",
    ),
    "typescript": text(
        "function solveSudoku(board: string[][]): void {",
        "    /**",
        "     Do not return anything, modify board in-place instead.",
        "     */",
        "    ",
        "};",
    ),
    "ruby": text(
        "# @param {Character[][]} board",
        "# @return {Void} Do not return anything, modify board in-place instead.",
        "def solve_sudoku(board)",
        "    ",
        "end",
    ),
    "php": text(
        "class Solution {",
        "",
        "    /**",
        "     * @param String[][] $board",
        "     * @return NULL",
        "     */",
        "    function solveSudoku(&$board) {",
        "        ",
        "    }",
        "}",
    ),
    "racket": text(
        "(define/contract (solve-sudoku board)",
        "  (-> (vectorof (vectorof char?)) void?)",
        "  )",
    ),
    "csharp": text(
        "public class Solution {",
        "    public void SolveSudoku(char[][] board) {",
        "        ",
        "    }",
        "}",
    ),
    "kotlin": text(
        "class Solution {",
        "    fun solveSudoku(board: Array<CharArray>): Unit {",
        "        ",
        "    }",
        "}",
    ),
    "scala": text(
        "object Solution {",
        "    def solveSudoku(board: Array[Array[Char]]): Unit = {",
        "        ",
        "    }",
        "}",
    ),
}


@pytest.mark.parametrize("language_id", LANGUAGE_IDS)
def test_two_sum(language_id: str) -> None:
    assert stub(TWO_SUM, language_id) == TWO_SUM_STUBS[language_id]


@pytest.mark.parametrize("language_id", LANGUAGE_IDS)
def test_solve_sudoku_modifies_its_board_in_place(language_id: str) -> None:
    if language_id in IMMUTABLE:  # LeetCode offers neither for an in-place problem: it is refused, not stubbed
        assert registry.refusal(SOLVE_SUDOKU, language_id) == (
            "its values are immutable: a void function cannot modify its argument in place"
        )
        return
    assert registry.refusal(SOLVE_SUDOKU, language_id) is None
    assert stub(SOLVE_SUDOKU, language_id) == SOLVE_SUDOKU_STUBS[language_id]


IMMUTABLE = ("erlang", "elixir")


def test_c_returns_a_matrix_with_column_sizes() -> None:
    three_sum = parse_signature("threeSum", [("nums", "int[]")], "int[][]")
    assert stub(three_sum, "c") == text(
        "/**",
        " * Return an array of arrays of size *returnSize.",
        " * The sizes of the arrays are returned as *returnColumnSizes array.",
        " * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().",
        " */",
        "int** threeSum(int* nums, int numsSize, int* returnSize, int** returnColumnSizes) {",
        "    ",
        "}",
    )


def test_c_strings_and_string_arrays() -> None:
    group = parse_signature("groupAnagrams", [("strs", "string[]")], "string[][]")
    assert "char*** groupAnagrams(char** strs, int strsSize, int* returnSize, int** returnColumnSizes) {" in stub(
        group, "c"
    )
    palindrome = parse_signature("longestPalindrome", [("s", "string")], "string")
    assert stub(palindrome, "c") == text("char* longestPalindrome(char* s) {", "    ", "}")
    letters = parse_signature("nextGreatestLetter", [("letters", "char[]"), ("target", "char")], "char")
    assert stub(letters, "c").startswith("char nextGreatestLetter(char* letters, int lettersSize, char target) {")


def test_long_double_and_bool_in_every_language() -> None:
    signature = parse_signature("check", [("big", "long"), ("ratio", "double"), ("flags", "bool[]")], "bool")
    assert "def check(self, big: int, ratio: float, flags: List[bool]) -> bool:" in stub(signature, "python")
    assert "bool check(long long big, double ratio, bool* flags, int flagsSize) {" in stub(signature, "c")
    assert "bool check(long long big, double ratio, vector<bool>& flags) {" in stub(signature, "cpp")
    assert "public boolean check(long big, double ratio, boolean[] flags) {" in stub(signature, "java")
    assert " * @param {boolean[]} flags\n * @return {boolean}" in stub(signature, "javascript")
    assert "func check(big int, ratio float64, flags []bool) bool {" in stub(signature, "go")
    assert "pub fn check(big: i64, ratio: f64, flags: Vec<bool>) -> bool {" in stub(signature, "rust")


def test_kotlin_names_its_primitive_arrays_and_scala_wraps_every_array() -> None:
    signature = parse_signature("check", [("big", "long[]"), ("grid", "double[][]"), ("words", "string[]")], "bool[]")
    kotlin = "    fun check(big: LongArray, grid: Array<DoubleArray>, words: Array<String>): BooleanArray {"
    assert kotlin in stub(signature, "kotlin").splitlines()
    scala = "    def check(big: Array[Long], grid: Array[Array[Double]], words: Array[String]): Array[Boolean] = {"
    assert scala in stub(signature, "scala").splitlines()


def test_cpp_passes_strings_by_value_and_arrays_by_reference() -> None:
    signature = parse_signature("wordBreak", [("s", "string"), ("wordDict", "string[]")], "bool")
    assert "    bool wordBreak(string s, vector<string>& wordDict) {" in stub(signature, "cpp")
    assert "pub fn word_break(s: String, word_dict: Vec<String>) -> bool {" in stub(signature, "rust")


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="no harness for language 'cobol'"):
        stub(TWO_SUM, "cobol")


def test_every_language_spells_every_type() -> None:
    assert set(TYPE_NAMES) <= set(LANGUAGE_IDS)
    for language_id in LANGUAGE_IDS:
        assert set(support(language_id).type_names.bases) == set(Base)
        for type_ in ALL_VALUE_TYPES:
            assert type_name(type_, language_id)


FIRST_SEVEN = ("python", "c", "cpp", "java", "javascript", "go", "rust")


@pytest.mark.parametrize(
    ("type_text", "spellings"),
    [
        (
            "int[][]",
            ("List[List[int]]", "int**", "vector<vector<int>>", "int[][]", "number[][]", "[][]int", "Vec<Vec<i32>>"),
        ),
        ("long", ("int", "long long", "long long", "long", "number", "int", "i64")),
        ("char[]", ("List[str]", "char*", "vector<char>", "char[]", "character[]", "[]byte", "Vec<char>")),
        ("string[]", ("List[str]", "char**", "vector<string>", "String[]", "string[]", "[]string", "Vec<String>")),
        (
            "TreeNode",
            (
                "Optional[TreeNode]",
                "struct TreeNode*",
                "TreeNode*",
                "TreeNode",
                "TreeNode",
                "*TreeNode",
                "Option<Rc<RefCell<TreeNode>>>",
            ),
        ),
    ],
)
def test_type_names(type_text: str, spellings: tuple[str, ...]) -> None:
    type_ = parse_type(type_text)
    assert tuple(type_name(type_, language_id) for language_id in FIRST_SEVEN) == spellings


LEETCODE_SPELLING: dict[str, Callable[[str], str]] = {
    "rust": snake_case,
    "ruby": snake_case,
    "racket": kebab_case,
    "csharp": pascal_case,
    "erlang": snake_case,
    "elixir": snake_case,
}
"""How a language writes a camelCase name where it is not camelCase (C# only the method's: `TwoSum`)."""
PARAMETER_SPELLING: dict[str, Callable[[str], str]] = {"erlang": lambda name: name[0].upper() + name[1:]}
"""A parameter spelled otherwise than the function: an Erlang variable is capitalised (`numRows` -> `NumRows`)."""


@given(signatures())
def test_every_signature_has_a_stub_in_every_language(signature: Signature) -> None:
    for language_id in LANGUAGE_IDS:
        text_ = stub(signature, language_id)
        spell = LEETCODE_SPELLING.get(language_id, str)
        assert spell(signature.name) in text_
        params = [
            (param.name, spell(param.name), PARAMETER_SPELLING.get(language_id, str)(param.name))
            for param in signature.params
        ]
        assert all(any(spelled in text_ for spelled in spellings) for spellings in params)
        assert not text_.endswith("\n")
