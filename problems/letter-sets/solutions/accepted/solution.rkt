(define/contract (group-by-letters words)
  (-> (listof string?) (listof (listof string?)))
  (define (key word) (list->string (sort (remove-duplicates (string->list word)) char<?)))
  (group-by key words))
