"""Design solutions as people paste them from LeetCode, in every language's own class form, judged in the sandbox
on the bundled Min Stack; and what a participant sees when one fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness.design import parse_design
from judged.judging.function import FunctionTask
from judged.judging.runs import RunStatus, custom_operations
from judged.judging.service import Judge
from judged.judging.tasks import design_task
from judged.judging.verdicts import Verdict
from tests.kinds import design_problem

PROJECT = Path(__file__).resolve().parents[2]
MIN_STACK = design_problem(PROJECT / "problems" / "min-stack")

# (language, text) pairs in the forms found in public LeetCode solutions: two stacks, public classes, getters on
# value receivers, `&mut self` getters, C's named struct, C++'s struct, a package clause and imports.
PASTED = {
    "python-two-lists": (
        "python",
        """from typing import List


class MinStack:

    def __init__(self):
        self.stack: List[int] = []
        self.mins: List[int] = []

    def push(self, val: int) -> None:
        self.stack.append(val)
        if not self.mins or val <= self.mins[-1]:
            self.mins.append(val)

    def pop(self) -> None:
        if self.stack.pop() == self.mins[-1]:
            self.mins.pop()

    def top(self) -> int:
        return self.stack[-1]

    def getMin(self) -> int:
        return self.mins[-1]
""",
    ),
    "java-public-class-two-stacks": (
        "java",
        """import java.util.Stack;

public class MinStack {
    Stack<Integer> stack = new Stack<>();
    Stack<Integer> mins = new Stack<>();

    /** initialize your data structure here. */
    public MinStack() {}

    public void push(int val) {
        stack.push(val);
        if (mins.isEmpty() || val <= mins.peek()) mins.push(val);
    }

    public void pop() {
        if (stack.pop().equals(mins.peek())) mins.pop();
    }

    public int top() { return stack.peek(); }

    public int getMin() { return mins.peek(); }
}
""",
    ),
    "javascript-prototype": (
        "javascript",
        """var MinStack = function() {
    this.stack = [];
};

MinStack.prototype.push = function(val) {
    const min = this.stack.length === 0 ? val : Math.min(val, this.getMin());
    this.stack.push([val, min]);
};

MinStack.prototype.pop = function() {
    this.stack.pop();
};

MinStack.prototype.top = function() {
    return this.stack[this.stack.length - 1][0];
};

MinStack.prototype.getMin = function() {
    return this.stack[this.stack.length - 1][1];
};
""",
    ),
    "go-package-and-value-receivers": (
        "go",
        """package main

import "math"

type MinStack struct {
    stack []int
    mins  []int
}

/** initialize your data structure here. */
func Constructor() MinStack {
    return MinStack{mins: []int{math.MaxInt64}}
}

func (this *MinStack) Push(val int) {
    this.stack = append(this.stack, val)
    smallest := this.mins[len(this.mins)-1]
    if val < smallest {
        smallest = val
    }
    this.mins = append(this.mins, smallest)
}

func (this *MinStack) Pop() {
    this.stack = this.stack[:len(this.stack)-1]
    this.mins = this.mins[:len(this.mins)-1]
}

func (this MinStack) Top() int {
    return this.stack[len(this.stack)-1]
}

func (this MinStack) GetMin() int {
    return this.mins[len(this.mins)-1]
}
""",
    ),
    "rust-pub-fn-mut-getters": (
        "rust",
        """use std::cmp;

pub struct MinStack {
    values: Vec<(i32, i32)>,
}

impl MinStack {
    pub fn new() -> Self {
        MinStack { values: vec![] }
    }

    pub fn push(&mut self, val: i32) {
        let min = self.values.last().map_or(val, |&(_, m)| cmp::min(m, val));
        self.values.push((val, min))
    }

    pub fn pop(&mut self) {
        self.values.pop();
    }

    pub fn top(&mut self) -> i32 {
        self.values.last().unwrap().0
    }

