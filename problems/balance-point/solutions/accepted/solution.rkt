(define/contract (balance-point weights)
  (-> (listof exact-integer?) exact-integer?)
  (let loop ([ws weights] [i 0] [left 0] [right (apply + weights)])
    (cond [(null? ws) -1]
          [(= left (- right (car ws))) i]
          [else (loop (cdr ws) (add1 i) (+ left (car ws)) (- right (car ws)))])))
