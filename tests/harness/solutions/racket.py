"""Racket solutions to the conformance cases, in LeetCode's form (`(define/contract (two-sum nums target) ...)`)."""

from __future__ import annotations

from judged.harness.types import Type
from judged.harness.values import LONG_MAX, LONG_MIN
from judged.judging.verdicts import Verdict
from tests.harness import conformance_jail as jail
from tests.harness.conformance import Solution
from tests.harness.conformance_jail import Judged

EXAMPLES = 1  # each run starts Racket (about a second on a loaded machine)

TWO_SUM = """
(define/contract (two-sum nums target)
  (-> (listof exact-integer?) exact-integer? (listof exact-integer?))
  (let loop ([i 0] [xs nums] [seen (hash)])
    (cond [(null? xs) '()]
          [(hash-ref seen (- target (car xs)) #f) => (lambda (j) (list j i))]
          [else (loop (add1 i) (cdr xs) (hash-set seen (car xs) i))])))
"""


def identity(type_: Type) -> str:
    return "(define (identity x)\n  x)\n"


SOLUTIONS: dict[str, str | Solution] = {
    "two-sum": TWO_SUM,
    "no-tests-no-results": TWO_SUM,
    "reverse-array-in-place": """
(define/contract (reverse-array nums)
  (-> (vectorof exact-integer?) void?)
  (vector-copy! nums 0 (list->vector (reverse (vector->list nums)))))
""",
    "char-board-in-place": """
(define (fill board)
  (for* ([row board] [i (vector-length row)] #:when (char=? (vector-ref row i) #\\.))
    (vector-set! row i #\\x)))
""",
    "reverse-list": """
(define (reverse-list head)
  (let loop ([h head] [prev #f])
    (if h (let ([n (list-node-next h)]) (set-list-node-next! h prev) (loop n h)) prev)))
""",
    "invert-tree": """
(define (invert-tree root)
  (and root (tree-node (tree-node-val root) (invert-tree (tree-node-right root)) (invert-tree (tree-node-left root)))))
""",
    "flatten-tree-in-place": """
(define (flatten root)
  (let loop ([node root])
    (when node
      (when (tree-node-left node)
        (define last (let find ([n (tree-node-left node)]) (if (tree-node-right n) (find (tree-node-right n)) n)))
        (set-tree-node-right! last (tree-node-right node))
        (set-tree-node-right! node (tree-node-left node))
        (set-tree-node-left! node #f))
      (loop (tree-node-right node)))))
""",
    "clone-graph": """
(define (clone-graph start)
  (define copies (make-hasheq))
  (define (copy n)
    (or (hash-ref copies n #f)
        (let ([c (make-node (node-val n))])
          (hash-set! copies n c)
          (set-node-neighbors! c (map copy (node-neighbors n)))
          c)))
  (and start (copy start)))
""",
    "level-order": """
(define (level-order root)
  (let loop ([level (if root (list root) '())])
    (if (null? level)
        '()
        (cons (map tree-node-val level)
              (loop (filter values (append-map (lambda (n) (list (tree-node-left n) (tree-node-right n))) level)))))))
""",
    "transpose-matrix": "(define (transpose matrix)\n  (if (null? matrix) '() (apply map list matrix)))\n",
    "strings-and-a-char": """
(define (shout words mark)
  (for/list ([w words]) (string-append (string-upcase w) (string mark))))
""",
    "twice-long": "(define (twice x)\n  (* 2 x))\n",
    "twice-double": "(define (twice x)\n  (* 2 x))\n",
    "twice-char": "(define (twice x)\n  (integer->char (add1 (char->integer x))))\n",
    "longs-exact": "(define (f x)\n  x)\n",
    "non-finite-doubles": "(define (f x)\n  (list-ref (list +inf.0 -inf.0 +nan.0 -0.0 0.1) (exact-truncate x)))\n",
    "wrong-type-int": Solution(
        '(define (f x)\n  (list-ref (list x #t \'null "5" 5.0 (sub1 (expt 2 63)) (- (expt 2 63)) (expt 2 63)'
        " (- -1 (expt 2 63)) (expt 10 50)) x))\n",
        expect={"values": [0, None, None, None, None, LONG_MAX, LONG_MIN, None, None, None]},
    ),
    "deep-list": """
(define (walk head)
  (define (len n) (if n (add1 (len (list-node-next n))) 0))
  (len head)
  head)
""",
    "list-cycle": "(define (make-cycle head)\n  (when head (set-list-node-next! head head))\n  head)\n",
    "prints-never-reach-results": Solution(
        '(define (greet name)\n  (displayln "{\\"v\\": 1, \\"t\\": 0}")\n  (string-append "hi " name))\n',
        expect={"stdout": '{"v": 1, "t": 0}\n{"v": 1, "t": 0}\n'},
    ),
    "new-solution-per-test": Solution(
        "(define calls 10)\n(define (count-calls k)\n  (set! calls (add1 calls))\n  calls)\n",
        expect={"values": [11, 12, 13]},
    ),
    "bad-line-type": TWO_SUM,
    "bad-line-too-few": TWO_SUM,
    "bad-line-trailing": TWO_SUM,
    "bad-line-overflow": TWO_SUM,
    "bad-line-not-json": TWO_SUM,
    "bad-line-count": TWO_SUM,
    "bad-line-integer": TWO_SUM,
    "blank-lines-are-skipped": TWO_SUM,
    "deep-nesting": "(define (count grid)\n  0)\n",
}