    pub fn get_min(&self) -> i32 {
        self.values.last().unwrap().1
    }
}
""",
    ),
    "c-named-struct-fixed-array": (
        "c",
        """#define MAX_SIZE 100001
typedef struct mymin {
    int min;
    int data;
} MyMin;
typedef struct myStack {
    int top;
    MyMin array[MAX_SIZE];
} MinStack;

/** initialize your data structure here. */

MinStack* minStackCreate() {
    MinStack *stack = (MinStack*)malloc(sizeof(MinStack));
    stack->top = 0;
    return stack;
}

void minStackPush(MinStack* obj, int val) {
    obj->array[obj->top].data = val;
    if (obj->top == 0 || val < obj->array[obj->top - 1].min) obj->array[obj->top].min = val;
    else obj->array[obj->top].min = obj->array[obj->top - 1].min;
    obj->top++;
}

void minStackPop(MinStack* obj) { obj->top--; }

int minStackTop(MinStack* obj) { return obj->array[obj->top - 1].data; }

int minStackGetMin(MinStack* obj) { return obj->array[obj->top - 1].min; }

void minStackFree(MinStack* obj) { free(obj); }
""",
    ),
    "cpp-struct-two-stacks": (
        "cpp",
        """struct MinStack {
    stack<int> s, mins;
    /** initialize your data structure here. */
    MinStack() {}
    void push(int val) {
        s.push(val);
        if (mins.empty() || val <= mins.top()) mins.push(val);
    }
    void pop() {
        if (s.top() == mins.top()) mins.pop();
        s.pop();
    }
    int top() { return s.top(); }
    int getMin() { return mins.top(); }
};
""",
    ),
    "typescript-private-fields-public-methods": (
        "typescript",
        """class MinStack {
    private stack: number[] = [];
    private mins: number[];

    constructor() {
        this.mins = [];
    }

    public push(val: number): void {
        this.stack.push(val);
        if (this.mins.length === 0 || val <= this.mins[this.mins.length - 1]) this.mins.push(val);
    }

    public pop(): void {
        if (this.stack.pop() === this.mins[this.mins.length - 1]) this.mins.pop();
    }

    public top(): number {
        return this.stack[this.stack.length - 1];
    }

    public getMin(): number {
        return this.mins[this.mins.length - 1];
    }
}
""",
    ),
    "ruby-attr-and-explicit-returns": (
        "ruby",
        """class MinStack
    attr_reader :stack

=begin
    initialize your data structure here.
=end
    def initialize
        @stack = []
        @mins = []
    end

    def push(val)
        @stack.push(val)
        @mins.push(val) if @mins.empty? || val <= @mins.last
        nil
    end

    def pop
        @mins.pop if @stack.pop == @mins.last
    end

    def top
        return @stack[-1]
    end

    def get_min
        return @mins[-1]
    end
end
""",
    ),
    "csharp-public-class-and-pascal-case": (
        "csharp",
        """public class MinStack {
    private readonly Stack<(int Value, int Min)> stack = new Stack<(int, int)>();

    public MinStack() {

    }

    public void Push(int val) {
        stack.Push((val, stack.Count == 0 ? val : Math.Min(val, stack.Peek().Min)));
    }

    public void Pop() {
        stack.Pop();
    }

    public int Top() {
        return stack.Peek().Value;
    }

    public int GetMin() {
        return stack.Peek().Min;
    }
}

/**
 * Your MinStack object will be instantiated and called as such:
 * MinStack obj = new MinStack();
 * obj.Push(val);
 * obj.Pop();
 * int param_3 = obj.Top();
 * int param_4 = obj.GetMin();
 */
