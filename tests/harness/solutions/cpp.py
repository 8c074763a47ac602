"""C++ solutions to the conformance cases, in LeetCode's form (`class Solution { public: ... };`, no includes)."""

from __future__ import annotations

from judged.harness import stub
from judged.harness.types import Type
from judged.harness.values import LONG_MAX, LONG_MIN
from tests.harness.conformance import Outcome, Solution, harness_errors_point_at_the_call
from tests.harness.conformance_cases import CASES
from tests.harness.hostrun_native import identity_solution

EXAMPLES = 25


def solution_class(*members: str) -> str:
    return "class Solution {\npublic:\n" + "\n".join(members) + "\n};"


def identity(type_: Type) -> str:
    return identity_solution(type_, "cpp")


TWO_SUM = """class Solution {
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
};"""
ADD_TWO_NUMBERS = stub(CASES["pasted-from-leetcode"].signature, "cpp").replace(
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
RISKY = """struct Oops : std::runtime_error { using std::runtime_error::runtime_error; };
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
};"""
NOISY_COUNTER = solution_class("""    int memo[3000][3000];
    int calls = 0;
    int countCalls(int k) {
        cout << "{\\"v\\": 999}" << endl;
        for (int i = 0; i < 1000; i++) cout << "line " << i << '\\n';
        printf("printf too\\n");
        cerr << "to stderr";
        memo[k][k] += 1;
        return ++calls * 10 + memo[k][k];
    }""")


def _one_file(outcome: Outcome) -> None:
    assert list(outcome.files) == ["main.cpp"]


def _prints_stay_on_stdout(outcome: Outcome) -> None:
    assert outcome.stdout.startswith('{"v": 999}\nline 0\n')
    assert outcome.stderr == "to stderr" * 3


def _the_stub_has_the_commented_struct(outcome: Outcome) -> None:
    assert " *     ListNode(int x, ListNode *next) : val(x), next(next) {}" in ADD_TWO_NUMBERS


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": Solution(TWO_SUM, expect={"check": _one_file}),
    "no-tests-no-results": TWO_SUM,
    "nested-integer": """
class Solution {
public:
    vector<int> flattenDepths(vector<NestedInteger>& nestedList) {
        vector<int> out;
        walk(nestedList, 1, out);
        NestedInteger built;
        built.add(NestedInteger(5));
        out.push_back(built.isInteger());
        out.push_back((int)built.getList().size());
        built.setInteger(9);
        out.push_back(built.getInteger());
        out.push_back(built.isInteger());
        return out;
    }

private:
    void walk(const vector<NestedInteger>& items, int depth, vector<int>& out) {
        for (const NestedInteger& item : items) {
            if (item.isInteger()) {
                out.push_back(item.getInteger());
                out.push_back(depth);
            } else {
                walk(item.getList(), depth + 1, out);
            }
        }
    }
};
""",
    "clone-graph": stub(CASES["clone-graph"].signature, "cpp").replace(
        "\n        \n    }",
        """
        if (!node) return nullptr;
        unordered_map<Node*, Node*> clones{{node, new Node(node->val)}};
        queue<Node*> pending;
        pending.push(node);
        while (!pending.empty()) {
            Node* current = pending.front();
            pending.pop();
            for (Node* neighbor : current->neighbors) {
                if (!clones.count(neighbor)) {
                    clones[neighbor] = new Node(neighbor->val);
                    pending.push(neighbor);
                }
                clones[current]->neighbors.push_back(clones[neighbor]);
            }
        }
        return clones[node];
    }""",
    ),
    "graph-values-not-1-to-n": solution_class("""    Node* relabel(Node* node, int by) {
        set<Node*> seen{node};
        vector<Node*> stack{node};
        while (!stack.empty()) {
            Node* current = stack.back();
            stack.pop_back();
            for (Node* next : current->neighbors) if (seen.insert(next).second) stack.push_back(next);
        }
        for (Node* each : seen) each->val += by;
        return node;
    }"""),
    "reverse-array-in-place": solution_class(
        "void reverseArray(vector<int>& nums) { reverse(nums.begin(), nums.end()); }"
    ),
    "flatten-tree-in-place": solution_class("""    void flatten(TreeNode* root) {
        for (; root; root = root->right) {
            if (!root->left) continue;
            TreeNode* last = root->left;
            while (last->right) last = last->right;
            last->right = root->right;
            root->right = root->left;
            root->left = nullptr;
        }
    }"""),
    "remove-list-elements": solution_class("""    ListNode* removeElements(ListNode* head, int val) {
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
    "mirror-or-build-tree": solution_class("""    TreeNode* build(vector<int>& nums, int low, int high) {
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
    "grids-chars-strings-bools": solution_class(
        """    vector<vector<string>> mixed(vector<vector<int>>& grid, vector<vector<char>>& board,
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
    }"""
    ),
    # By value is what the stubs write (the identity programs); references to the arguments work too.
    "describe-scalars": Solution(
        solution_class("""    string describe(string& s, char& c, const bool& flag, double x, long n) {
        char text[64];
        snprintf(text, sizeof text, "|%c|%d|%.3f|%lld", c, (int)flag, x, (long long)n);
        return s + text;
    }"""),
        tests=(["ab c", "z", True, 0.5, LONG_MIN], ["", "\t", False, -2, LONG_MAX]),
        expect={"values": [f"ab c|z|1|0.500|{LONG_MIN}", f"|\t|0|-2.000|{LONG_MAX}"]},
    ),
    "doubles-from-every-scalar": Solution(
        solution_class("""    vector<double> twice(long long x, double d, bool b, char c) {
        return {(double)(x * 2), d * 2, (double)!b, (double)(c + 1), -0.0, 1e308 * 10, 0.1};
    }"""),
    ),
    **{
        name: RISKY
        for name in (
            "cpp-out-of-range",
            "cpp-throws-int",
            "cpp-throws-custom",
            "cpp-throws-c-string",
            "cpp-throws-string",
        )
    },
    "new-solution-per-test": Solution(NOISY_COUNTER, expect={"check": _prints_stay_on_stdout}),
    "compile-error-line": Solution(  # an error in the user's line 4, and no twoSum for main to call
        "class Solution {\npublic:\n    vector<int> twoSome(vector<int>& nums, int target) {\n"
        "        return x;\n    }\n};",
        expect={"compile_error": (r"solution\.cpp:4:",), "check": harness_errors_point_at_the_call("main.cpp")},
    ),
    "pasted-from-leetcode": Solution(ADD_TWO_NUMBERS, expect={"check": _the_stub_has_the_commented_struct}),
    "list-cycle": solution_class("ListNode* makeCycle(ListNode* head) { if (head) head->next = head; return head; }"),
    "bad-line-element": Solution(TWO_SUM, expect={"stderr_has": ("judged harness: bad test line",)}),
}
