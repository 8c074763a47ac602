#lang racket/base
;; The Racket harness: the main.rkt that runs a user's solution.rkt on the judge's tests.
;;
;; judged.harness.lang_racket.build copies this text into main.rkt and appends one
;; line, `(exit (run "two-sum" '("int[]" "int") "int[]"))`; solution.rkt is the
;; user's text behind `#lang s-exp (submod "main.rkt" leetcode)` on its first line, so
;; the user's line numbers stay. The submodule `leetcode` below is LeetCode's
;; environment: `#lang racket` with the `list-node` and `tree-node` structs (and
;; `make-list-node`, `make-tree-node`) of LeetCode's Racket stubs, a graph `node`, and a
;; module begin that provides every definition, so the harness finds the user's
;; function, and the user's own `list-node` struct where they paste its definition
;; uncommented. Both files are compiled (`raco make`) at build time.
;;
;; It speaks docs/harness-protocol.md: a JSON array of arguments per line on stdin,
;; one {"v": ..., "t": ...} or {"e": ..., "t": ...} line per test on fd 3. Arrays are
;; lists; the first argument of a void function is a mutable vector (of vectors), as
;; Racket's lists cannot be changed in place. A result of the wrong type is written as
;; null, as is an integer outside 64 bits.

(module leetcode racket
  (provide (except-out (all-from-out racket) #%module-begin)
           (rename-out [leetcode-module-begin #%module-begin])
           (struct-out list-node) make-list-node
           (struct-out tree-node) make-tree-node
           (struct-out node) make-node
           nested-integer? make-nested-integer nested-integer-integer? nested-integer-get-integer
           nested-integer-get-list nested-integer-set-integer! nested-integer-add!)

  ;; LeetCode's singly-linked list node and its constructor.
  (struct list-node (val next) #:mutable #:transparent)
  (define (make-list-node [val 0] [next #f]) (list-node val next))

  ;; LeetCode's binary tree node and its constructor.
  (struct tree-node (val left right) #:mutable #:transparent)
  (define (make-tree-node [val 0] [left #f] [right #f]) (tree-node val left right))

  ;; A graph node (clone graph): its value and the list of its neighbours.
  (struct node (val neighbors) #:mutable)
  (define (make-node [val 0] [neighbors '()]) (node val neighbors))

  ;; LeetCode's NestedInteger (which LeetCode's Racket does not offer): an integer, or a list of them
  ;; (`(make-nested-integer)`, then `nested-integer-add!`). Its procedures are LeetCode's methods, kebab-cased.
  (struct nested-integer (value items) #:mutable)
  (define (make-nested-integer [value #f]) (nested-integer value (if value #f '())))
  (define (nested-integer-integer? ni) (not (nested-integer-items ni)))
  (define (nested-integer-get-integer ni) (nested-integer-value ni))
  (define (nested-integer-get-list ni) (or (nested-integer-items ni) '()))
  (define (nested-integer-set-integer! ni value)
    (set-nested-integer-value! ni value)
    (set-nested-integer-items! ni #f))
  (define (nested-integer-add! ni elem)
    (set-nested-integer-value! ni #f)
    (set-nested-integer-items! ni (append (or (nested-integer-items ni) '()) (list elem))))

  ;; The user's module provides everything it defines: the harness asks it by name.
  (define-syntax (leetcode-module-begin stx)
    (syntax-case stx ()
      [(_ form ...)
       (with-syntax ([everything (datum->syntax stx '(provide (all-defined-out)))])
         #'(#%module-begin everything form ...))])))

(require json
         racket/class
         racket/list
         racket/port
         racket/string
         ffi/unsafe
         ffi/unsafe/port
         (prefix-in lc: (submod "." leetcode)))

(define EXIT-USER-ERROR 1)
(define EXIT-BAD-TEST 3)
(define INT-MIN (- (expt 2 31)))
(define INT-MAX (- (expt 2 31) 1))
(define LONG-MIN (- (expt 2 63)))
(define LONG-MAX (- (expt 2 63) 1))
(define MAX-NODES 1000000) ; a ListNode or TreeNode result with more nodes than this has a cycle
(define BACKTRACE-FRAMES 50)

(struct bad-test (message))  ; a test line the harness cannot decode: the judge's bug
(struct mismatch ())         ; a result that is not of the signature's type: written as null
(struct cycle (message))     ; a ListNode or TreeNode result too long to be anything but a cycle

(define here
  (let-values ([(dir _name _dir?) (split-path (variable-reference->module-source (#%variable-reference)))])
    dir))
(define solution-path (build-path here "solution.rkt"))

;; The node types the user's code uses: its own struct where it defines one, else LeetCode's.
(define node-ops (make-hasheq))
(define (from-solution name fallback)
  (dynamic-require solution-path name (lambda () fallback)))
(define (load-node-ops!)
  (for ([entry (in-list `((list-node ,lc:list-node) (list-node? ,lc:list-node?)
                          (list-node-val ,lc:list-node-val) (list-node-next ,lc:list-node-next)
                          (tree-node ,lc:tree-node) (tree-node? ,lc:tree-node?)
                          (tree-node-val ,lc:tree-node-val) (tree-node-left ,lc:tree-node-left)
                          (tree-node-right ,lc:tree-node-right) (set-tree-node-left! ,lc:set-tree-node-left!)
                          (set-tree-node-right! ,lc:set-tree-node-right!)
                          (node ,lc:node) (node? ,lc:node?) (node-val ,lc:node-val)
                          (node-neighbors ,lc:node-neighbors) (set-node-neighbors! ,lc:set-node-neighbors!)))])
    (hash-set! node-ops (car entry) (from-solution (car entry) (cadr entry)))))
(define (op name) (hash-ref node-ops name))

(define (parse-kind text)
  (let loop ([base text] [depth 0])
    (if (string-suffix? base "[]")
        (loop (substring base 0 (- (string-length base) 2)) (add1 depth))
        (cons base depth))))

(define (show value)
  (define text (format "~s" value))
  (if (> (string-length text) 40) (substring text 0 40) text))

(define (fail-test fmt . args) (raise (bad-test (apply format fmt args))))

;; Decoding the judge's arguments.

(define (decode-integer value low high)
  (unless (and (exact-integer? value) (<= low value high))
    (fail-test "expected an integer, got ~a" (show value)))
  value)

(define (decode-list-node value)
  (unless (list? value) (fail-test "expected an array of int, got ~a" (show value)))
  (for/fold ([head #f]) ([item (in-list (reverse value))])
    ((op 'list-node) (decode-integer item INT-MIN INT-MAX) head)))

(define (decode-tree-node value)
  (unless (list? value) (fail-test "expected a level-order array, got ~a" (show value)))
  (define items (list->vector value))
  (define count (vector-length items))
  (define (child index)
    (define item (and (< index count) (vector-ref items index)))
    (if (or (not item) (eq? item 'null))
        #f
        ((op 'tree-node) (decode-integer item INT-MIN INT-MAX) #f #f)))
  (define root (and (positive? count) (child 0)))
  (let loop ([parents (if root (list root) '())] [later '()] [index 1])
    (cond
      [(>= index count) (void)]
      [(and (null? parents) (null? later))
       (unless (for/and ([i (in-range index count)]) (eq? (vector-ref items i) 'null))
         (fail-test "tree node ~a has no parent" index))]
      [(null? parents) (loop (reverse later) '() index)]
      [else
       (define parent (car parents))
       (define left (child index))
       (define right (child (add1 index)))
       ((op 'set-tree-node-left!) parent left)
       ((op 'set-tree-node-right!) parent right)
       (loop (cdr parents) (append (filter values (list right left)) later) (+ index 2))]))
  root)

(define (decode-graph-node value)
  (unless (list? value) (fail-test "expected an adjacency list, got ~a" (show value)))
  (define nodes (for/vector ([number (in-range 1 (add1 (length value)))]) ((op 'node) number '())))
  (for ([neighbours (in-list value)] [index (in-naturals)])
    (unless (list? neighbours) (fail-test "expected a list of neighbours, got ~a" (show neighbours)))
    ((op 'set-node-neighbors!)
     (vector-ref nodes index)
     (for/list ([neighbour (in-list neighbours)])
       (define number (decode-integer neighbour INT-MIN INT-MAX))
       (unless (<= 1 number (vector-length nodes))
         (fail-test "no node ~a in a graph of ~a" number (vector-length nodes)))
       (vector-ref nodes (sub1 number)))))
  (and (positive? (vector-length nodes)) (vector-ref nodes 0)))

(define (decode-scalar value base)
  (case base
    [("int") (decode-integer value INT-MIN INT-MAX)]
    [("long") (decode-integer value LONG-MIN LONG-MAX)]
    [("double")
     (unless (real? value) (fail-test "expected a number, got ~a" (show value)))
     (exact->inexact value)]
    [("bool")
     (unless (boolean? value) (fail-test "expected a bool, got ~a" (show value)))
     value]
    [("string")
     (unless (string? value) (fail-test "expected a string, got ~a" (show value)))
     (string-copy value)]
    [("char")
     (unless (and (string? value) (= (string-length value) 1))
       (fail-test "expected a one-character string, got ~a" (show value)))
     (string-ref value 0)]
    [("ListNode") (decode-list-node value)]
    [("TreeNode") (decode-tree-node value)]
    [("Node") (decode-graph-node value)]
    [("NestedInteger") (decode-nested-integer value)]))

;; An int, or a list of ints and such lists, as the NestedInteger above (a parameter type only).
(define (decode-nested-integer value)
  (if (list? value)
      (let ([nested (lc:make-nested-integer)])
        (for ([item (in-list value)]) (lc:nested-integer-add! nested (decode-nested-integer item)))
        nested)
      (lc:make-nested-integer (decode-integer value INT-MIN INT-MAX))))

;; An array is a list; `mutable?` (a void function's first argument) makes it a vector of vectors.
(define (decode value kind mutable?)
  (define base (car kind))
  (define depth (cdr kind))
  (cond
    [(zero? depth) (decode-scalar value base)]
    [(list? value)
     (define items (for/list ([item (in-list value)]) (decode item (cons base (sub1 depth)) mutable?)))
     (if mutable? (list->vector items) items)]
    [else (fail-test "expected an array, got ~a" (show value))]))

(define (read-test line)
  (with-handlers ([exn:fail:read? (lambda (e) (fail-test "not JSON: ~a" (exn-message e)))])
    (define port (open-input-string line))
    (define value (read-json port))
    (unless (eof-object? (read-json port)) (fail-test "not JSON: text after the value"))
    value))

(define (decode-test line kinds in-place?)
  (define items (read-test line))
  (unless (and (list? items) (= (length items) (length kinds)))
    (fail-test "expected an array of ~a arguments" (length kinds)))
  (for/list ([value (in-list items)] [kind (in-list kinds)] [index (in-naturals)])
    (decode value kind (and in-place? (zero? index)))))

;; Encoding results, as JSON text.

(define (sequence-items value)
  (cond
    [(list? value) value]
    [(vector? value) (vector->list value)]
    [else (raise (mismatch))]))

(define (encode-integer value)
  (unless (and (exact-integer? value) (<= LONG-MIN value LONG-MAX)) (raise (mismatch)))
  (number->string value))

(define (encode-double value)
  (unless (real? value) (raise (mismatch)))
  (define number (exact->inexact value))
  (cond
    [(eqv? number +nan.0) "\"NaN\""]
    [(eqv? number +inf.0) "\"Infinity\""]
    [(eqv? number -inf.0) "\"-Infinity\""]
    [else
     (define text (number->string number))  ; the shortest round-trip form
     (if (string-prefix? text ".") (string-append "0" text) text)]))

(define (encode-text value)
  (unless (string? value) (raise (mismatch)))
  (jsexpr->string (string->immutable-string value)))

(define (encode-list-node head)
  (let loop ([node head] [items '()] [count 0])
    (cond
      [(not node) (string-append "[" (string-join (reverse items) ",") "]")]
      [(not ((op 'list-node?) node)) (raise (mismatch))]
      [(= count MAX-NODES) (raise (cycle "ListNode has a cycle"))]
      [else (loop ((op 'list-node-next) node)
                  (cons (encode-integer ((op 'list-node-val) node)) items)
                  (add1 count))])))

(define (encode-tree-node root)
  (define items '())
  (define queue (make-queue-of root))
  (let loop ([count 0])
    (unless (queue-empty? queue)
      (define node (queue-take! queue))
      (cond
        [(not node) (set! items (cons "null" items)) (loop count)]
        [(not ((op 'tree-node?) node)) (raise (mismatch))]
        [(= count MAX-NODES) (raise (cycle "TreeNode has a cycle"))]
        [else
         (set! items (cons (encode-integer ((op 'tree-node-val) node)) items))
         (queue-put! queue ((op 'tree-node-left) node))
         (queue-put! queue ((op 'tree-node-right) node))
         (loop (add1 count))])))
  (define trimmed (dropf items (lambda (item) (equal? item "null"))))
  (string-append "[" (string-join (reverse trimmed) ",") "]"))

;; A small FIFO queue (two lists), so the harness needs nothing beyond racket/base.
(define (make-queue-of first) (mcons (list first) '()))
(define (queue-empty? queue) (and (null? (mcar queue)) (null? (mcdr queue))))
(define (queue-put! queue item) (set-mcdr! queue (cons item (mcdr queue))))
(define (queue-take! queue)
  (when (null? (mcar queue))
    (set-mcar! queue (reverse (mcdr queue)))
    (set-mcdr! queue '()))
  (define item (car (mcar queue)))
  (set-mcar! queue (cdr (mcar queue)))
  item)

;; The adjacency list of the graph reachable from `start`, by value: its values must be 1..n, once each.
(define (encode-graph-node start)
  (cond
    [(not start) "[]"]
    [else
     (define neighbours-of (make-hash))
     (define seen (make-hasheq (list (cons start #t))))
     (define queue (make-queue-of start))
     (let loop ()
       (unless (queue-empty? queue)
         (define node (queue-take! queue))
         (unless ((op 'node?) node) (raise (mismatch)))
         (define value ((op 'node-val) node))
         (define neighbours ((op 'node-neighbors) node))
         (unless (and (exact-integer? value) (not (hash-has-key? neighbours-of value))
                      (or (list? neighbours) (vector? neighbours)))
           (raise (mismatch)))
         (define listed (sequence-items neighbours))
         (hash-set! neighbours-of value listed)
         (for ([neighbour (in-list listed)])
           (unless ((op 'node?) neighbour) (raise (mismatch)))
           (unless (hash-ref seen neighbour #f)
             (hash-set! seen neighbour #t)
             (queue-put! queue neighbour)))
         (loop)))
     (define rows
       (for/list ([value (in-range 1 (add1 (hash-count neighbours-of)))])
         (define listed (hash-ref neighbours-of value (lambda () (raise (mismatch)))))
         (string-append "[" (string-join (map (lambda (n) (encode-integer ((op 'node-val) n))) listed) ",") "]")))
     (string-append "[" (string-join rows ",") "]")]))

(define (encode-scalar value base)
  (case base
    [("int" "long") (encode-integer value)]
    [("double") (encode-double value)]
    [("bool") (if (boolean? value) (if value "true" "false") (raise (mismatch)))]
    [("string") (encode-text value)]
    [("char") (if (char? value) (encode-text (string value)) (raise (mismatch)))]
    [("ListNode") (encode-list-node value)]
    [("TreeNode") (encode-tree-node value)]
    [("Node") (encode-graph-node value)]))

(define (encode value kind)
  (define base (car kind))
  (define depth (cdr kind))
  (if (zero? depth)
      (encode-scalar value base)
      (string-append
       "["
       (string-join (for/list ([item (in-list (sequence-items value))]) (encode item (cons base (sub1 depth)))) ",")
       "]")))

;; The process's CPU time in milliseconds, to the nanosecond (current-process-milliseconds counts whole ones).
(define CLOCK-PROCESS-CPUTIME-ID 2)
(define clock-gettime (get-ffi-obj "clock_gettime" #f (_fun _int _pointer -> _int)))
(define timespec (malloc 16 'raw))
(define (cpu-milliseconds)
  (clock-gettime CLOCK-PROCESS-CPUTIME-ID timespec)
  (+ (* 1000.0 (ptr-ref timespec _int64 0)) (/ (ptr-ref timespec _int64 1) 1e6)))

;; Talking to the judge.

(define results (unsafe-file-descriptor->port 3 'results '(write)))

(define (write-result text)
  (write-string text results)
  (write-string "\n" results)
  (flush-output results))

(define (seconds-text milliseconds) (number->string (exact->inexact (/ milliseconds 1000))))

(define (describe raised)
  (cond
    [(exn? raised) (exn-message raised)]
    [else (format "uncaught exception: ~e" raised)]))

(define (show-trace raised)
  (when (exn? raised)
    (define frames
      (for/list ([frame (in-list (continuation-mark-set->context (exn-continuation-marks raised)))]
                 #:when (and (cdr frame) (srcloc-source (cdr frame))
                             (regexp-match? #rx"solution[.]rkt$" (format "~a" (srcloc-source (cdr frame))))))
        frame))
    (for ([frame (in-list (take frames (min BACKTRACE-FRAMES (length frames))))])
      (define where (cdr frame))
      (eprintf "   ~a at solution.rkt:~a:~a\n" (or (car frame) "...") (srcloc-line where) (srcloc-column where)))
    (when (> (length frames) BACKTRACE-FRAMES)
      (eprintf "   (~a more calls not shown)\n" (- (length frames) BACKTRACE-FRAMES)))))

(define (report-error raised milliseconds)
  (write-result (format "{\"e\":~a,\"t\":~a}" (jsexpr->string (describe raised)) (seconds-text milliseconds)))
  (eprintf "~a\n" (describe raised))
  (show-trace raised)
  EXIT-USER-ERROR)

(define (load-solution name)
  (define solve (dynamic-require solution-path (string->symbol name) (lambda () #f)))
  (load-node-ops!)
  (unless (procedure? solve)
    (raise (exn:fail (format "~a: undefined; the solution must define (~a ...)" name name)
                     (current-continuation-marks))))
  solve)

;; Run mode's per-run boundary between two tests' prints (docs/harness-protocol.md); #f when judging.
(define case-mark (getenv "JUDGED_CASE_MARK"))
(environment-variables-set! (current-environment-variables) #"JUDGED_CASE_MARK" #f)
(define harness-stdout (current-output-port)) ; before the user's code can parameterize it

;; Run mode: the user's buffered prints go out, then the marker where the next test's prints begin, through stdout
;; itself, so it falls exactly between two tests' prints. Nothing when judging.
(define (mark-case)
  (when case-mark
    (flush-output (current-output-port))
    (write-string case-mark harness-stdout)
    (flush-output harness-stdout)))

(define (run-tests solve tests kinds result-kind in-place?)
  (let loop ([number 1])
    (define line (read-line tests 'linefeed))
    (cond
      [(eof-object? line) 0]
      [(string=? (string-trim line) "") (loop number)]
      [else
       (define args
         (with-handlers ([bad-test? (lambda (e) e)])
           (decode-test line kinds in-place?)))
       (cond
         [(bad-test? args)
          (eprintf "judged harness: cannot decode test ~a: ~a\n" number (bad-test-message args))
          EXIT-BAD-TEST]
         [else
          (mark-case)
          (define start (cpu-milliseconds))
          (define-values (outcome returned)
            (with-handlers ([(lambda (e) #t) (lambda (e) (values 'raised e))])
              (values 'returned (apply solve args))))
          (define spent (- (cpu-milliseconds) start))
          (cond
            [(eq? outcome 'raised) (report-error returned spent)]
            [else
             (define text
               (with-handlers ([mismatch? (lambda (e) "null")]
                               [cycle? (lambda (e) e)]
                               [(lambda (e) #t) (lambda (e) (box e))])
                 (encode (if in-place? (car args) returned) result-kind)))
             (cond
               [(cycle? text)
                (write-result (format "{\"e\":~a,\"t\":~a}" (jsexpr->string (cycle-message text))
                                      (seconds-text spent)))
                EXIT-USER-ERROR]
               [(box? text) (report-error (unbox text) spent)]
               [else
                (write-result (string-append "{\"v\":" text ",\"t\":" (seconds-text spent) "}"))
                (loop (add1 number))])])])])))

(define (run name param-types returns)
  (define kinds (map parse-kind param-types))
  (define in-place? (equal? returns "void"))
  (define result-kind (if in-place? (car kinds) (parse-kind returns)))
  (define tests (current-input-port)) ; taken before the user's code can replace it
  (define solve
    (with-handlers ([(lambda (e) #t) (lambda (e) (box e))])
      (load-solution name)))
  (if (box? solve)
      (report-error (unbox solve) 0)
      (run-tests solve tests kinds result-kind in-place?)))

;; Design problems (judged.harness.design_racket): the class LeetCode's Racket form defines (`(define
;; lru-cache% (class object% (super-new) (init-field capacity) (define/public (get key) ...)))`), made with
;; the constructor's arguments by position and each method called with `send` by its kebab-case name. One test
;; a line, [OPERATIONS, ARGUMENTS]; one {"v": [RETURNS], "t": SECONDS} line per test.

(define (decode-arguments given kinds)
  (unless (and (list? given) (= (length given) (length kinds)))
    (fail-test "expected ~a arguments, got ~a" (length kinds) (show given)))
  (for/list ([value (in-list given)] [kind (in-list kinds)]) (decode value kind #f)))

(define (decode-design-test line ctor-kinds methods)
  (define test (read-test line))
  (unless (and (list? test) (= (length test) 2) (list? (car test)) (list? (cadr test))
               (pair? (car test)) (= (length (car test)) (length (cadr test))))
    (fail-test "expected [operations, arguments] of one length"))
  (for/list ([operation (in-list (car test))] [given (in-list (cadr test))] [index (in-naturals)])
    (cond
      [(zero? index) (cons #f (decode-arguments given ctor-kinds))]
      [else
       (define method (hash-ref methods operation (lambda () (fail-test "unknown method ~a" (show operation)))))
       (cons method (decode-arguments given (cadr method)))])))

(define (call-design class calls)
  (define instance (apply make-object class (cdar calls)))
  (for/list ([call (in-list (cdr calls))])
    (define method (car call))
    (define returned (apply dynamic-send instance (car method) (cdr call)))
    (define returns (caddr method))
    (if (equal? returns "void")
        "null"
        (with-handlers ([mismatch? (lambda (e) "null")])
          (encode returned (parse-kind returns))))))

(define (run-design class-name ctor-types method-table)
  (define ctor-kinds (map parse-kind ctor-types))
  ;; operation name -> (kebab-case symbol, parameter kinds, return type)
  (define methods
    (for/hash ([entry (in-list method-table)])
      (values (car entry) (list (string->symbol (cadr entry)) (map parse-kind (caddr entry)) (cadddr entry)))))
  (define tests (current-input-port))
  (define class
    (with-handlers ([(lambda (e) #t) (lambda (e) (box e))])
      (define found (dynamic-require solution-path (string->symbol class-name) (lambda () #f)))
      (unless (class? found)
        (raise (exn:fail (format "~a: undefined; the solution must define the class ~a" class-name class-name)
                         (current-continuation-marks))))
      found))
  (if (box? class)
      (report-error (unbox class) 0)
      (let loop ([number 1])
        (define line (read-line tests 'linefeed))
        (cond
          [(eof-object? line) 0]
          [(string=? (string-trim line) "") (loop number)]
          [else
           (define calls (with-handlers ([bad-test? (lambda (e) e)]) (decode-design-test line ctor-kinds methods)))
           (cond
             [(bad-test? calls)
              (eprintf "judged harness: cannot decode test ~a: ~a\n" number (bad-test-message calls))
              EXIT-BAD-TEST]
             [else
              (mark-case)
              (define start (cpu-milliseconds))
              (define returns (with-handlers ([(lambda (e) #t) (lambda (e) (box e))]) (call-design class calls)))
              (define spent (- (cpu-milliseconds) start))
              (cond
                [(box? returns) (report-error (unbox returns) spent)]
                [else
                 (write-result (string-append "{\"v\":[null" (apply string-append (map (lambda (r) (string-append "," r)) returns))
                                              "],\"t\":" (seconds-text spent) "}"))
                 (loop (add1 number))])])]))))
