(define/contract (weave-lists first second)
  (-> (or/c list-node? #f) (or/c list-node? #f) (or/c list-node? #f))
  (cond [(not first) second]
        [(not second) first]
        [else
         (define rest (weave-lists (list-node-next first) (list-node-next second)))
         (set-list-node-next! second rest)
         (set-list-node-next! first second)
         first]))