# The jail's table (`conformance_jail.py`): what judged shows a Racket user, end to end.

VERSION = r"^Welcome to Racket v8\."

COUNT_BLOCKS = jail.count_blocks("if")
_REVERSE_LIST = jail.filled(
    jail.REVERSE_LIST,
    "racket",
    "\n  (let loop ([h head] [prev #f])\n    (if h (let ([n (list-node-next h)]) (set-list-node-next! h prev)"
    " (loop n h)) prev)))",
    "\n  )",
)
_CLONE_GRAPH = """(require data/queue)
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

JUDGED: dict[str, Judged] = {
    **jail.two_sum(
        TWO_SUM,
        ("(list j i)", "(list i i)"),
        ("(hash-set seen (car xs) i))])))", "(hash-set seen (car xs) i))]))"),
        "solution.rkt:2:0: read-syntax: expected a `)`",
    ),
    "stub-and-form-name-parameter": Judged(
        COUNT_BLOCKS,
        jail.filled(COUNT_BLOCKS, "racket", "\n  (count (lambda (size) (<= size if_)) block-sizes))", "\n  )"),
        jail.COUNT_BLOCKS_CASES,
        stub_is=(
            "(define/contract (count-blocks if_ block-sizes)\n"
            "  (-> exact-integer? (listof exact-integer?) exact-integer?)\n"
            "  )"
        ),
    ),
    "list-structs": Judged(
        jail.REVERSE_LIST,
        _REVERSE_LIST,
        jail.REVERSE_LIST_CASES,
        stub_has=("(struct list-node\n  (val next) #:mutable #:transparent)",),
    ),
    "list-structs:pasted-lang-line": Judged(  # their own structs, uncommented
        jail.REVERSE_LIST, "#lang racket\n" + _REVERSE_LIST.replace("#|", "").replace("|#", ""), jail.REVERSE_LIST_CASES
    ),
    "tree-structs": Judged(
        jail.MIRROR,
        """
(define (mirror root)
  (and root (tree-node (tree-node-val root) (mirror (tree-node-right root)) (mirror (tree-node-left root)))))
""",
        jail.MIRROR_CASES,
    ),
    "base-types": Judged(
        jail.ECHO, "(define (echo a b c d e)\n  (list (~a a) (~a b) (~a c) d (string e)))\n", jail.echo_cases("#t")
    ),
    "long-overflow": Judged(jail.BIG, "(define (big n)\n  (* n 4))\n", jail.OVERFLOW_CASES, Verdict.WA),
    "void-in-place": Judged(
        jail.REVERSE_ARRAY,
        jail.filled(
            jail.REVERSE_ARRAY,
            "racket",
            "\n  (vector-copy! nums 0 (list->vector (reverse (vector->list nums)))))",
            "\n  )",
        ),
        jail.REVERSE_ARRAY_CASES,
        stub_has=("(-> (vectorof exact-integer?) void?)",),
    ),
    "runtime-error": jail.raises('(define (two-sum nums target)\n  (error \'two-sum "no pair"))\n', "two-sum: no pair"),
    "missing-function": jail.raises("(define (twoSum nums target)\n  '())\n", message_has="two-sum"),
    "data-libraries-and-graph": Judged(jail.CLONE_GRAPH, _CLONE_GRAPH, jail.CLONE_GRAPH_CASES),
    "memory": Judged(
        jail.HOARD,
        "(define (hoard n)\n  (let loop ([kept '()] [i 0])\n    (loop (cons (make-vector 1000 i) kept) (add1 i))))\n",
        jail.HOARD_CASES,
        Verdict.MLE,
        memory_mib=64,
    ),
}
