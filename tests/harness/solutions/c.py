"""C solutions to the conformance cases, in LeetCode's C form (sizes beside arrays, `returnSize` out-parameters)."""

from __future__ import annotations

import signal

from judged.harness import stub
from judged.harness.types import Type
from judged.harness.values import LONG_MAX, LONG_MIN
from tests.harness.conformance import Outcome, Solution, harness_errors_point_at_the_call
from tests.harness.conformance_cases import CASES
from tests.harness.hostrun_native import identity_solution

EXAMPLES = 25

TWO_SUM = """/**
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
ADD_TWO_NUMBERS = stub(CASES["pasted-from-leetcode"].signature, "c").replace(
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


def identity(type_: Type) -> str:
    return identity_solution(type_, "c")


def _one_file(outcome: Outcome) -> None:
    assert list(outcome.files) == ["main.c"]


def _only_the_users_file(outcome: Outcome) -> None:
    assert outcome.compile_output is not None
    assert "main.c" not in outcome.compile_output.replace("solution.c", "")


def _the_stub_has_the_commented_struct(outcome: Outcome) -> None:
    assert " * struct ListNode {" in ADD_TWO_NUMBERS


def _prints_stay_on_stdout(outcome: Outcome) -> None:
    assert outcome.stdout.startswith('{"v": 999, "t": 0}\nline 0 of 2\n')
    assert outcome.stdout.endswith("no newline at the end")


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": Solution(TWO_SUM, expect={"check": _one_file}),
    "no-tests-no-results": TWO_SUM,
    "nested-integer": """
static void walk(struct NestedInteger** items, int size, int depth, int* out, int* length) {
    for (int i = 0; i < size; i++) {
        if (NestedIntegerIsInteger(items[i])) {
            out[(*length)++] = NestedIntegerGetInteger(items[i]);
            out[(*length)++] = depth;
        } else {
            walk(NestedIntegerGetList(items[i]), NestedIntegerGetListSize(items[i]), depth + 1, out, length);
        }
    }
}

