; Definition for a binary tree node.
#|

; val : integer?
; left : (or/c tree-node? #f)
; right : (or/c tree-node? #f)
(struct tree-node
  (val left right) #:mutable #:transparent)

; constructor
(define (make-tree-node [val 0])
  (tree-node val #f #f))

|#

(define/contract (level-sums root)
  (-> (or/c tree-node? #f) (listof exact-integer?))
  (let loop ([level (if root (list root) '())])
    (if (null? level)
        '()
        (cons (apply + (map tree-node-val level))
              (loop (filter values (append-map (lambda (n) (list (tree-node-left n) (tree-node-right n))) level)))))))
