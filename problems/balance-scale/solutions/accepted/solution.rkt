(define/contract (can-balance n)
  (-> exact-integer? boolean?)
  (cond [(zero? n) #t]
        [(= (modulo n 3) 2) #f]
        [else (can-balance (quotient n 3))]))