""",
    ),
    "racket-class-with-define-public": (
        "racket",
        """(define min-stack%
  (class object%
    (super-new)

    (define stack '())

    ; push : exact-integer? -> void?
    (define/public (push val)
      (set! stack (cons (cons val (if (null? stack) val (min val (cdar stack)))) stack)))
    ; pop : -> void?
    (define/public (pop)
      (set! stack (cdr stack)))
    ; top : -> exact-integer?
    (define/public (top)
      (caar stack))
    ; get-min : -> exact-integer?
    (define/public (get-min)
      (cdar stack))))

;; Your min-stack% object will be instantiated and called as such:
;; (define obj (new min-stack%))
;; (send obj push val)
""",
    ),
    "kotlin-import-private-vals-backticked-val": (
        "kotlin",
        """import java.util.Stack

class MinStack() {
    private val stack = Stack<Int>()
    private val minStack = Stack<Int>()

    fun push(`val`: Int) {
        stack.push(`val`)
        if (minStack.isEmpty() || `val` <= minStack.peek()) minStack.push(`val`)
    }

    fun pop() {
        if (stack.pop() == minStack.peek()) minStack.pop()
    }

    fun top(): Int {
        return stack.peek()
    }

    fun getMin(): Int {
        return minStack.peek()
    }

}

/**
 * Your MinStack object will be instantiated and called as such:
 * var obj = MinStack()
 * obj.push(`val`)
 * obj.pop()
 * var param_3 = obj.top()
 * var param_4 = obj.getMin()
 */
""",
    ),
    "scala-mutable-stacks-and-companion-object": (
        "scala",
        """import scala.collection.mutable

class MinStack() {

  val stack = mutable.Stack[Int]()
  val minStack = mutable.Stack[Int]()

  def push(`val`: Int): Unit = {
    stack.push(`val`)
    if (minStack.isEmpty || `val` <= minStack.top) minStack.push(`val`)
  }

  def pop(): Unit = {
    if (stack.pop() == minStack.top) minStack.pop()
  }

  def top(): Int = stack.top

  def getMin(): Int = MinStack.orFail(minStack.headOption)

}

object MinStack {
  def orFail(value: Option[Int]): Int = value.getOrElse(throw new NoSuchElementException("empty"))
}

/**
 * Your MinStack object will be instantiated and called as such:
 * val obj = new MinStack()
 * obj.push(`val`)
 * obj.pop()
 * val param_3 = obj.top()
 * val param_4 = obj.getMin()
 */
""",
    ),
    "php-open-tag-and-public-functions": (
        "php",
        """<?php
class MinStack {
    private array $stack = [];

    public function __construct() {
    }

    public function push(int $val): void {
        $min = $this->stack ? min($val, end($this->stack)[1]) : $val;
        $this->stack[] = [$val, $min];
    }

    public function pop(): void {
        array_pop($this->stack);
    }

    public function top(): int {
        return end($this->stack)[0];
    }

    public function getMin(): int {
        return end($this->stack)[1];
    }
}
""",
    ),
    # LeetCode calls the init function before every test case: a named ETS table made there without deleting an
    # older one, and an Agent whose start must succeed, pass only if nothing of one case is left for the next.
    "erlang-named-ets-table-and-specs": (
        "erlang",
        """-spec min_stack_init_() -> any().
min_stack_init_() ->
  ets:new(min_stack, [named_table, public, set]),
  ets:insert(min_stack, {size, 0}).

-spec min_stack_push(Val :: integer()) -> any().
min_stack_push(Val) ->
  Size = ets:lookup_element(min_stack, size, 2),
  Min = case Size of
    0 -> Val;
    _ -> min(Val, min_stack_get_min())
  end,
  ets:insert(min_stack, [{Size + 1, Val, Min}, {size, Size + 1}]).

-spec min_stack_pop() -> any().
min_stack_pop() ->
  Size = ets:lookup_element(min_stack, size, 2),
  ets:delete(min_stack, Size),
  ets:insert(min_stack, {size, Size - 1}).

-spec min_stack_top() -> integer().
min_stack_top() ->
  ets:lookup_element(min_stack, ets:lookup_element(min_stack, size, 2), 2).

-spec min_stack_get_min() -> integer().
min_stack_get_min() ->
  ets:lookup_element(min_stack, ets:lookup_element(min_stack, size, 2), 3).


%% Your functions will be called as such:
%% min_stack_init_(),
%% min_stack_push(Val),
%% min_stack_pop(),
%% Param_3 = min_stack_top(),
%% Param_4 = min_stack_get_min(),

%% min_stack_init_ will be called before every test case, in which you can do some necessary initializations.
""",
    ),
    "elixir-named-agent": (
        "elixir",
        """defmodule MinStack do
  @spec init_() :: any
  def init_() do
    {:ok, _} = Agent.start_link(fn -> [] end, name: __MODULE__)
  end

  @spec push(val :: integer) :: any
  def push(val) do
    Agent.update(__MODULE__, fn
      [] -> [{val, val}]
      [{_, min} | _] = stack -> [{val, min(val, min)} | stack]
    end)
  end

  @spec pop() :: any
  def pop() do
    Agent.update(__MODULE__, &tl/1)
  end

  @spec top() :: integer
  def top() do
    Agent.get(__MODULE__, fn [{val, _} | _] -> val end)
  end

  @spec get_min() :: integer
  def get_min() do
    Agent.get(__MODULE__, fn [{_, min} | _] -> min end)
  end
end

# Your functions will be called as such:
# MinStack.init_()
# MinStack.push(val)
# MinStack.pop()
# param_3 = MinStack.top()
# param_4 = MinStack.get_min()

# MinStack.init_ will be called before every test case, in which you can do some necessary initializations.
""",
    ),
}


@pytest.mark.parametrize("name", sorted(PASTED))
async def test_a_pasted_leetcode_class_is_accepted(judge: Judge, name: str) -> None:
    language, code = PASTED[name]
    result = await judge.judge_problem(MIN_STACK, language, code)
    assert (result.verdict, result.message, result.compile_output[:300]) == (
        Verdict.AC,
        "",
        result.compile_output[:300],
    )
    assert len(result.tests) == len(MIN_STACK.tests)


async def test_a_wrong_return_names_the_operation_and_shows_the_sample(judge: Judge) -> None:
    code = PASTED["python-two-lists"][1].replace("return self.mins[-1]", "return self.stack[0]")
    result = await judge.judge_problem(MIN_STACK, "python", code)
    assert result.verdict is Verdict.WA
    assert result.failure is not None
    assert result.failure.sample
    assert result.failure.message == "operation 4 (getMin): expected -3, got -2"
    assert result.failure.input == {
        "operations": ["MinStack", "push", "push", "push", "getMin", "pop", "top", "getMin"],
        "arguments": [[], [-2], [0], [-3], [], [], [], []],
    }
    assert result.failure.expected == [None, None, None, None, -3, None, 0, -2]
    assert result.failure.actual == [None, None, None, None, -2, None, 0, -2]


async def test_a_method_that_raises_is_a_run_time_error_with_its_message(judge: Judge) -> None:
    code = PASTED["python-two-lists"][1].replace("return self.stack[-1]", "return self.stack[5]")
    result = await judge.judge_problem(MIN_STACK, "python", code)
    assert result.verdict is Verdict.RE
    assert result.message.startswith("IndexError: list index out of range")


MISSING = {
    "java": ("public int getMin()", "public int getMinimum()", Verdict.RE, "class MinStack has no method getMin"),
    "cpp": ("struct MinStack {", "struct MinStak {", Verdict.CE, ""),
    "go": ("func (this MinStack) GetMin() int", "func (this MinStack) Minimum() int", Verdict.CE, ""),
    "ruby": ("def get_min", "def minimum", Verdict.RE, "NoMethodError: undefined method `get_min'"),
    "php": ("function getMin()", "function minimum()", Verdict.RE, "Call to undefined method MinStack::getMin()"),
    "typescript": ("public getMin()", "public minimum()", Verdict.RE, "TypeError: class MinStack has no method getMin"),
    "csharp": ("public int GetMin()", "public int Minimum()", Verdict.RE, "MinStack has no method GetMin"),
    "racket": ("(define/public (get-min)", "(define/public (minimum)", Verdict.RE, "method name: get-min"),
    "kotlin": ("fun getMin(): Int", "fun minimum(): Int", Verdict.RE, "class MinStack has no method getMin"),
    "scala": ("def getMin(): Int", "def minimum(): Int", Verdict.RE, "class MinStack has no method getMin"),
    "erlang": ("min_stack_get_min() ->", "min_stack_minimum() ->", Verdict.CE, ""),
    "elixir": (
        "@spec get_min() :: integer\n  def get_min() do",
        "@spec minimum() :: integer\n  def minimum() do",
        Verdict.RE,
        "function MinStack.get_min/0 is undefined",
    ),
}


@pytest.mark.parametrize("language", sorted(MISSING))
async def test_a_class_without_the_asked_for_method_is_refused(judge: Judge, language: str) -> None:
    old, new, verdict, message = MISSING[language]
    code = next(text for lang, text in PASTED.values() if lang == language)
    assert old in code
    result = await judge.judge_problem(MIN_STACK, language, code.replace(old, new))
    assert result.verdict is verdict
    assert message in result.message


async def test_custom_runs_take_leetcodes_two_lists_in_any_of_their_forms(judge: Judge) -> None:
    inputs = custom_operations(
        [
            {"operations": ["MinStack", "push", "getMin"], "arguments": [[], [5], []]},
            [["MinStack", "push", "push", "top"], [[], [1], [2], []]],
            '["MinStack","push","pop","push","getMin"]\n[[],[3],[],[-4],[]]\n',
        ],
        MIN_STACK.design,
    )
    outcome = await judge.run_function(design_task(MIN_STACK), "rust", PASTED["rust-pub-fn-mut-getters"][1], inputs)
    assert outcome.status is RunStatus.OK
    assert [output.value for output in outcome.outputs] == [
        [None, None, 5],
        [None, None, None, 2],
        [None, None, None, None, -4],
    ]


# A class whose methods take and return every kind of value a design problem allows, written with the containers
# each language's solutions declare (Kotlin's `List<Int>` and `IntArray`, Scala's `List[List[Int]]` and `Array`).
ECHO = parse_design(
    "Echo",
    [("base", "long")],
    [
        ("ints", [("xs", "int[]")], "int[]"),
        ("grid", [("rows", "int[][]")], "int[][]"),
        ("words", [("ws", "string[]")], "string[]"),
        ("flip", [("b", "bool")], "bool"),
        ("half", [("x", "double")], "double"),
        ("shift", [("x", "long")], "long"),
        ("letter", [("c", "char")], "char"),
        ("mark", [("flags", "bool[]"), ("d", "double[]")], "string"),
        ("reset", [], "void"),
    ],
)
ECHO_CODE = {
    "python": """class Echo:
    def __init__(self, base: int):
        self.base = base

    def ints(self, xs: List[int]) -> List[int]:
        return xs[::-1]

    def grid(self, rows: List[List[int]]) -> List[List[int]]:
        return rows[::-1]

    def words(self, ws: List[str]) -> List[str]:
        return ws[::-1]

    def flip(self, b: bool) -> bool:
        return not b

    def half(self, x: float) -> float:
        return x / 2

    def shift(self, x: int) -> int:
        return self.base + x

    def letter(self, c: str) -> str:
        return chr(ord(c) + 1)

    def mark(self, flags: List[bool], d: List[float]) -> str:
        return f"{sum(flags)}/{len(d)}"

    def reset(self) -> None:
        self.base = 0
""",
    "kotlin": """class Echo(private var base: Long) {
    fun ints(xs: List<Int>): IntArray = xs.reversed().toIntArray()
    fun grid(rows: Array<IntArray>): List<List<Int>> = rows.reversed().map { it.toList() }
    fun words(ws: Array<String>): List<String> = ws.reversed()
    fun flip(b: Boolean): Boolean = !b
    fun half(x: Double): Double = x / 2
    fun shift(x: Long): Long = base + x
    fun letter(c: Char): Char = c + 1
    fun mark(flags: BooleanArray, d: DoubleArray): String = "${flags.count { it }}/${d.size}"
    fun reset(): Unit {
        base = 0
    }
}
""",
    "scala": """class Echo(_base: Long) {
  private var base = _base
  def ints(xs: Array[Int]): List[Int] = xs.reverse.toList
  def grid(rows: List[List[Int]]): Array[Array[Int]] = rows.reverse.map(_.toArray).toArray
  def words(ws: List[String]): Array[String] = ws.reverse.toArray
  def flip(b: Boolean): Boolean = !b
  def half(x: Double): Double = x / 2
  def shift(x: Long): Long = base + x
  def letter(c: Char): Char = (c + 1).toChar
  def mark(flags: Array[Boolean], d: Seq[Double]): String = s"${flags.count(identity)}/${d.size}"
  def reset(): Unit = { base = 0 }
}
""",
    # LeetCode's Erlang and Elixir: functions over a state the solution keeps (here the process dictionary); a
    # void function's own result (put's old value) is not the operation's.
    "erlang": """-spec echo_init_(Base :: integer()) -> any().
echo_init_(Base) -> put(base, Base).
echo_ints(Xs) -> lists:reverse(Xs).
echo_grid(Rows) -> lists:reverse(Rows).
echo_words(Ws) -> lists:reverse(Ws).
echo_flip(B) -> not B.
echo_half(X) -> X / 2.
echo_shift(X) -> get(base) + X.
echo_letter(C) -> C + 1.
echo_mark(Flags, D) -> iolist_to_binary(io_lib:format("~b/~b", [length([F || F <- Flags, F]), length(D)])).
-spec echo_reset() -> any().
echo_reset() -> put(base, 0).
""",
    "elixir": """defmodule Echo do
  @spec init_(base :: integer) :: any
  def init_(base), do: Process.put(:base, base)
  def ints(xs), do: Enum.reverse(xs)
  def grid(rows), do: Enum.reverse(rows)
  def words(ws), do: Enum.reverse(ws)
  def flip(b), do: not b
  def half(x), do: x / 2
  def shift(x), do: Process.get(:base) + x
  def letter(c), do: c + 1
  def mark(flags, d), do: "#{Enum.count(flags, & &1)}/#{length(d)}"
  @spec reset() :: any
  def reset(), do: Process.put(:base, 0)
end
""",
}


@pytest.mark.parametrize("language", sorted(ECHO_CODE))
async def test_every_kind_of_design_value_goes_in_and_comes_back(judge: Judge, language: str) -> None:
    operations = ["Echo", "ints", "grid", "words", "flip", "half", "shift", "letter", "mark", "reset", "shift"]
    arguments = [[9_000_000_000], [[1, -2]], [[[1], [], [2, 3]]], [["a", "é"]], [True], [2.5], [1], ["x"]]
    arguments += [[[True, False, True], [0.5]], [], [7]]
    task = FunctionTask(signature=ECHO, cases=[], time_limit=10, memory_mib=256)
    outcome = await judge.run_function(task, language, ECHO_CODE[language], [[operations, arguments]])
    assert (outcome.status, outcome.message) == (RunStatus.OK, ""), outcome.compile_output
    assert [output.value for output in outcome.outputs] == [
        [None, [-2, 1], [[2, 3], [], [1]], ["é", "a"], False, 1.25, 9_000_000_001, "y", "2/1", None, 7]
    ]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"operations": ["MinStack", "peek"], "arguments": [[], []]}, "input 1.operations[1]: 'peek' is no method"),
        ([["MinStack", "push"], [[], ["x"]]], 'input 1.arguments[1][0]: expected int (32-bit), got "x"'),
        ('["MinStack"]', "input 1: expected two lines"),
    ],
)
def test_a_bad_custom_run_input_names_its_place(given: object, message: str) -> None:
    with pytest.raises(
        ValueError, match=message.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(").replace(")", r"\)")
    ):
        custom_operations([given], MIN_STACK.design)
