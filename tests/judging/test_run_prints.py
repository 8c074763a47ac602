"""Run mode shows what the program printed during each input, in every language with a function or design harness,
split at the harness's per-run markers (judged.judging.runs), none of which is ever shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness import registry
from judged.harness.types import parse_signature
from judged.judging.build import Builder
from judged.judging.function import Case, FunctionTask, judge_function
from judged.judging.languages import load_languages
from judged.judging.runs import CallStatus, RunOutcome, RunStatus, custom_operations, run_function, split_prints
from judged.judging.tasks import design_task
from judged.judging.verdicts import Verdict
from judged.sandbox import Sandbox
from tests.judging.test_design_forms import MIN_STACK, PASTED

PROJECT = Path(__file__).resolve().parents[2]
LANGUAGES = load_languages(PROJECT / "languages")
TWICE = FunctionTask(signature=parse_signature("twice", [("x", "int")], "int"), cases=[], time_limit=10, memory_mib=256)
INPUTS: list[list[object]] = [[1], [22], [333]]

# Each prints "x=<x>" on a line of its own, then <x> with no newline (left in a buffer, where the language buffers),
# and returns 2x: the text of one call must end up under that call, not the next.
TWICE_CODE = {
    "python": "class Solution:\n    def twice(self, x: int) -> int:\n"
    '        print(f"x={x}")\n        print(x, end="")\n        return 2 * x\n',
    "java": 'class Solution {\n    public int twice(int x) {\n        System.out.println("x=" + x);\n'
    "        System.out.print(x);\n        return 2 * x;\n    }\n}\n",
    "cpp": "class Solution {\npublic:\n    int twice(int x) {\n        ios::sync_with_stdio(false);\n"
    '        cout << "x=" << x << "\\n" << x;\n        return 2 * x;\n    }\n};\n',
    "c": 'int twice(int x) {\n    printf("x=%d\\n%d", x, x);\n    return 2 * x;\n}\n',
    "go": 'import "fmt"\n\nfunc twice(x int) int {\n    fmt.Printf("x=%d\\n%d", x, x)\n    return 2 * x\n}\n',
    "rust": 'impl Solution {\n    pub fn twice(x: i32) -> i32 {\n        println!("x={}", x);\n'
    '        print!("{}", x);\n        2 * x\n    }\n}\n',
    "javascript": 'var twice = function(x) {\n    console.log("x=" + x);\n    process.stdout.write(String(x));\n'
    "    return 2 * x;\n};\n",
    "typescript": 'function twice(x: number): number {\n    console.log("x=" + x);\n'
    "    process.stdout.write(String(x));\n    return 2 * x;\n}\n",
    "ruby": 'def twice(x)\n  puts "x=#{x}"\n  print x\n  2 * x\nend\n',
    "php": 'class Solution {\n    function twice($x) {\n        echo "x=$x\\n";\n        echo $x;\n'
    "        return 2 * $x;\n    }\n}\n",
    "csharp": "public class Solution {\n    public int Twice(int x) {\n"
    '        System.Console.WriteLine("x=" + x);\n        System.Console.Write(x);\n        return 2 * x;\n    }\n}\n',
    "racket": '(define (twice x)\n  (printf "x=~a\\n~a" x x)\n  (* 2 x))\n',
    "kotlin": 'class Solution {\n    fun twice(x: Int): Int {\n        println("x=" + x)\n        print(x)\n'
    "        return 2 * x\n    }\n}\n",
    "scala": 'object Solution {\n    def twice(x: Int): Int = {\n        println("x=" + x)\n        print(x)\n'
    "        2 * x\n    }\n}\n",
    "erlang": '-spec twice(X :: integer()) -> integer().\ntwice(X) ->\n  io:format("x=~b~n~b", [X, X]),\n  2 * X.\n',
    "elixir": "defmodule Solution do\n  @spec twice(x :: integer) :: integer\n  def twice(x) do\n"
    '    IO.puts("x=#{x}")\n    IO.write(x)\n    2 * x\n  end\nend\n',
}

# A print added to Min Stack's push, in each language's pasted solution (tests/judging/test_design_forms.py).
PUSH_PRINTS = {
    "python-two-lists": ("    def push(self, val: int) -> None:\n", '        print("push", val)\n'),
    "java-public-class-two-stacks": (
        "    public void push(int val) {\n",
        '        System.out.println("push " + val);\n',
    ),
    "javascript-prototype": ("MinStack.prototype.push = function(val) {\n", "    console.log('push ' + val);\n"),
    "go-package-and-value-receivers": ("func (this *MinStack) Push(val int) {\n", '    fmt.Println("push", val)\n'),
    "rust-pub-fn-mut-getters": ("    pub fn push(&mut self, val: i32) {\n", '        println!("push {}", val);\n'),
    "c-named-struct-fixed-array": ("void minStackPush(MinStack* obj, int val) {\n", '    printf("push %d\\n", val);\n'),
    "cpp-struct-two-stacks": ("    void push(int val) {\n", '        cout << "push " << val << "\\n";\n'),
    "typescript-private-fields-public-methods": (
        "    public push(val: number): void {\n",
        "        console.log('push ' + val);\n",
    ),
    "ruby-attr-and-explicit-returns": ("    def push(val)\n", '        puts "push #{val}"\n'),
    "csharp-public-class-and-pascal-case": (
        "    public void Push(int val) {\n",
        '        System.Console.WriteLine("push " + val);\n',
    ),
    "kotlin-import-private-vals-backticked-val": ("    fun push(`val`: Int) {\n", '        println("push " + `val`)\n'),
    "scala-mutable-stacks-and-companion-object": (
        "  def push(`val`: Int): Unit = {\n",
        '    println("push " + `val`)\n',
    ),
    "php-open-tag-and-public-functions": (
        "    public function push(int $val): void {\n",
        '        echo "push $val\\n";\n',
    ),
    "racket-class-with-define-public": ("    (define/public (push val)\n", '      (printf "push ~a\\n" val)\n'),
    "erlang-named-ets-table-and-specs": ("min_stack_push(Val) ->\n", '  io:format("push ~b~n", [Val]),\n'),
    "elixir-named-agent": ("  def push(val) do\n", '    IO.puts("push #{val}")\n'),
}


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def run_twice(code: str, language: str, builder: Builder) -> RunOutcome:
    return await run_function(TWICE, LANGUAGES[language], code, INPUTS, sandbox=builder.sandbox, builder=builder)


def test_every_language_with_a_function_or_design_harness_is_covered() -> None:
    assert sorted(TWICE_CODE) == sorted(registry.LANGUAGE_IDS)
    assert sorted(PASTED[name][0] for name in PUSH_PRINTS) == sorted(registry.languages_for("design"))


def test_a_run_without_markers_shows_its_prints_only_as_the_whole_runs() -> None:
    assert split_prints(b"printed", b"<judged-case-0>", 2) == [b"", b""]


@pytest.mark.parametrize("language", sorted(TWICE_CODE))
async def test_each_input_shows_what_the_program_printed_during_it(language: str, builder: Builder) -> None:
    outcome = await run_twice(TWICE_CODE[language], language, builder)
    assert (outcome.status, outcome.message) == (RunStatus.OK, ""), outcome.compile_output
    assert [output.value for output in outcome.outputs] == [2, 44, 666]
    assert [output.stdout for output in outcome.outputs] == ["x=1\n1", "x=22\n22", "x=333\n333"]
    assert outcome.stdout == "x=1\n1x=22\n22x=333\n333"  # the whole run's, no marker in it


async def test_a_fake_marker_in_the_programs_output_does_not_shift_the_split(builder: Builder) -> None:
    fakes = "<judged-case-" + "0" * 32 + ">", "<judged-case-", "<judged-case-{x}>"
    code = (
        "class Solution:\n    def twice(self, x: int) -> int:\n"
        + "".join(f'        print(f"{fake}", end="")\n' for fake in fakes)
        + '        print(f"[{x}]", end="")\n        return 2 * x\n'
    )
    outcome = await run_twice(code, "python", builder)
    printed = "".join(fakes)
    assert [output.stdout for output in outcome.outputs] == [
        printed.replace("{x}", str(x)) + f"[{x}]" for (x,) in INPUTS
    ]


async def test_prints_before_the_first_call_and_after_a_raise_are_placed_where_they_happened(
    builder: Builder,
) -> None:
    code = (
        'print("loading")\nclass Solution:\n    def twice(self, x: int) -> int:\n'
        '        print("in", x)\n        if x == 22:\n            raise ValueError("no")\n        return 2 * x\n'
    )
    outcome = await run_twice(code, "python", builder)
    assert [output.status for output in outcome.outputs] == [CallStatus.OK, CallStatus.ERROR, CallStatus.NOT_RUN]
    assert [output.stdout for output in outcome.outputs] == ["loading\nin 1\n", "in 22\n", ""]


async def test_judging_passes_no_marker_so_a_submissions_stdout_is_the_programs_own(builder: Builder) -> None:
    task = FunctionTask(
        signature=TWICE.signature,
        cases=[Case(args=[1], output=2, sample=True), Case(args=[22], output=44, sample=True)],
        time_limit=10,
        memory_mib=256,
    )
    code = TWICE_CODE["python"]
    result = await judge_function(task, LANGUAGES["python"], code, sandbox=builder.sandbox, builder=builder)
    assert result.verdict is Verdict.AC
    assert result.stdout == "x=1\n1x=22\n22"


@pytest.mark.parametrize("name", sorted(PUSH_PRINTS))
async def test_each_design_input_shows_what_its_operations_printed(name: str, builder: Builder) -> None:
    language, code = PASTED[name]
    anchor, line = PUSH_PRINTS[name]
    assert anchor in code
    code = code.replace(anchor, anchor + line)
    if language == "go":
        code = code.replace('import "math"', 'import (\n    "fmt"\n    "math"\n)')
    inputs = custom_operations(
        [
            {"operations": ["MinStack", "push", "getMin"], "arguments": [[], [5], []]},
            {"operations": ["MinStack", "push", "push", "top"], "arguments": [[], [1], [2], []]},
        ],
        MIN_STACK.design,
    )
    outcome = await run_function(
        design_task(MIN_STACK), LANGUAGES[language], code, inputs, sandbox=builder.sandbox, builder=builder
    )
    assert (outcome.status, outcome.message) == (RunStatus.OK, ""), outcome.compile_output
    assert [output.stdout for output in outcome.outputs] == ["push 5\n", "push 1\npush 2\n"]
