"""The Racket harness, end to end in the jail: LeetCode's Racket form (`define/contract` in kebab-case).

(A new language's tests, in the pattern of test_lang_ruby.py; the build compiles with `raco make`.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness import parse_signature, stub
from judged.harness.types import Signature
from judged.judging.build import Builder
from judged.judging.function import Case, FunctionTask, judge_function
from judged.judging.languages import load_languages
from judged.judging.selftest import self_test
from judged.judging.verdicts import JudgeResult, Verdict
from judged.sandbox import Sandbox

RACKET = load_languages(Path(__file__).resolve().parents[2] / "languages")["racket"]

TWO_SUM = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
TWO_SUM_CODE = """
(define/contract (two-sum nums target)
  (-> (listof exact-integer?) exact-integer? (listof exact-integer?))
  (let loop ([i 0] [xs nums] [seen (hash)])
    (cond [(null? xs) '()]
          [(hash-ref seen (- target (car xs)) #f) => (lambda (j) (list j i))]
          [else (loop (add1 i) (cdr xs) (hash-set seen (car xs) i))])))
"""
TWO_SUM_CASES = [Case(args=[[2, 7, 11, 15], 9], output=[0, 1], sample=True), Case(args=[[3, 2, 4], 6], output=[1, 2])]


@pytest.fixture(scope="module")
def builder(sandbox: Sandbox, state_dir: Path) -> Builder:
    return Builder(sandbox, state_dir / "builds")


async def judge(
    builder: Builder, signature: Signature, code: str, cases: list[Case], memory_mib: int = 256
) -> JudgeResult:
    task = FunctionTask(signature=signature, cases=cases, time_limit=10.0, memory_mib=memory_mib)
    return await judge_function(task, RACKET, code, sandbox=builder.sandbox, builder=builder)


async def test_the_self_test_passes_and_the_version_is_rackets(builder: Builder) -> None:
    status = await self_test(RACKET, builder.sandbox, builder)
    assert status.enabled, status.reason
    assert status.version.startswith("Welcome to Racket v8.")


async def test_two_sum_is_accepted_and_a_wrong_answer_is_not(builder: Builder) -> None:
    result = await judge(builder, TWO_SUM, TWO_SUM_CODE, TWO_SUM_CASES)
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    wrong = await judge(builder, TWO_SUM, TWO_SUM_CODE.replace("(list j i)", "(list i i)"), TWO_SUM_CASES)
    assert wrong.verdict is Verdict.WA


async def test_a_syntax_error_is_a_compile_error_with_its_line(builder: Builder) -> None:
    code = TWO_SUM_CODE.replace("(hash-set seen (car xs) i))])))", "(hash-set seen (car xs) i))]))")
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.CE
    assert "solution.rkt:2:0: read-syntax: expected a `)`" in result.compile_output, result.compile_output


async def test_the_stub_is_leetcodes_and_a_form_name_parameter_is_renamed(builder: Builder) -> None:
    signature = parse_signature("countBlocks", [("if", "int"), ("blockSizes", "int[]")], "int")
    text = stub(signature, "racket")
    assert text == (
        "(define/contract (count-blocks if_ block-sizes)\n"
        "  (-> exact-integer? (listof exact-integer?) exact-integer?)\n"
        "  )"
    )
    code = text.replace("\n  )", "\n  (count (lambda (size) (<= size if_)) block-sizes))")
    result = await judge(builder, signature, code, [Case(args=[3, [1, 4, 3]], output=2)])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_lists_and_trees_with_leetcodes_structs_and_a_pasted_lang_line(builder: Builder) -> None:
    signature = parse_signature("reverseList", [("head", "ListNode")], "ListNode")
    body = "\n  (let loop ([h head] [prev #f])\n    (if h (let ([n (list-node-next h)]) (set-list-node-next! h prev)"
    code = stub(signature, "racket").replace("\n  )", body + " (loop n h)) prev)))")
    assert "(struct list-node\n  (val next) #:mutable #:transparent)" in code
    cases = [Case(args=[[1, 2, 3]], output=[3, 2, 1]), Case(args=[[]], output=[])]
    result = await judge(builder, signature, code, cases)
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)
    pasted = "#lang racket\n" + code.replace("#|", "").replace("|#", "")  # their own structs, uncommented
    result = await judge(builder, signature, pasted, cases)
    assert result.verdict is Verdict.AC, (pasted, result.compile_output, result.failure)
    mirror = parse_signature("mirror", [("root", "TreeNode")], "TreeNode")
    code = """
(define (mirror root)
  (and root (tree-node (tree-node-val root) (mirror (tree-node-right root)) (mirror (tree-node-left root)))))
"""
    result = await judge(builder, mirror, code, [Case(args=[[1, 2, 3, None, 4]], output=[1, 3, 2, None, None, 4])])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)


async def test_values_of_every_base_type_round_trip(builder: Builder) -> None:
    signature = parse_signature(
        "echo", [("a", "long"), ("b", "double"), ("c", "bool"), ("d", "string"), ("e", "char")], "string[]"
    )
    code = "(define (echo a b c d e)\n  (list (~a a) (~a b) (~a c) d (string e)))\n"
    case = Case(args=[-(2**63), 0.5, True, 'a"\\\n', "x"], output=[str(-(2**63)), "0.5", "#t", 'a"\\\n', "x"])
    result = await judge(builder, signature, code, [case])
    assert result.verdict is Verdict.AC, (result.compile_output, result.failure)
    big = parse_signature("big", [("n", "long")], "long")
    overflow = await judge(builder, big, "(define (big n)\n  (* n 4))\n", [Case(args=[2**62], output=2**62)])
    assert overflow.verdict is Verdict.WA  # 2^64 is no long: written as null


async def test_void_modifies_a_vector_in_place(builder: Builder) -> None:
    signature = parse_signature("reverseArray", [("nums", "int[]")], "void")
    text = stub(signature, "racket")
    assert "(-> (vectorof exact-integer?) void?)" in text
    code = text.replace("\n  )", "\n  (vector-copy! nums 0 (list->vector (reverse (vector->list nums)))))")
    result = await judge(builder, signature, code, [Case(args=[[1, 2, 3]], output=[3, 2, 1])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_a_raised_error_is_a_runtime_error_with_its_message(builder: Builder) -> None:
    code = '(define (two-sum nums target)\n  (error \'two-sum "no pair"))\n'
    result = await judge(builder, TWO_SUM, code, TWO_SUM_CASES)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert result.failure.message == "two-sum: no pair"


async def test_a_missing_function_is_a_runtime_error_naming_it(builder: Builder) -> None:
    result = await judge(builder, TWO_SUM, "(define (twoSum nums target)\n  '())\n", TWO_SUM_CASES)
    assert result.verdict is Verdict.RE
    assert result.failure is not None
    assert "two-sum" in result.failure.message


async def test_leetcodes_data_libraries_and_a_graph(builder: Builder) -> None:
    signature = parse_signature("cloneGraph", [("node", "Node")], "Node")
    code = """(require data/queue)
(define/contract (clone-graph start)
  (-> (or/c node? #f) (or/c node? #f))
  (define copies (make-hasheq))
  (define (copy n) (hash-ref! copies n (lambda () (make-node (node-val n)))))
  (when start
    (define q (make-queue))
    (enqueue! q start)
    (copy start)
    (let loop ()
      (unless (queue-empty? q)
        (define n (dequeue! q))
        (for ([m (node-neighbors n)])
          (unless (hash-has-key? copies m) (enqueue! q m))
          (set-node-neighbors! (copy n) (append (node-neighbors (copy n)) (list (copy m)))))
        (loop))))
  (and start (copy start)))
"""
    cases = [Case(args=[[[2, 4], [1, 3], [2, 4], [1, 3]]], output=[[2, 4], [1, 3], [2, 4], [1, 3]])]
    result = await judge(builder, signature, code, [*cases, Case(args=[[]], output=[]), Case(args=[[[]]], output=[[]])])
    assert result.verdict is Verdict.AC, (code, result.compile_output, result.failure)


async def test_too_much_memory_is_mle(builder: Builder) -> None:
    signature = parse_signature("hoard", [("n", "int")], "int")
    code = "(define (hoard n)\n  (let loop ([kept '()] [i 0])\n    (loop (cons (make-vector 1000 i) kept) (add1 i))))\n"
    result = await judge(builder, signature, code, [Case(args=[1], output=1)], memory_mib=64)
    assert result.verdict is Verdict.MLE, (result.compile_output, result.failure)
