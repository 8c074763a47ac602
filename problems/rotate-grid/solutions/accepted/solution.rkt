(define/contract (rotate-grid grid)
  (-> (listof (listof exact-integer?)) (listof (listof exact-integer?)))
  (if (null? grid) '() (map reverse (apply map list grid))))
