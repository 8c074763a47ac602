#lang racket/base
;; The compile step of a Racket submission: `racket racket_compile.rkt SRC OUT`.
;;
;; Racket's start-up is its cost: `#lang racket` code compiled on every run would take a second or more, so
;; the build copies SRC's main.rkt and solution.rkt into OUT and compiles them there (`raco make`'s
;; compilation manager), and each run loads OUT/compiled/*.zo. For a function problem main.rkt is the judge's
;; harness and solution.rkt the user's code (both compiled); for an I/O problem both are the program itself
;; (compiled once), which gets `#lang racket` on its first line when it names no language (a Kattis
;; submission always does). A syntax or binding error is a compile error: Racket's message with
;; solution.rkt's line and column, exit status 1.
(require compiler/cm racket/file racket/string)

(define-values (src out) (vector->values (current-command-line-arguments)))
(define (source name) (file->string (build-path src name)))

(define program? (string=? (source "main.rkt") (source "solution.rkt")))
(define (as-module text)
  (if (regexp-match? #px"^\\s*(#lang|#!|\\(module)" text) text (string-append "#lang racket " text)))

(for ([name (in-list '("main.rkt" "solution.rkt"))])
  (define text (source name))
  (call-with-output-file (build-path out name) #:exists 'truncate
    (lambda (port) (write-string (if program? (as-module text) text) port))))

(define (shown message)
  ;; The build folder is the judge's; the user knows their file as solution.rkt.
  (string-replace message (path->string (path->directory-path (path->complete-path out))) ""))

(with-handlers ([exn:fail? (lambda (e) (eprintf "~a\n" (shown (exn-message e))) (exit 1))])
  (parameterize ([current-namespace (make-base-namespace)])
    (managed-compile-zo (build-path out "main.rkt"))
    (unless program? (managed-compile-zo (build-path out "solution.rkt")))))