int* flattenDepths(struct NestedInteger** nestedList, int nestedListSize, int* returnSize) {
    int* out = malloc(1000 * sizeof(int));
    *returnSize = 0;
    walk(nestedList, nestedListSize, 1, out, returnSize);
    struct NestedInteger* built = NestedIntegerInit();
    struct NestedInteger* five = NestedIntegerInit();
    NestedIntegerSetInteger(five, 5);
    NestedIntegerAdd(built, five);
    out[(*returnSize)++] = NestedIntegerIsInteger(built);
    out[(*returnSize)++] = NestedIntegerGetListSize(built);
    NestedIntegerSetInteger(built, 9);
    out[(*returnSize)++] = NestedIntegerGetInteger(built);
    out[(*returnSize)++] = NestedIntegerIsInteger(built);
    return out;
}
""",
    "clone-graph": stub(CASES["clone-graph"].signature, "c").replace(
        "\n    \n}",
        """
    if (!node) return NULL;
    struct Node* clones[101] = {0};  /* by value: LeetCode's graphs have at most 100 nodes */
    struct Node* queue[101];
    int head = 0, tail = 0;
    clones[node->val] = malloc(sizeof(struct Node));
    queue[tail++] = node;
    while (head < tail) {
        struct Node* current = queue[head++];
        struct Node* copy = clones[current->val];
        copy->val = current->val;
        copy->numNeighbors = current->numNeighbors;
        copy->neighbors = malloc(sizeof(struct Node*) * (current->numNeighbors + 1));
        for (int i = 0; i < current->numNeighbors; i++) {
            struct Node* neighbor = current->neighbors[i];
            if (!clones[neighbor->val]) {
                clones[neighbor->val] = malloc(sizeof(struct Node));
                queue[tail++] = neighbor;
            }
            copy->neighbors[i] = clones[neighbor->val];
        }
    }
    return clones[node->val];
}""",
    ),
    "graph-values-not-1-to-n": """struct Node* relabel(struct Node* node, int by) {
    struct Node* seen[64];
    int count = 0;
    seen[count++] = node;
    for (int i = 0; i < count; i++) {
        for (int j = 0; j < seen[i]->numNeighbors; j++) {
            struct Node* next = seen[i]->neighbors[j];
            int known = 0;
            for (int k = 0; k < count; k++) known |= seen[k] == next;
            if (!known) seen[count++] = next;
        }
    }
    for (int i = 0; i < count; i++) seen[i]->val += by;
    return node;
}""",
    "reverse-array-in-place": """void reverseArray(int* nums, int numsSize) {
    for (int i = 0, j = numsSize - 1; i < j; i++, j--) {
        int t = nums[i]; nums[i] = nums[j]; nums[j] = t;
    }
}""",
    "flatten-tree-in-place": """void flatten(struct TreeNode* root) {
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
}""",
    "remove-list-elements": """struct ListNode* removeElements(struct ListNode* head, int val) {
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
}""",
    "invert-tree": """struct TreeNode* invertTree(struct TreeNode* root) {
    if (!root) return NULL;
    struct TreeNode* left = invertTree(root->left);
    root->left = invertTree(root->right);
    root->right = left;
    return root;
}""",
    "tree-from-array": """struct TreeNode* build(int* nums, int low, int high) {
    if (low > high) return NULL;
    int middle = low + (high - low) / 2;
    struct TreeNode* node = malloc(sizeof *node);
    node->val = nums[middle];
    node->left = build(nums, low, middle - 1);
    node->right = build(nums, middle + 1, high);
    return node;
}
struct TreeNode* sortedArrayToBST(int* nums, int numsSize) { return build(nums, 0, numsSize - 1); }""",
    "tree-depth": """int maxDepth(struct TreeNode* root) {
    if (!root) return 0;
    int left = maxDepth(root->left), right = maxDepth(root->right);
    return 1 + (left > right ? left : right);
}""",
    "transpose-matrix": """int** transpose(int** matrix, int matrixSize, int* matrixColSize,
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
}""",
    "ragged-rows": """int** generate(int numRows, int* returnSize, int** returnColumnSizes) {
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
}""",
    "char-board-in-place": """void fill(char** board, int boardSize, int* boardColSize) {
    for (int r = 0; r < boardSize; r++)
        for (int c = 0; c < boardColSize[r]; c++)
            if (board[r][c] == '.') board[r][c] = 'x';
}""",
    "strings-and-a-char": """char** shout(char** words, int wordsSize, char mark, int* returnSize) {
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
}""",
    "describe-scalars": Solution(
        """char* describe(char* s, char c, bool flag, double x, long long n) {
    char* out = malloc(strlen(s) + 100);
    sprintf(out, "%s|%c|%s|%.3f|%lld\\t", s, c, flag ? "yes" : "no", x, n);
    return out;
}""",
        tests=(["ab c", "z", True, 0.5, LONG_MIN], ["", "\n", False, -2, LONG_MAX]),
        expect={"values": [f"ab c|z|yes|0.500|{LONG_MIN}\t", f"|\n|no|-2.000|{LONG_MAX}\t"]},
    ),
    "twice-long": "long long twice(long long x) { return x * 2; }",
    "twice-double": "double twice(double x) { return x * 2; }",
    "twice-bool": "bool twice(bool x) { return !x; }",
    "twice-char": "char twice(char x) { return (char)(x + 1); }",
    "twice-int": "int twice(int x) { return x * 2; }",
    "prints-of-a-count": Solution(
        """int noisy(int* nums, int numsSize) {
    printf("{\\"v\\": 999, \\"t\\": 0}\\n");
    for (int i = 0; i < 1000; i++) printf("line %d of %d\\n", i, numsSize);
    fprintf(stderr, "to stderr");
    fputs("no newline at the end", stdout);
    return numsSize;
}""",
        expect={"check": _prints_stay_on_stdout},
    ),
    "compile-error-line": Solution(
        "int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    *returnSize = 0;\n    int x = ;\n}",
        expect={"compile_error": (r"solution\.c:3:",), "check": _only_the_users_file},
    ),
    "compile-error-line:in-main": Solution(
        "int twoSum;", expect={"compile_error": (r"main\.c:\d+:",), "check": harness_errors_point_at_the_call("main.c")}
    ),
    "pasted-from-leetcode": Solution(ADD_TWO_NUMBERS, expect={"check": _the_stub_has_the_commented_struct}),
    "global-named-time": "int time = 5;\nint stamp(int k) { return time++ + k; }",
    "list-cycle": "struct ListNode* makeCycle(struct ListNode* head) { if (head) head->next = head; return head; }",
    "crash-is-a-signal": Solution(
        "int crash(int k) { if (k == 2) { volatile int* p = NULL; *p = 1; } return k; }",
        expect={"status": -signal.SIGSEGV},
    ),
    "a-million-numbers": """long long total(int* nums, int numsSize) {
    long long s = 0;
    for (int i = 0; i < numsSize; i++) s += nums[i];
    return s;
}""",
    "deep-nesting": "int count(int** grid, int gridSize, int* gridColSize) { return gridSize; }",
    **{
        f"bad-line-{name}": Solution(TWO_SUM, expect={"stderr_has": ("judged harness: bad test line",)})
        for name in ("type", "too-few", "too-many", "trailing", "overflow", "empty", "not-array")
    },
}
